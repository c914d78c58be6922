/**
 * The readings of a prompt as the equivalence test compares them: each reading's label,
 * flags, decoded mark, length and a digest of its text, and the reasons found while
 * making them. Run this file to re-record `variants-before.json` — only when a reader's
 * behaviour is changed on purpose (the file pins the readings from before the issue 6
 * speed work):
 *
 *   node --import tsx scripts/record-safeguards-readings.ts
 *
 * It lives here, not beside the engine, because it reads and writes files (engine code may not).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promptText, variantsOf } from '../src/safeguards/engine/classify-prompt.js';
import { equivalencePrompts } from '../src/safeguards/engine/test-support/equivalence-prompts.js';
import type { ClassifyInput } from '../src/safeguards/engine/types.js';

export type ReadingRecord = {
  variants: [label: string, flags: string, decoded: boolean, chars: number, sha256: string][];
  reasons: [code: string, evidence: string][];
};

export const READINGS_FIXTURE = join(
  import.meta.dirname,
  '../src/safeguards/engine/test-support/variants-before.json',
);

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
