/**
 * `node --import tsx scripts/scam-signal-census.ts`: how often each rule signal
 * fires on the TRAINING emails the combiner may be fitted on, by label, public
 * corpora (2002–03) and modern fixtures apart. A signal that fires on genuine
 * mail about as often as on scams needs a narrower rule, not a smaller weight.
 */
import { createScamChecker } from '../src/protect/engine/index.js';
import { isPositiveLabel } from '../src/protect/engine/model/evaluate.js';
import { mayTrainOn } from '../src/protect/engine/model/training-data.js';
import { loadScamModelFiles } from '../src/protect/load-models.js';
import { trainEmailItems } from './scam-checker-sets.js';

const checker = createScamChecker({ models: loadScamModelFiles() });
const counts = new Map<string, number[]>();
const totals = [0, 0, 0, 0];
for (const item of trainEmailItems().filter((i) => mayTrainOn(i.source))) {
  const slot = (item.modern ? 2 : 0) + (isPositiveLabel(item.label) ? 1 : 0);
  totals[slot] = (totals[slot] ?? 0) + 1;
  for (const code of Object.keys(checker.analyse(item.input).features.priors)) {
    const c = counts.get(code) ?? [0, 0, 0, 0];
    c[slot] = (c[slot] ?? 0) + 1;
    counts.set(code, c);
  }
}
process.stdout.write(
  `signal\tpublic genuine/${totals[0]}\tpublic scam/${totals[1]}\tmodern genuine/${totals[2]}\tmodern scam/${totals[3]}\n`,
);
for (const [code, c] of [...counts].sort()) process.stdout.write(`${code}\t${c.join('\t')}\n`);
