import { describe, expect, it } from 'vitest';
import {
  COMMON_SUBDOMAINS,
  hostOf,
  subdomainCount,
  subdomainProfile,
  usableSubdomainWord,
  withSyntheticSubdomains,
} from './synthetic-hosts.js';

const ROOTS = Array.from({ length: 2000 }, (_, i) => `https://site${i}.com/`);

describe('subdomainProfile', () => {
  it('counts subdomain labels, ignoring www and IP hosts', () => {
    expect(subdomainCount('https://www.bbc.co.uk/news')).toBe(0);
    expect(subdomainCount('https://a.b.evil.cn/x')).toBe(2);
    expect(subdomainCount('http://192.0.2.1/login')).toBe(0);
    expect(
      subdomainProfile([
        'https://x.com/',
        'https://a.x.com/',
        'https://a.b.c.d.x.com/',
        'https://y.com/',
      ]),
    ).toEqual([0.5, 0.25, 0, 0.25]);
  });
});

describe('withSyntheticSubdomains', () => {
  it('is deterministic and keeps scheme, registrable domain and path', () => {
    const profile = [0, 1, 0, 0] as const;
    const a = withSyntheticSubdomains('https://bbc.co.uk/news?x=1', 'id-1', profile);
    expect(withSyntheticSubdomains('https://bbc.co.uk/news?x=1', 'id-1', profile)).toBe(a);
    expect(a).toMatch(/^https:\/\/[a-z0-9-]+\.bbc\.co\.uk\/news\?x=1$/);
    expect(subdomainCount(a)).toBe(1);
  });

  it('draws the number of labels from the profile, so having a subdomain says nothing', () => {
    const profile = [0.5, 0.3, 0.15, 0.05] as const;
    const drawn = subdomainProfile(
      ROOTS.map((u, i) => withSyntheticSubdomains(u, `k${i}`, profile)),
    );
    drawn.forEach((share, k) => {
      expect(Math.abs(share - (profile[k] ?? 0))).toBeLessThan(0.04);
    });
  });

  it('leaves hosts that already have subdomains, and IP hosts, alone', () => {
    const profile = [0, 0, 1, 0] as const;
    expect(withSyntheticSubdomains('https://mail.x.com/', 'a', profile)).toBe(
      'https://mail.x.com/',
    );
    expect(withSyntheticSubdomains('http://192.0.2.7/', 'a', profile)).toBe('http://192.0.2.7/');
  });

  it('drops a leading www and mixes in the given words', () => {
    const words = ['weatherhub', 'gardenly'];
    const out = ROOTS.slice(0, 200).map((u, i) =>
      withSyntheticSubdomains(u.replace('https://', 'https://www.'), `w${i}`, [0, 1, 0, 0], words),
    );
    expect(out.every((u) => !u.includes('www.'))).toBe(true);
    const first = out.map((u) => hostOf(u).split('.')[0] ?? '');
    expect(first.some((l) => words.includes(l))).toBe(true);
    expect(first.some((l) => COMMON_SUBDOMAINS.includes(l))).toBe(true);
  });
});

describe('usableSubdomainWord', () => {
  it("refuses brand names, so a brand in a stranger's subdomain is never taught as honest", () => {
    expect(usableSubdomainWord('paypal')).toBe(false);
    expect(usableSubdomainWord('weatherhub')).toBe(true);
    expect(usableSubdomainWord('a')).toBe(false);
    expect(usableSubdomainWord('bad_label')).toBe(false);
  });

  it('the built-in words contain no brand name', () => {
    expect(COMMON_SUBDOMAINS.filter((w) => !usableSubdomainWord(w) && w.length > 1)).toEqual([]);
  });
});
