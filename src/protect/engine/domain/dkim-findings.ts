/** DKIM keys found at the selectors we tried: weak, revoked, testing, or fine. */
import { isDkimRecord, readDkimKey } from './dkim-key.js';
import type { DomainLookups, Finding } from './domain-types.js';
import { finding, list, lookupFailure, recordsOf } from './finding.js';

export interface DkimAnalysis {
  readonly findings: Finding[];
  /** The key record text by selector, for every selector that has one. */
  readonly found: Readonly<Record<string, string>>;
  /** Selectors with a usable (not revoked, readable) key. */
  readonly usable: readonly string[];
}

export function analyseDkim(l: DomainLookups): DkimAnalysis {
  const out: Finding[] = [];
  const found: Record<string, string> = {};
  const usable: string[] = [];
  const revoked: string[] = [];
  const failedSelectors: string[] = [];
  for (const [selector, result] of Object.entries(l.dkim)) {
    if (result.status === 'timeout' || result.status === 'error') {
      failedSelectors.push(selector);
      out.push(...lookupFailure(`${selector}._domainkey.${l.domain}`, 'TXT', result));
      continue;
    }
    // Several strings of one record arrive already joined; several records: take the key one.
    const text = recordsOf(result).find(isDkimRecord);
    if (text === undefined) continue;
    found[selector] = text;
    const key = readDkimKey(text);
    if (key.state === 'revoked') revoked.push(selector);
    else if (key.state === 'unreadable')
      out.push(finding('dkim.unreadable', 'dkim', 'warning', { selector }));
    else {
      usable.push(selector);
      if (key.state === 'rsa' && key.bits < 1024)
        out.push(finding('dkim.weak_key', 'dkim', 'critical', { selector, bits: key.bits }));
      else if (key.state === 'rsa' && key.bits < 2048)
        out.push(finding('dkim.short_key', 'dkim', 'warning', { selector, bits: key.bits }));
      else
        out.push(
          finding('dkim.key_ok', 'dkim', 'good', {
            selector,
            bits: key.state === 'rsa' ? key.bits : 256,
            kind: key.state === 'rsa' ? 'RSA' : 'Ed25519',
          }),
        );
      if (key.testing) out.push(finding('dkim.testing', 'dkim', 'info', { selector }));
    }
  }
  if (revoked.length > 0)
    out.push(
      finding('dkim.revoked', 'dkim', usable.length > 0 ? 'info' : 'warning', {
        selectors: list(revoked),
      }),
    );
  if (Object.keys(found).length === 0 && failedSelectors.length === 0)
    out.push(
      finding('dkim.not_found', 'dkim', 'warning', { selectors: list(Object.keys(l.dkim)) }),
    );
  return { findings: out, found, usable };
}
