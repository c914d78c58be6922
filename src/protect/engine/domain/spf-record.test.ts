import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSpfLookups, isSpf, parseSpf, type SpfSource, spfTargets } from './spf-record.js';

const source =
  (zone: Record<string, string[]>): SpfSource =>
  (name) =>
    name in zone ? { spf: (zone[name] ?? []).filter(isSpf), failed: false } : undefined;

describe('SPF records', () => {
  it('reads qualifiers, mechanisms and modifiers', () => {
    const r = parseSpf(
      'v=spf1 ip4:192.0.2.0/24 a mx:mail.example.org -include:_spf.Google.com ~all exp=x.example.org',
    );
    expect(r.unknown).toEqual([]);
    expect(r.all).toBe('~');
    expect(r.terms).toContainEqual({
      kind: 'mechanism',
      qualifier: '-',
      name: 'include',
      value: '_spf.google.com',
    });
    expect(r.terms).toContainEqual({ kind: 'modifier', name: 'exp', value: 'x.example.org' });
    expect(spfTargets(r)).toEqual(['_spf.google.com']);
  });

  it('reports terms it cannot read (typos) instead of skipping them silently', () => {
    expect(parseSpf('v=spf1 inlcude:foo.example ~all').unknown).toEqual(['inlcude:foo.example']);
    expect(parseSpf('v=spf1 include: ~all').unknown).toEqual(['include:']);
  });

  it('only treats "v=spf1" followed by a space or the end as SPF', () => {
    expect(isSpf('v=spf1 -all')).toBe(true);
    expect(isSpf('V=SPF1')).toBe(true);
    expect(isSpf('v=spf10 -all')).toBe(false);
    expect(isSpf('google-site-verification=abc')).toBe(false);
  });

  it('counts look-ups recursively through include and redirect', () => {
    const root = parseSpf('v=spf1 a mx include:a.example redirect=b.example');
    const count = countSpfLookups(
      root,
      source({
        'a.example': ['v=spf1 include:c.example ip4:192.0.2.1 -all'],
        'b.example': ['v=spf1 exists:%{i}.x.example ptr -all'],
        'c.example': ['v=spf1 a -all'],
      }),
    );
    // a, mx, include:a (1) → include:c (1) → a (1); redirect (ignored: no all? root has no all → counted) 1 → exists 1, ptr 1
    expect(count.lookups).toBe(8);
    expect(count.usesPtr).toBe(true);
    expect(count.includes).toEqual(['a.example', 'c.example']);
  });

  it('ignores redirect= when the record has an all mechanism (RFC 7208 §6.1)', () => {
    const count = countSpfLookups(
      parseSpf('v=spf1 -all redirect=b.example'),
      source({ 'b.example': ['v=spf1 a a a -all'] }),
    );
    expect(count.lookups).toBe(0);
  });

  it('detects include loops and stops', () => {
    const count = countSpfLookups(
      parseSpf('v=spf1 include:a.example -all'),
      source({
        'a.example': ['v=spf1 include:b.example -all'],
        'b.example': ['v=spf1 include:a.example -all'],
      }),
    );
    expect(count.loops).toEqual(['a.example']);
    expect(count.lookups).toBe(3);
  });

  it('marks include targets without exactly one SPF record as broken, unfetched ones as unresolved', () => {
    const count = countSpfLookups(
      parseSpf('v=spf1 include:none.example include:two.example include:gone.example -all'),
      source({
        'none.example': ['not spf'],
        'two.example': ['v=spf1 -all', 'v=spf1 a -all'],
      }),
    );
    expect([...count.broken].sort()).toEqual(['none.example', 'two.example']);
    expect(count.unresolved).toEqual(['gone.example']);
  });

  it('stays bounded on a fan-out bomb (every name includes ten others)', () => {
    const zone: Record<string, string[]> = {};
    for (let i = 0; i < 50; i++)
      zone[`n${i}.example`] = [
        `v=spf1 ${Array.from({ length: 10 }, (_, j) => `include:n${(i * 10 + j + 1) % 50}.example`).join(' ')} -all`,
      ];
    const started = performance.now();
    const count = countSpfLookups(parseSpf('v=spf1 include:n0.example -all'), source(zone));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(count.lookups).toBeGreaterThan(10);
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        const r = parseSpf(`v=spf1 ${text}`);
        const c = countSpfLookups(r, () => ({ spf: [`v=spf1 ${text}`], failed: false }));
        expect(c.lookups).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
