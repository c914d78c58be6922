import { describe, expect, it } from 'vitest';
import { publicSuffixRule } from './public-suffix-rule.js';
import { formatWarninglists, parseWarninglists } from './warninglist-format.js';
import { createWarninglistIndex, type WarninglistSpec } from './warninglist-index.js';

const isPublicSuffix = publicSuffixRule(['github.io']);
const lists: WarninglistSpec[] = [
  {
    name: 'exact',
    description: 'Exact names',
    type: 'string',
    values: ['only.example', '.below.example'],
  },
  {
    name: 'hosts',
    description: 'Host names',
    type: 'hostname',
    values: ['site.example', 'github.io'],
  },
  { name: 'wide', description: 'Also hosts', type: 'hostname', values: ['only.example'] },
  {
    name: 'ranges',
    description: 'Cloud ranges',
    type: 'cidr',
    values: ['203.0.113.0/24', '2001:db8::/32'],
  },
  {
    name: 'hashes',
    description: 'Empty files',
    type: 'string',
    values: ['D41D8CD98F00B204E9800998ECF8427E'],
  },
];

describe('warninglists', () => {
  const w = createWarninglistIndex(lists, isPublicSuffix);
  const list = (kind: Parameters<typeof w.check>[0], v: string) => w.check(kind, v)?.list ?? null;

  it('match as MISP list types do', () => {
    expect(list('domain', 'only.example')).toBe('exact');
    // `wide` covers the names below only.example; the reason names that list, not the first.
    expect(list('domain', 'x.only.example')).toBe('wide');
    expect(list('domain', 'below.example')).toBeNull(); // `.below.example` is for names below it
    expect(list('domain', 'a.below.example')).toBe('exact');
    expect(list('domain', 'site.example')).toBe('hosts');
    expect(list('domain', 'deep.www.site.example')).toBe('hosts');
    expect(list('domain', 'othersite.example')).toBeNull();
    expect(list('ip', '203.0.113.9')).toBe('ranges');
    expect(list('ip', '203.0.113.0/25')).toBe('ranges');
    expect(list('ip', '203.0.112.0/23')).toBeNull(); // wider than the listed range
    expect(list('ip', '2001:db8:1::1')).toBe('ranges');
    expect(list('hash', 'd41d8cd98f00b204e9800998ecf8427e')).toBe('hashes');
  });

  it('a listed public suffix covers only itself', () => {
    expect(list('domain', 'github.io')).toBe('hosts');
    expect(list('domain', 'evil.github.io')).toBeNull();
  });

  it('judges a URL by its host only when it names the whole site', () => {
    expect(list('url', 'https://www.site.example/')).toBe('hosts');
    expect(list('url', 'https://www.site.example/phish')).toBeNull();
    expect(list('url', 'http://203.0.113.7/')).toBe('ranges');
  });

  it('explains in words', () => {
    expect(w.check('domain', 'www.site.example')?.reason).toBe(
      'www.site.example is under site.example, which is on the warninglist "hosts" (Host names)',
    );
  });

  it('round-trips through the shipped text format', () => {
    const text = formatWarninglists(['a header'], lists);
    expect(parseWarninglists(text)).toEqual(lists.map((l) => ({ ...l, values: [...l.values] })));
    expect(() => parseWarninglists('@x\tregex\tno')).toThrow(/bad warninglist header/);
    expect(() => parseWarninglists('value-before-header')).toThrow();
  });
});
