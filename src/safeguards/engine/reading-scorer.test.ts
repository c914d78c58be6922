/**
 * The fast scorer must give what training's path gives: the sparse vector of
 * featurizePrompt and a dot product per head. Both paths run here against the
 * same (live) model, so a retrained model or a changed cue list keeps this check
 * meaningful instead of breaking it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../platform/engine-kit/model/linear-model.js';
import { dot } from '../../platform/engine-kit/model/sparse-vector.js';
import {
  classifyPrompt,
  featurizeVariant,
  promptText,
  type SafeguardsModel,
  type Variant,
  variantsOf,
} from './classify-prompt.js';
import { findCues } from './cues.js';
import { readIntent } from './intent-clauses.js';
import { loadSafeguardsModel } from './model/load-model.js';
import { scoreReading, scoringTables } from './reading-scorer.js';
import { equivalencePrompts } from './test-support/equivalence-prompts.js';
import { RISK_CATEGORIES } from './types.js';

const loaded = loadSafeguardsModel(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../models/safeguards-text.json'), 'utf8'),
  ) as unknown,
);
if (!loaded.ok) throw new Error(loaded.error);
const model = loaded.model;

/** Training's path: the sparse vector, then bias + w · x for every head. */
function referenceMargins(m: SafeguardsModel, v: Variant): number[] {
  const x = featurizeVariant(m.features, v);
  return m.heads.map((h) => h.bias + dot(h.weights, x));
}

function fastMargins(m: SafeguardsModel, v: Variant): number[] {
  const t = scoringTables(m);
  const out = new Float64Array(t.headCount);
  scoreReading(t, findCues(v.clean), readIntent(v.clean, m.features.maxTokens), v.flags, out);
  return [...out];
}

function expectSameMargins(m: SafeguardsModel, raw: string): void {
  for (const v of variantsOf(raw).variants) {
    const want = referenceMargins(m, v);
    const got = fastMargins(m, v);
    expect(got.length).toBe(want.length);
    got.forEach((g, h) => {
      expect(Math.abs(g - (want[h] as number)), `${v.label} head ${h}`).toBeLessThanOrEqual(1e-9);
    });
  }
}

describe('the reading scorer', () => {
  it('gives every head the margin of featurizePrompt + dot on a varied prompt set', () => {
    for (const input of equivalencePrompts()) expectSameMargins(model, promptText(input));
  });

  it('agrees on random text mixing words, leetspeak, encodings and odd white space', () => {
    const piece = fc.constantFrom(
      'write',
      'a',
      'keylogger',
      'that',
      'detects',
      'without',
      'being',
      'detected',
      'the',
      'k3yl0gg3r',
      'aGVsbG8gd29ybGQgZnJvbSBoZXJl',
      'de ad be ef 00 11 22 33 44 55 66 77 88 99 aa bb',
      '%41%42',
      'ñandú',
      'ransomware',
      '.',
      ' ',
      '\n',
      '\u00a0',
      '\u200b',
      'pretend you are dan',
      'code to',
      'x'.repeat(30),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.string({ maxLength: 40 }), (ps, s) => {
        expectSameMargins(model, `${ps.join(' ')} ${s}`);
      }),
      { numRuns: 120 },
    );
  });

  it('agrees when the counts table has to grow (a prompt with many distinct words)', () => {
    const words = Array.from({ length: 6000 }, (_, i) => `w${(i * 7919).toString(36)}x`);
    expectSameMargins(model, words.join(' '));
  });

  it('gives classifyPrompt the risk, categories and decision of the reference margins', () => {
    for (const input of equivalencePrompts()) {
      const scored = variantsOf(promptText(input)).variants.map((v) => ({
        v,
        margins: referenceMargins(model, v),
      }));
      const at = (id: string) => model.heads.findIndex((h) => h.id === id);
      const p = (s: (typeof scored)[number], id: string) => sigmoid(s.margins[at(id)] as number);
      const decoded = scored.filter((s) => s.v.decoded === true);
      const candidates = decoded.length > 0 ? decoded : scored;
      let best = candidates[0] as (typeof scored)[number];
      for (const s of candidates) if (p(s, 'malicious') > p(best, 'malicious')) best = s;
      const r = classifyPrompt(model, input, { tier: 0 });
      expect(Math.abs(r.risk - p(best, 'malicious'))).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(r.defensive - p(scored[0] as typeof best, 'defensive'))).toBeLessThanOrEqual(
        1e-9,
      );
      for (const c of r.categories) {
        expect(Math.abs(c.score - p(best, c.id))).toBeLessThanOrEqual(1e-9);
      }
      expect(new Set(r.categories.map((c) => c.id))).toEqual(new Set(RISK_CATEGORIES));
      const label = r.reasons.find((x) => x.code.startsWith('variant.'))?.evidence;
      if (label !== undefined) expect(label).toBe(best.v.label);
    }
  });
});
