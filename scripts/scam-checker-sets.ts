/**
 * The labelled inputs the whole checker is judged on (bench) and its
 * combiner is fitted on (training): the same records the models use, as the
 * checker receives them — text messages and URLs as text, emails as their raw
 * bytes (the models only see emailText; the checker reads headers and links too).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScamChecker, type ScamChecker } from '../src/protect/engine/index.js';
import { parseRecord, type RawRecord } from '../src/protect/engine/model/scam-datasets.js';
import type { CheckInput } from '../src/protect/engine/types.js';
import { loadScamModelFiles } from '../src/protect/load-models.js';
import { DATA_DIR, FIXTURES_DIR, loadScamData } from './train-scam.js';

export interface LabelledInput {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  readonly modern: boolean;
  readonly input: CheckInput;
}

export interface CheckerSet {
  /** `text.dev`, `email.modern`, … — the model figures' names, so the two read side by side. */
  readonly name: string;
  readonly items: readonly LabelledInput[];
}

function readIndex(path: string, fixtureFile?: string): RawRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const r = parseRecord(JSON.parse(line) as unknown, fixtureFile);
      if (typeof r === 'string') throw new Error(`${path}: ${r}`);
      return r;
    });
}

function emailItems(split: 'train' | 'dev'): { pub: LabelledInput[]; mod: LabelledInput[] } {
  const one = (dir: string, modern: boolean) => (r: RawRecord) => ({
    id: r.id,
    label: r.label,
    source: r.source,
    modern,
    input: {
      kind: 'email' as const,
      content: '',
      raw: new Uint8Array(readFileSync(join(dir, r.content))),
    },
  });
  return {
    pub: readIndex(join(DATA_DIR, 'email.jsonl'))
      .filter((r) => r.split === split)
      .map(one(DATA_DIR, false)),
    mod: readIndex(join(FIXTURES_DIR, 'email.jsonl'), 'email.jsonl')
      .filter((r) => r.split === split)
      .map(one(FIXTURES_DIR, true)),
  };
}

/** The dev (held-out) sets, per kind: public corpora and modern fixtures. */
export function checkerDevSets(): CheckerSet[] {
  const data = loadScamData();
  const sets: CheckerSet[] = [];
  for (const [kind, modelData] of [
    ['sms', data.text],
    ['url', data.url],
  ] as const) {
    for (const set of modelData?.evals ?? []) {
      sets.push({
        name: set.name,
        items: set.examples.map((e) => ({
          id: e.id,
          label: e.label,
          source: e.source,
          modern: e.modern,
          input: { kind, content: e.input },
        })),
      });
    }
  }
  const emails = emailItems('dev');
  sets.push({ name: 'email.dev', items: emails.pub }, { name: 'email.modern', items: emails.mod });
  return sets;
}

/** Training-split emails (raw), for fitting the combiner; the licence filter is the caller's. */
export function trainEmailItems(): LabelledInput[] {
  const { pub, mod } = emailItems('train');
  return [...pub, ...mod];
}

/**
 * The shipped checker (its version said on stderr) and the dev sets, for the benches; undefined, with a
 * line saying why, in a clone without ../shared.
 */
export function shippedCheckerOnDev(): { checker: ScamChecker; sets: CheckerSet[] } | undefined {
  if (!existsSync(join(DATA_DIR, 'README.md'))) {
    process.stderr.write(`skipped: no data set at ${DATA_DIR} (a clone without ../shared)\n`);
    return undefined;
  }
  const checker = createScamChecker({ models: loadScamModelFiles() });
  process.stderr.write(`checker ${checker.version}\n`);
  return { checker, sets: checkerDevSets() };
}
