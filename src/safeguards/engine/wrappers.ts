/**
 * Jailbreak wrappers: role-play ("pretend you are DAN"), fiction ("for a
 * novel"), hypotheticals and instruction overrides. A wrapper does not change
 * what is asked, so the classifier scores the prompt with the wrapper phrases
 * removed as well as whole, and keeps the higher risk; the wrapper itself is a
 * reason (and a feature of the model). Patterns are plain alternations: linear.
 */
import { CueLiteralFilter, patternLiterals } from './cue-literals.js';
import { collapseSpaces } from './normalize-prompt.js';

export type WrapperKind = 'roleplay' | 'fiction' | 'hypothetical' | 'override' | 'split';

interface WrapperPattern {
  readonly kind: WrapperKind;
  readonly pattern: RegExp;
}

/** The wrapper patterns, in the order they are stripped. */
export const WRAPPERS: readonly WrapperPattern[] = [
  {
    // A request cut into parts to be reassembled, so no single message shows it whole.
    kind: 'split',
    pattern:
      /\b(?:i will send|i'll send|i am sending|here is|here's) (?:a|the|my) (?:task|request|question|message|prompt) in (?:two|2|three|3|several|multiple) (?:parts|pieces|messages)\b|\bpart (?:1|2|3|one|two|three) ?:|\b(?:now )?(?:combine|join|merge|put together) (?:both|all|the) (?:parts|pieces|halves|messages)(?: and answer)?\b/g,
  },
  {
    kind: 'override',
    pattern:
      /\b(?:ignore|disregard|forget|override) (?:all |any |your |the )?(?:previous|prior|above|earlier|system|safety)? ?(?:instructions|rules|guidelines|prompts?|restrictions|policies)\b[^.!?,:;\n]{0,60}/g,
  },
  {
    kind: 'roleplay',
    pattern:
      /\b(?:pretend (?:that )?you(?:'re| are)|you are now|from now on,? you(?:'re| are)|act as|roleplay as|role-play as|stay in character|you have no (?:restrictions|filters|rules|limits)|do anything now|developer mode|jailbreak(?:ed)? mode|an ai without (?:any )?(?:restrictions|filters|rules))\b[^.!?,:;\n]{0,60}/g,
  },
  {
    kind: 'roleplay',
    pattern: /\b(?:dan mode|as dan|are dan|called dan|evil ?bot|unfiltered ai|unrestricted ai)\b/g,
  },
  {
    kind: 'fiction',
    pattern:
      /\b(?:for (?:a|my|our) (?:novel|story|screenplay|book|movie|film|thriller|short story|video game|game|play|script)|in (?:a|my) (?:novel|story|book)|write a (?:story|scene|chapter|poem) (?:where|in which|about)|the (?:character|protagonist|villain|hacker character) (?:explains|writes|describes|shows)|as part of (?:a|the) plot)\b[^.!?,:;\n]{0,60}/g,
  },
  {
    kind: 'fiction',
    pattern:
      /\b(?:para (?:una|mi) novela|pour (?:un|mon) roman|für (?:einen|meinen) roman|para (?:um|meu) romance|dans (?:un|mon) roman|en (?:una|mi) novela)\b/g,
  },
  {
    kind: 'hypothetical',
    pattern:
      /\b(?:hypothetically(?: speaking)?|in a hypothetical (?:world|scenario)|imagine (?:a world|that|you are)|purely (?:theoretical|hypothetical)|for educational purposes only|just (?:curious|asking) ?,?|in theory|hipotéticamente|hipoteticamente|hypothétiquement|hypothetisch|imagina que|stell dir vor)\b/g,
  },
];

/** Which wrapper patterns can match (their required literals occur): only those run. */
/** Built on first use, not at import (see cues.ts): start-up stays cheap for commands that never screen. */
let filter: CueLiteralFilter | undefined;
const wrapperFilter = () =>
  (filter ??= new CueLiteralFilter(WRAPPERS.map((w, k) => patternLiterals(w.pattern.source, k))));
const firstEnd = new Int32Array(WRAPPERS.length);

export interface WrapperHit {
  readonly kind: WrapperKind;
  readonly evidence: string;
}

/** The wrappers found in cleaned (lower-case) text, and the text without them. */
export function stripWrappers(clean: string): {
  readonly hits: WrapperHit[];
  readonly inner: string;
} {
  const hits: WrapperHit[] = [];
  let inner = clean;
  let may = wrapperFilter().candidates(inner, firstEnd);
  for (let k = 0; k < WRAPPERS.length; k++) {
    if ((may & (1 << k)) === 0) continue;
    const w = WRAPPERS[k] as WrapperPattern;
    const before = inner;
    inner = inner.replace(w.pattern, (m) => {
      if (hits.length < 8)
        hits.push({ kind: w.kind, evidence: m.length > 60 ? `${m.slice(0, 60)}…` : m });
      return ' ';
    });
    // Removing a wrapper joins the words around it: the later patterns are checked on the new text.
    if (inner !== before) may = wrapperFilter().candidates(inner, firstEnd);
  }
  return { hits, inner: collapseSpaces(inner) };
}
