/**
 * Zone fixtures for the domain-check tests: a well set-up small business on
 * Google Workspace (real DKIM keys, generated per run), and helpers to break it.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { ZoneEntry } from './zone-dns-server.js';

/** A DKIM p= value: base64 SubjectPublicKeyInfo of a fresh RSA key of `bits` bits. */
export function dkimKey(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** A 2048-bit key record split into 255-byte strings, the way DNS hosts publish long TXT records. */
export function splitRecord(text: string, size = 255): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

export function healthyZone(domain: string): Record<string, ZoneEntry> {
  return {
    [domain]: {
      txt: ['v=spf1 include:_spf.google.com ~all', 'google-site-verification=abc123'],
      mx: [
        { priority: 1, exchange: 'aspmx.l.google.com' },
        { priority: 5, exchange: 'alt1.aspmx.l.google.com' },
      ],
    },
    '_spf.google.com': { txt: ['v=spf1 include:_netblocks.google.com ~all'] },
    '_netblocks.google.com': { txt: ['v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all'] },
    [`_dmarc.${domain}`]: { txt: [`v=DMARC1; p=reject; rua=mailto:dmarc@${domain}`] },
    [`google._domainkey.${domain}`]: { txt: [splitRecord(`v=DKIM1; k=rsa; p=${dkimKey(2048)}`)] },
    [`_mta-sts.${domain}`]: { txt: ['v=STSv1; id=20260101'] },
    [`_smtp._tls.${domain}`]: { txt: [`v=TLSRPTv1; rua=mailto:tls@${domain}`] },
  };
}
