/**
 * emailText: what the text model reads from an email — the subject and the
 * body (plain text preferred, HTML-derived text when there is no real plain
 * part), normalised, with tokens that reveal which corpus a training email
 * came from masked, so the model learns what messages say, not where the
 * data set was collected.
 */
import { asciiLower } from './byte-text.js';
import type { ParsedEmail } from './email-types.js';
import { stripHiddenChars } from './hidden-chars.js';
import { htmlToText } from './html-to-text.js';

/** Characters of body text the model reads; more says nothing new and costs time. */
export const EMAIL_TEXT_MAX_CHARS = 20_000;

export interface CorpusArtefact {
  /** Lower-case; any whitespace-delimited token containing it is replaced. */
  readonly pattern: string;
  readonly replacement: string;
  readonly why: string;
}

/**
 * Dataset artefacts (see ../shared/data/scam/README.md, "Known artefacts").
 * Every other email address is also replaced by `[email]` (see maskTokens), so
 * an anonymised address and a real one look the same to the model.
 */
export const CORPUS_ARTEFACTS: readonly CorpusArtefact[] = [
  {
    pattern: 'phishing@pot',
    replacement: '[email]',
    why: 'rf-peixoto/phishing_pot (phishing, 2022–26) replaced every recipient address with this, also inside links',
  },
  {
    pattern: 'spamassassin.taint.org',
    replacement: '[domain]',
    why: 'SpamAssassin corpus (ham/spam, 2002–03): the collectors’ hosts were renamed to this',
  },
  {
    pattern: 'taint.org',
    replacement: '[domain]',
    why: 'SpamAssassin corpus: iiu.taint.org, spamtraps.taint.org and similar',
  },
  {
    pattern: 'netnoteinc.com',
    replacement: '[domain]',
    why: 'SpamAssassin corpus: the recipient’s domain (jm@netnoteinc.com, labs.netnoteinc.com)',
  },
  {
    pattern: 'jmason.org',
    replacement: '[domain]',
    why: 'SpamAssassin corpus: the collector’s own domain',
  },
  {
    pattern: 'zzzz',
    replacement: '[name]',
    why: 'SpamAssassin corpus: recipient names replaced by zzzz (zzzz@…, zzzzteana, zzzz-ilug)',
  },
  {
    pattern: 'yyyy',
    replacement: '[name]',
    why: 'SpamAssassin corpus: the collector’s name replaced by yyyy (yyyy@…, yyyy-cv)',
  },
  {
    pattern: 'example.com',
    replacement: '[domain]',
    why: 'placeholder addresses in phishing_pot samples (no-reply@example.com)',
  },
];

function looksLikeEmailAddress(token: string): boolean {
  const at = token.indexOf('@');
  return at > 0 && token.indexOf('.', at) > at + 1;
}

function replacementFor(token: string): string {
  const lower = token.toLowerCase();
  const hit = CORPUS_ARTEFACTS.find((a) => lower.includes(a.pattern));
  if (hit !== undefined) return hit.replacement;
  return looksLikeEmailAddress(token) ? '[email]' : token;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * Replace artefact tokens and email addresses; tokens are whitespace-delimited.
 * Only tokens holding '@' or an artefact are looked at: found with indexOf,
 * skipping repeats inside a token already found, so the work stays linear.
 */
export function maskTokens(text: string): string {
  const lower = asciiLower(text);
  const spans = new Map<number, number>();
  for (const needle of ['@', ...CORPUS_ARTEFACTS.map((a) => a.pattern)]) {
    let covered = -1;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      if (at < covered) continue;
      let start = at;
      while (start > 0 && !isSpace(lower.charCodeAt(start - 1))) start--;
      let end = at;
      while (end < lower.length && !isSpace(lower.charCodeAt(end))) end++;
      spans.set(start, end);
      covered = end;
    }
  }
  if (spans.size === 0) return text;
  let out = '';
  let from = 0;
  for (const start of [...spans.keys()].sort((a, b) => a - b)) {
    const end = spans.get(start) ?? start;
    out += text.slice(from, start) + replacementFor(text.slice(start, end));
    from = end;
  }
  return out + text.slice(from);
}

/** NFKC (skipped for ASCII, where it changes nothing), no hidden characters, whitespace collapsed. */
function normalise(text: string): string {
  const nfkc = /[\u0080-\uffff]/.test(text) ? text.normalize('NFKC') : text; // one class: linear
  return stripHiddenChars(nfkc)
    .replace(/\s+/g, ' ') // one class: linear
    .trim();
}

/** Tags a person never sees as text: more than a few in a plain part means it is really markup. */
const TAG =
  /<\/?(?:p|div|span|table|tbody|tr|td|br|img|a|font|center|html|body|head|meta|style|b|strong|hr)\b[^<>]{0,500}>/gi;
/** A CSS rule (`.wrapper { display: flex; }`), which mail clients never show either. */
const CSS_RULE = /[\w-]\s*\{\s*[\w-]+\s*:[^{}]{1,300}\}/g;
const MARKUP_SAMPLE = 5_000;

/**
 * True when a "plain text" part is really HTML source or a style sheet. Bulk
 * senders often put markup, CSS or filler there while the HTML part holds what
 * the person sees; the model should read what the person reads.
 */
export function looksLikeMarkup(text: string): boolean {
  const sample = text.length > MARKUP_SAMPLE ? text.slice(0, MARKUP_SAMPLE) : text;
  const tags = sample.match(TAG)?.length ?? 0;
  const rules = sample.match(CSS_RULE)?.length ?? 0;
  return tags >= 4 || rules >= 2;
}

/**
 * Plain text unless it is missing, a stub ("view this email in your browser")
 * or markup next to a real HTML part. A plain-only part that is markup is read
 * through the HTML reader, as a person's mail client would not show the tags.
 */
function chooseBody(parsed: ParsedEmail): string {
  const plain = parsed.plainText.trim();
  const html = parsed.htmlText.trim();
  if (plain === '' || plain.length * 5 < html.length) return html;
  if (looksLikeMarkup(plain)) {
    if (html !== '') return html;
    return htmlToText(plain, EMAIL_TEXT_MAX_CHARS, 0).text.trim();
  }
  return plain;
}

const PGP_SIGNATURE_BEGIN = '-----BEGIN PGP SIGNATURE-----';
const PGP_SIGNATURE_END = '-----END PGP SIGNATURE-----';
/** The armour line of a clear-signed message and the "Hash:" line under it. */
const PGP_SIGNED_HEADER =
  /-----BEGIN PGP SIGNED MESSAGE-----[ \t]*\r?\n(?:Hash: [\w-]{1,40}[ \t]*\r?\n)?/g;

/**
 * A clear-signed message without its PGP armour and signature block. They are
 * not words anyone reads, and in the public corpus only 2002 mailing-list ham
 * carries them: a model learnt "signed = genuine" from base64 n-grams. Linear:
 * indexOf from where the last block ended.
 */
export function stripPgpArmour(text: string): string {
  if (!text.includes('-----BEGIN PGP')) return text;
  let out = '';
  let from = 0;
  for (let at = text.indexOf(PGP_SIGNATURE_BEGIN); at >= 0; ) {
    const end = text.indexOf(PGP_SIGNATURE_END, at);
    out += text.slice(from, at);
    from = end < 0 ? text.length : end + PGP_SIGNATURE_END.length;
    at = text.indexOf(PGP_SIGNATURE_BEGIN, from);
  }
  return (out + text.slice(from)).replace(PGP_SIGNED_HEADER, '');
}

/**
 * Subject and body for the text model, artefacts masked.
 * @example
 *   emailText(parseEmail(bytes)); // 'Your parcel is waiting\nHi [email], pay the fee at …'
 */
export function emailText(parsed: ParsedEmail): string {
  const body = stripPgpArmour(chooseBody(parsed)).slice(0, EMAIL_TEXT_MAX_CHARS);
  const subject = parsed.subject.slice(0, 1_000);
  return `${maskTokens(normalise(subject))}\n${maskTokens(normalise(body))}`;
}
