/**
 * Well-known services whose links hide or host someone else's content: link
 * shorteners (you cannot see the destination), form and file hosts on big
 * brands' domains (anyone can make a page on `docs.google.com/forms`), and
 * web proxies (`translate.goog` serves any site under Google's name).
 * Being on these lists is not proof of anything; it means "the address does
 * not tell you who runs the page".
 */
import { isUnder } from './public-suffix.js';

/** Link shorteners and redirectors, matched on the whole host. */
export const SHORTENERS: ReadonlySet<string> = new Set(
  (
    'bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at ' +
    'rb.gy t.ly tiny.cc lnkd.in s.id v.gd qrco.de bl.ink short.io shorte.st adf.ly ' +
    'clck.ru x.gd urlz.fr rotf.lol u.to t2m.io s.yam.com 0rz.tw reurl.cc lihi.cc lihi1.com ' +
    'amzn.to amzn.eu a.co tr.im db.tt 1url.com shorturl.com tinyurl.is surl.li ' +
    'han.gl me2.do vo.la kutt.it 2u.pm t.me l.ead.me linktr.ee spoo.me bitly.ws ' +
    'dub.sh dub.co sl.al ln.run n9.cl tny.sh zpr.io cli.re cutt.us j.mp'
  ).split(' '),
);

/**
 * Hosts (exact, or as a parent domain) where anyone can publish a form, file
 * or page; the page owner is named in the path, not the host.
 */
export const USER_CONTENT_HOSTS: readonly string[] = [
  'docs.google.com',
  'drive.google.com',
  'sites.google.com',
  'forms.gle',
  'storage.googleapis.com',
  'amazonaws.com',
  'googleusercontent.com',
  'firebasestorage.googleapis.com',
  'forms.office.com',
  'forms.microsoft.com',
  'sharepoint.com',
  'onedrive.live.com',
  '1drv.ms',
  'dropbox.com',
  'dropboxusercontent.com',
  'ipfs.io',
  'cloudflare-ipfs.com',
  'gateway.pinata.cloud',
  'jotform.com',
  'typeform.com',
  // the more specific parent first: userContentParent returns the first that matches
  'my.canva.site',
  'canva.site',
  'sway.office.com',
  'pastebin.com',
  'telegra.ph',
  'bitbucket.io',
];

/** Web proxies and translation front-ends that show any site under their own name. */
export const PROXY_SUFFIXES: readonly string[] = [
  'translate.goog',
  'translate.google.com',
  'webcache.googleusercontent.com',
];

export function isShortener(host: string): boolean {
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  return SHORTENERS.has(bare);
}

/**
 * The user-content service a host belongs to, if any. `docs.google.com` alone
 * is Google; its path (or a tenant subdomain like `x.sharepoint.com`) is someone's.
 */
export function userContentParent(host: string): string | undefined {
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  return USER_CONTENT_HOSTS.find((parent) => isUnder(bare, parent));
}

/** True when the page at `host` + `path` is published by a user of the service, not the service. */
export function isUserContent(host: string, path: string): boolean {
  const parent = userContentParent(host);
  if (parent === undefined) return false;
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  return bare !== parent || path.length > 1;
}

export function isProxyHost(host: string): boolean {
  return PROXY_SUFFIXES.some((parent) => isUnder(host, parent));
}
