/**
 * Payment handles scammers ask to be paid to: Cash App `$cashtag`, Venmo
 * `@handle` (only when the message talks about Venmo: otherwise `@name` is
 * just a social-media mention), PayPal.me links, and Indian UPI ids
 * (`name@okaxis`: like an email address but the part after `@` is a bank's
 * UPI handle with no dot). Values are namespaced so they cannot collide:
 * `cashapp:$name`, `venmo:@name`, `paypal.me/name`, `upi:name@bank`.
 */
import { isAsciiAlnum, isAsciiLetter } from './scan-chars.js';

/** UPI handles of the major Indian banks and apps (NPCI's published list, abridged). */
export const UPI_HANDLES: ReadonlySet<string> = new Set(
  (
    'okaxis oksbi okhdfcbank okicici ybl ibl axl paytm ptyes ptaxis pthdfc ptsbi upi apl yapl rapl ' +
    'abfspay axisbank icici sbi hdfcbank kotak kmbl pnb barodampay boi cnrb federal idbi idfcbank ' +
    'indus kbl mahb rbl sib uco unionbank utbi yesbank freecharge airtel airtelpaymentsbank jio ' +
    'waaxis wahdfcbank waicici wasbi ikwik fbl jupiteraxis fam slice naviaxis postbank dbs aubank ' +
    'equitas hsbc citi citigold icicipay amazonpay axisb okbizaxis'
  ).split(' '),
);

/** Currency codes and tickers that follow `$` in ordinary text and are not cashtags. */
const NOT_CASHTAGS = new Set('usd aud cad nzd hkd sgd btc eth usdt usdc sol xrp doge'.split(' '));

export interface HandleFound {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

function isHandleChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x5f || c === 0x2d;
}

/**
 * `$name` at `i` (the dollar sign). Without a Cash App mention nearby we need
 * a lower-case letter (tickers like `$AAPL` are upper case) and 3+ characters.
 */
export function findCashtag(
  s: string,
  i: number,
  cashAppContext: boolean,
): HandleFound | undefined {
  if (!isAsciiLetter(s.charCodeAt(i + 1))) return undefined;
  let end = i + 1;
  while (end < s.length && isHandleChar(s.charCodeAt(end)) && end - i <= 21) end++;
  if (isHandleChar(s.charCodeAt(end))) return undefined; // longer than Cash App allows
  const tag = s.slice(i + 1, end).replace(/-+$/, ''); // one class under +, anchored: linear
  if (tag.length === 0 || NOT_CASHTAGS.has(tag.toLowerCase())) return undefined;
  if (!cashAppContext && (tag.length < 3 || tag === tag.toUpperCase())) return undefined;
  return { value: `cashapp:$${tag.toLowerCase()}`, start: i, end: i + 1 + tag.length };
}

/** `@handle` at `i` (the at sign, with nothing email-like before it), only in a Venmo context. */
export function findVenmoHandle(s: string, i: number): HandleFound | undefined {
  let end = i + 1;
  while (end < s.length && isHandleChar(s.charCodeAt(end)) && end - i <= 31) end++;
  const handle = s.slice(i + 1, end);
  if (handle.length < 5 || handle.length > 30 || !isAsciiLetter(handle.charCodeAt(0)))
    return undefined;
  return { value: `venmo:@${handle.toLowerCase()}`, start: i, end };
}

/** Handles carried by payment links: paypal.me/x, cash.app/$x, venmo.com/u/x, upi://pay?pa=x@bank. */
export function handleFromUrl(url: URL): string | undefined {
  const host = url.hostname.replace(/^www\./, ''); // anchored literal: constant time
  const segments = url.pathname.split('/').filter((p) => p.length > 0);
  const first = segments[0] ?? '';
  if (host === 'paypal.me' && first !== '') return `paypal.me/${first.toLowerCase()}`;
  if (host === 'paypal.com' && first.toLowerCase() === 'paypalme' && segments[1] !== undefined) {
    return `paypal.me/${segments[1].toLowerCase()}`;
  }
  if ((host === 'cash.app' || host === 'cash.me') && first.startsWith('$') && first.length > 1) {
    return `cashapp:${first.toLowerCase()}`;
  }
  if (host === 'venmo.com' && first !== '') {
    const name = first === 'u' ? segments[1] : first;
    // Anchored, one class with a bounded count: linear.
    if (name !== undefined && /^[A-Za-z][\w-]{4,29}$/.test(name))
      return `venmo:@${name.toLowerCase()}`;
  }
  return undefined;
}

/** `upi://pay?pa=name@bank&…`: the payee address. */
export function upiFromUri(uri: string): string | undefined {
  const q = uri.indexOf('?');
  if (q < 0) return undefined;
  for (const pair of uri.slice(q + 1).split('&')) {
    if (!pair.toLowerCase().startsWith('pa=')) continue;
    let value = pair.slice(3);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value: a malformed escape is still evidence
    }
    const at = value.indexOf('@');
    if (at > 0 && at < value.length - 1 && value.indexOf('.', at) < 0)
      return `upi:${value.toLowerCase()}`;
  }
  return undefined;
}
