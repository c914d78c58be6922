/**
 * The synthetic indicators and queries of the intel bench (bench/suites/intel.bench.ts),
 * shared with the matcher profile (bench/exchange-matcher-profile.ts) so that both
 * measure the same mix.
 */
import type { IndicatorInput } from '../src/exchange/engine/matcher/matcher-index.js';
import type { ValueKind } from '../src/exchange/engine/matcher/value-normalizer.js';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const TLDS = ['com', 'net', 'org', 'info', 'xyz', 'top', 'co.uk', 'com.br', 'ru', 'io'];

export function generator(seed: number) {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  // Built from char codes, so strings are flat: a rope of one-character pieces would be
  // flattened (and its pieces freed) during the load, and the heap figure would shrink.
  const codes: number[] = [];
  const str = (alphabet: string, n: number) => {
    codes.length = 0;
    for (let i = 0; i < n; i++) codes.push(alphabet.charCodeAt(int(alphabet.length)));
    return String.fromCharCode(...codes);
  };
  const hex = (n: number) => str('0123456789abcdef', n);
  const domain = () => `${str(ALNUM, 6 + int(10))}.${TLDS[int(TLDS.length)]}`;
  const ipv4 = () => `${1 + int(222)}.${int(256)}.${int(256)}.${int(256)}`;
  const value = (): { kind: ValueKind; value: string } => {
    const x = r();
    if (x < 0.28) return { kind: 'domain', value: domain() };
    if (x < 0.5)
      return { kind: 'url', value: `https://${domain()}/${str(ALNUM, 4 + int(12))}/login.php` };
    if (x < 0.64) return { kind: 'ip', value: ipv4() };
    if (x < 0.67) return { kind: 'ip', value: `${1 + int(222)}.${int(256)}.${int(256)}.0/24` };
    if (x < 0.72) return { kind: 'ip', value: `2001:db8:${hex(4)}:${hex(4)}::${hex(3)}` };
    if (x < 0.85) return { kind: 'hash', value: hex([32, 40, 64][int(3)] as number) };
    if (x < 0.91) return { kind: 'email', value: `${str(ALNUM, 8)}@${domain()}` };
    if (x < 0.95)
      return { kind: 'phone', value: `+${1 + int(9)}${String(int(1e10)).padStart(10, '0')}` };
    if (x < 0.98) return { kind: 'wallet', value: `0x${hex(40)}` };
    return { kind: 'wallet', value: `1${str(B58, 33)}` };
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
  return { int, value, uuid, domain, ipv4 };
}

/** A query that should hit `input` (written differently where the kind allows). */
export function hitFor(
  input: { kind: ValueKind; value: string },
  n: number,
): { kind: ValueKind; value: string } {
  switch (input.kind) {
    case 'domain':
      return {
        kind: 'domain',
        value: n % 2 === 0 ? input.value.toUpperCase() : `www.${input.value}`,
      };
    case 'url':
      return {
        kind: 'url',
        value: input.value.replace('https://', 'HTTPS://').concat(n % 2 === 0 ? '/' : ''),
      };
    case 'ip':
      return input.value.endsWith('/24')
        ? { kind: 'ip', value: input.value.replace('.0/24', `.${n % 256}`) }
        : input;
    default:
      return input;
  }
}

/** `count` indicators of one value each, and 200,000 queries: half hits (written differently), half misses. */
export function intelInputs(count: number): {
  inputs: IndicatorInput[];
  queries: { kind: ValueKind; value: string }[];
} {
  const g = generator(20261206);
  const inputs: IndicatorInput[] = new Array(count);
  const flat = (x: string) => String.fromCharCode(...Array.from(x, (c) => c.charCodeAt(0)));
  for (let i = 0; i < count; i++) {
    const v = g.value();
    inputs[i] = {
      stixId: flat(`indicator--${g.uuid()}`),
      confidence: 50 + g.int(50),
      source: `feed ${g.int(20)}`,
      values: [{ kind: v.kind, value: flat(v.value) }],
    };
  }
  const queries: { kind: ValueKind; value: string }[] = [];
  const miss = generator(7);
  for (let n = 0; n < 200_000; n++) {
    const input = inputs[g.int(count)] as IndicatorInput;
    const q =
      n % 2 === 0 ? hitFor(input.values[0] as { kind: ValueKind; value: string }, n) : miss.value();
    // A fresh object and string, as a lookup's input is in a server (parsed from a request): a
    // hit must not reuse the indicator's own input, which lies somewhere in the 150 MB of inputs
    // and would cost the bench a few cache and TLB misses per lookup that no caller pays.
    queries.push({ kind: q.kind, value: flat(q.value) });
  }
  return { inputs, queries };
}
