/**
 * Registrable domain ("eTLD+1"): the part of a host name someone actually
 * registered. `secure.paypal.com.evil.co.uk` → `evil.co.uk`.
 *
 * This is a SUBSET of the Mozilla Public Suffix List (publicsuffix.org), kept
 * small so the engine stays light in the browser:
 * - every single-label TLD is a suffix (implicit, as in the PSL `*` rule);
 * - a generic second level under a two-letter country code (`com.xx`,
 *   `co.xx`, `net.xx`, `org.xx`, `gov.xx`, `ac.xx`, …) is a suffix, which
 *   covers `co.uk`, `com.au`, `co.jp`, `com.br`, `co.in`, `com.py` … without
 *   listing them all;
 * - explicit multi-part suffixes below, including "private" ones where
 *   anyone can get a subdomain (`github.io`, `web.app`, `workers.dev`), so
 *   `evil.github.io` and `good.github.io` count as different sites.
 * A host under a suffix we do not know falls back to the last two labels.
 */

/**
 * Second levels that are suffixes under (almost) every two-letter country code.
 * Deliberately short: `web`, `id`, `me`, `in` are left out because `web.de`,
 * `id.me` and friends are real registrable domains.
 */
const GENERIC_SECOND_LEVEL = new Set(
  'com co net org gov edu ac or ne go gob gouv mil nic ltd plc sch nhs police govt asn'.split(' '),
);

/** Country and organisational suffixes the generic rule does not cover. */
const REGISTRY_SUFFIXES = (
  'gc.ca qc.ca on.ca bc.ca ab.ca tokyo.jp osaka.jp kyoto.jp lg.jp gr.jp ed.jp ad.jp ' +
  'gen.in firm.in ind.in res.in id.au nsw.gov.au vic.gov.au qld.gov.au wa.gov.au ' +
  'sa.gov.au act.gov.au ny.us ca.us tx.us fl.us k12.ca.us eu.com uk.com us.com za.com ' +
  'br.com cn.com jp.net in.net uk.net'
).split(' ');

/**
 * "Private" suffixes where anyone can get a subdomain for free (hosting,
 * tunnels, dynamic DNS). `evil.github.io` is its own site, not GitHub's.
 */
export const SHARED_HOSTING_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'github.io gitlab.io githubusercontent.com blogspot.com appspot.com herokuapp.com ' +
    'netlify.app netlify.com vercel.app now.sh pages.dev workers.dev r2.dev web.app ' +
    'firebaseapp.com azurewebsites.net cloudapp.net azureedge.net cloudfront.net ' +
    's3.amazonaws.com wixsite.com weebly.com square.site myshopify.com glitch.me repl.co ' +
    'replit.app replit.dev ngrok.io ngrok-free.app ngrok.app duckdns.org ddns.net no-ip.org ' +
    'hopto.org zapto.org translate.goog fly.dev onrender.com surge.sh bitballoon.com ' +
    '000webhostapp.com godaddysites.com webflow.io framer.website framer.app carrd.co ' +
    'notion.site blogspot.co.uk wordpress.com tumblr.com dweb.link on-fleek.app fleek.co ' +
    'deno.dev web.core.windows.net blob.core.windows.net cloudapp.azure.com azurestaticapps.net ' +
    'trycloudflare.com loca.lt ' +
    'serveo.net github.dev readthedocs.io gitbook.io mybluehost.me weeblysite.com ' +
    'jimdosite.com strikingly.com site123.me yolasite.com business.site webnode.page ' +
    'myftp.org servehttp.com sytes.net gleeze.com ' +
    // Free dynamic-DNS names (No-IP, FreeDNS, Dynu, DynDNS, ChangeIP): anyone gets `x.<suffix>`.
    'servequake.com serveftp.com servegame.com serveblog.net servebeer.com serveirc.com ' +
    'servepics.com servemp3.com redirectme.net bounceme.net myftp.biz myvnc.com hopto.me ' +
    'webhop.me onthewifi.com 3utilities.com ddnsking.com gotdns.ch freedynamicdns.net ' +
    'freedynamicdns.org mooo.com dynu.net freeddns.org dyndns.org dynv6.net changeip.com'
  ).split(' '),
);

/** Every explicit multi-label suffix we know. */
export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  ...REGISTRY_SUFFIXES,
  ...SHARED_HOSTING_SUFFIXES,
]);

export interface DomainParts {
  /** The public suffix, e.g. `co.uk`, `com`, `github.io`. */
  readonly suffix: string;
  /** The registrable domain, e.g. `bbc.co.uk`; equals the host when the host is itself a suffix. */
  readonly registrable: string;
  /** The label just left of the suffix, e.g. `bbc`. Empty when the host is itself a suffix. */
  readonly label: string;
  /** Labels left of the registrable domain, e.g. `['www']`. */
  readonly subdomains: readonly string[];
}

/** Split a lower-case host (no trailing dot, not an IP) into suffix, registrable domain and subdomains. */
export function splitDomain(host: string): DomainParts {
  const labels = host.split('.').filter((l) => l.length > 0);
  const n = labels.length;
  let suffixLen = 1;
  for (let k = Math.min(4, n); k >= 2; k--) {
    if (PUBLIC_SUFFIXES.has(labels.slice(n - k).join('.'))) {
      suffixLen = k;
      break;
    }
  }
  const tld = labels[n - 1] ?? '';
  const sld = labels[n - 2] ?? '';
  if (suffixLen === 1 && n >= 3 && tld.length === 2 && GENERIC_SECOND_LEVEL.has(sld)) suffixLen = 2;
  if (suffixLen >= n) {
    return { suffix: labels.join('.'), registrable: labels.join('.'), label: '', subdomains: [] };
  }
  return {
    suffix: labels.slice(n - suffixLen).join('.'),
    registrable: labels.slice(n - suffixLen - 1).join('.'),
    label: labels[n - suffixLen - 1] ?? '',
    subdomains: labels.slice(0, n - suffixLen - 1),
  };
}

/** The registrable domain of a host: `a.b.example.co.uk` → `example.co.uk`. */
export function registrableDomain(host: string): string {
  return splitDomain(host.toLowerCase().replace(/\.$/, '')).registrable; // literal + anchor: linear
}

/** True when `host` is `parent` or a subdomain of it (label boundary, not a substring). */
export function isUnder(host: string, parent: string): boolean {
  return (
    host === parent ||
    (host.endsWith(parent) && host.charCodeAt(host.length - parent.length - 1) === 0x2e)
  );
}

// `gov.uk`, `go.jp`, `gouv.fr`, `gob.mx`, `govt.nz`, `gc.ca`: fixed alternatives, no nesting, linear.
const GOVERNMENT_SECOND_LEVEL = /^(?:gov|go|gouv|gob|govt|gc|mil)\.[a-z]{2}$/;

/** Suffixes only governments can register under (`gov`, `mil`, `gov.uk`, `go.jp`, …). */
export function isGovernmentSuffix(suffix: string): boolean {
  return suffix === 'gov' || suffix === 'mil' || GOVERNMENT_SECOND_LEVEL.test(suffix);
}
