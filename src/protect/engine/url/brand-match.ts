/**
 * Does a host belong to, imitate, or borrow the name of a well-known brand?
 * Checks the registrable label (homograph `аpple.com`, look-alike `paypa1.com`,
 * other TLD `paypal.xyz`, brand + words `paypal-verify.com`), then the
 * subdomains (`paypal.com.secure-login.top`), the user-info
 * (`https://paypal.com@evil.example`) and the path. At most one match per
 * kind is reported: the first (strongest) found.
 */
import {
  DOMAIN_INDEX,
  FIRST_LABEL_BY_SUFFIX,
  findCombo,
  findLookalike,
  isComboWords,
  officialBrandOf,
  TOKEN_INDEX,
  viewLabel,
} from './brand-index.js';
import type { Brand } from './brands.js';
import { foldAsciiTricks, skeleton } from './confusables.js';
import { boundedEditDistance } from './edit-distance.js';
import { type DomainParts, isGovernmentSuffix } from './public-suffix.js';

export type BrandMatchKind =
  | 'homograph'
  | 'lookalike'
  | 'wrong_tld'
  | 'combosquat'
  | 'domain_in_subdomain'
  | 'in_subdomain'
  | 'in_userinfo'
  | 'in_path';

export interface BrandMatch {
  readonly kind: BrandMatchKind;
  readonly brand: Brand;
  /** The brand token or official domain that matched. */
  readonly matched: string;
  /** Edit distance for look-alikes, 0 otherwise. */
  readonly distance: number;
}

export interface BrandAnalysis {
  /** Set when the host is on one of the brand's official domains. */
  readonly official: Brand | undefined;
  readonly matches: readonly BrandMatch[];
}

export interface HostForBrands {
  /** Lower-case ASCII (punycode) host; '' for IP hosts and opaque URLs. */
  readonly host: string;
  /** The same host with punycode labels decoded. */
  readonly unicodeHost: string;
  readonly domain: DomainParts;
  readonly userinfo: string;
  readonly path: string;
  /**
   * True when the path is a page someone published on the host (a Google Form,
   * a Dropbox file): a brand named there is not the host's own, even on an
   * official domain, so the path is read for brands other than the host's.
   */
  readonly pathIsUsers?: boolean;
}

/** Words of one label compared with the brands one by one; a label has at most 63 characters. */
const MAX_WORDS_LOOKED_AT = 8;

/** Subdomain labels looked at; hosts may have up to 127 labels, scams use far fewer. */
const MAX_SUBDOMAIN_LABELS = 32;

export function analyseBrands(input: HostForBrands): BrandAnalysis {
  const matches: BrandMatch[] = [];
  const official = input.host === '' ? undefined : officialBrandOf(input.host, input.domain);
  // Government domains (`*.gov`, `*.gov.uk`, `*.go.jp`…) can only be registered by governments.
  if (input.host !== '' && official === undefined && !isGovernmentSuffix(input.domain.suffix)) {
    const unicodeLabels = input.unicodeHost.split('.');
    const subCount = input.domain.subdomains.length;
    const registrableLabel =
      input.domain.label === '' ? '' : (unicodeLabels[subCount] ?? input.domain.label);
    matchRegistrable(registrableLabel, input, matches);
    const across = findDomainAcrossBoundary(unicodeLabels[subCount - 1], registrableLabel);
    if (across !== undefined) push(matches, across);
    matchSubdomains(unicodeLabels.slice(0, Math.min(subCount, MAX_SUBDOMAIN_LABELS)), matches);
  }
  matchUserinfo(input.userinfo, matches);
  if (official === undefined || input.pathIsUsers === true)
    matchPath(input.path, matches, official);
  return { official, matches };
}

function push(matches: BrandMatch[], m: BrandMatch): void {
  if (!matches.some((x) => x.kind === m.kind)) matches.push(m);
}

function matchRegistrable(label: string, input: HostForBrands, matches: BrandMatch[]): void {
  if (label === '') return;
  const view = viewLabel(label);
  const unicodeRegistrable = input.unicodeHost
    .split('.')
    .slice(input.domain.subdomains.length)
    .join('.');
  const fullSkeleton = foldAsciiTricks(skeleton(unicodeRegistrable));
  const exact = TOKEN_INDEX.get(view.compact)?.[0] ?? DOMAIN_INDEX.get(fullSkeleton)?.[0];
  if (view.nonAscii) {
    // A homograph only where the look-alike letters are: `bücher-paypal` borrows "paypal" but does not fake it.
    const faked = view.disguisedParts
      .map((p) => TOKEN_INDEX.get(p)?.[0])
      .find((b) => b !== undefined);
    const hit = faked ?? (view.disguisedParts.length > 0 ? exact : undefined);
    if (hit !== undefined) {
      push(matches, { kind: 'homograph', brand: hit, matched: view.compact, distance: 0 });
      return;
    }
  }
  if (exact !== undefined) {
    // `paypa1` folds to a brand: a look-alike; `paypal` itself on another domain: wrong TLD.
    const disguised = view.letters.replace(/[-_]/g, '') !== view.compact; // one class: linear
    if (disguised || view.compact.length >= 4) {
      push(matches, {
        kind: disguised ? 'lookalike' : 'wrong_tld',
        brand: exact,
        matched: view.compact,
        distance: 0,
      });
    }
    return;
  }
  // A typo of the brand as one word of several: `netfliix-billing`, `coinbsae-support`.
  const look =
    findLookalike(view.compact) ??
    (view.parts.length < 2
      ? undefined
      : view.parts
          .slice(0, MAX_WORDS_LOOKED_AT)
          .map((p) => (p.length >= 7 ? findLookalike(p) : undefined))
          .find((l) => l !== undefined));
  const combo = findCombo(view);
  // A typo of the brand glued to words in one label: `wellsfragoonline`, `securepaypall`.
  const glued = look ?? (combo === undefined ? lookalikeWithWords(view.compact) : undefined);
  if (glued !== undefined) {
    push(matches, {
      kind: 'lookalike',
      brand: glued.brand,
      matched: glued.token,
      distance: glued.distance,
    });
  }
  if (combo !== undefined)
    push(matches, { kind: 'combosquat', brand: combo.brand, matched: combo.token, distance: 0 });
}

/** Shortest brand typo read inside a glued label; shorter names are too often other words. */
const MIN_GLUED_TYPO = 7;
/** Longest label split: a brand token is at most this long, and scam labels keep words short. */
const MAX_GLUED_LABEL = 40;

/**
 * A look-alike of a brand with scam words glued on, in one word: `wellsfragoonline` is
 * "wellsfrago" (a swap in "wellsfargo") + "online". Each split of the label is tried: one side
 * must be combo words (`isComboWords`), the other a look-alike of a long brand token.
 */
function lookalikeWithWords(compact: string): ReturnType<typeof findLookalike> {
  if (compact.length < MIN_GLUED_TYPO + 2 || compact.length > MAX_GLUED_LABEL) return undefined;
  for (let cut = 2; cut <= compact.length - 2; cut++) {
    const head = compact.slice(0, cut);
    const tail = compact.slice(cut);
    if (head.length >= MIN_GLUED_TYPO && isComboWords(tail)) {
      const look = findLookalike(head);
      if (look !== undefined) return look;
    }
    if (tail.length >= MIN_GLUED_TYPO && isComboWords(head)) {
      const look = findLookalike(tail);
      if (look !== undefined) return look;
    }
  }
  return undefined;
}

function matchSubdomains(labels: readonly string[], matches: BrandMatch[]): void {
  if (labels.length === 0) return;
  const skeletons = labels.map((l) => foldAsciiTricks(skeleton(l)));
  const inDomain = findDomainInLabels(skeletons);
  if (inDomain !== undefined) push(matches, inDomain);
  for (const label of labels) {
    const view = viewLabel(label);
    const direct = view.parts.find((p) => p.length >= 3 && TOKEN_INDEX.has(p));
    const brand = direct === undefined ? undefined : TOKEN_INDEX.get(direct)?.[0];
    if (direct !== undefined && brand !== undefined) {
      push(matches, { kind: 'in_subdomain', brand, matched: direct, distance: 0 });
      return;
    }
    const combo = view.compact.length >= 6 ? findCombo(view) : undefined;
    const look = combo === undefined ? findLookalike(view.compact) : undefined;
    const hit = combo ?? look;
    if (hit !== undefined) {
      push(matches, {
        kind: 'in_subdomain',
        brand: hit.brand,
        matched: hit.token,
        distance: look?.distance ?? 0,
      });
      return;
    }
  }
}

/** An official domain (or a one-edit look-alike of one) spelled out inside the subdomains: `aeon.co.jp.evil.cn`. */
function findDomainInLabels(labels: readonly string[]): BrandMatch | undefined {
  for (let i = 0; i < labels.length; i++) {
    for (let k = 2; k <= 3 && i + k <= labels.length; k++) {
      const window = labels.slice(i, i + k);
      const exact = DOMAIN_INDEX.get(window.join('.'))?.[0];
      if (exact !== undefined)
        return {
          kind: 'domain_in_subdomain',
          brand: exact,
          matched: window.join('.'),
          distance: 0,
        };
      const first = window[0] ?? '';
      for (const [official, brand] of FIRST_LABEL_BY_SUFFIX.get(window.slice(1).join('.')) ?? []) {
        if (official.length < 4) continue;
        const d = boundedEditDistance(first, official, 1);
        if (d <= 1)
          return {
            kind: 'domain_in_subdomain',
            brand,
            matched: `${official}.${window.slice(1).join('.')}`,
            distance: d,
          };
      }
    }
  }
  return undefined;
}

/** A registrable label that starts with a top-level domain and a hyphen: `com-auth` in `x.com-auth.ru`. */
const TLD_THEN_HYPHEN = /^(com|net|org|gov|edu|co|info|biz)-/;

/**
 * An official domain read across the dot before the registrable domain: `usps.com-track.top`
 * and `login-microsoftonline.com-auth.ru` show `usps.com` and `microsoftonline.com` to the eye,
 * while the site is `com-track.top` and `com-auth.ru`. The last subdomain label is tried whole,
 * without its hyphens (`e-zpass` → `ezpass.com`) and from each hyphen on.
 */
function findDomainAcrossBoundary(
  lastSub: string | undefined,
  registrableLabel: string,
): BrandMatch | undefined {
  if (lastSub === undefined || lastSub === '') return undefined;
  const tld = TLD_THEN_HYPHEN.exec(registrableLabel)?.[1];
  if (tld === undefined) return undefined;
  const label = foldAsciiTricks(skeleton(lastSub));
  const candidates = [label, label.replaceAll('-', '')];
  for (let i = label.indexOf('-'); i >= 0 && candidates.length < 16; i = label.indexOf('-', i + 1))
    candidates.push(label.slice(i + 1));
  for (const c of candidates) {
    if (c.length < 3) continue;
    const domain = `${c}.${tld}`;
    const brand = DOMAIN_INDEX.get(domain)?.[0];
    if (brand !== undefined)
      return { kind: 'domain_in_subdomain', brand, matched: domain, distance: 0 };
  }
  return undefined;
}

// One class under `+`: linear-time split of user-info and path into words.
const WORD_SPLIT = /[^a-z0-9.-]+/;

function matchUserinfo(userinfo: string, matches: BrandMatch[]): void {
  if (userinfo === '') return;
  const brand = findBrandInWords(skeleton(userinfo.slice(0, 256)));
  if (brand !== undefined)
    push(matches, { kind: 'in_userinfo', brand: brand.brand, matched: brand.matched, distance: 0 });
}

function matchPath(path: string, matches: BrandMatch[], host: Brand | undefined): void {
  if (path.length <= 1) return;
  const lower = path.toLowerCase();
  const brand = findBrandInWords(lower, 4, host) ?? findBrandComboInWords(lower, host);
  if (brand !== undefined)
    push(matches, { kind: 'in_path', brand: brand.brand, matched: brand.matched, distance: 0 });
}

/**
 * A brand name glued to login words inside one path word (`/jcblogin`,
 * `/paypalverify/`, `/secure-amazonsignin`): phishing kits name their folders
 * so. Only the first 64 words are read, so a long path costs little.
 */
function findBrandComboInWords(
  text: string,
  skip?: Brand,
): { brand: Brand; matched: string } | undefined {
  const words = text.split(WORD_SPLIT, 64);
  for (const word of words) {
    // one class under +: linear
    for (const part of word.split(/[.-]+/)) {
      if (part.length < 6 || part.length > 40) continue;
      for (const [token, brands] of TOKEN_INDEX) {
        const b = brands[0];
        if (b === undefined || b === skip || token.length < 3 || token.length >= part.length)
          continue;
        const rest = part.startsWith(token)
          ? part.slice(token.length)
          : part.endsWith(token)
            ? part.slice(0, -token.length)
            : undefined;
        if (rest !== undefined && /[a-z]/.test(rest) && isComboWords(rest))
          return { brand: b, matched: token };
      }
    }
  }
  return undefined;
}

/**
 * A brand domain (`paypal.com`, also as the end of `www.paypal.com`) or a
 * whole-word brand token; `skip` (the host's own brand) never matches.
 */
function findBrandInWords(
  text: string,
  minToken = 3,
  skip?: Brand,
): { brand: Brand; matched: string } | undefined {
  for (const word of text.split(WORD_SPLIT)) {
    if (word.length < 2 || word.length > 253) continue;
    const dotted = word.includes('.');
    if (dotted) {
      const labels = word.split('.');
      for (let k = Math.min(3, labels.length); k >= 2; k--) {
        const d = labels.slice(labels.length - k).join('.');
        const b = DOMAIN_INDEX.get(d)?.[0];
        if (b !== undefined && b !== skip) return { brand: b, matched: d };
      }
    }
    if (word.length < minToken) continue;
    // one class under +: linear (and only when the word has separators at all)
    const parts = dotted || word.includes('-') ? word.split(/[.-]+/) : [word];
    for (const part of parts) {
      const b = part.length >= minToken ? TOKEN_INDEX.get(part)?.[0] : undefined;
      if (b !== undefined && b !== skip) return { brand: b, matched: part };
    }
  }
  return undefined;
}
