/**
 * For any input of any kind the checker returns a well-formed result
 * (resultProblems in test-support/fuzz-inputs.ts) within about a second, and
 * never throws. Three fast-check properties share TEST_FUZZ_RUNS (default
 * 3,000; not a SHIELDWALL_* name, which the config loader rejects as unknown):
 * the seeded hostile-input generator that the benchmark runs 100,000 times
 * (`npm run bench:scam-fuzz`), half of them with a threat-intel matcher;
 * fast-check's own strings and bytes built from hostile pieces; and fast-check
 * edits of the real fixtures. A failure prints fast-check's seed and path;
 * TEST_FUZZ_SEED replays a run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScamModelFiles } from '../../load-models.js';
import type { CheckInput, CheckResult } from '../types.js';
import { createScamChecker } from './check.js';
import {
  applyByteEdits,
  applyTextEdits,
  describeInput,
  FUZZ_MATCHER,
  type FuzzCorpus,
  fuzzCase,
  HOSTILE_TOKENS,
  INVALID_UTF8,
  MIME_TOKENS,
  resultProblems,
  type TextEdit,
  utf8AsLatin1,
} from './test-support/fuzz-inputs.js';

const RUNS = Math.max(3, Number(process.env.TEST_FUZZ_RUNS) || 3_000);
const SEED = process.env.TEST_FUZZ_SEED ? Number(process.env.TEST_FUZZ_SEED) : undefined;
const BOUND_MS = 1_500;

const fixtures = new URL('../../../../fixtures/scam/', import.meta.url);
const jsonl = (file: string) =>
  readFileSync(new URL(file, fixtures), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const corpus: FuzzCorpus = {
  sms: jsonl('sms.jsonl').map((r) => String(r.text)),
  urls: jsonl('url.jsonl').map((r) => String(r.url)),
  emails: readdirSync(new URL('email/', fixtures))
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(new URL(`email/${f}`, fixtures)))),
};

const models = loadScamModelFiles();
const checker = createScamChecker({ models });
/** The same checker with a threat-intel matcher that sends nonsense confidences too. */
const withIntel = createScamChecker({ models, matcher: FUZZ_MATCHER });

/** The property itself: no throw, no problem, within the bound. */
function holds(input: CheckInput, c = checker): void {
  const t = performance.now();
  let problems: string[];
  try {
    problems = resultProblems(input, c.check(input), { version: c.version });
  } catch (e) {
    problems = [`threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
  const ms = performance.now() - t;
  expect(problems, describeInput(input)).toEqual([]);
  expect(ms, describeInput(input)).toBeLessThan(BOUND_MS);
}

const params = (numRuns: number) => ({
  numRuns: Math.max(1, Math.round(numRuns)),
  ...(SEED === undefined ? {} : { seed: SEED }),
});

const kindArb = fc.constantFrom('auto', 'sms', 'email', 'url', 'phone') as fc.Arbitrary<
  CheckInput['kind']
>;
/** One UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE_TOKENS), maxLength: 80 }),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...HOSTILE_TOKENS),
      codeUnit,
      fc.string({ unit: 'binary-ascii', maxLength: 8 }),
    ),
    maxLength: 150,
  }),
);
const byteToken = fc.oneof(
  fc.constantFrom(...MIME_TOKENS).map((t) => new TextEncoder().encode(t)),
  fc.constantFrom(...INVALID_UTF8).map((b) => new Uint8Array(b)),
  fc.uint8Array({ maxLength: 30 }),
);
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4_000 }),
  fc.array(byteToken, { maxLength: 80 }).map((chunks) => {
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let n = 0;
    for (const c of chunks) {
      out.set(c, n);
      n += c.length;
    }
    return out;
  }),
);

const editArb = (tokens: fc.Arbitrary<string>): fc.Arbitrary<TextEdit> =>
  fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: tokens }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(300) }),
    fc.record({
      op: fc.constant('repeat' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
      times: fc.nat(2_000),
    }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), mask: fc.nat(0xffff) }),
    fc.record({
      op: fc.constant('interleave' as const),
      at: fc.nat(),
      length: fc.nat(80),
      text: tokens,
    }),
    fc.constant({ op: 'swapcase' as const }),
  );
const textTokens = fc.oneof(
  fc.constantFrom(...HOSTILE_TOKENS),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const byteTokens = fc.oneof(
  fc.constantFrom(...MIME_TOKENS, ...HOSTILE_TOKENS).map(utf8AsLatin1),
  fc.constantFrom(...INVALID_UTF8).map((b) => String.fromCharCode(...b)),
);

beforeAll(() => {
  for (let i = 0; i < 200; i++) checker.check(fuzzCase(i, corpus, { seed: 1 }).input);
}, 60_000);

describe('the checker on any input', () => {
  it(`gives a well-formed result for the seeded hostile inputs (${Math.round(RUNS * 0.4)} runs)`, () => {
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), (index, intel) =>
        holds(fuzzCase(index, corpus, { seed: 2026 }).input, intel ? withIntel : checker),
      ),
      params(RUNS * 0.4),
    );
  }, 300_000);

  it(`gives a well-formed result for any text or bytes of any kind (${Math.round(RUNS * 0.3)} runs)`, () => {
    const input: fc.Arbitrary<CheckInput> = fc.oneof(
      fc.record({ kind: kindArb, content: hostileText }),
      fc.record({ kind: kindArb, content: fc.constant(''), raw: hostileBytes }),
      fc.record({
        kind: kindArb,
        content: hostileBytes.map((b) => new TextDecoder().decode(b)),
      }),
    );
    fc.assert(
      fc.property(input, (i) => holds(i)),
      params(RUNS * 0.3),
    );
  }, 300_000);

  it(`gives a well-formed result for edited fixtures of every kind (${Math.round(RUNS * 0.3)} runs)`, () => {
    const edits = (tokens: fc.Arbitrary<string>) =>
      fc.array(editArb(tokens), { minLength: 1, maxLength: 8 });
    const input: fc.Arbitrary<CheckInput> = fc.oneof(
      fc
        .tuple(fc.constantFrom(...corpus.sms), edits(textTokens), kindArb)
        .map(([text, e, kind]) => ({ kind, content: applyTextEdits(text, e, 40_000) })),
      fc
        .tuple(fc.constantFrom(...corpus.urls), edits(textTokens), kindArb)
        .map(([url, e, kind]) => ({ kind, content: applyTextEdits(url, e, 40_000) })),
      fc
        .tuple(
          fc.constantFrom(...corpus.emails),
          edits(byteTokens),
          fc.constantFrom('email', 'auto') as fc.Arbitrary<CheckInput['kind']>,
        )
        .map(([eml, e, kind]) => ({ kind, content: '', raw: applyByteEdits(eml, e, 200_000) })),
    );
    fc.assert(
      fc.property(input, (i) => holds(i)),
      params(RUNS * 0.3),
    );
  }, 300_000);
});

describe('the contract check', () => {
  // It must be able to fail: each way of breaking a good result is caught.
  const input: CheckInput = {
    kind: 'sms',
    content: `Pay the fee at https://royalmail-fee.top/pay now ${'x'.repeat(20_000)}`,
  };
  const good = checker.check(input);
  const first = good.reasons.find((r) => r.evidence !== undefined);
  const tampered: [string, CheckResult][] = [
    ['a NaN score', { ...good, score: Number.NaN }],
    ['a score above 1', { ...good, score: 1.5 }],
    ['another kind', { ...good, kind: 'url' }],
    ['too many reasons', { ...good, reasons: [...good.reasons, ...good.reasons].slice(0, 11) }],
    ['a NaN weight', { ...good, reasons: good.reasons.map((r) => ({ ...r, weight: Number.NaN })) }],
    [
      'evidence past the field',
      {
        ...good,
        reasons: good.reasons.map((r) =>
          r === first && r.evidence !== undefined
            ? { ...r, evidence: { ...r.evidence, start: 30_000, end: 30_001 } }
            : r,
        ),
      },
    ],
    [
      'an excerpt that is not the span',
      {
        ...good,
        reasons: good.reasons.map((r) =>
          r === first && r.evidence !== undefined
            ? { ...r, evidence: { ...r.evidence, excerpt: `${r.evidence.excerpt}!` } }
            : r,
        ),
      },
    ],
    [
      'an empty indicator',
      {
        ...good,
        indicators: good.indicators.map((i, k) => (k === 0 ? { ...i, value: '' } : i)),
      },
    ],
    ['no truncation flag', { ...good, truncated: false }],
    ['no next steps', { ...good, nextSteps: [] }],
    ['another model version', { ...good, modelVersion: 'x' }],
  ];

  it('passes a good result', () => {
    expect(first).toBeDefined();
    expect(good.indicators.length).toBeGreaterThan(0);
    expect(good.truncated).toBe(true);
    expect(resultProblems(input, good, { version: checker.version })).toEqual([]);
  });

  it.each(tampered)('catches %s', (_name, bad) => {
    expect(resultProblems(input, bad, { version: checker.version })).not.toEqual([]);
  });
});

describe('the hostile-input generator', () => {
  it('is deterministic in seed and index, and covers every strategy and kind', () => {
    const a = fuzzCase(12_345, corpus, { seed: 7 });
    const b = fuzzCase(12_345, corpus, { seed: 7 });
    expect(describeInput(a.input, 10_000)).toBe(describeInput(b.input, 10_000));
    const strategies = new Set<string>();
    const kinds = new Set<string>();
    for (let i = 0; i < 3_000; i++) {
      const c = fuzzCase(i, corpus, { seed: 7 });
      strategies.add(c.strategy);
      kinds.add(c.input.kind);
    }
    expect([...strategies].sort()).toEqual(
      [
        'binary',
        'blank',
        'code-units',
        'email-as-other',
        'email-mutant',
        'header-soup',
        'long-url',
        'mime-soup',
        'nested-mime',
        'phone',
        'repeat-unit',
        'sms-in-email',
        'sms-mutant',
        'soup',
        'url-mutant',
        'wide-mime',
      ].sort(),
    );
    expect([...kinds].sort()).toEqual(['auto', 'email', 'phone', 'sms', 'url']);
  });

  it('makes giant inputs only when asked', () => {
    for (let i = 0; i < 4; i++) {
      const g = fuzzCase(i, corpus, { seed: 3, giantRate: 1 });
      expect(g.strategy).toMatch(/^giant-/);
      expect(g.input.raw?.length ?? g.input.content.length).toBeGreaterThan(1_000_000);
    }
    for (let i = 0; i < 3_000; i++) {
      expect(fuzzCase(i, corpus, { seed: 3 }).strategy).not.toMatch(/^giant-/);
    }
  });
});
