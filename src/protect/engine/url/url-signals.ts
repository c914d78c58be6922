/**
 * Plain-language reasons from a URL analysis. Each reason names what it saw
 * and points at it (evidence offsets are into the URL string as given).
 */
import type { Evidence, Reason } from '../types.js';
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

type Emit = (code: UrlSignalCode, message: string, span?: Span) => void;

export function signalsFromAnalysis(url: string, a: UrlAnalysis): UrlSignal[] {
  const out: UrlSignal[] = [];
  const hostSpan = a.parsed.hostSpan;
  const emit: Emit = (code, message, span = hostSpan) => {
    if (out.some((s) => s.code === code)) return;
    out.push({
      code,
      message,
      source: 'url',
      weight: URL_SIGNAL_WEIGHTS[code],
      evidence: urlEvidence(url, span),
    });
  };
  if (a.dangerousScheme) {
    emit(
      'url.dangerous_scheme',
      `This is not a web address but a "${a.parsed.scheme}:" link that runs or hides content. Do not open it.`,
      { start: 0, end: url.length },
    );
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
    emit(
      'url.credentials',
      `The link has extra text before an "@" sign. Your browser ignores that part and really goes to ${short(a.host) || 'another site'}.`,
      p.userinfoSpan,
    );
  }
  if (a.ip === 'ipv4')
    emit(
      'url.ip_host',
      'The link goes to a bare number instead of a website name. Real companies almost never send links like this.',
    );
  if (a.ip === 'ipv4_disguised')
    emit(
      'url.ip_disguised',
      `The link hides where it goes by writing an internet address as a disguised number (it really goes to ${short(a.host)}).`,
    );
  if (a.ip === 'ipv6')
    emit('url.ipv6_host', 'The link goes to a raw internet address instead of a website name.');
  if (a.disguisedCharacters)
    emit(
      'url.disguised_characters',
      `The website name is written with unusual look-alike characters that the browser turns into ${short(a.host)}. This trick is used to slip past filters.`,
    );
  if (a.nonStandardPort)
    emit(
      'url.nonstandard_port',
      `The link uses an unusual "door" number (:${p.port}) on the website, which ordinary sites rarely need.`,
    );
  if (p.scheme === 'http' || p.scheme === 'hxxp')
    emit('url.no_https', 'The link does not use a secure (https) connection.', {
      start: 0,
      end: Math.min(p.hostSpan.start, 8),
    });
}

/** Where the page is hosted: shorteners, proxies, free hosting, user content, TLD reputation. */
function hostingSignals(a: UrlAnalysis, emit: Emit): void {
  if (a.shortener)
    emit(
      'url.shortener',
      `The link is shortened (${short(a.host)}), so you cannot see where it really goes.`,
    );
  if (a.proxy)
    emit(
      'url.proxy_host',
      `The page is shown through a translation or proxy service (${short(a.domain.suffix || a.host)}), which hides the real website.`,
    );
  if (a.sharedHosting && !a.proxy)
    emit(
      'url.shared_hosting',
      `The page is on a free website service (${a.domain.suffix}) where anyone can make a page.`,
    );
  if (a.userContent)
    emit(
      'url.user_content',
      `The page is a form or file that anyone can publish on ${short(a.host)}; it does not come from that company.`,
    );
  const tier = a.tldTier;
  if (tier === 'high')
    emit(
      'url.suspicious_tld',
      `The address ends in ".${a.tld}", an ending scammers use a lot because it is cheap or free.`,
    );
  if (tier === 'elevated')
    emit(
      'url.cheap_tld',
      `The address ends in ".${a.tld}", a cheap ending that scammers often use.`,
    );
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

function brandMessage(m: BrandMatch, a: UrlAnalysis): string {
  const real = m.brand.domains[0] ?? m.brand.name;
  const site = short(a.domain.registrable || a.host);
  switch (m.kind) {
    case 'homograph':
      return `The website name looks like ${real}, but it is spelled with letters from another alphabet. It is not ${m.brand.name}'s website.`;
    case 'lookalike':
      return `The website name ${site} is spelled to look like ${real}. It is not ${m.brand.name}'s website.`;
    case 'wrong_tld':
      return `${site} uses the name ${m.brand.name}, but ${m.brand.name}'s real website is ${real}.`;
    case 'combosquat':
      return `The website name ${site} borrows the name ${m.brand.name}, but it is not ${m.brand.name}'s website (that is ${real}).`;
    case 'domain_in_subdomain':
      return `The address starts with "${m.matched}", but the real website is ${site}. Only the end of the name, just before the first "/", counts.`;
    case 'in_subdomain':
      return `The address puts "${m.matched}" in front of an unrelated website, ${site}, to look like ${m.brand.name}.`;
    case 'in_userinfo':
      return `The link starts with "${m.matched}" to look like ${m.brand.name}, but your browser ignores everything before the "@" and goes to ${short(a.host)}.`;
    case 'in_path':
      return `The link mentions ${m.brand.name} after the website name, but the website itself is ${site}, not ${real}.`;
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
    emit(BRAND_CODES[m.kind], brandMessage(m, a), span);
  }
  if (!homograph && a.mixedScripts !== undefined) {
    emit(
      'url.mixed_scripts',
      `The website name mixes letters from different alphabets (${a.mixedScripts.join(' and ')}), a trick to make a fake name look real.`,
    );
  }
  if (!homograph && a.punycode) {
    emit(
      'url.punycode',
      `The website name uses special international letters (${short(a.unicodeHost)}), which can hide look-alike letters.`,
    );
  }
  const official = a.brands.official;
  const borrowed =
    a.userContent || a.proxy || a.shortener || a.disguisedCharacters || a.parsed.userinfo !== '';
  if (official !== undefined && !borrowed) {
    emit(
      'url.official_brand_domain',
      `The link goes to ${short(a.domain.registrable || a.host)}, a real website of ${official.name}. (A real link alone does not make a message safe.)`,
    );
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
    emit(
      'url.fake_domain_in_subdomain',
      `The address starts with "${short(lex.fakeSuffixInSubdomain)}", which looks like a website name, but the real website is ${short(a.domain.registrable)}.`,
    );
  }
  if (official) return;
  if (lex.subdomainDepth >= 3)
    emit(
      'url.deep_subdomains',
      `The website name has many parts (${short(a.host)}), a way to hide the real name (${short(a.domain.registrable)}).`,
    );
  if (lex.hostLength > 40) emit('url.long_hostname', 'The website name is unusually long.');
  if (lex.hyphenCount >= 3)
    emit(
      'url.many_hyphens',
      'The website name has many dashes, which scam sites often use to pack in reassuring words.',
    );
  if (lex.digitRatio > 0.3 && lex.hostLength >= 8)
    emit('url.digit_heavy_host', 'The website name is full of numbers.');
  if (looksRandom(lex))
    emit(
      'url.random_looking_name',
      `The website name "${short(a.domain.label)}" looks like random letters, typical of sites made in bulk for scams.`,
    );
  if (lex.hostKeyword !== undefined)
    emit(
      'url.keyword_in_host',
      `The website name contains the word "${lex.hostKeyword}" to look official.`,
    );
}

function pathSignals(url: string, a: UrlAnalysis, emit: Emit): void {
  const p = a.pathLex;
  const path = a.parsed.pathSpan;
  const tail = { start: path.start, end: url.length };
  if (p.atInPath)
    emit(
      'url.at_in_path',
      'The link has an "@" sign in an odd place, a trick to confuse where it goes.',
      path,
    );
  if (p.doubleSlash)
    emit(
      'url.double_slash',
      'The link has "//" in the middle, which can be used to forward you elsewhere.',
      path,
    );
  if (p.embeddedUrl)
    emit(
      'url.embedded_url',
      'The link contains another web address inside it and may forward you to a different site.',
      tail,
    );
  if (p.emailInQuery)
    emit(
      'url.email_in_query',
      'The link carries an email address, so the fake page can show your own address and seem real.',
      tail,
    );
  if (p.loginWords > 0 && a.brands.official === undefined)
    emit('url.login_words', 'The link leads to a sign-in, "verify" or "update" page.', path);
  if (p.wordpressPath)
    emit(
      'url.wordpress_path',
      "The page sits inside a website's WordPress folders, where scammers often hide pages on hacked sites.",
      path,
    );
  if (EXECUTABLE_EXTENSIONS.has(p.extension))
    emit(
      'url.executable_download',
      `The link downloads a program (.${p.extension}). Only install apps from your phone's or computer's official store.`,
      path,
    );
  if (ARCHIVE_EXTENSIONS.has(p.extension))
    emit(
      'url.archive_download',
      `The link downloads a packed file (.${p.extension}), which can hide harmful programs.`,
      path,
    );
  if (p.urlLength > 500)
    emit('url.very_long', 'The link is extremely long, which can hide where it really goes.', {
      start: 0,
      end: url.length,
    });
}
