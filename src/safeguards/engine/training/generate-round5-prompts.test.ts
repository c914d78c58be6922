import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RISK_CATEGORIES } from '../types.js';
import { generateRound5Prompts, ROUND5_SEED } from './generate-round5-prompts.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { MAKE_FRAMES, NAMED_HARMS } from './round5-recipes.js';

function generate(seed = ROUND5_SEED): TacticRecord[] {
  const out: TacticRecord[] = [];
  generateRound5Prompts((r) => out.push(r), seed);
  return out;
}

const records = generate();
const family = (r: TacticRecord) => r.source.replace(/-t\d+$/, '');
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

describe('generateRound5Prompts', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generate()).toEqual(records);
    expect(generate(7).map((r) => r.text)).not.toEqual(records.map((r) => r.text));
  });

  it('labels every record, marks only benign ones defensive, and holds out part of each family', () => {
    const labels = new Set<string>([...RISK_CATEGORIES, 'benign']);
    for (const r of records) {
      expect(labels.has(r.label), r.text).toBe(true);
      expect(r.text).not.toMatch(/\{[A-Z]+\}/);
      expect(r.defensive && r.label !== 'benign').toBe(false);
    }
    const families = new Set(records.map(family));
    expect(families.size).toBeGreaterThanOrEqual(11);
    for (const f of families) {
      const of = records.filter((r) => family(r) === f);
      expect(
        of.some((r) => r.split === 'train'),
        f,
      ).toBe(true);
      expect(
        of.some((r) => r.split === 'heldout'),
        f,
      ).toBe(true);
    }
  });

  it('puts more benign than misuse records in the make frames and shares every carrier', () => {
    const make = records.filter((r) => /^r5-make-/.test(r.source));
    const misuse = make.filter((r) => r.label !== 'benign').length;
    expect(misuse).toBeGreaterThan(40);
    expect(make.length - misuse).toBeGreaterThan(misuse);
    // Each shared carrier holds both classes: the carrier alone never decides.
    for (const [bad, good] of [
      ['r5-transfer-evasive', 'r5-transfer-ops'],
      ['r5-filler-override', 'r5-filler-question'],
      ['r5-memo-planted', 'r5-memo-plain'],
      ['r5-ctf-host', 'r5-ctf-puzzle'],
    ] as const) {
      const a = records.filter((r) => family(r) === bad);
      const b = records.filter((r) => family(r) === good);
      expect(a.every((r) => r.label !== 'benign') && b.every((r) => r.label === 'benign')).toBe(
        true,
      );
      expect(Math.min(a.length, b.length) / Math.max(a.length, b.length)).toBeGreaterThan(0.6);
    }
  });

  it('never trains on a held-out named harm or frame', () => {
    for (const [i, [one]] of NAMED_HARMS.entries()) {
      if (i % 4 !== 3) continue;
      const of = records.filter((r) => r.source.startsWith('r5-make-t') && r.text.includes(one));
      for (const r of of) expect(r.split, r.text).toBe('heldout');
    }
    const heldFrames = MAKE_FRAMES.flatMap((f, t) => (f.heldout ? [`r5-make-t${t}`] : []));
    for (const r of records.filter((x) => heldFrames.includes(x.source)))
      expect(r.split).toBe('heldout');
  });

  it('shares no sentence with the hand-written evaluation prompts (they are never trained on)', () => {
    const file = join(import.meta.dirname, '../../../../training/safeguards/own-heldout.jsonl');
    const own = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    // No run of eight words of an evaluation prompt appears in a generated one.
    const grams = new Set<string>();
    for (const r of records) {
      const w = words(r.text);
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    for (const text of own) {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++)
        expect(grams.has(w.slice(i, i + 8).join(' ')), text).toBe(false);
    }
  });
});
