/**
 * The URL side of the scam checker: reasons a person can read (`urlSignals`)
 * and numbers a trained model can use (`urlFeatureVector`). Pure, bounded
 * work: a 100 KB URL is read only as far as its scheme, host and first few KB.
 */
import { analyseUrl } from './url-analysis.js';
import { signalsFromAnalysis, type UrlSignal } from './url-signals.js';

export { withSyntheticPath } from './synthetic-paths.js';
export {
  URL_DATASET_ARTEFACT_FEATURES,
  URL_FEATURE_NAMES,
  URL_HOST_FEATURE_COUNT,
  type UrlFeatureOptions,
  urlFeatureVector,
} from './url-feature-vector.js';
export { PATH_SIGNAL_CODES, URL_SIGNAL_WEIGHTS, type UrlSignalCode } from './url-signal-table.js';
export type { UrlSignal } from './url-signals.js';

/**
 * Plain-language reasons about a URL, each with a default weight in log-odds.
 * @example
 * urlSignals('https://paypal.com.secure-login.top/verify').map((s) => s.code);
 * // ['url.suspicious_tld', 'url.brand_domain_in_subdomain', …]
 */
export function urlSignals(url: string): UrlSignal[] {
  return signalsFromAnalysis(url, analyseUrl(url));
}

/**
 * The URL reduced to scheme, user-info, host and port with path `/`, the
 * shape of the benign URLs in the training data. Train on
 * `urlHostOnly(phishingUrl)` next to benign roots so the model cannot learn
 * "has a path". Opaque URLs (`data:`, `javascript:`) come back as `scheme:`.
 * @example
 * urlHostOnly('http://paypal.com@evil.example:8080/login?x=1'); // 'http://paypal.com@evil.example:8080/'
 */
export function urlHostOnly(url: string): string {
  const a = analyseUrl(url);
  const p = a.parsed;
  if (p.opaque) return `${p.scheme}:`;
  const scheme =
    p.scheme === '' || p.scheme === 'hxxps' ? 'https' : p.scheme === 'hxxp' ? 'http' : p.scheme;
  const userinfo = p.userinfo === '' ? '' : `${p.userinfo}@`;
  const port = p.port === '' ? '' : `:${p.port}`;
  return `${scheme}://${userinfo}${p.rawHost}${port}/`;
}
