/**
 * One pass over a URL that gathers everything the signals and the feature
 * vector need, so both agree and the work is done once. Bounded: parseUrl
 * reads at most a few KB of even a 100 KB URL, and `new URL()` is only ever
 * given the (bounded) host, to get the browser's own IDNA mapping.
 */
import { analyseBrands, type BrandAnalysis } from './brand-match.js';
import { type ScriptFamily, scriptsOf } from './confusables.js';
import { type HostLexical, hostLexical } from './host-lexical.js';
import { isProxyHost, isShortener, isUserContent } from './hosting-services.js';
import { classifyIpHost, type IpKind } from './ip-host.js';
import { DANGEROUS_SCHEMES, type ParsedUrl, parseUrl } from './parse-url.js';
import { type PathLexical, pathLexical } from './path-lexical.js';
import { type DomainParts, SHARED_HOSTING_SUFFIXES, splitDomain } from './public-suffix.js';
import { toUnicodeHost } from './punycode.js';
import { type TldTier, tldTier } from './tld-reputation.js';

export interface UrlAnalysis {
  readonly parsed: ParsedUrl;
  /** Lower-case ASCII host as a browser would use it (IDNA applied), no trailing dot. */
  readonly host: string;
  readonly unicodeHost: string;
  readonly ip: IpKind;
  readonly domain: DomainParts;
  readonly dangerousScheme: boolean;
  /** The host as written used characters the browser silently turns into ASCII (fullwidth, math letters, %-escapes, zero-width). */
  readonly disguisedCharacters: boolean;
  readonly punycode: boolean;
  /** Letter scripts mixed inside one label (Latin + Cyrillic…), or undefined. */
  readonly mixedScripts: readonly ScriptFamily[] | undefined;
  readonly brands: BrandAnalysis;
  readonly tld: string;
  readonly tldTier: TldTier | undefined;
  readonly shortener: boolean;
  readonly userContent: boolean;
  readonly proxy: boolean;
  readonly sharedHosting: boolean;
  readonly nonStandardPort: boolean;
  readonly hostLex: HostLexical;
  readonly pathLex: PathLexical;
}

const MAX_HOST_ANALYSED = 300;
const CONFUSABLE_SCRIPTS = new Set<ScriptFamily>(['latin', 'cyrillic', 'greek', 'armenian']);

/** The browser's view of a host: IDNA/UTS-46 mapping, IPv4 number forms, lower case. */
function browserHost(raw: string): string {
  const lower = raw.toLowerCase();
  if (lower.startsWith('[') || lower.length === 0) return lower;
  try {
    return new URL(`http://${lower}/`).hostname.replace(/\.$/, ''); // literal + anchor: linear
  } catch {
    return lower.replace(/\.$/, '');
  }
}

function mixedScriptsOf(unicodeHost: string): ScriptFamily[] | undefined {
  for (const label of unicodeHost.split('.')) {
    const scripts = [...scriptsOf(label)].filter((s) => CONFUSABLE_SCRIPTS.has(s));
    if (scripts.length >= 2) return scripts;
  }
  return undefined;
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return true;
  return false;
}

export function analyseUrl(url: string): UrlAnalysis {
  const parsed = parseUrl(url);
  // DNS names stop at 253 characters; a longer "host" cannot resolve as written, and
  // reading more of it would only cost time (it is already flagged as long).
  const rawHost = parsed.rawHost.slice(0, MAX_HOST_ANALYSED);
  const host = parsed.opaque ? '' : browserHost(rawHost);
  const ip = host === '' ? 'none' : classifyIpHost(rawHost.toLowerCase());
  const named = host !== '' && ip === 'none';
  const domain = named
    ? splitDomain(host)
    : { suffix: '', registrable: host, label: '', subdomains: [] };
  const unicodeHost = named ? toUnicodeHost(host) : host;
  const punycode = named && host.includes('xn--');
  const rawOdd = hasNonAscii(rawHost) || rawHost.includes('%');
  const port = parsed.port === '' ? undefined : Number(parsed.port);
  const tld = named ? host.slice(host.lastIndexOf('.') + 1) : '';
  const userContent = named && isUserContent(host, parsed.path);
  return {
    parsed,
    host,
    unicodeHost,
    ip,
    domain,
    dangerousScheme: DANGEROUS_SCHEMES.has(parsed.scheme),
    disguisedCharacters: named && rawOdd && !punycode,
    punycode,
    mixedScripts: named ? mixedScriptsOf(unicodeHost) : undefined,
    brands: analyseBrands({
      host: named ? host : '',
      unicodeHost,
      domain,
      userinfo: parsed.userinfo,
      path: parsed.path,
      pathIsUsers: userContent,
    }),
    tld,
    tldTier: named ? tldTier(tld) : undefined,
    shortener: named && isShortener(host),
    userContent,
    proxy: named && isProxyHost(host),
    sharedHosting: named && domain.label !== '' && SHARED_HOSTING_SUFFIXES.has(domain.suffix),
    nonStandardPort: port !== undefined && port !== 80 && port !== 443 && !Number.isNaN(port),
    hostLex: hostLexical(unicodeHost, named ? splitDomain(unicodeHost) : domain),
    pathLex: pathLexical(url.length, parsed.path, parsed.query, parsed.fragment),
  };
}
