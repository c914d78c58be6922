/**
 * The readings of a prompt as the equivalence test compares them: each reading's label,
 * flags, decoded mark, length and a digest of its text, and the reasons found while
 * making them. Run this file to re-record `variants-before.json` — only when a reader's
 * behaviour is changed on purpose (the file pins the readings from before the issue 6
 * speed work):
 *
 *   node --import tsx src/safeguards/engine/test-support/record-readings.ts
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promptText, variantsOf } from '../classify-prompt.js';
import type { ClassifyInput } from '../types.js';
import { equivalencePrompts } from './equivalence-prompts.js';

export type ReadingRecord = {
  variants: [label: string, flags: string, decoded: boolean, chars: number, sha256: string][];
  reasons: [code: string, evidence: string][];
};

export const READINGS_FIXTURE = join(import.meta.dirname, 'variants-before.json');

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export function readingRecord(input: ClassifyInput): ReadingRecord {
  const { variants, reasons } = variantsOf(promptText(input));
  return {
    variants: variants.map((v) => [
      v.label,
      v.flags.join(' '),
      v.decoded === true,
      v.clean.length,
      digest(v.clean),
    ]),
    reasons: reasons.map((r) => [r.code, r.evidence]),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(READINGS_FIXTURE, `${JSON.stringify(equivalencePrompts().map(readingRecord))}\n`);
}
