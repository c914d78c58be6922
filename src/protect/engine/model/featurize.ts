/**
 * The text featurizer shared by the message and the email-content models:
 * normalised text → tokens → word unigrams and bigrams, character 3–5-grams
 * inside words, and the registrable domain of each web address, all hashed
 * with signs into 2^hashBits buckets. Linear in the input, capped at
 * `maxChars` characters and `maxTokens` tokens.
 */
import {
  bucketOf,
  FNV_OFFSET,
  fmix32,
  fnvRange,
  fnvStep,
  signOf,
} from '../../../platform/engine-kit/model/hash.js';
import {
  FeatureAccumulator,
  type SparseVector,
} from '../../../platform/engine-kit/model/sparse-vector.js';
import { type NormalizedText, normalizeText } from './normalize-text.js';
import { type FeatureEvidence, OccurrenceLog } from './occurrence-log.js';
import {
  hostSpan,
  registrableDomain,
  siteNameToken,
  type Token,
  tokenize,
} from './tokenize-text.js';

export interface TextFeatureConfig {
  readonly hashBits: number;
  readonly maxChars: number;
  readonly maxTokens: number;
  readonly charMin: number;
  readonly charMax: number;
  /**
   * Skip "Re:", "Fwd:"… at the very start (an email's subject line): in the
   * public ham corpus nearly every message is a mailing-list reply, so the
   * prefix would be learned as "genuine" although anyone can type it.
   */
  readonly dropReplyPrefix?: boolean;
}

const REPLY_PREFIX =
  /^\s*(?:(?:re|fwd?|fw|aw|sv|tr|antw|wg|rif|enc)\s?(?:\[\d{1,4}\]|\(\d{1,4}\))?\s?:\s*){1,10}/i;

/** Length of the reply/forward prefixes at the start of `input` (0 when none). */
export function replyPrefixLength(input: string): number {
  return REPLY_PREFIX.exec(input.slice(0, 200))?.[0].length ?? 0;
}

export const DEFAULT_TEXT_FEATURES: TextFeatureConfig = Object.freeze({
  hashBits: 18,
  maxChars: 20_000,
  maxTokens: 5_000,
  charMin: 3,
  charMax: 5,
});

/** Feature families, each normalised on its own (see sparse-vector.ts). */
export const WORD_FAMILY = 0;
export const CHAR_FAMILY = 1;

export interface TextFeatures {
  readonly vector: SparseVector;
  readonly truncated: boolean;
  /** Present when evidence was asked for. */
  readonly evidence?: FeatureEvidence;
}

// A different seed per kind of feature, so the word "pay" and the n-gram "pay" differ.
const SEED_UNIGRAM = fnvStep(FNV_OFFSET, 0x75);
const SEED_BIGRAM = fnvStep(FNV_OFFSET, 0x62);
const SEED_CHAR = fnvStep(FNV_OFFSET, 0x63);
const SEED_DOMAIN = fnvStep(FNV_OFFSET, 0x64);
const SEED_TLD = fnvStep(FNV_OFFSET, 0x74);

interface Sink {
  /** Undefined when the vector is already known and only the evidence is wanted. */
  readonly acc: FeatureAccumulator | undefined;
  readonly log: OccurrenceLog | undefined;
  readonly bits: number;
  /** Normalised-text offsets → original offsets. */
  readonly from: Uint32Array;
  readonly to: Uint32Array;
}

function emit(
  sink: Sink,
  family: number,
  rawHash: number,
  normStart: number,
  normEnd: number,
  first: number,
  last: number,
): void {
  const h = fmix32(rawHash);
  const bucket = bucketOf(h, sink.bits);
  const sign = signOf(h);
  sink.acc?.add(family, bucket, sign);
  if (sink.log !== undefined) {
    const start = sink.from[normStart] ?? 0;
    const end = sink.to[normEnd - 1] ?? start;
    sink.log.add(bucket, sign, family, { start, end }, first, last);
  }
}

/** A word's padded, digit-folded code units (reused: words are at most a few hundred units). */
let padded = new Uint16Array(64);

/**
 * Character n-grams of `text[start, end)` padded with a boundary mark on each side; digits read as 0.
 * The word's units are read once; each gram extends the hash of the one before it.
 */
function charGrams(
  sink: Sink,
  cfg: TextFeatureConfig,
  text: string,
  start: number,
  end: number,
  token: number,
): void {
  const len = end - start + 2;
  if (padded.length < len) padded = new Uint16Array(len * 2);
  const codes = padded;
  codes[0] = 0x20;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    codes[p - start + 1] = c >= 0x30 && c <= 0x39 ? 0x30 : c;
  }
  codes[len - 1] = 0x20;
  const { charMin, charMax } = cfg;
  if (sink.log !== undefined) {
    charGramsLogged(sink, codes, len, charMin, charMax, start, end, token);
    return;
  }
  const { acc, bits } = sink;
  if (acc === undefined) return;
  for (let i = 0; i < len; i++) {
    let h = SEED_CHAR;
    const last = Math.min(charMax, len - i);
    for (let k = 0; k < last; k++) {
      h = fnvStep(h, codes[i + k] as number);
      if (k + 1 >= charMin) {
        const f = fmix32(h);
        acc.add(CHAR_FAMILY, bucketOf(f, bits), signOf(f));
      }
    }
  }
}

/** `charGrams` when evidence is kept: each gram also records the span of the word it covers. */
function charGramsLogged(
  sink: Sink,
  codes: Uint16Array,
  len: number,
  charMin: number,
  charMax: number,
  start: number,
  end: number,
  token: number,
): void {
  for (let i = 0; i < len; i++) {
    let h = SEED_CHAR;
    const last = Math.min(charMax, len - i);
    for (let k = 0; k < last; k++) {
      h = fnvStep(h, codes[i + k] as number);
      if (k + 1 >= charMin) {
        const s = Math.min(Math.max(start + i - 1, start), end - 1);
        const e = Math.max(Math.min(start + i + k, end), s + 1);
        emit(sink, CHAR_FAMILY, h, s, e, token, token);
      }
    }
  }
}

/** The registrable domain and top-level domain of a URL token, as words and as n-grams. */
function urlParts(
  sink: Sink,
  cfg: TextFeatureConfig,
  text: string,
  tok: Token,
  index: number,
): void {
  const span = hostSpan(text.slice(tok.start, tok.end));
  const host = text.slice(tok.start + span.start, tok.start + span.end);
  if (host.length === 0) return;
  const domain = registrableDomain(host);
  const domainStart = tok.start + span.end - domain.length;
  const hostEnd = tok.start + span.end;
  emit(sink, WORD_FAMILY, fnvRange(SEED_DOMAIN, domain), domainStart, hostEnd, index, index);
  const dot = host.lastIndexOf('.');
  if (dot >= 0) {
    const tldStart = tok.start + span.start + dot + 1;
    emit(
      sink,
      WORD_FAMILY,
      fnvRange(SEED_TLD, text, tldStart, hostEnd),
      tldStart,
      hostEnd,
      index,
      index,
    );
  }
  const label = domain.indexOf('.');
  const labelEnd = label > 0 ? domainStart + label : hostEnd;
  if (labelEnd - domainStart <= 40) charGrams(sink, cfg, text, domainStart, labelEnd, index);
}

/** A text normalised and tokenised as the features read it. */
interface Prepared {
  /** Length of the reply prefix left out. */
  readonly skip: number;
  readonly norm: NormalizedText;
  readonly tokens: readonly Token[];
}

function prepare(input: string, cfg: TextFeatureConfig): Prepared {
  const skip = cfg.dropReplyPrefix === true ? replyPrefixLength(input) : 0;
  const body = skip > 0 ? input.slice(skip) : input;
  const norm = normalizeText(body, cfg.maxChars);
  const text = norm.text;
  const tokens = tokenize(text, cfg.maxTokens).map((t) =>
    t.kind === 'url'
      ? siteNameToken(
          t,
          text.slice(t.start, t.end),
          body.slice(norm.from[t.start] ?? 0, norm.to[t.end - 1] ?? 0),
        )
      : t,
  );
  return { skip, norm, tokens };
}

/**
 * The last text featurized without evidence. A scorer explains the text it
 * has just scored (the checker scores, then asks why): that explanation then
 * reuses the normalised text, the tokens and the vector, and only records
 * where each feature came from. Vectors are read-only, so sharing one is safe.
 */
let lastScored:
  | {
      readonly input: string;
      readonly cfg: TextFeatureConfig;
      readonly prepared: Prepared;
      readonly vector: SparseVector;
    }
  | undefined;

/**
 * Featurize a text. With `withEvidence`, also record where each feature came
 * from (about twice as slow; used only to explain a verdict).
 */
export function featurizeText(
  input: string,
  cfg: TextFeatureConfig = DEFAULT_TEXT_FEATURES,
  withEvidence = false,
): TextFeatures {
  const known =
    withEvidence && lastScored !== undefined && lastScored.cfg === cfg && lastScored.input === input
      ? lastScored
      : undefined;
  const prepared = known?.prepared ?? prepare(input, cfg);
  const { skip, norm, tokens } = prepared;
  const text = norm.text;
  // Offsets are into the text after the skipped prefix; the log moves them back.
  const log = withEvidence ? new OccurrenceLog(0, skip) : undefined;
  const acc = known === undefined ? new FeatureAccumulator(2) : undefined;
  const sink: Sink = { acc, log, bits: cfg.hashBits, from: norm.from, to: norm.to };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    log?.addToken(norm.from[tok.start] ?? 0, norm.to[tok.end - 1] ?? 0);
    const uni = fnvRange(SEED_UNIGRAM, tok.value);
    emit(sink, WORD_FAMILY, uni, tok.start, tok.end, i, i);
    if (i > 0) {
      const prev = tokens[i - 1] as Token;
      const bi = fnvRange(fnvStep(fnvRange(SEED_BIGRAM, prev.value), 0x20), tok.value);
      emit(sink, WORD_FAMILY, bi, prev.start, tok.end, i - 1, i);
    }
    if (tok.kind === 'word' && tok.value !== '<longword>') {
      charGrams(sink, cfg, text, tok.start, tok.end, i);
    } else if (tok.kind === 'url') {
      urlParts(sink, cfg, text, tok, i);
    }
  }
  const vector = known?.vector ?? (acc as FeatureAccumulator).toVector();
  if (!withEvidence) lastScored = { input, cfg, prepared, vector };
  const truncated = norm.truncated || tokens.length >= cfg.maxTokens;
  return log === undefined ? { vector, truncated } : { vector, truncated, evidence: log.finish() };
}
