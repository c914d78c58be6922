/**
 * `node --import tsx scripts/scam-cue-census.ts [sms|email] [phrase…]`: how often each
 * cue phrase (or the phrases given) fires on the TRAINING split, by label — public
 * corpora and modern fixtures apart — so a cue is judged on data it may be fitted
 * on, never on dev. A phrase that fires as often on genuine messages as on scams
 * is wording, not a cue.
 */
import { CUES } from '../src/protect/engine/cues/cue-table.js';
import { findPhrases, foldText } from '../src/protect/engine/cues/fold-text.js';
import { parseEmail } from '../src/protect/engine/email/index.js';
import { isPositiveLabel } from '../src/protect/engine/model/evaluate.js';
import { mayTrainOn } from '../src/protect/engine/model/training-data.js';
import { trainEmailItems } from './scam-checker-sets.js';
import { loadScamData } from './train-scam.js';

const [kind = 'email', ...given] = process.argv.slice(2);
const phrases = given.length > 0 ? given : [...new Set(CUES.flatMap((c) => c.phrases))];

interface Doc {
  readonly text: string;
  readonly positive: boolean;
  readonly modern: boolean;
}

function docs(): Doc[] {
  if (kind === 'email') {
    // Only what may be trained on: the CC BY-NC phishing set is for evaluation alone.
    return trainEmailItems()
      .filter((i) => mayTrainOn(i.source))
      .map((i) => {
        const parsed = parseEmail(i.input.raw ?? new Uint8Array());
        return {
          text: `${parsed.subject}\n${parsed.body}`,
          positive: isPositiveLabel(i.label),
          modern: i.modern,
        };
      });
  }
  const text = loadScamData().text;
  return (text?.train ?? []).map((e) => ({
    text: e.input,
    positive: isPositiveLabel(e.label),
    modern: e.modern,
  }));
}

const all = docs();
const counts = new Map<string, number[]>(phrases.map((p) => [p, [0, 0, 0, 0]]));
const totals = [0, 0, 0, 0];
for (const d of all) {
  const slot = (d.modern ? 2 : 0) + (d.positive ? 1 : 0);
  totals[slot] = (totals[slot] ?? 0) + 1;
  for (const hit of findPhrases(foldText(d.text).text, phrases)) {
    const c = counts.get(hit.phrase);
    if (c !== undefined) c[slot] = (c[slot] ?? 0) + 1;
  }
}
process.stdout.write(
  `phrase\tpublic genuine/${totals[0]}\tpublic scam/${totals[1]}\tmodern genuine/${totals[2]}\tmodern scam/${totals[3]}\n`,
);
for (const [p, c] of counts)
  if (c.some((n) => n > 0)) process.stdout.write(`${p}\t${c.join('\t')}\n`);
