/**
 * Which country's phone numbering a message most likely uses, from words
 * and symbols in it ("₹", "HMRC", Japanese script, "+61"…). Only used to
 * read national numbers without a `+` (`07700 900123` is British,
 * `98765 43210` Indian, `090-1234-5678` Japanese); never a verdict.
 */

export type Market = 'US' | 'UK' | 'IN' | 'JP' | 'AU' | 'FR' | 'DE';

/** Lower-case cues per market (`|`-separated). Short ones are matched as whole words. */
export const CUE_TEXT: Readonly<Record<Market, string>> = {
  US: 'usps|irs|zip code|social security|venmo|zelle|cash app|e-zpass|ezpass|sunpass|fastrak|medicare|walmart|usd',
  UK: '£|hmrc|royal mail|evri|dvla|nhs|council tax|postcode|gbp|uk|natwest|barclays|lloyds|halifax|mum|pence|ppm|quid|ofcom',
  IN: '₹|rs.|rs|inr|upi|aadhaar|aadhar|pan card|kyc|sbi|paytm|india|lakh|crore|hdfc|icici|fastag',
  JP: '¥|円|japan|yamato|sagawa|docomo|rakuten',
  AU: 'auspost|australia post|mygov|ato|centrelink|linkt|aud|a$|commbank|westpac|telstra',
  FR: 'colis|votre|vous|ameli|impots|la poste',
  DE: 'paket|ihr|sie|konto|sparkasse|bitte',
};
export const MARKETS: readonly Market[] = ['US', 'UK', 'IN', 'JP', 'AU', 'FR', 'DE'];
const CUES: ReadonlyMap<Market, readonly string[]> = new Map(
  MARKETS.map((m) => [m, CUE_TEXT[m].split('|')]),
);
export const CALLING_CODES: Readonly<Record<Market, string>> = {
  US: '+1',
  UK: '+44',
  IN: '+91',
  JP: '+81',
  AU: '+61',
  FR: '+33',
  DE: '+49',
};
const MAX_SCAN = 20_000;

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/** Occurrences of `cue` (at most 5, left to right, not overlapping), whole words only when it starts with a letter or digit. */
function countWord(text: string, cue: string): number {
  let n = 0;
  const alpha = isWordChar(cue.charCodeAt(0));
  for (let at = text.indexOf(cue); at >= 0 && n < 5; at = text.indexOf(cue, at + cue.length)) {
    const before = at === 0 || !isWordChar(text.charCodeAt(at - 1)) || !alpha;
    const after = at + cue.length >= text.length || !isWordChar(text.charCodeAt(at + cue.length));
    if (before && (after || !alpha)) n++;
  }
  return n;
}

function isWholeWord(cue: string): boolean {
  for (let i = 0; i < cue.length; i++) if (!isWordChar(cue.charCodeAt(i))) return false;
  return cue.length > 0;
}

/**
 * One walk over the text counts every cue of only letters and digits ("hmrc",
 * "uk"): such a cue counts where a whole run of letters and digits equals it,
 * and two of its occurrences never overlap (the second would start inside a
 * word), so counting runs gives what `countWord` gives. The few other cues
 * ("£", "zip code", "rs.") are searched for one by one, and only when the walk
 * saw what they must start with: a cue that starts with a letter counts only
 * at the start of a word, so its first word must be one of the runs.
 */
interface WordCue {
  readonly market: number;
  readonly id: number;
}
interface OtherCue {
  readonly market: number;
  readonly cue: string;
  /** Its leading run of letters and digits (`zip` of `zip code`), or '' when it starts with a symbol. */
  readonly lead: string;
}
const WORD_CUES = new Map<string, WordCue[]>();
const OTHER_CUES: OtherCue[] = [];
/** Leading runs of the other cues, so the walk notes when it passes one. */
const LEADS = new Map<string, number>();
let wordCueCount = 0;
for (const [market, m] of MARKETS.entries()) {
  for (const cue of CUES.get(m) ?? []) {
    if (isWholeWord(cue)) {
      const refs = WORD_CUES.get(cue) ?? [];
      refs.push({ market, id: wordCueCount++ });
      WORD_CUES.set(cue, refs);
      continue;
    }
    let k = 0;
    while (k < cue.length && isWordChar(cue.charCodeAt(k))) k++;
    const lead = cue.slice(0, k);
    if (lead !== '' && !LEADS.has(lead)) LEADS.set(lead, LEADS.size);
    OTHER_CUES.push({ market, cue, lead });
  }
}
const RUNS = [...WORD_CUES.keys(), ...LEADS.keys()];
const LONGEST_RUN = Math.max(...RUNS.map((c) => c.length));
/**
 * The first two units of every run worth looking up (a one-unit run counts
 * its end as the second, 0), so most words are passed over without a lookup.
 */
const OPENINGS = new Uint8Array(128 * 128);
for (const run of RUNS) OPENINGS[run.charCodeAt(0) * 128 + (run.charCodeAt(1) || 0)] = 1;

interface Walk {
  /** Per market: its whole-word cues' counts (each cue at most 5). */
  readonly scores: Float64Array;
  /** Which leading runs of the other cues occur as whole runs. */
  readonly leads: Uint8Array;
  readonly plus: boolean;
  readonly nonAscii: boolean;
  readonly kana: boolean;
}

function walk(text: string): Walk {
  const scores = new Float64Array(MARKETS.length);
  const counts = new Uint8Array(wordCueCount);
  const leads = new Uint8Array(LEADS.size);
  let plus = false;
  let nonAscii = false;
  let kana = false;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (c === 0x2b) plus = true;
    else if (c >= 0x80) {
      nonAscii = true;
      if (c >= 0x3040 && c <= 0x30ff) kana = true; // hiragana / katakana: Japanese, not Chinese
    }
    if (start < 0) continue;
    const opening = text.charCodeAt(start) * 128 + (i - start > 1 ? text.charCodeAt(start + 1) : 0);
    if (i - start <= LONGEST_RUN && OPENINGS[opening] === 1) {
      const run = text.slice(start, i);
      for (const ref of WORD_CUES.get(run) ?? []) {
        if ((counts[ref.id] as number) < 5) {
          counts[ref.id] = (counts[ref.id] as number) + 1;
          scores[ref.market] = (scores[ref.market] as number) + 1;
        }
      }
      const lead = LEADS.get(run);
      if (lead !== undefined) leads[lead] = 1;
    }
    start = -1;
  }
  return { scores, leads, plus, nonAscii, kana };
}

/** `+44` counts inside `+447700900123` too: every number with that prefix belongs to that country. */
function countPrefix(text: string, code: string): number {
  let n = 0;
  for (let at = text.indexOf(code); at >= 0 && n < 5; at = text.indexOf(code, at + code.length))
    n++;
  return n;
}

/** Whether a cue could occur at all, from what the walk saw (false only when it cannot). */
function mayOccur(w: Walk, cue: OtherCue): boolean {
  if (cue.lead !== '') return w.leads[LEADS.get(cue.lead) as number] === 1;
  const first = cue.cue.charCodeAt(0);
  return first >= 0x80 ? w.nonAscii : first === 0x2b ? w.plus : true;
}

/** The market with the most cues, or undefined when there is none or a tie. */
export function inferMarket(text: string): Market | undefined {
  const lower = text.slice(0, MAX_SCAN).toLowerCase();
  const w = walk(lower);
  const { scores } = w;
  for (const cue of OTHER_CUES) {
    if (mayOccur(w, cue))
      scores[cue.market] = (scores[cue.market] as number) + countWord(lower, cue.cue);
  }
  let best = -1;
  let bestScore = 0;
  let tied = false;
  for (const [i, market] of MARKETS.entries()) {
    let score = scores[i] as number;
    if (w.plus) score += countPrefix(lower, CALLING_CODES[market]) * 3;
    if (market === 'JP' && w.kana) score += 5;
    if (score > bestScore) {
      best = i;
      bestScore = score;
      tied = false;
    } else if (score === bestScore && score > 0) {
      tied = true;
    }
  }
  return best < 0 || tied ? undefined : MARKETS[best];
}
