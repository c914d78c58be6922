/**
 * Plain-language reasons from a URL analysis. Each reason names what it saw
 * and points at it (evidence offsets are into the URL string as given).
 */
import { english } from '../i18n/checker-messages.js';
import type { Evidence, Params, Reason } from '../types.js';
import type { BrandMatch, BrandMatchKind } from './brand-match.js';
import { looksRandom } from './host-lexical.js';
import type { Span } from './parse-url.js';
import { ARCHIVE_EXTENSIONS, EXECUTABLE_EXTENSIONS } from './path-lexical.js';
import type { UrlAnalysis } from './url-analysis.js';
import { URL_SIGNAL_WEIGHTS, type UrlSignalCode } from './url-signal-table.js';

/** A Reason from the URL checks: always with evidence in the `url` field. */
export interface UrlSignal extends Reason {
  readonly code: UrlSignalCode;
  readonly source: 'url';
  readonly evidence: Evidence;
}

const MAX_EXCERPT = 200;

/** Evidence for [start, end) clipped to 200 characters without splitting a surrogate pair. */
export function urlEvidence(url: string, span: Span): Evidence {
  const start = Math.max(0, Math.min(span.start, url.length));
  let end = Math.max(start, Math.min(span.end, url.length, start + MAX_EXCERPT));
  const last = url.charCodeAt(end - 1);
  if (end > start && end < url.length && last >= 0xd800 && last <= 0xdbff) end--;
  return { field: 'url', start, end, excerpt: url.slice(start, end) };
}

/** Names in messages stay readable: a 2,000-character host is cut with an ellipsis. */
function short(name: string): string {
  return name.length > 64 ? `${name.slice(0, 61)}…` : name;
}

/** Emits a signal once per code; its words are the catalog's, filled with `params`. */
type Emit = (code: UrlSignalCode, params?: Params, span?: Span) => void;

export function signalsFromAnalysis(url: string, a: UrlAnalysis): UrlSignal[] {
  const out: UrlSignal[] = [];
  const hostSpan = a.parsed.hostSpan;
  const emit: Emit = (code, params, span = hostSpan) => {
    if (out.some((s) => s.code === code)) return;
    out.push({
      code,
      message: english(code, params),
      ...(params === undefined ? {} : { params }),
      source: 'url',
      weight: URL_SIGNAL_WEIGHTS[code],
      evidence: urlEvidence(url, span),
    });
  };
  if (a.dangerousScheme) {
    emit('url.dangerous_scheme', { scheme: a.parsed.scheme }, { start: 0, end: url.length });
    return out;
  }
  hostSignals(a, emit);
  hostingSignals(a, emit);
  brandSignals(a, emit);
  lexicalSignals(a, emit);
  pathSignals(url, a, emit);
  return out;
}

/** How the address itself is written: user-info, IP hosts, disguised characters, ports, scheme. */
function hostSignals(a: UrlAnalysis, emit: Emit): void {
  const p = a.parsed;
  if (p.userinfoSpan !== undefined) {
    emit('url.credentials', { destination: short(a.host) }, p.userinfoSpan);
  }
  if (a.ip === 'ipv4') emit('url.ip_host');
  if (a.ip === 'ipv4_disguised') emit('url.ip_disguised', { host: short(a.host) });
  if (a.ip === 'ipv6') emit('url.ipv6_host');
  if (a.disguisedCharacters) emit('url.disguised_characters', { host: short(a.host) });
  if (a.nonStandardPort) emit('url.nonstandard_port', { port: p.port });
  if (p.scheme === 'http' || p.scheme === 'hxxp')
    emit('url.no_https', undefined, {
      start: 0,
      end: Math.min(p.hostSpan.start, 8),
    });
}

/** Where the page is hosted: shorteners, proxies, free hosting, user content, TLD reputation. */
function hostingSignals(a: UrlAnalysis, emit: Emit): void {
  if (a.shortener) emit('url.shortener', { host: short(a.host) });
  if (a.proxy) emit('url.proxy_host', { host: short(a.domain.suffix || a.host) });
  if (a.sharedHosting && !a.proxy) emit('url.shared_hosting', { suffix: a.domain.suffix });
  if (a.userContent) emit('url.user_content', { host: short(a.host) });
  // A page published on a service sits under the service's TLD (Canva's `.site`), not one its
  // maker chose: the TLD's reputation says nothing about the page.
  if (a.userContent) return;
  const tier = a.tldTier;
  if (tier === 'high') emit('url.suspicious_tld', { tld: a.tld });
  if (tier === 'elevated') emit('url.cheap_tld', { tld: a.tld });
}

const BRAND_CODES: Readonly<Record<BrandMatchKind, UrlSignalCode>> = {
  homograph: 'url.homograph_brand',
  lookalike: 'url.brand_lookalike',
  wrong_tld: 'url.brand_wrong_tld',
  combosquat: 'url.brand_combosquat',
  domain_in_subdomain: 'url.brand_domain_in_subdomain',
  in_subdomain: 'url.brand_in_subdomain',
  in_userinfo: 'url.brand_in_userinfo',
  in_path: 'url.brand_in_path',
};

/** What fills a brand reason's words (each kind's sentence uses some of these). */
function brandParams(m: BrandMatch, a: UrlAnalysis): Params {
  const real = m.brand.domains[0] ?? m.brand.name;
  const site = short(a.domain.registrable || a.host);
  switch (m.kind) {
    case 'homograph':
      return { real, brand: m.brand.name };
    case 'lookalike':
    case 'wrong_tld':
    case 'combosquat':
    case 'in_path':
      return { site, real, brand: m.brand.name };
    case 'domain_in_subdomain':
      return { matched: m.matched, site };
    case 'in_subdomain':
      return { matched: m.matched, site, brand: m.brand.name };
    case 'in_userinfo':
      return { matched: m.matched, brand: m.brand.name, host: short(a.host) };
  }
}

function brandSignals(a: UrlAnalysis, emit: Emit): void {
  const homograph = a.brands.matches.some((m) => m.kind === 'homograph');
  const domainInSub = a.brands.matches.some((m) => m.kind === 'domain_in_subdomain');
  for (const m of a.brands.matches) {
    if (m.kind === 'in_subdomain' && domainInSub) continue; // same finding, said once
    const span =
      m.kind === 'in_userinfo'
        ? a.parsed.userinfoSpan
        : m.kind === 'in_path'
          ? a.parsed.pathSpan
          : undefined;
    emit(BRAND_CODES[m.kind], brandParams(m, a), span);
  }
  if (!homograph && a.mixedScripts !== undefined) {
    emit('url.mixed_scripts', { scripts: a.mixedScripts.join(',') });
  }
  if (!homograph && a.punycode) {
    emit('url.punycode', { host: short(a.unicodeHost) });
  }
  const official = a.brands.official;
  const borrowed =
    a.userContent || a.proxy || a.shortener || a.disguisedCharacters || a.parsed.userinfo !== '';
  if (official !== undefined && !borrowed) {
    emit('url.official_brand_domain', {
      site: short(a.domain.registrable || a.host),
      brand: official.name,
    });
  }
}

function lexicalSignals(a: UrlAnalysis, emit: Emit): void {
  if (a.host === '' || a.ip !== 'none') return;
  const lex = a.hostLex;
  const official = a.brands.official !== undefined;
  if (
    lex.fakeSuffixInSubdomain !== undefined &&
    !a.brands.matches.some((m) => m.kind === 'domain_in_subdomain')
  ) {
    emit('url.fake_domain_in_subdomain', {
      fake: short(lex.fakeSuffixInSubdomain),
      site: short(a.domain.registrable),
    });
  }
  if (official) return;
  if (lex.subdomainDepth >= 3)
    emit('url.deep_subdomains', { host: short(a.host), site: short(a.domain.registrable) });
  if (lex.hostLength > 40) emit('url.long_hostname');
  if (lex.hyphenCount >= 3) emit('url.many_hyphens');
  if (lex.digitRatio > 0.3 && lex.hostLength >= 8) emit('url.digit_heavy_host');
  if (looksRandom(lex)) emit('url.random_looking_name', { label: short(a.domain.label) });
  if (lex.hostKeyword !== undefined) emit('url.keyword_in_host', { keyword: lex.hostKeyword });
}

function pathSignals(url: string, a: UrlAnalysis, emit: Emit): void {
  const p = a.pathLex;
  const path = a.parsed.pathSpan;
  const tail = { start: path.start, end: url.length };
  if (p.atInPath) emit('url.at_in_path', undefined, path);
  if (p.doubleSlash) emit('url.double_slash', undefined, path);
  if (p.embeddedUrl) emit('url.embedded_url', undefined, tail);
  if (p.emailInQuery) emit('url.email_in_query', undefined, tail);
  // On a brand's own site sign-in words are expected; on a page a stranger published there they are not.
  if (p.loginWords > 0 && (a.brands.official === undefined || a.userContent))
    emit('url.login_words', undefined, path);
  if (p.wordpressPath) emit('url.wordpress_path', undefined, path);
  if (EXECUTABLE_EXTENSIONS.has(p.extension))
    emit('url.executable_download', { ext: p.extension }, path);
  if (ARCHIVE_EXTENSIONS.has(p.extension)) emit('url.archive_download', { ext: p.extension }, path);
  if (p.urlLength > 500)
    emit('url.very_long', undefined, {
      start: 0,
      end: url.length,
    });
}
