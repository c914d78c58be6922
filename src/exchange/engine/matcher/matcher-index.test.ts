import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcherIndex, type IndicatorInput } from './matcher-index.js';
import { publicSuffixRule } from './public-suffix-rule.js';
import type { ValueKind } from './value-normalizer.js';
import { createWarninglistIndex } from './warninglist-index.js';

const isPublicSuffix = publicSuffixRule(['co.uk', 'github.io', 'com.br']);
const id = (n: number) =>
  `indicator--${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const one = (n: number, kind: ValueKind, value: string, confidence = 80): IndicatorInput => ({
  stixId: id(n),
  confidence,
  source: `feed ${n % 3}`,
  values: [{ kind, value }],
});

function fresh() {
  return createMatcherIndex({ isPublicSuffix, seed: 42 });
}

describe('the matcher index', () => {
  it('finds each kind, written differently, and names the indicator', () => {
    const m = fresh();
    m.add(one(1, 'domain', 'Evil.Example.co.uk'));
    m.add(one(2, 'url', 'HTTPS://Pay.Example:443/Fee/'));
    m.add(one(3, 'ip', '198.51.100.0/24'));
    m.add(one(4, 'ip', '2001:db8:aa::/48'));
    m.add(one(5, 'hash', 'AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F'));
    m.add(one(6, 'email', 'Boss@Payroll.Example'));
    m.add(one(7, 'phone', '+44 20 7946 0958'));
    m.add(one(8, 'wallet', '0x52908400098527886E0F7030069857D2E4169EE7'));
    const first = (kind: ValueKind, v: string) => {
      const h = m.lookup(kind, v)[0];
      return h === undefined
        ? undefined
        : { id: m.indicator(h.slot).stixId, via: h.via, value: m.valueOf(h) };
    };
    expect(first('domain', 'evil.example.co.uk')).toEqual({
      id: id(1),
      via: 'exact',
      value: 'evil.example.co.uk',
    });
    expect(first('domain', 'A.B.EVIL.example.co.uk.')).toMatchObject({
      id: id(1),
      via: 'parent-domain',
    });
    expect(first('domain', 'example.co.uk')).toBeUndefined();
    expect(first('domain', 'notevil.example.co.uk')).toBeUndefined();
    expect(first('url', 'https://pay.example/Fee')).toMatchObject({ id: id(2), via: 'exact' });
    expect(first('url', 'https://pay.example/fee')).toBeUndefined(); // paths keep their case
    expect(first('url', 'http://x.evil.example.co.uk/login')).toMatchObject({
      id: id(1),
      via: 'url-host',
    });
    expect(first('ip', '198.51.100.77')).toMatchObject({
      id: id(3),
      via: 'cidr',
      value: '198.51.100.0/24',
    });
    expect(first('ip', '198.51.101.1')).toBeUndefined();
    expect(first('url', 'http://198.51.100.9/x')).toMatchObject({ id: id(3), via: 'url-host' });
    expect(first('ip', '2001:db8:aa:1::9')).toMatchObject({ id: id(4), via: 'cidr' });
    expect(
      first('hash', 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'),
    ).toMatchObject({ id: id(5) });
    expect(first('email', 'boss@payroll.example')).toMatchObject({ id: id(6), via: 'exact' });
    expect(first('phone', '0044 20 7946 0958')).toMatchObject({ id: id(7) });
    expect(first('wallet', '0x52908400098527886e0f7030069857d2e4169ee7')).toMatchObject({
      id: id(8),
    });
    expect(first('email', 'x@a.evil.example.co.uk')).toMatchObject({
      id: id(1),
      via: 'email-domain',
    });
    expect(m.indicator(m.lookup('phone', '+442079460958')[0]?.slot ?? -1)).toEqual({
      stixId: id(7),
      confidence: 80,
      source: 'feed 1',
    });
  });

  it('refuses a public suffix and invalid values, and says why', () => {
    const m = fresh();
    const r = m.add({
      stixId: id(1),
      confidence: 50,
      source: 's',
      values: [
        { kind: 'domain', value: 'co.uk' },
        { kind: 'domain', value: 'com' },
        { kind: 'domain', value: 'github.io' },
        { kind: 'ip', value: '300.1.1.1' },
        { kind: 'domain', value: 'fine.github.io' },
      ],
    });
    expect(r.indexed).toBe(1);
    expect(r.refused.map((x) => x.value)).toEqual(['co.uk', 'com', 'github.io', '300.1.1.1']);
    expect(r.refused[0]?.reason).toContain('public suffix');
    expect(m.lookup('domain', 'x.fine.github.io')).toHaveLength(1);
    expect(m.lookup('domain', 'other.github.io')).toHaveLength(0);
  });

  it('gives the most specific domain first', () => {
    const m = fresh();
    m.add(one(1, 'domain', 'evil.example'));
    m.add(one(2, 'domain', 'login.evil.example'));
    expect(
      m.lookup('domain', 'a.login.evil.example').map((h) => m.indicator(h.slot).stixId),
    ).toEqual([id(2), id(1)]);
    expect(m.lookup('domain', 'login.evil.example').map((h) => h.via)).toEqual([
      'exact',
      'parent-domain',
    ]);
  });

  it('gives the most specific range first', () => {
    const m = fresh();
    m.add(one(1, 'ip', '10.0.0.0/8'));
    m.add(one(2, 'ip', '10.1.0.0/16'));
    m.add(one(3, 'ip', '10.1.2.3'));
    expect(m.lookup('ip', '10.1.2.3').map((h) => m.indicator(h.slot).stixId)).toEqual([
      id(3),
      id(2),
      id(1),
    ]);
    expect(m.lookup('ip', '10.1.9.9').map((h) => m.indicator(h.slot).stixId)).toEqual([
      id(2),
      id(1),
    ]);
    // A range query matches only ranges that hold all of it.
    expect(m.lookup('ip', '10.1.0.0/12').map((h) => m.indicator(h.slot).stixId)).toEqual([id(1)]);
  });

  it('a new version replaces the values; removal takes them out; shared values survive their first owner', () => {
    const m = fresh();
    m.add(one(1, 'domain', 'a.example'));
    m.add({
      ...one(2, 'domain', 'a.example', 30),
      values: [
        { kind: 'domain', value: 'a.example' },
        { kind: 'url', value: 'http://b.example/x' },
      ],
    });
    expect(
      m
        .lookup('domain', 'a.example')
        .map((h) => m.indicator(h.slot).stixId)
        .sort(),
    ).toEqual([id(1), id(2)]);
    m.add({ ...one(1, 'domain', 'c.example'), confidence: 90 }); // new version of 1: a.example is no longer named by it
    expect(m.lookup('domain', 'a.example').map((h) => m.indicator(h.slot).stixId)).toEqual([id(2)]);
    expect(m.lookup('domain', 'c.example').map((h) => m.confidence(h.slot))).toEqual([90]);
    expect(m.remove(id(2))).toBe(true);
    expect(m.remove(id(2))).toBe(false);
    expect(m.lookup('domain', 'a.example')).toHaveLength(0);
    expect(m.lookup('url', 'http://b.example/x')).toHaveLength(0);
    expect(m.size).toBe(1);
    m.add(one(2, 'domain', 'a.example'));
    expect(m.lookup('domain', 'a.example')).toHaveLength(1);
    expect(m.has(id(2))).toBe(true);
  });

  it('keeps values on a warninglist from matching, and says why when asked', () => {
    const warninglists = createWarninglistIndex(
      [
        {
          name: 'top',
          description: 'Top sites',
          type: 'hostname',
          values: ['bigsite.example', 'github.io'],
        },
        { name: 'dns', description: 'Public resolvers', type: 'cidr', values: ['192.0.2.53'] },
      ],
      isPublicSuffix,
    );
    const m = createMatcherIndex({ isPublicSuffix, warninglists });
    m.add(one(1, 'domain', 'www.bigsite.example'));
    m.add(one(2, 'ip', '192.0.2.53'));
    m.add(one(3, 'url', 'https://bigsite.example/'));
    m.add(one(4, 'url', 'https://bigsite.example/phish/login'));
    m.add(one(5, 'domain', 'evil.github.io'));
    expect(m.lookup('domain', 'www.bigsite.example')).toHaveLength(0);
    expect(m.lookup('ip', '192.0.2.53')).toHaveLength(0);
    expect(m.lookup('url', 'https://bigsite.example')).toHaveLength(0);
    // A page on a top site is still a phishing page, and a site under a public suffix is its own.
    expect(m.lookup('url', 'https://bigsite.example/phish/login')).toHaveLength(1);
    expect(m.lookup('domain', 'evil.github.io')).toHaveLength(1);
    const why = m.lookup('domain', 'www.bigsite.example', { suppressed: true });
    expect(why[0]?.warninglist?.list).toBe('top');
    expect(why[0]?.warninglist?.reason).toContain('under bigsite.example');
    expect(m.lookupAny('192.0.2.53', { suppressed: true }).hits[0]?.warninglist?.list).toBe('dns');
  });
});

/** Reference: containment with BigInt arithmetic, independent of the index. */
function refContains(
  range: { v6: boolean; addr: bigint; prefix: number },
  v6: boolean,
  addr: bigint,
): boolean {
  if (range.v6 !== v6) return false;
  const bits = v6 ? 128n : 32n;
  const shift = bits - BigInt(range.prefix);
  return addr >> shift === range.addr >> shift;
}
const v4 = (n: bigint) => [24n, 16n, 8n, 0n].map((s) => ((n >> s) & 255n).toString()).join('.');
const v6 = (n: bigint) =>
  Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(
    ':',
  );

describe('properties', () => {
  it('CIDR containment agrees with a reference implementation', () => {
    const addr4 = fc.bigInt({ min: 0n, max: 2n ** 32n - 1n });
    // Addresses clustered in a small space so that ranges and probes meet often.
    const near4 = fc.integer({ min: 0, max: 4095 }).map((n) => 0xc0a80000n + BigInt(n));
    const range = fc.oneof(
      fc.record({
        v6: fc.constant(false),
        addr: fc.oneof(addr4, near4),
        prefix: fc.integer({ min: 0, max: 32 }),
      }),
      fc.record({
        v6: fc.constant(true),
        addr: fc.bigInt({ min: 0n, max: 2n ** 20n }).map((n) => (0x20010db8n << 96n) + (n << 90n)),
        prefix: fc.integer({ min: 32, max: 128 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(range, { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(near4, addr4), { maxLength: 30 }),
        (ranges, probes) => {
          const m = fresh();
          for (const [n, r] of ranges.entries())
            m.add(one(n, 'ip', `${r.v6 ? v6(r.addr) : v4(r.addr)}/${r.prefix}`));
          const v6probes = ranges.filter((r) => r.v6).map((r) => r.addr + 5n);
          for (const [isV6, p] of [
            ...probes.map((p) => [false, p] as const),
            ...v6probes.map((p) => [true, p] as const),
          ]) {
            const got = new Set(m.lookup('ip', isV6 ? v6(p) : v4(p)).map((h) => h.slot));
            const expected = ranges.filter((r) => refContains(r, isV6, p));
            // Each expected range's indicator (or one naming the same range) is found, and nothing else.
            expect(got.size > 0).toBe(expected.length > 0);
            for (const h of m.lookup('ip', isV6 ? v6(p) : v4(p))) {
              const n = Number.parseInt(m.indicator(h.slot).stixId.slice(11, 19), 16);
              expect(refContains(ranges[n] as (typeof ranges)[number], isV6, p)).toBe(true);
            }
            expect(got.size).toBe(expected.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every value inserted is found, and removed values are not', () => {
    const value = fc.oneof(
      fc
        .stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){1,2}\.(com|net|example)$/)
        .map((v) => ({ kind: 'domain' as const, value: v })),
      fc.webUrl().map((v) => ({ kind: 'url' as const, value: v })),
      fc.ipV4().map((v) => ({ kind: 'ip' as const, value: v })),
      fc.ipV6().map((v) => ({ kind: 'ip' as const, value: v })),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((v) => ({ kind: 'hash' as const, value: v })),
      fc.emailAddress().map((v) => ({ kind: 'email' as const, value: v })),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 60 }),
        fc.integer(),
        (values, seed) => {
          const m = createMatcherIndex({ isPublicSuffix, seed });
          const kept = values.map((v, n) => ({
            ...v,
            n,
            ok: m.add(one(n, v.kind, v.value)).indexed === 1,
          }));
          for (const v of kept) {
            if (!v.ok) continue;
            const ids = m.lookup(v.kind, v.value).map((h) => m.indicator(h.slot).stixId);
            expect(ids).toContain(id(v.n));
          }
          for (const v of kept) m.remove(id(v.n));
          for (const v of kept) expect(m.lookup(v.kind, v.value)).toHaveLength(0);
          expect(m.size).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on hostile values, added or looked up; what goes in is found', () => {
    const m = fresh();
    m.add(one(1, 'domain', 'evil.example'));
    m.add(one(2, 'ip', '10.0.0.0/8'));
    let n = 10;
    fc.assert(
      fc.property(
        fc.constantFrom<ValueKind>('domain', 'url', 'ip', 'email', 'hash', 'phone', 'wallet'),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({
            unit: fc.constantFrom('.', '%', '/', ':', '@', 'é', '\ud83d', 'a', '1'),
            maxLength: 80,
          }),
        ),
        (kind, raw) => {
          m.lookup(kind, raw);
          m.lookupAny(raw);
          const r = m.add(one(n++, kind, raw));
          if (r.indexed === 1) expect(m.lookup(kind, raw).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('grows past many entries with nothing lost (hash table resizing)', () => {
    const m = fresh();
    for (let n = 0; n < 20_000; n++) m.add(one(n, 'domain', `host${n}.example`));
    for (let n = 0; n < 20_000; n += 997)
      expect(m.indicator(m.lookup('domain', `host${n}.example`)[0]?.slot ?? -1).stixId).toBe(id(n));
    expect(m.lookup('domain', 'host20000.example')).toHaveLength(0);
  });

  it('a reserved bulk load holds and finds exactly what one-by-one adds do', () => {
    const value = fc.oneof(
      fc
        .stringMatching(/^[a-z0-9é]{1,10}(\.[a-z0-9]{1,10}){1,2}\.(com|net|example)$/)
        .map((v) => ({ kind: 'domain' as const, value: v })),
      fc.webUrl({ withQueryParameters: true }).map((v) => ({ kind: 'url' as const, value: v })),
      fc.ipV4().map((v) => ({ kind: 'ip' as const, value: v })),
      fc.ipV6().map((v) => ({ kind: 'ip' as const, value: `${v}/64` })),
      fc.stringMatching(/^[0-9a-f]{40}$/).map((v) => ({ kind: 'hash' as const, value: v })),
    );
    fc.assert(
      fc.property(
        // Two batches (the second may repeat values and ids of the first), each reserved or not:
        // a reservation that is too small, too large or repeated must change nothing but speed.
        fc.array(value, { maxLength: 80 }),
        fc.array(value, { maxLength: 80 }),
        fc.boolean(),
        fc.boolean(),
        (first, second, reserveFirst, reserveSecond) => {
          const batch = (vs: typeof first, from: number) =>
            vs.map((v, n) => one((from + n) % 100, v.kind, v.value));
          const plain = fresh();
          const bulk = fresh();
          for (const [vs, from, reserve] of [
            [first, 0, reserveFirst],
            [second, 50, reserveSecond],
          ] as const) {
            const inputs = batch(vs, from);
            if (reserve) bulk.reserveFor(inputs);
            for (const input of inputs) {
              expect(bulk.add(input)).toEqual(plain.add(input));
            }
          }
          bulk.trim();
          plain.trim();
          expect(bulk.size).toBe(plain.size);
          expect(bulk.entries).toBe(plain.entries);
          for (const v of [...first, ...second]) {
            const ids = (m: ReturnType<typeof fresh>) =>
              m
                .lookup(v.kind, v.value)
                .map((h) => [m.indicator(h.slot).stixId, h.via, m.valueOf(h)]);
            expect(ids(bulk)).toEqual(ids(plain));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reserves at once for a batch, and gives back what a reservation left unused', () => {
    const inputs = Array.from({ length: 5_000 }, (_, n) =>
      one(n, 'hash', n.toString(16).padStart(64, 'a')),
    );
    const m = fresh();
    m.reserveFor(inputs);
    const reserved = m.bytes;
    for (const input of inputs) m.add(input);
    // Nothing grew past the reservation.
    expect(m.bytes).toBe(reserved);
    // A reservation for twice as many leaves slack that trim gives back.
    const over = fresh();
    over.reserveFor([...inputs, ...inputs.map((x, n) => ({ ...x, stixId: id(n + 10_000) }))]);
    for (const input of inputs) over.add(input);
    over.trim();
    expect(over.bytes).toBeLessThan(reserved * 1.2);
    expect(over.lookup('hash', inputs[4_321]?.values[0]?.value ?? '')).toHaveLength(1);
  });
});
