/**
 * `node --import tsx scripts/scam-misses.ts [set…] [--fp] [--fn] [--verdict=scam|suspicious]`:
 * the whole checker's false positives and false negatives on the named dev
 * sets (`email.dev`, `text.modern`, …), each with its score, the model's
 * log-odds and every reason that moved it — to read the kinds of misses, not
 * to tune on them. One JSON line per miss.
 */

import { createScamChecker } from '../src/protect/engine/index.js';
import { isPositiveLabel } from '../src/protect/engine/model/evaluate.js';
import { loadScamModelFiles } from '../src/protect/load-models.js';
import { checkerDevSets } from './scam-checker-sets.js';

const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const onlyFp = args.includes('--fp');
const onlyFn = args.includes('--fn');
const atSuspicious = args.includes('--verdict=suspicious');

const checker = createScamChecker({ models: loadScamModelFiles() });
for (const set of checkerDevSets()) {
  if (wanted.length > 0 && !wanted.includes(set.name)) continue;
  for (const item of set.items) {
    const { result, features } = checker.analyse(item.input);
    const flagged = atSuspicious ? result.verdict !== 'no_signs' : result.verdict === 'scam';
    const positive = isPositiveLabel(item.label);
    if (flagged === positive) continue;
    if ((onlyFp && positive) || (onlyFn && !positive)) continue;
    const text =
      item.input.raw !== undefined ? '' : item.input.content.replace(/\s+/g, ' ').slice(0, 300);
    process.stdout.write(
      `${JSON.stringify({
        set: set.name,
        id: item.id,
        label: item.label,
        verdict: result.verdict,
        score: Number(result.score.toFixed(3)),
        model: Number(features.model.toFixed(2)),
        link: Number(features.link.toFixed(2)),
        text,
        reasons: result.reasons.map(
          (r) =>
            `${r.code} ${r.weight.toFixed(2)}${r.params?.phrases !== undefined ? ` ${String(r.params.phrases)}` : ''}`,
        ),
      })}\n`,
    );
  }
}
