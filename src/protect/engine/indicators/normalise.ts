/**
 * Normalisation helpers for indicators typed or pasted on their own (the
 * checker's `kind: 'url' | 'phone'` inputs, threat-intel imports), so they
 * compare equal to what extractIndicators produces from running text.
 */
import { inferMarket, type Market } from './market-hints.js';
import { findPhone } from './phone-parse.js';
import { refang } from './refang.js';

/**
 * `hxxps://Evil[.]COM/a` → `https://evil.com/a`; a scheme-less link gets
 * `http://`. Returns undefined when the browser's URL parser rejects it.
 */
export function normaliseUrl(input: string): string | undefined {
  const text = refang(input.trim());
  const withScheme = /^[a-z][a-z0-9+.-]{0,30}:/i.test(text) ? text : `http://${text}`; // bounded, anchored: linear
  try {
    return new URL(withScheme).href;
  } catch {
    return undefined;
  }
}

/** `WWW.Exämple.COM.` → `www.xn--exmple-cua.com` (lower case, IDNA/punycode, no trailing dot). */
export function normaliseDomain(input: string): string | undefined {
  const text = refang(input.trim()).replace(/\.$/, '');
  if (text.length === 0 || text.length > 253 || /[\s/@:?#]/.test(text)) return undefined; // one class: linear
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * A phone number on its own (`+44 7700 900123`, `(555) 123-4567`) to E.164,
 * or to digits when the country cannot be told; `market` helps with national
 * numbers (default: guessed from the text itself).
 */
export function normalisePhone(input: string, market?: Market): string | undefined {
  const text = `tel ${refang(input.trim())}`; // the "tel" cue lets unformatted digits count
  let i = 4;
  while (i < text.length && text.charAt(i) === ' ') i++;
  const found = findPhone(text, i, text.toLowerCase(), market ?? inferMarket(input));
  return 'value' in found && found.end === text.length ? found.value : undefined;
}
