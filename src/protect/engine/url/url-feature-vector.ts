/**
 * A fixed-length numeric description of a URL for a trained model. Host
 * features come first, path features after, so a trainer can drop the path
 * block (the training data's benign URLs are all bare home pages; a model
 * that sees paths learns "has a path = phishing"). Values are scaled to
 * roughly 0..1 (lengths are log-scaled) so a linear model can use them as is.
 */
import type { BrandMatchKind } from './brand-match.js';
import { looksRandom } from './host-lexical.js';
import { ARCHIVE_EXTENSIONS, EXECUTABLE_EXTENSIONS } from './path-lexical.js';
import { analyseUrl, type UrlAnalysis } from './url-analysis.js';

type Extractor = (a: UrlAnalysis) => number;

const has = (a: UrlAnalysis, kind: BrandMatchKind): number =>
  a.brands.matches.some((m) => m.kind === kind) ? 1 : 0;
const bit = (b: boolean): number => (b ? 1 : 0);
const logScale = (n: number, max: number): number => Math.min(1, Math.log1p(n) / Math.log1p(max));
const clip = (n: number, max: number): number => Math.min(1, n / max);

const HOST: readonly (readonly [string, Extractor])[] = [
  ['host.is_ip', (a) => bit(a.ip !== 'none')],
  ['host.ip_disguised', (a) => bit(a.ip === 'ipv4_disguised')],
  ['host.ipv6', (a) => bit(a.ip === 'ipv6')],
  ['host.has_userinfo', (a) => bit(a.parsed.userinfo !== '')],
  ['host.brand_in_userinfo', (a) => has(a, 'in_userinfo')],
  ['host.dangerous_scheme', (a) => bit(a.dangerousScheme)],
  ['host.scheme_http', (a) => bit(a.parsed.scheme === 'http')],
  ['host.no_scheme', (a) => bit(a.parsed.scheme === '')],
  ['host.nonstandard_port', (a) => bit(a.nonStandardPort)],
  ['host.disguised_chars', (a) => bit(a.disguisedCharacters)],
  ['host.punycode', (a) => bit(a.punycode)],
  ['host.mixed_scripts', (a) => bit(a.mixedScripts !== undefined)],
  // A page a stranger published on a brand's host (a Google Form) is not the brand's.
  ['host.brand_official', (a) => bit(a.brands.official !== undefined && !a.userContent)],
  ['host.brand_homograph', (a) => has(a, 'homograph')],
  ['host.brand_lookalike', (a) => has(a, 'lookalike')],
  ['host.brand_wrong_tld', (a) => has(a, 'wrong_tld')],
  ['host.brand_combosquat', (a) => has(a, 'combosquat')],
  ['host.brand_domain_in_subdomain', (a) => has(a, 'domain_in_subdomain')],
  ['host.brand_in_subdomain', (a) => has(a, 'in_subdomain')],
  ['host.fake_suffix_in_subdomain', (a) => bit(a.hostLex.fakeSuffixInSubdomain !== undefined)],
  // On a user-content service the TLD is the service's, not the page maker's choice.
  ['host.tld_high', (a) => bit(a.tldTier === 'high' && !a.userContent)],
  ['host.tld_elevated', (a) => bit(a.tldTier === 'elevated' && !a.userContent)],
  ['host.tld_length', (a) => clip(a.tld.length, 10)],
  ['host.shortener', (a) => bit(a.shortener)],
  ['host.user_content', (a) => bit(a.userContent)],
  ['host.proxy', (a) => bit(a.proxy)],
  ['host.shared_hosting', (a) => bit(a.sharedHosting)],
  ['host.keyword', (a) => bit(a.hostLex.hostKeyword !== undefined)],
  ['host.length', (a) => logScale(a.hostLex.hostLength, 253)],
  ['host.label_count', (a) => clip(a.hostLex.labelCount, 10)],
  ['host.subdomain_depth', (a) => clip(a.hostLex.subdomainDepth, 6)],
  ['host.max_label_length', (a) => clip(a.hostLex.maxLabelLength, 63)],
  ['host.hyphens', (a) => clip(a.hostLex.hyphenCount, 8)],
  ['host.digit_ratio', (a) => a.hostLex.digitRatio],
  ['host.label_length', (a) => clip(a.hostLex.labelLength, 32)],
  ['host.label_entropy', (a) => clip(a.hostLex.labelEntropy, 5)],
  ['host.label_vowel_ratio', (a) => a.hostLex.labelVowelRatio],
  ['host.label_consonant_run', (a) => clip(a.hostLex.labelMaxConsonantRun, 10)],
  ['host.label_digit_switches', (a) => clip(a.hostLex.labelDigitLetterSwitches, 8)],
  ['host.random_looking', (a) => bit(looksRandom(a.hostLex))],
  ['host.label_odd_pairs', (a) => a.hostLex.labelOddPairs],
  ['host.subdomain_odd_pairs', (a) => a.hostLex.subdomainOddPairs],
];

const PATH: readonly (readonly [string, Extractor])[] = [
  ['path.url_length', (a) => logScale(a.pathLex.urlLength, 4096)],
  ['path.length', (a) => logScale(a.pathLex.pathLength, 2048)],
  ['path.depth', (a) => clip(a.pathLex.pathDepth, 10)],
  ['path.query_length', (a) => logScale(a.pathLex.queryLength, 2048)],
  ['path.query_params', (a) => clip(a.pathLex.queryParams, 10)],
  ['path.fragment_length', (a) => logScale(a.pathLex.fragmentLength, 1024)],
  ['path.at_sign', (a) => bit(a.pathLex.atInPath)],
  ['path.double_slash', (a) => bit(a.pathLex.doubleSlash)],
  ['path.embedded_url', (a) => bit(a.pathLex.embeddedUrl)],
  ['path.email_in_query', (a) => bit(a.pathLex.emailInQuery)],
  ['path.login_words', (a) => clip(a.pathLex.loginWords, 4)],
  ['path.wordpress', (a) => bit(a.pathLex.wordpressPath)],
  ['path.php', (a) => bit(a.pathLex.phpFile)],
  ['path.executable', (a) => bit(EXECUTABLE_EXTENSIONS.has(a.pathLex.extension))],
  ['path.archive', (a) => bit(ARCHIVE_EXTENSIONS.has(a.pathLex.extension))],
  ['path.percent_ratio', (a) => a.pathLex.percentRatio],
  ['path.digit_ratio', (a) => a.pathLex.digitRatio],
  ['path.brand', (a) => has(a, 'in_path')],
];

/** Names of the feature vector's entries, in order: host features, then path features. */
export const URL_FEATURE_NAMES: readonly string[] = [...HOST, ...PATH].map(([name]) => name);

/** Features [0, URL_HOST_FEATURE_COUNT) look only at the scheme, user-info, host and port. */
export const URL_HOST_FEATURE_COUNT = HOST.length;

/**
 * Features that separate the shared training data by how it was collected,
 * not by what is honest: its benign URLs were all written as `https://host/`
 * (so no path, never `http`, never without a scheme). Drop these when
 * training on that data (or give benign URLs synthetic paths and schemes).
 */
export const URL_DATASET_ARTEFACT_FEATURES: readonly string[] = [
  'host.scheme_http',
  'host.no_scheme',
  ...PATH.map(([name]) => name),
];

export interface UrlFeatureOptions {
  /** Leave the path block at zero (train and score on host features alone). */
  readonly pathFeatures?: boolean;
}

/** Feature vector from an analysis already made (to share work with urlSignals). */
export function featuresFromAnalysis(
  a: UrlAnalysis,
  options: UrlFeatureOptions = {},
): Float32Array {
  const v = new Float32Array(HOST.length + PATH.length);
  HOST.forEach(([, f], i) => {
    v[i] = f(a);
  });
  if (options.pathFeatures !== false) {
    PATH.forEach(([, f], i) => {
      v[HOST.length + i] = f(a);
    });
  }
  return v;
}

/**
 * @example
 * const v = urlFeatureVector('https://paypal.com.secure-login.top/x');
 * v[URL_FEATURE_NAMES.indexOf('host.brand_domain_in_subdomain')]; // 1
 */
export function urlFeatureVector(url: string, options: UrlFeatureOptions = {}): Float32Array {
  return featuresFromAnalysis(analyseUrl(url), options);
}
