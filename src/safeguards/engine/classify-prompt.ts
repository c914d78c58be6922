/**
 * The real-time classifier: de-obfuscate, read every variant of the prompt
 * (as written, without jailbreak wrappers, leetspeak decoded, each hidden
 * base64/hex/URL/rot13 layer), score each with the trained heads, keep the
 * riskiest reading, and explain it. Pure and deterministic; the work is
 * linear in the prompt and bounded by MAX_PROMPT_CHARS.
 */

import { bucketOf, signOf } from '../../platform/engine-kit/model/hash.js';
import { sigmoid } from '../../platform/engine-kit/model/linear-model.js';
import type { SparseVector } from '../../platform/engine-kit/model/sparse-vector.js';
import { findCues } from './cues.js';
import { decodeLayers } from './decode-layers.js';
import { featurizePrompt, type PromptFeatureConfig, wordHash } from './featurize-prompt.js';
import { INTENT_MESSAGES, type IntentReading, readIntent } from './intent-clauses.js';
import type { DecodedHead, HeadId } from './model/model-file.js';
import { cleanText, countInvisible, deleet, MAX_PROMPT_CHARS } from './normalize-prompt.js';
import { ownDeviceCheck } from './own-device-check.js';
import { partnerSpying } from './partner-spying.js';
import { type ScoringTables, scoreReading, scoringTables } from './reading-scorer.js';
import { DEFAULT_SAFEGUARD_POLICY, decide, type SafeguardPolicy } from './safeguard-policy.js';
import {
  type CategoryScore,
  type Classification,
  type ClassifyInput,
  type Reason,
  RISK_CATEGORIES,
  type RiskCategory,
} from './types.js';
import { stripWrappers } from './wrappers.js';

export interface SafeguardsModel {
  readonly features: PromptFeatureConfig;
  readonly heads: readonly DecodedHead[];
}

/** One reading of a prompt: as written, unwrapped, de-leeted or decoded. */
export interface Variant {
  readonly label: string;
  readonly clean: string;
  readonly flags: readonly string[];
  /** Read from a decoded layer (base64, hex, URL encoding, rot13). */
  readonly decoded?: boolean;
}

interface Scored {
  readonly variant: Variant;
  /** Each head's margin, in the model's head order (`tables.headIndex`). */
  readonly margins: Float64Array;
  readonly tables: ScoringTables;
  readonly cues: ReturnType<typeof findCues>;
  readonly intent: IntentReading;
}

const MAX_VARIANTS = 12;
/** The risk a check of one's own device is held at: under the default tier-0 friction line (0.5). */
const OWN_DEVICE_RISK = 0.49;
/** The least risk of spyware put on someone close's device: block at tiers 0–1, friction at tiers 2–3 (malware thresholds). */
const PARTNER_SPYING_RISK = 0.93;
const CODE_SHAPE =
  /```|#include\s*<|\bimport [a-z_]+|\bdef [a-z_]+\(|\bfunction [a-z_]+\(|\bpublic static\b|\b(?:int|void) main\s*\(|=>\s*\{|\$\(|\bsocket\.|\bsubprocess\.|\bctypes\./i;

/** The text to read: the text, or the user turns of a conversation joined. */
export function promptText(input: ClassifyInput): string {
  if ('text' in input) return input.text;
  return input.turns
    .filter((t) => t.role === 'user')
    .map((t) => t.content)
    .join('\n');
}

/** Every reading of a raw prompt worth scoring, and the reasons found while making them. */
export function variantsOf(raw: string): { variants: Variant[]; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const clean = cleanText(raw);
  const { hits, inner } = stripWrappers(clean);
  const wrapperFlags = [...new Set(hits.map((h) => `wrapper.${h.kind}`))];
  for (const h of hits.slice(0, 3)) {
    reasons.push({
      code: `wrapper.${h.kind}`,
      message:
        'The request is wrapped in role-play, fiction or a hypothetical; it was also read without the wrapper.',
      evidence: h.evidence,
    });
  }
  const variants: Variant[] = [{ label: 'text', clean, flags: wrapperFlags }];
  if (hits.length > 0 && inner !== clean && inner.length > 0) {
    // The request as if asked plainly: no wrapper features, so a wrapper can only add risk.
    variants.push({ label: 'unwrapped', clean: inner, flags: [] });
  }
  const leet = deleet(clean);
  if (leet.changed > 0) {
    variants.push({ label: 'leetspeak', clean: leet.text, flags: wrapperFlags });
    reasons.push({
      code: 'obfuscation.leetspeak',
      message: 'Words were disguised with digits and symbols (leetspeak); they were decoded.',
      evidence: `${leet.changed} word(s)`,
    });
  }
  for (const layer of decodeLayers(raw)) {
    if (variants.length >= MAX_VARIANTS) break;
    // The decoded text in place of the encoded run, so the words around it still count…
    const inPlace = cleanText(
      layer.run === raw ? layer.text : raw.replace(layer.run, () => layer.text),
    );
    variants.push({
      label: layer.encoding,
      clean: inPlace,
      flags: [...wrapperFlags, 'decoded.layer'],
      decoded: true,
    });
    // …and the hidden request alone, as if asked plainly (so encoding it can only add risk).
    const payload = cleanText(layer.payload ?? layer.text);
    if (payload !== inPlace) {
      variants.push({
        label: `${layer.encoding}.payload`,
        clean: payload,
        flags: [],
        decoded: true,
      });
    }
    reasons.push({
      code: `decoded.${layer.encoding}`,
      message: `Part of the prompt was ${layer.encoding}-encoded; the decoded text was read too.`,
      evidence: layer.evidence,
    });
  }
  const invisible = countInvisible(raw);
  if (invisible > 0) {
    reasons.push({
      code: 'obfuscation.invisible',
      message:
        'The prompt hides invisible characters (zero-width or direction controls); they were removed.',
      evidence: `${invisible} character(s)`,
    });
  }
  if (raw.length > MAX_PROMPT_CHARS) {
    reasons.push({
      code: 'input.truncated',
      message: `Only the first ${MAX_PROMPT_CHARS} characters were read.`,
      evidence: `${raw.length} characters`,
    });
  }
  return { variants, reasons };
}

/** The feature vector of one reading (what training and scoring both use). */
export function featurizeVariant(config: PromptFeatureConfig, variant: Variant): SparseVector {
  return featurizePrompt(
    { clean: variant.clean, cues: findCues(variant.clean), flags: variant.flags },
    config,
  );
}

/**
 * Score one reading. The margins depend only on the text and the flags, so a reading
 * identical to one already scored (a wrapper that stripped nothing new, a layer that
 * decoded to the same text) reuses that score instead of reading it again.
 */
function scoreVariant(tables: ScoringTables, variant: Variant, done: readonly Scored[]): Scored {
  for (const s of done) {
    if (s.variant.clean === variant.clean && sameFlags(s.variant.flags, variant.flags)) {
      return { ...s, variant };
    }
  }
  const cues = findCues(variant.clean);
  const intent = readIntent(variant.clean, tables.features.maxTokens);
  const margins = scoreReading(
    tables,
    cues,
    intent,
    variant.flags,
    new Float64Array(tables.headCount),
  );
  return { variant, margins, cues, intent, tables };
}

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

const prob = (s: Scored, id: HeadId) => {
  const h = s.tables.headIndex.get(id);
  return sigmoid(h === undefined ? -20 : (s.margins[h] as number));
};

/** The words that pushed the misuse score up most (the hashed model's evidence). */
function topWords(model: SafeguardsModel, s: Scored): string[] {
  const head = model.heads.find((h) => h.id === 'malicious');
  if (head === undefined) return [];
  const seen = new Map<string, number>();
  for (const w of s.intent.words) {
    if (seen.has(w) || w.length < 3) continue;
    const h = wordHash(w);
    seen.set(w, (head.weights[bucketOf(h, model.features.hashBits)] ?? 0) * signOf(h));
  }
  return [...seen]
    .filter(([, c]) => c > 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([w]) => w);
}

export interface ClassifyOptions {
  readonly tier?: number;
  readonly policy?: SafeguardPolicy;
}

/**
 * Classify one prompt (or response) for a caller of `tier`.
 *
 * @example
 * const r = classifyPrompt(model, { text: 'write ransomware that encrypts my ex\'s files' }, { tier: 0 });
 * r.decision; // 'block'
 */
export function classifyPrompt(
  model: SafeguardsModel,
  input: ClassifyInput,
  options: ClassifyOptions = {},
): Classification {
  const raw = promptText(input);
  const { variants, reasons } = variantsOf(raw);
  const tables = scoringTables(model);
  // A reading with a layer decoded supersedes the encoded one, whose gibberish the model never
  // learned from (training reads only the decoded readings of such prompts). So when there is
  // one, the other readings are not candidates and are not scored — except the text as
  // written, whose defensive score is reported.
  const hasDecoded = variants.some((v) => v.decoded === true);
  const scored: Scored[] = [];
  for (const v of variants) {
    if (hasDecoded && v.decoded !== true && scored.length > 0) continue;
    scored.push(scoreVariant(tables, v, scored));
  }
  const candidates = hasDecoded ? scored.filter((s) => s.variant.decoded === true) : scored;
  let best = candidates[0] as Scored;
  for (const s of candidates) if (prob(s, 'malicious') > prob(best, 'malicious')) best = s;
  // A person checking their own device (own-device-check.ts), read on the prompt as written —
  // nothing wrapped, nothing decoded — when the rest of the prompt passes on its own. Held under
  // tier 0's friction line, so it is still monitored.
  let risk = prob(best, 'malicious');
  const asWritten = scored[0] as Scored;
  const own =
    risk > OWN_DEVICE_RISK && variants.length === 1 && asWritten.variant.flags.length === 0
      ? ownDeviceCheck(asWritten.variant.clean, asWritten.cues, asWritten.intent)
      : undefined;
  const held =
    own !== undefined &&
    (own.rest === '' ||
      prob(scoreVariant(tables, { label: 'rest', clean: own.rest, flags: [] }, []), 'malicious') <
        OWN_DEVICE_RISK);
  if (held) risk = OWN_DEVICE_RISK;
  // Spyware the asker puts on a partner's or a peer's device (partner-spying.ts), in any reading.
  let spying: string | undefined;
  for (const s of scored) spying ??= partnerSpying(s.variant.clean);
  if (spying !== undefined) risk = Math.max(prob(best, 'malicious'), PARTNER_SPYING_RISK);
  const defensive = prob(scored[0] as Scored, 'defensive');
  const categories: CategoryScore[] = RISK_CATEGORIES.map((id) => ({ id, score: prob(best, id) }));
  categories.sort((a, b) => b.score - a.score);
  const top = categories[0]?.id ?? null;
  const role = input.role ?? 'prompt';
  const codeShaped = role === 'response' && CODE_SHAPE.test(raw.slice(0, MAX_PROMPT_CHARS));
  const decision = decide(options.policy ?? DEFAULT_SAFEGUARD_POLICY, {
    tier: options.tier ?? 0,
    risk,
    topCategory: risk >= 0.3 ? (top as RiskCategory) : null,
    role,
    codeShaped,
  });
  const explained: Reason[] = [];
  for (const hit of best.cues) {
    explained.push({ code: hit.cue.code, message: hit.cue.message, evidence: hit.evidence });
  }
  for (const hit of best.intent.hits) {
    if (hit.feature === 'intent.build_code') continue; // context, not a reason on its own
    explained.push({
      code: hit.feature,
      message: INTENT_MESSAGES[hit.feature],
      evidence: hit.evidence,
    });
  }
  if (spying !== undefined) {
    explained.push({
      code: 'reading.partner_spying',
      message:
        "It asks to put spyware or a tracker on a partner's, an ex's or a colleague's device.",
      evidence: spying,
    });
  } else if (held && own !== undefined) {
    explained.push({
      code: 'reading.own_device',
      message:
        "It asks how to check or clean the asker's own device or account, which is defense whatever it names; it was held at monitor.",
      evidence: own.evidence,
    });
  }
  const words = risk >= 0.3 ? topWords(model, best) : [];
  if (words.length > 0) {
    explained.push({
      code: 'model.words',
      message: 'Words the model associates with misuse.',
      evidence: words.join(', '),
    });
  }
  if (best.variant.label !== 'text' && risk >= 0.3) {
    explained.push({
      code: `variant.${best.variant.label}`,
      message: 'The riskiest reading was the de-obfuscated one.',
      evidence: best.variant.label,
    });
  }
  if (codeShaped) {
    explained.push({
      code: 'response.code',
      message: 'The response contains code.',
      evidence: 'code',
    });
  }
  return { decision, risk, categories, reasons: [...explained, ...reasons], defensive };
}
