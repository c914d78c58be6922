/**
 * Email addresses and UPI ids around an `@`: walk back over the local part
 * (at most 64 characters), then read the domain. An email domain has a dot
 * and a known TLD; a UPI id ends in a bank's handle with no dot (`@okaxis`).
 */
import { readHost, type ScanResult } from './link-scanner.js';
import { UPI_HANDLES } from './payment-handles.js';
import { isAsciiAlnum } from './scan-chars.js';
import { KNOWN_TLDS } from './tlds.js';

// Sticky, one class with a bounded count: the characters a domain after `@` may use (linear).
const DOMAIN_RUN = /[\w\u00c0-\u058f.-]{0,256}/y;

function isLocalChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}

/** An email address or UPI id around the `@` at `at`; undefined when there is no local part. */
export function scanAddress(s: string, at: number, minStart: number): ScanResult | undefined {
  let b = at;
  while (b > minStart && at - b < 64 && isLocalChar(s.charCodeAt(b - 1))) b--;
  while (b < at && s.charCodeAt(b) === 0x2e) b++;
  if (b === at) return undefined;
  // Cheap test first: an email domain has a dot, a UPI handle is one short word.
  DOMAIN_RUN.lastIndex = at + 1;
  const run = DOMAIN_RUN.exec(s)?.[0] ?? '';
  if (!run.includes('.') && !UPI_HANDLES.has(run.toLowerCase()))
    return { skip: at + 1 + Math.max(1, run.length) };
  const host = readHost(s, at + 1, false);
  const last = host.labels[host.labels.length - 1];
  const local = s.slice(b, at);
  if (!host.valid || last === undefined || local.endsWith('.'))
    return { skip: Math.max(host.end, at + 1) };
  const domain = s.slice(at + 1, host.end).toLowerCase();
  if (host.labels.length >= 2 && KNOWN_TLDS.has(s.slice(last[0], last[1]).toLowerCase())) {
    return {
      found: [
        { type: 'email', value: `${local.toLowerCase()}@${domain}`, start: b, end: host.end },
      ],
      end: host.end,
    };
  }
  if (host.labels.length === 1 && UPI_HANDLES.has(domain)) {
    return {
      found: [
        {
          type: 'payment_handle',
          value: `upi:${local.toLowerCase()}@${domain}`,
          start: b,
          end: host.end,
        },
      ],
      end: host.end,
    };
  }
  return { skip: Math.max(host.end, at + 1) };
}
