/**
 * Every URL signal's stable code and its default prior weight in log-odds
 * (positive = towards scam). A trained model may re-weight them; these
 * defaults are what the engine uses without one. Rule of thumb for the
 * numbers: > 2 "rarely seen on an honest link", 1–2 "common in scams, seen on
 * honest links now and then", < 1 "a nudge". Path-based signals stay below 1
 * unless they are bad on any site, because honest links have paths too.
 */
export const URL_SIGNAL_WEIGHTS = {
  'url.dangerous_scheme': 4,
  'url.ip_host': 2,
  'url.ip_disguised': 3,
  'url.ipv6_host': 1.5,
  'url.credentials': 2,
  'url.brand_in_userinfo': 3.5,
  'url.disguised_characters': 2,
  'url.punycode': 1,
  'url.mixed_scripts': 2.5,
  'url.homograph_brand': 4,
  'url.brand_lookalike': 3,
  'url.brand_wrong_tld': 2,
  'url.brand_combosquat': 2.5,
  'url.brand_domain_in_subdomain': 3,
  'url.brand_in_subdomain': 1.5,
  'url.fake_domain_in_subdomain': 1.5,
  'url.brand_in_path': 0.7,
  'url.official_brand_domain': -1,
  'url.suspicious_tld': 1.5,
  'url.cheap_tld': 0.6,
  'url.shortener': 1,
  'url.shared_hosting': 1,
  'url.user_content': 0.8,
  'url.proxy_host': 1.5,
  'url.deep_subdomains': 1,
  'url.long_hostname': 0.8,
  'url.many_hyphens': 0.8,
  'url.digit_heavy_host': 0.5,
  'url.random_looking_name': 0.8,
  'url.keyword_in_host': 1,
  'url.nonstandard_port': 1,
  'url.no_https': 0.3,
  'url.at_in_path': 0.5,
  'url.double_slash': 0.5,
  'url.embedded_url': 0.6,
  'url.email_in_query': 0.8,
  'url.login_words': 0.4,
  'url.wordpress_path': 0.5,
  'url.executable_download': 1.5,
  'url.archive_download': 0.6,
  'url.very_long': 0.5,
} as const satisfies Readonly<Record<string, number>>;

export type UrlSignalCode = keyof typeof URL_SIGNAL_WEIGHTS;

export const URL_SIGNAL_CODES = Object.keys(URL_SIGNAL_WEIGHTS) as UrlSignalCode[];

/** Signals that only look at the path/query/fragment: the ones the "has a path" artefact can fool. */
export const PATH_SIGNAL_CODES: ReadonlySet<UrlSignalCode> = new Set<UrlSignalCode>([
  'url.brand_in_path',
  'url.at_in_path',
  'url.double_slash',
  'url.embedded_url',
  'url.email_in_query',
  'url.login_words',
  'url.wordpress_path',
  'url.executable_download',
  'url.archive_download',
  'url.very_long',
]);
