/**
 * The matcher's fast paths against the matcher as it was before them
 * (reference-matcher/, issue 5's speed goals): the normalisers' shortcuts for
 * canonical input, and the tables' record layout, must give exactly what the
 * original gives for any input — values, hits, their order, how they matched,
 * and the warninglist that holds a hit back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcherIndex, type MatcherIndex } from './matcher-index.js';
import { publicSuffixRule } from './public-suffix-rule.js';
import { createMatcherIndex as createReferenceIndex } from './reference-matcher/matcher-index.js';
import * as before from './reference-matcher/value-normalizer.js';
import * as now from './value-normalizer.js';
import { createWarninglistIndex } from './warninglist-index.js';

const RUNS = 3000;

/** Pieces that reach every branch of the normalisers: case, dots, slashes, ports, users, escapes, IPs. */
const piece = fc.constantFrom(
  'http',
  'HTTPS',
  'hTTp',
  'hxxp',
  'ftp',
  '://',
  ':',
  '/',
  '//',
  '\\',
  '.',
  '..',
  '/./',
  '/../',
  '?',
  '#',
  '@',
  '%',
  '%2e',
  '%7E',
  '%41',
  '%zz',
  '[.]',
  '*.',
  ' ',
  '\t',
  'é',
  '\u{1F600}',
  '\ud800',
  '<',
  '`',
  'a',
  'Z',
  '-',
  '_',
  '0',
  '9',
  '01',
  '255',
  '256',
  'evil',
  'EXAMPLE',
  'example',
  'com',
  'co.uk',
  'www',
  'xn--bcher-kva',
  'mailto:',
  'MAILTO:',
  'tel:',
  '+',
  '00',
  '443',
  ':80',
  ':8080',
  '192.0.2.1',
  '10.0.0.0/8',
  '::1',
  '2001:db8::',
  '[2001:db8::1]',
  '::ffff:192.0.2.1',
  '/24',
  '/129',
  'd41d8cd98f00b204e9800998ecf8427e',
  'D41D8CD98F00B204E9800998ECF8427E',
  '0x52908400098527886e0f7030069857d2e4169ee7',
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
  '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
);
const messy = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
const label = fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/);
const host = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('com', 'CO.UK', 'io', '9'),
  )
  .map(([ls, tld]) => [...ls, tld].join('.'));
const url = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTP://', 'Https://', 'hxxp://', ''),
    host,
    fc.array(fc.oneof(label, fc.constantFrom('', '.', '..', 'a%20b', 'é', 'x.php')), {
      maxLength: 4,
    }),
    fc.constantFrom('', '/', '?', '?a=1&b=/./', '?q=%7e', '#frag', '?x#y'),
  )
  .map(([scheme, h, segs, tail]) => `${scheme}${h}${segs.map((s) => `/${s}`).join('')}${tail}`);
const ipv6ish = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[0-9a-fA-F]{0,5}$/),
      fc.constantFrom(':', '::', '.', '1.2.3.4', '01.2.3.4', 'g', '/64', '/200', ' '),
    ),
    { maxLength: 12 },
  )
  .map((xs) => xs.join(''));
const anyValue = fc.oneof(messy, url, host, ipv6ish, fc.string({ maxLength: 40 }));

describe('the normalisers with their fast paths', () => {
  it('give what the originals give, for any input', () => {
    fc.assert(
      fc.property(anyValue, (raw) => {
        expect(now.normalizeUrl(raw)).toEqual(before.normalizeUrl(raw));
        expect(now.normalizeDomain(raw)).toBe(before.normalizeDomain(raw));
        expect(now.normalizeEmail(raw)).toBe(before.normalizeEmail(raw));
        expect(now.normalizeHash(raw)).toBe(before.normalizeHash(raw));
        expect(now.parseIp(raw)).toEqual(before.parseIp(raw));
        expect(now.classifyValue(raw)).toEqual(before.classifyValue(raw));
        for (const kind of now.VALUE_KINDS)
          expect(now.normalizeAs(kind, raw)).toBe(before.normalizeAs(kind, raw));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('take the fast path for canonical input and still agree (examples)', () => {
    for (const raw of [
      'https://evil.example/login.php',
      'https://evil.example/a/b/',
      'HTTPS://Evil.Example/Path/?q=1',
      'http://evil.example',
      'http://evil.example?x',
      'http://evil.example/?',
      'https://evil.example/a?b/../c',
      'http://a_b.example/x',
      'http://1.example.9/x',
      'user@mail.example',
      'd41d8cd98f00b204e9800998ecf8427e',
      '198.51.100.7',
    ]) {
      expect(now.normalizeUrl(raw)).toEqual(before.normalizeUrl(raw));
      expect(now.classifyValue(raw)).toEqual(before.classifyValue(raw));
    }
  });
});

const psl = publicSuffixRule(['co.uk', 'github.io']);
const warninglists = createWarninglistIndex(
  [
    { name: 'top', description: 'Top sites', type: 'hostname', values: ['good.com', 'github.io'] },
    { name: 'exact', description: 'Exact', type: 'string', values: ['only.io', '.below.io'] },
    { name: 'cloud', description: 'Cloud', type: 'cidr', values: ['10.0.0.0/8', '2001:db8::/32'] },
    {
      name: 'empty',
      description: 'Empty file',
      type: 'string',
      values: ['d41d8cd98f00b204e9800998ecf8427e'],
    },
  ],
  psl,
);

type Kind = now.ValueKind;
const small = fc.constantFrom('a', 'b', 'www', 'evil', 'good', 'only', 'below', 'x-y');
const smallHost = fc
  .tuple(fc.array(small, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'io', 'co.uk'))
  .map(([ls, tld]) => [...ls, tld].join('.'));
const smallIp = fc.oneof(
  fc.tuple(fc.constantFrom(10, 198, 203), fc.nat(3), fc.nat(3), fc.nat(3)).map((o) => o.join('.')),
  fc
    .tuple(fc.constantFrom(10, 198), fc.nat(3), fc.constantFrom(8, 16, 24, 30, 32))
    .map(([a, b, p]) => `${a}.${b}.0.0/${p}`),
  fc.constantFrom('2001:db8::1', '2001:db8:1::/48', '2001:db9::7', '::ffff:10.1.2.3', '::1'),
);
const kindValue: fc.Arbitrary<{ kind: Kind; value: string }> = fc.oneof(
  smallHost.map((value) => ({ kind: 'domain' as const, value })),
  fc
    .tuple(smallHost, fc.constantFrom('', '/', '/p', '/p/', '/P?q', '/./p'), fc.boolean())
    .map(([h, p, up]) => ({
      kind: 'url' as const,
      value: `${up ? 'HTTPS' : 'https'}://${up ? h.toUpperCase() : h}${p}`,
    })),
  smallIp.map((value) => ({ kind: 'ip' as const, value })),
  fc
    .tuple(fc.constantFrom('me', 'Boss', 'x.y'), smallHost)
    .map(([l, h]) => ({ kind: 'email' as const, value: `${l}@${h}` })),
  fc
    .constantFrom('d41d8cd98f00b204e9800998ecf8427e', 'D41D8CD98F00B204E9800998ECF8427F', 'zz')
    .map((value) => ({ kind: 'hash' as const, value })),
  fc
    .constantFrom('+442079460958', '0044 20 7946 0958', '+15550100')
    .map((value) => ({ kind: 'phone' as const, value })),
  fc
    .constantFrom(
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
    )
    .map((value) => ({ kind: 'wallet' as const, value })),
);
const op = fc.oneof(
  fc.record({
    add: fc.nat(7),
    values: fc.array(kindValue, { minLength: 1, maxLength: 3 }),
    confidence: fc.nat(100),
  }),
  fc.record({ remove: fc.nat(7) }),
);

const id = (n: number) => `indicator--0000000${n}-0000-4000-8000-000000000000`;

function view(
  m: Pick<MatcherIndex, 'lookup' | 'indicator' | 'valueOf'>,
  kind: Kind,
  raw: string,
): unknown[] {
  return m.lookup(kind, raw, { suppressed: true }).map((h) => ({
    id: m.indicator(h.slot),
    kind: h.kind,
    via: h.via,
    value: m.valueOf(h),
    warninglist: h.warninglist,
  }));
}

describe('the matcher with its record layout and fast paths', () => {
  it('finds what the original finds, after any adds, new versions and removals', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 20 }),
        fc.array(kindValue, { minLength: 1, maxLength: 10 }),
        (ops, queries) => {
          const m = createMatcherIndex({ isPublicSuffix: psl, warninglists, seed: 7 });
          const r = createReferenceIndex({ isPublicSuffix: psl, warninglists, seed: 7 });
          for (const o of ops) {
            if ('add' in o) {
              const input = {
                stixId: id(o.add),
                confidence: o.confidence,
                source: `feed ${o.add % 2}`,
                values: o.values,
              };
              expect(m.add(input)).toEqual(r.add(input));
            } else expect(m.remove(id(o.remove))).toBe(r.remove(id(o.remove)));
          }
          expect(m.size).toBe(r.size);
          expect(m.entries).toBe(r.entries);
          for (const q of queries) {
            expect(view(m, q.kind, q.value)).toEqual(view(r, q.kind, q.value));
            expect(m.lookup(q.kind, q.value).length).toBe(r.lookup(q.kind, q.value).length);
            expect(m.lookupAny(q.value).kind).toBe(r.lookupAny(q.value).kind);
          }
          m.trim();
          for (const q of queries)
            expect(view(m, q.kind, q.value)).toEqual(view(r, q.kind, q.value));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
