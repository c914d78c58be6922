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
import { normalizeText } from './normalize-text.js';
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
  readonly acc: FeatureAccumulator;
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
  sink.acc.add(family, bucket, sign);
  if (sink.log !== undefined) {
    const start = sink.from[normStart] ?? 0;
    const end = sink.to[normEnd - 1] ?? start;
    sink.log.add(bucket, sign, family, { start, end }, first, last);
  }
}

/** Character n-grams of `text[start, end)` padded with a boundary mark on each side; digits read as 0. */
function charGrams(
  sink: Sink,
  cfg: TextFeatureConfig,
  text: string,
  start: number,
  end: number,
  token: number,
): void {
  const len = end - start + 2;
  for (let i = 0; i < len; i++) {
    let h = SEED_CHAR;
    for (let k = 0; k < cfg.charMax && i + k < len; k++) {
      const p = start + i + k - 1;
      let c = p < start || p >= end ? 0x20 : text.charCodeAt(p);
      if (c >= 0x30 && c <= 0x39) c = 0x30;
      h = fnvStep(h, c);
      if (k + 1 >= cfg.charMin) {
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

/**
 * Featurize a text. With `withEvidence`, also record where each feature came
 * from (about twice as slow; used only to explain a verdict).
 */
export function featurizeText(
  input: string,
  cfg: TextFeatureConfig = DEFAULT_TEXT_FEATURES,
  withEvidence = false,
): TextFeatures {
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
  // Offsets are into the text after the skipped prefix; the log moves them back.
  const log = withEvidence ? new OccurrenceLog(0, skip) : undefined;
  const sink: Sink = {
    acc: new FeatureAccumulator(2),
    log,
    bits: cfg.hashBits,
    from: norm.from,
    to: norm.to,
  };
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
  const vector = sink.acc.toVector();
  const truncated = norm.truncated || tokens.length >= cfg.maxTokens;
  return log === undefined ? { vector, truncated } : { vector, truncated, evidence: log.finish() };
}
