/**
 * URL model features: hashed character 3–5-grams of the host (across its dots,
 * so "-secure." and "l.com-" are seen), the host's labels, registrable domain
 * and top-level domain as words, words and n-grams of the path and query, and
 * the URL engine's dense lexical features (standardised, after the hashed
 * buckets). Every feature records its span in the input URL for explanations.
 * A leading "www." is dropped first (see featurizeUrl).
 */

import {
  bucketOf,
  FNV_OFFSET,
  fmix32,
  fnvRange,
  fnvStep,
  signOf,
} from '../../../platform/engine-kit/model/hash.js';
import { FeatureAccumulator } from '../../../platform/engine-kit/model/sparse-vector.js';
import { isUserContent, userContentParent } from '../url/hosting-services.js';
import { parseUrl } from '../url/parse-url.js';
import {
  URL_DATASET_ARTEFACT_FEATURES,
  URL_FEATURE_NAMES,
  urlFeatureVector,
} from '../url/url-features.js';
import type { TextFeatures } from './featurize.js';
import type { FeatureSpec } from './model-file.js';
import { OccurrenceLog } from './occurrence-log.js';
import { digitShape, registrableDomain } from './tokenize-text.js';

export type UrlFeatureConfig = FeatureSpec & { kind: 'url' };

export const HOST_GRAMS = 0;
export const HOST_WORDS = 1;
export const PATH_FAMILY = 2;
export const SHAPE_FAMILY = 3;
/** Evidence family of the dense features (they are not hashed, so not normalised as a family). */
export const DENSE_FAMILY = 4;

const SEED_HOST_GRAM = fnvStep(FNV_OFFSET, 0x48);
const SEED_LABEL = fnvStep(FNV_OFFSET, 0x4c);
const SEED_DOMAIN = fnvStep(FNV_OFFSET, 0x44);
const SEED_TLD = fnvStep(FNV_OFFSET, 0x54);
const SEED_DEPTH = fnvStep(FNV_OFFSET, 0x53);
const SEED_PATH_WORD = fnvStep(FNV_OFFSET, 0x50);
const SEED_PATH_GRAM = fnvStep(FNV_OFFSET, 0x51);
const SEED_SHAPE = fnvStep(FNV_OFFSET, 0x56);

/**
 * A host's letter shape: consonant c, vowel v, digit d, other letters u
 * ("hjkknuo" → "cccccvv"). Its n-grams generalise to names never seen in
 * training: machine-made names have consonant runs and digit-letter mixes
 * that registered words rarely have.
 */
function shapeOf(host: string): string {
  let out = '';
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) out += 'd';
    else if (c >= 0x61 && c <= 0x7a) out += 'aeiouy'.includes(host.charAt(i)) ? 'v' : 'c';
    else if (c === 0x2d || c === 0x2e) out += host.charAt(i);
    else out += 'u';
  }
  return out;
}

/** How the URL model saw a span, for the training report: letter shapes for shape n-grams. */
export function urlFeatureText(span: string, family: number): string {
  const lower = span.toLowerCase();
  if (family === SHAPE_FAMILY) return `shape:${shapeOf(lower)}`;
  if (family === PATH_FAMILY) return `path:${lower}`;
  return lower;
}

/** The dense features this build of the engine computes, in order. */
export const DENSE_URL_FEATURES: readonly string[] = URL_FEATURE_NAMES;

/**
 * Dense features that a host-only (public list) example must not teach: the
 * lists' benign URLs were all written `https://host/` by whoever compiled
 * them, so on that data "http" or "no scheme" means "phishing list", not
 * "dishonest". They stay at zero for such examples; the fixtures, whose
 * honest URLs include plain-http pages, teach what the scheme is worth.
 */
const HOST_ONLY_MUTED: ReadonlySet<string> = new Set(URL_DATASET_ARTEFACT_FEATURES);

/** Null when a model's dense features are exactly the ones this engine computes. */
export function denseMismatch(spec: UrlFeatureConfig): string | null {
  const same =
    spec.dense.length === DENSE_URL_FEATURES.length &&
    spec.dense.every((name, i) => name === DENSE_URL_FEATURES[i]);
  return same ? null : 'the model was trained on different URL features than this engine computes';
}

interface Sink {
  readonly acc: FeatureAccumulator;
  readonly log: OccurrenceLog | undefined;
  readonly bits: number;
}

function emit(sink: Sink, family: number, raw: number, start: number, end: number, token: number) {
  const { bucket, sign } = count(sink, family, raw);
  sink.log?.add(bucket, sign, family, { start, end }, token, token);
}

/** A feature occurrence counted now, its evidence logged later (once it is known what to point at). */
interface Counted {
  readonly family: number;
  readonly bucket: number;
  readonly sign: number;
}

function count(sink: Sink, family: number, raw: number): Counted {
  const h = fmix32(raw);
  const bucket = bucketOf(h, sink.bits);
  const sign = signOf(h);
  sink.acc.add(family, bucket, sign);
  return { family, bucket, sign };
}

/** Padded character n-grams of `text[start, end)`; `offset` maps text positions to input positions. */
function grams(
  sink: Sink,
  cfg: UrlFeatureConfig,
  family: number,
  seed: number,
  text: string,
  start: number,
  end: number,
  offset: number,
  token: number,
): void {
  const len = end - start + 2;
  for (let i = 0; i < len; i++) {
    let h = seed;
    for (let k = 0; k < cfg.charMax && i + k < len; k++) {
      const p = start + i + k - 1;
      let c = p < start || p >= end ? 0x20 : text.charCodeAt(p);
      if (c >= 0x30 && c <= 0x39) c = 0x30;
      h = fnvStep(h, c);
      if (k + 1 >= cfg.charMin) {
        const s = Math.min(Math.max(start + i - 1, start), end - 1);
        const e = Math.max(Math.min(start + i + k, end), s + 1);
        emit(sink, family, h, s + offset, e + offset, token);
      }
    }
  }
}

/**
 * Host features. `owned` is how many leading characters of the host its page's
 * owner chose: the whole host, or on a user-content service only the tenant
 * part (`contoso` of `contoso.sharepoint.com`, nothing of `docs.google.com`).
 * Labels past it, the registrable domain and the TLD are the service's and are
 * not read; every label is still a token so explanations keep their spans.
 */
function hostFeatures(
  sink: Sink,
  cfg: UrlFeatureConfig,
  host: string,
  at: number,
  owned: number,
): { tokens: number; depth?: Counted } {
  let token = 0;
  let labelStart = 0;
  const labels = host.split('.');
  const shape = shapeOf(host);
  for (const label of labels) {
    sink.log?.addToken(at + labelStart, at + labelStart + label.length);
    if (label.length > 0 && labelStart + label.length <= owned) {
      const value = /^\d+$/.test(label) ? digitShape(label.length) : label;
      emit(
        sink,
        HOST_WORDS,
        fnvRange(SEED_LABEL, value),
        at + labelStart,
        at + labelStart + label.length,
        token,
      );
      if (label.length <= 63) {
        const end = labelStart + label.length;
        grams(sink, cfg, HOST_GRAMS, SEED_HOST_GRAM, host, labelStart, end, at, token);
        grams(sink, cfg, SHAPE_FAMILY, SEED_SHAPE, shape, labelStart, end, at, token);
      }
    }
    labelStart += label.length + 1;
    token += 1;
  }
  if (owned === host.length) {
    const domain = registrableDomain(host);
    const last = Math.max(0, token - 1);
    emit(
      sink,
      HOST_WORDS,
      fnvRange(SEED_DOMAIN, domain),
      at + host.length - domain.length,
      at + host.length,
      last,
    );
    const tld = labels[labels.length - 1] ?? '';
    emit(
      sink,
      HOST_WORDS,
      fnvRange(SEED_TLD, tld),
      at + host.length - tld.length,
      at + host.length,
      last,
    );
  }
  const depth = fnvStep(SEED_DEPTH, 0x30 + Math.min(labels.length, 6));
  if (owned === host.length) {
    emit(sink, HOST_WORDS, depth, at, at + host.length, 0);
    return { tokens: token };
  }
  // Counted in the same order as always (the vector's bits stay the same); its evidence goes
  // where the dense features' does, not on the service's name.
  return { tokens: token, depth: count(sink, HOST_WORDS, depth) };
}

function pathFeatures(
  sink: Sink,
  cfg: UrlFeatureConfig,
  tail: string,
  at: number,
  firstToken: number,
): number {
  let token = firstToken;
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(tail); m !== null; m = word.exec(tail)) {
    const start = m.index;
    const end = start + m[0].length;
    sink.log?.addToken(at + start, at + end);
    const value =
      m[0].length > 40 ? '<longword>' : m[0].replace(/\d+/g, (d) => digitShape(d.length));
    emit(sink, PATH_FAMILY, fnvRange(SEED_PATH_WORD, value), at + start, at + end, token);
    if (m[0].length <= 40)
      grams(sink, cfg, PATH_FAMILY, SEED_PATH_GRAM, tail, start, end, at, token);
    token += 1;
  }
  return token;
}

/** How many leading characters of `host` its page's owner chose (see hostFeatures). */
function ownedLength(cfg: UrlFeatureConfig, host: string, path: string): number {
  if (cfg.maskServiceHost !== true || !isUserContent(host, path)) return host.length;
  const parent = userContentParent(host) ?? '';
  return Math.max(0, host.length - parent.length - 1);
}

/**
 * What the dense features (and, on such a page, the host's depth) point at in an explanation:
 * the host, or on a page whose service name is not read (see ownedLength) the part its owner
 * chose, else the path. Pointing them at `docs.google.com` would quote Google's name as "built
 * like phishing" for someone's form.
 */
function denseEvidence(
  host: string,
  owned: number,
  hostTokens: number,
  tokens: number,
  hostSpan: { start: number; end: number },
  tail: { start: number; end: number },
): { span: { start: number; end: number }; first: number; last: number } | undefined {
  if (owned === host.length) {
    return hostTokens === 0 ? undefined : { span: hostSpan, first: 0, last: hostTokens - 1 };
  }
  if (owned > 0) {
    const labels = host.slice(0, owned).split('.').length;
    return {
      span: { start: hostSpan.start, end: hostSpan.start + owned },
      first: 0,
      last: labels - 1,
    };
  }
  if (tokens > hostTokens) return { span: tail, first: hostTokens, last: tokens - 1 };
  return undefined;
}

/**
 * Featurize a URL. `hostOnly` drops everything after the host (used in
 * training for lists whose benign URLs are bare home pages, so the model
 * cannot learn "has a path = phishing").
 */
export function featurizeUrl(
  input: string,
  cfg: UrlFeatureConfig,
  withEvidence = false,
  hostOnly = false,
): TextFeatures {
  const capped = input.length > cfg.maxChars ? input.slice(0, cfg.maxChars) : input;
  // "www." says nothing about a site today, but the public benign lists never
  // have it and the phishing lists often do: read every host without it.
  const first = parseUrl(capped);
  const www = /^www\.[^.]+\./i.test(first.rawHost) ? first.hostSpan.start : -1;
  const url = www < 0 ? capped : capped.slice(0, www) + capped.slice(www + 4);
  const parsed = www < 0 ? first : parseUrl(url);
  const log = !withEvidence ? undefined : www < 0 ? new OccurrenceLog() : new OccurrenceLog(www, 4);
  const sink: Sink = { acc: new FeatureAccumulator(4), log, bits: cfg.hashBits };
  const host = parsed.rawHost.toLowerCase();
  const owned = ownedLength(cfg, host, parsed.path);
  const hostRead =
    host.length > 0 ? hostFeatures(sink, cfg, host, parsed.hostSpan.start, owned) : { tokens: 0 };
  const hostTokens = hostRead.tokens;
  const tailStart = parsed.pathSpan.start;
  const tokens = hostOnly
    ? hostTokens
    : pathFeatures(sink, cfg, url.slice(tailStart).toLowerCase(), tailStart, hostTokens);
  const denseAt = denseEvidence(host, owned, hostTokens, tokens, parsed.hostSpan, {
    start: tailStart,
    end: url.length,
  });
  const depth = hostRead.depth;
  if (depth !== undefined && denseAt !== undefined) {
    sink.log?.add(
      depth.bucket,
      depth.sign,
      depth.family,
      denseAt.span,
      denseAt.first,
      denseAt.last,
    );
  }
  const dense = urlFeatureVector(url, { pathFeatures: !hostOnly });
  const base = 1 << cfg.hashBits;
  for (let k = 0; k < cfg.dense.length; k++) {
    const raw = hostOnly && HOST_ONLY_MUTED.has(cfg.dense[k] ?? '') ? 0 : (dense[k] ?? 0);
    const scaled = (raw - (cfg.denseShift[k] ?? 0)) / (cfg.denseScale[k] || 1);
    const v = Math.max(-cfg.denseClip, Math.min(cfg.denseClip, scaled));
    sink.acc.set(base + k, v);
    if (v !== 0 && denseAt !== undefined) {
      sink.log?.add(base + k, 1, DENSE_FAMILY, denseAt.span, denseAt.first, denseAt.last);
    }
  }
  const vector = sink.acc.toVector();
  const truncated = input.length > cfg.maxChars || parsed.truncated;
  return log === undefined ? { vector, truncated } : { vector, truncated, evidence: log.finish() };
}
