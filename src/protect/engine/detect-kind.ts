import type { MessageKind } from './types.js';

const HEADER_NAMES = [
  'from',
  'to',
  'subject',
  'date',
  'received',
  'return-path',
  'message-id',
  'mime-version',
  'delivered-to',
  'reply-to',
  'content-type',
];

/**
 * Decide what a pasted input is when the person did not say:
 * - an email when it starts with mail headers (at least two known header
 *   names in the first lines, or an mbox "From " line);
 * - a phone number when it is only digits and phone punctuation with 7–15 digits;
 * - a URL when it is a single token that looks like a web address;
 * - otherwise a text message.
 */
export function detectKind(content: string): MessageKind {
  const head = content.slice(0, 4096);
  if (looksLikeEmail(head)) return 'email';
  const trimmed = content.trim();
  if (trimmed.length <= 40 && looksLikePhone(trimmed)) return 'phone';
  if (trimmed.length > 0 && !/\s/.test(trimmed) && looksLikeUrl(trimmed)) return 'url';
  return 'sms';
}

function looksLikeEmail(head: string): boolean {
  if (head.startsWith('From ')) return true;
  let known = 0;
  const lines = head.split(/\r?\n/, 30);
  for (const line of lines) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 40) continue;
    if (HEADER_NAMES.includes(line.slice(0, colon).toLowerCase())) known += 1;
  }
  return known >= 2;
}

function looksLikePhone(s: string): boolean {
  let digits = 0;
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') digits += 1;
    else if (!' +-().'.includes(ch)) return false;
  }
  return digits >= 7 && digits <= 15;
}

function looksLikeUrl(s: string): boolean {
  if (/^(https?|hxxps?):\/\//i.test(s)) return true;
  // A bare host with a dot and a letter TLD, optionally with a path: bit.ly/x, paypal-verify.top/login
  const host = s.split(/[/?#]/, 1)[0] ?? '';
  const dot = host.lastIndexOf('.');
  if (dot <= 0 || dot === host.length - 1) return false;
  return /^[a-z]{2,24}$/i.test(host.slice(dot + 1).replace(/\]$/, '')) || host.includes('[.]');
}
