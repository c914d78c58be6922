/**
 * Bounded edit distance (optimal string alignment: insert, delete, substitute,
 * swap two neighbours) for comparing short host labels with brand names.
 * Returns `max + 1` as soon as the distance must exceed `max`, so comparing a
 * label with hundreds of brands stays cheap. Inputs are at most a DNS label
 * (63 characters); longer inputs are rejected up front.
 */
const MAX_LEN = 64;
// Reused rows: the engine is synchronous, so one set of buffers serves every call without allocation.
let rowA = new Int32Array(MAX_LEN + 1);
let rowB = new Int32Array(MAX_LEN + 1);
let rowC = new Int32Array(MAX_LEN + 1);
const bag = new Int32Array(128);

/**
 * Lower bound on the edit distance from letter counts alone (each edit changes
 * at most one count on each side; a swap changes none). Cheap, O(n + m).
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 127;
    bag[k] = (bag[k] ?? 0) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 127;
    bag[k] = (bag[k] ?? 0) - 1;
  }
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 127;
    if ((bag[k] ?? 0) > 0) plus += bag[k] ?? 0;
    bag[k] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 127;
    if ((bag[k] ?? 0) < 0) minus -= bag[k] ?? 0;
    bag[k] = 0;
  }
  return Math.max(plus, minus);
}

export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > MAX_LEN || b.length > MAX_LEN) return max + 1;
  if (a === b) return 0;
  if (bagDistance(a, b) > max) return max + 1;
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  [rowA, rowB, rowC] = [prevPrev, prev, cur];
  const d = prev[b.length] ?? max + 1;
  return d > max ? max + 1 : d;
}

/** Letters people misread as each other at a glance (after the skeleton has folded 0/o, 1/l, rn/m). */
const VISUAL_PAIRS = new Set([
  'il',
  'ij',
  'lj',
  'oq',
  'mn',
  'uv',
  'gq',
  'ce',
  'ao',
  'bd',
  'pq',
  'ft',
  'hn',
  'ae',
]);

/** Narrow letters an eye slides over when one is added or dropped (`coinlbase`). */
const THIN = new Set(['i', 'l', 'j', 't']);

/**
 * For names under ten letters a single edit turns many honest words into
 * "look-alikes" (`apply` vs `apple`, `dfinity` vs `xfinity`). Accept one edit
 * only when it is the kind a reader's eye skips: swapping two neighbours,
 * doubling or dropping a doubled letter, adding or dropping a thin letter
 * after the first, or a visually similar substitution after the first letter.
 */
export function isVisualSingleEdit(candidate: string, brand: string): boolean {
  if (candidate.length === brand.length) {
    const diffs: number[] = [];
    for (let i = 0; i < brand.length && diffs.length <= 2; i++) {
      if (candidate[i] !== brand[i]) diffs.push(i);
    }
    if (diffs.length === 1) {
      const i = diffs[0] ?? 0;
      if (i === 0) return false; // a different first letter is noticed at once
      const pair = [candidate[i], brand[i]].sort().join('');
      return VISUAL_PAIRS.has(pair);
    }
    const [x, y] = diffs;
    return (
      diffs.length === 2 &&
      x !== undefined &&
      y === x + 1 &&
      candidate[x] === brand[y] &&
      candidate[y] === brand[x]
    );
  }
  const [longer, shorter] =
    candidate.length > brand.length ? [candidate, brand] : [brand, candidate];
  if (longer.length !== shorter.length + 1) return false;
  let k = 0;
  while (k < shorter.length && longer[k] === shorter[k]) k++;
  if (longer.slice(k + 1) !== shorter.slice(k)) return false;
  const extra = longer[k] ?? '';
  // The extra letter repeats a neighbour (`paypall`, `amazzon`, `aple`) or is thin and not first (`coinlbase`).
  return extra === longer[k - 1] || extra === longer[k + 1] || (k > 0 && THIN.has(extra));
}
