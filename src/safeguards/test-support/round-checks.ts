/**
 * The checks the generators' tests share (generate-round5-prompts.test.ts,
 * generate-round6-prompts.test.ts, generate-round7-prompts.test.ts, and the held-out check of the tactic and technique tests): deterministic, well-formed, part of each family held out,
 * twins of the other class, and no run of words shared with the hand-written evaluation prompts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TacticRecord } from '../engine/training/generate-tactic-prompts.js';
import { RISK_CATEGORIES } from '../engine/types.js';

/** The records a generator adds for `seed`. */
export function collect(
  generator: (add: (r: TacticRecord) => void, seed?: number) => void,
  seed?: number,
): TacticRecord[] {
  const out: TacticRecord[] = [];
  generator((r) => out.push(r), seed);
  return out;
}

/** A record's family: its source without the frame number. */
export const family = (r: TacticRecord): string => r.source.replace(/-t\d+$/, '');

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/** Same records for the same seed, other texts for another. */
export function expectDeterministic(
  generate: (seed?: number) => TacticRecord[],
  records: readonly TacticRecord[],
): void {
  expect(generate()).toEqual(records);
  expect(generate(7).map((r) => r.text)).not.toEqual(records.map((r) => r.text));
}

/** Every record labelled, every slot filled, no misuse marked defensive. */
export function expectWellFormed(records: readonly TacticRecord[]): void {
  const labels = new Set<string>([...RISK_CATEGORIES, 'benign']);
  for (const r of records) {
    expect(labels.has(r.label), r.text).toBe(true);
    expect(r.text).not.toMatch(/\{[A-Z]+\}/);
    expect(r.defensive && r.label !== 'benign').toBe(false);
  }
}

/** Each named family is both trained on and held out. */
export function expectTrainedAndHeldOut(
  records: readonly TacticRecord[],
  families: Iterable<string>,
): void {
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
}

/** At least `families` families, each of `minSize` records or more both trained on and held out. */
export function expectHeldOutPerFamily(
  records: readonly TacticRecord[],
  families: number,
  minSize = 1,
): void {
  const names = new Set(records.map(family));
  expect(names.size).toBeGreaterThanOrEqual(families);
  const large = [...names].filter((f) => records.filter((r) => family(r) === f).length >= minSize);
  expectTrainedAndHeldOut(records, large);
}

/** Each misuse family has a benign twin family of about the same size (the carrier never decides). */
export function expectTwins(
  records: readonly TacticRecord[],
  pairs: readonly (readonly [misuse: string, benign: string])[],
): void {
  for (const [bad, good] of pairs) {
    const a = records.filter((r) => family(r) === bad);
    const b = records.filter((r) => family(r) === good);
    expect(a.length, bad).toBeGreaterThan(0);
    expect(a.every((r) => r.label !== 'benign')).toBe(true);
    expect(b.every((r) => r.label === 'benign')).toBe(true);
    expect(Math.min(a.length, b.length) / Math.max(a.length, b.length), bad).toBeGreaterThan(0.6);
  }
}

/** No run of `n` words of a hand-written evaluation prompt appears in a generated one. */
export function expectNoSharedRun(records: readonly TacticRecord[], n: number, atLeast = 0): void {
  const file = join(import.meta.dirname, '../../../training/safeguards/own-heldout.jsonl');
  const own = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
  expect(own.length).toBeGreaterThanOrEqual(atLeast);
  const grams = new Set<string>();
  for (const r of records) {
    const w = words(r.text);
    for (let i = 0; i + n <= w.length; i++) grams.add(w.slice(i, i + n).join(' '));
  }
  for (const text of own) {
    const w = words(text);
    for (let i = 0; i + n <= w.length; i++)
      expect(grams.has(w.slice(i, i + n).join(' ')), text).toBe(false);
  }
}
