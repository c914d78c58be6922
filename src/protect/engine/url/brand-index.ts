/**
 * Indexes over the brand table and the primitive comparisons brand-match.ts
 * builds on: official-domain lookup, label skeletons, look-alike spelling and
 * brand-plus-words ("combosquatting") detection.
 */
import { BRANDS, type Brand } from './brands.js';
import { foldAsciiTricks, skeleton } from './confusables.js';
import { boundedEditDistance, isVisualSingleEdit } from './edit-distance.js';
import type { DomainParts } from './public-suffix.js';

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const domainIndex = new Map<string, Brand[]>();
const tokenIndex = new Map<string, Brand[]>();
const firstLabelBySuffix = new Map<string, [string, Brand][]>();
for (const brand of BRANDS) {
  for (const d of brand.domains) {
    addTo(domainIndex, d, brand);
    const dot = d.indexOf('.');
    if (dot > 0) addTo(firstLabelBySuffix, d.slice(dot + 1), [d.slice(0, dot), brand]);
  }
  for (const t of brand.tokens) addTo(tokenIndex, t, brand);
}
/** Official domain → brands. */
export const DOMAIN_INDEX: ReadonlyMap<string, readonly Brand[]> = domainIndex;
/** Host-name token → brands. */
export const TOKEN_INDEX: ReadonlyMap<string, readonly Brand[]> = tokenIndex;
/** `co.jp` → [['aeon', Brand]…]: the first label of each multi-label official domain, keyed by the rest. */
export const FIRST_LABEL_BY_SUFFIX: ReadonlyMap<string, readonly (readonly [string, Brand])[]> =
  firstLabelBySuffix;
const LONG_TOKENS = [...TOKEN_INDEX.entries()].filter(([t]) => t.length >= 5);

/** Words scammers glue to a brand name: `chasebank`, `appleid-verify`, `usps-track`. */
const COMBO_WORDS = new Set(
  (
    'secure security login signin verify verification account accounts update support help service ' +
    'services billing payment pay refund confirm auth alert notice online web app id card bank banking ' +
    'wallet official gift prize promo bonus reward rewards claim airdrop delivery track tracking parcel ' +
    'post tax toll customer care center centre portal member members my get free unlock recovery restore ' +
    'connect sync validate kyc reset locked limited team desk info mail user client check safe protect ' +
    'notification invoice fee fees pending status shop store sale deals jp co uk us com net www login'
  ).split(' '),
);

// Two- or three-letter second level under a two-letter country code: `com.br`, `co.uk`. Bounded classes, linear.
const CC_SUFFIX = /^(?:[a-z]{2,3}\.)?[a-z]{2}$/;

/** The brand whose official domain this host is on, if any. */
export function officialBrandOf(host: string, domain: DomainParts): Brand | undefined {
  let h = host;
  for (let guard = 0; guard < 64; guard++) {
    const brands = DOMAIN_INDEX.get(h);
    if (brands !== undefined) return brands[0];
    const dot = h.indexOf('.');
    if (dot < 0) break;
    h = h.slice(dot + 1);
  }
  if (domain.label === '' || !CC_SUFFIX.test(domain.suffix)) return undefined;
  return TOKEN_INDEX.get(domain.label)?.find((b) => b.ccTlds === true);
}

export interface LabelView {
  /** Skeleton without ASCII folds: `paypa1-verify`. */
  readonly letters: string;
  /** Skeleton with ASCII folds and no hyphens: `paypalverify`. */
  readonly compact: string;
  /** Letter runs of the skeleton: `['paypa', 'verify']`. */
  readonly parts: readonly string[];
  readonly nonAscii: boolean;
  /** Skeletons of the parts written with non-ASCII letters: where a homograph can hide. */
  readonly disguisedParts: readonly string[];
}

// Single character classes under `+`: linear-time splits.
const NON_LETTERS = /[^a-z]+/;
const SEPARATORS = /[-_]+/g;

// Hyphens, underscores and ASCII digits separate the words of a label. One class under +: linear.
const LABEL_WORD_SEPARATORS = /[-_0-9]+/;

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

export function viewLabel(label: string): LabelView {
  const letters = skeleton(label);
  const words = label.split(LABEL_WORD_SEPARATORS).filter((w) => w.length > 0);
  return {
    letters,
    compact: foldAsciiTricks(letters).replace(SEPARATORS, ''),
    parts: letters.split(NON_LETTERS).filter((p) => p.length > 0),
    nonAscii: hasNonAscii(label),
    disguisedParts: words.filter(hasNonAscii).map((w) => foldAsciiTricks(skeleton(w))),
  };
}

/**
 * One letter dropped or added inside a name of 7 letters or more (`metamak`,
 * `unimswap`, `coinbsae` is not this): the commonest typosquat, and at that
 * length no everyday word is one letter away. The first letter must stay and
 * a letter added at the end does not count (`bestbuys` may be a plural).
 */
function isInnerInsertOrDelete(candidate: string, token: string): boolean {
  if (token.length < 7 || Math.abs(candidate.length - token.length) !== 1) return false;
  const [longer, shorter] =
    candidate.length > token.length ? [candidate, token] : [token, candidate];
  let k = 0;
  while (k < shorter.length && longer[k] === shorter[k]) k++;
  return k > 0 && k < shorter.length && longer.slice(k + 1) === shorter.slice(k);
}

/** Edits we accept as "looks like": visual single edits for short names, more for long ones. */
function isLookalike(candidate: string, token: string): number | undefined {
  if (candidate === token || candidate.length < 4) return undefined;
  const max = token.length >= 12 ? 2 : 1;
  const d = boundedEditDistance(candidate, token, max);
  if (d > max) return undefined;
  if (
    token.length < 10 &&
    !isVisualSingleEdit(candidate, token) &&
    !isInnerInsertOrDelete(candidate, token)
  )
    return undefined;
  return d;
}

export function findLookalike(
  candidate: string,
): { token: string; brand: Brand; distance: number } | undefined {
  for (const [token, brands] of LONG_TOKENS) {
    if (Math.abs(token.length - candidate.length) > 2) continue;
    const d = isLookalike(candidate, token);
    if (d !== undefined && brands[0] !== undefined) return { token, brand: brands[0], distance: d };
  }
  return undefined;
}

/** A brand token used inside a longer name, with other words around it. */
export function findCombo(view: LabelView): { token: string; brand: Brand } | undefined {
  for (const part of view.parts) {
    const brands = TOKEN_INDEX.get(part);
    if (brands?.[0] !== undefined && (part.length >= 4 || view.parts.length >= 2)) {
      return { token: part, brand: brands[0] };
    }
  }
  for (const [token, brands] of TOKEN_INDEX) {
    const brand = brands[0];
    if (brand === undefined || token.length < 4 || !view.compact.includes(token)) continue;
    if (token.length >= 6) return { token, brand };
    const rest = view.compact.startsWith(token)
      ? view.compact.slice(token.length)
      : view.compact.endsWith(token)
        ? view.compact.slice(0, -token.length)
        : undefined;
    if (rest !== undefined && isComboWords(rest)) return { token, brand };
  }
  return undefined;
}

/** A combo word, or its plural (`alerts`, `payments`). */
function isComboWord(w: string): boolean {
  return COMBO_WORDS.has(w) || (w.length > 3 && w.endsWith('s') && COMBO_WORDS.has(w.slice(0, -1)));
}

/** Can `rest` be cut into COMBO_WORDS (and digits)? Word-break DP over at most 40 characters. */
export function isComboWords(rest: string): boolean {
  const s = rest.replace(/[0-9]+/g, ''); // one class under +: linear
  if (s.length === 0 || s.length > 40) return s.length === 0;
  const ok = new Array<boolean>(s.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - 12); start < end && !ok[end]; start++) {
      if (ok[start] === true && isComboWord(s.slice(start, end))) ok[end] = true;
    }
  }
  return ok[s.length] === true;
}
