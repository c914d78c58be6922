/**
 * Words written to slip past filters: a brand or account word spelt with a
 * look-alike character ("Iog in" with a capital I, "User lD", "Amaz0n",
 * "Micros0ft") or a run of "styled" maths letters (𝐘𝐎𝐔𝐑 𝐏𝐇𝐎𝐓𝐎𝐒). Genuine
 * senders type their own name and "log in" plainly; spam and phishing of
 * 2024–26 disguise exactly these words. Reads the original text: folding
 * (NFKC, lower-case) would erase what is being looked for.
 */
import type { Evidence, Reason } from '../types.js';

const MAX_TEXT = 20_000;
/** Styled letters (Mathematical Alphanumeric Symbols, U+1D400–U+1D7FF) needed to count. */
const MIN_STYLED = 4;

/** Words worth disguising: account, payment and brand words that filters and people look for. */
const TARGETS: ReadonlySet<string> = new Set(
  (
    'log login logon signin id online email mail link click claim unlock confirm verify ' +
    'verification account billing payment invoice refund wallet bank alert blocked locked ' +
    'limited suspended expired expire password secure security update support delivery ' +
    'storage cloud photos deleted urgent important action required paypal apple netflix ' +
    'microsoft google amazon icloud outlook office fedex dhl usps coinbase binance metamask ' +
    'facebook instagram whatsapp norton mcafee bitcoin crypto'
  ).split(' '),
);

/** Readings of a token with look-alike characters put back: I→l, 0→o, 1→l or i, a leading l→i. */
function readings(token: string): string[] {
  const base = token.replace(/0/g, 'o').replace(/I/g, 'l');
  const out = [base.replace(/1/g, 'l'), base.replace(/1/g, 'i')];
  if (token.startsWith('l')) out.push(`i${base.slice(1)}`);
  return out.map((r) => r.toLowerCase());
}

function isDisguised(token: string): boolean {
  if (token.length < 2 || token.length > 20 || !/[a-z]/i.test(token)) return false;
  if (!/[I01]/.test(token) && !/^l[A-Z]/.test(token)) return false;
  if (TARGETS.has(token.toLowerCase())) return false; // "ID", "Login": written plainly
  return readings(token).some((r) => TARGETS.has(r));
}

function evidence(field: Evidence['field'], text: string, start: number, end: number): Evidence {
  return { field, start, end, excerpt: text.slice(start, end) };
}

/** At most one reason: the first disguised word, or else a run of styled letters. */
export function disguisedLetters(text: string, field: Evidence['field']): Reason | undefined {
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (const m of t.matchAll(/[A-Za-z0-9]{2,20}/g)) {
    // Only whole tokens: a letter run glued to other letters is part of a longer word.
    const before = t.charCodeAt(m.index - 1);
    const after = t.charCodeAt(m.index + m[0].length);
    if (isLetterCode(before) || isLetterCode(after)) continue;
    if (!isDisguised(m[0])) continue;
    return reason(field, m[0], evidence(field, t, m.index, m.index + m[0].length));
  }
  let styled = 0;
  let first = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.codePointAt(i) ?? 0;
    if (c >= 0x1d400 && c <= 0x1d7ff) {
      if (first < 0) first = i;
      styled += 1;
      i += 1; // astral: two UTF-16 units
    }
  }
  if (styled < MIN_STYLED) return undefined;
  const end = Math.min(t.length, first + 40);
  return reason(field, t.slice(first, end), evidence(field, t, first, end));
}

function isLetterCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function reason(field: Evidence['field'], match: string, ev: Evidence): Reason {
  return {
    code: DISGUISED_LETTERS_CODE,
    message: '',
    params: { match },
    source: 'cue',
    weight: DISGUISED_LETTERS_WEIGHT,
    evidence: { ...ev, field },
  };
}

export const DISGUISED_LETTERS_CODE = 'cue.disguised_letters';
/** Prior in log-odds: about as telling as a lookalike sender, which it often accompanies. */
export const DISGUISED_LETTERS_WEIGHT = 1.5;
