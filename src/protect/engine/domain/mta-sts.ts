/**
 * MTA-STS (RFC 8461) and SMTP TLS reporting (RFC 8460) records, and BIMI's
 * `default._bimi` record: small tag lists, plus the MTA-STS policy file, which is
 * `key: value` lines fetched over https (only when the person asks for it).
 */
import type { MxHost } from './domain-types.js';
import { parseTagList, startsWithIgnoreCase } from './tag-list.js';

export function isMtaSts(text: string): boolean {
  return startsWithIgnoreCase(text, 'v=STSv1');
}

export function isTlsRpt(text: string): boolean {
  return startsWithIgnoreCase(text, 'v=TLSRPTv1');
}

export function isBimi(text: string): boolean {
  return startsWithIgnoreCase(text, 'v=BIMI1');
}

/** The `id=` of an MTA-STS record: 1–32 letters and digits; undefined when missing or bad. */
export function mtaStsId(text: string): string | undefined {
  const id = parseTagList(text).tags.get('id');
  return id !== undefined && /^[A-Za-z0-9]{1,32}$/.test(id) ? id : undefined;
}

/** The report addresses of a TLS-RPT record (mailto: or https:), empty when none usable. */
export function tlsRptAddresses(text: string): string[] {
  const rua = parseTagList(text).tags.get('rua') ?? '';
  return rua
    .split(',')
    .map((u) => u.trim())
    .filter((u) => startsWithIgnoreCase(u, 'mailto:') || startsWithIgnoreCase(u, 'https:'));
}

/** BIMI logo (l=) and certificate (a=) locations. */
export function bimiParts(text: string): { logo: string; certificate: string } {
  const { tags } = parseTagList(text);
  return { logo: tags.get('l') ?? '', certificate: tags.get('a') ?? '' };
}

export interface StsPolicy {
  readonly mode: 'enforce' | 'testing' | 'none' | undefined;
  readonly mx: readonly string[];
  readonly maxAge: number | undefined;
  readonly versionOk: boolean;
}

/** Largest policy file we read (the service refuses bigger answers before they reach here). */
export const MAX_POLICY_CHARS = 64 * 1024;

export function parseStsPolicy(text: string): StsPolicy {
  let mode: StsPolicy['mode'];
  let maxAge: number | undefined;
  let versionOk = false;
  const mx: string[] = [];
  for (const raw of text.slice(0, MAX_POLICY_CHARS).split('\n').slice(0, 500)) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'version') versionOk = value === 'STSv1';
    else if (key === 'mode' && (value === 'enforce' || value === 'testing' || value === 'none'))
      mode = value;
    else if (key === 'max_age' && /^[0-9]{1,10}$/.test(value)) maxAge = Number(value);
    else if (key === 'mx' && value !== '' && mx.length < 50) mx.push(value.toLowerCase());
  }
  return { mode, mx, maxAge, versionOk };
}

/** True when `host` matches an MTA-STS mx pattern (`mail.example.com` or `*.example.com`, one label). */
export function mxMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!pattern.startsWith('*.')) return pattern === h;
  const rest = pattern.slice(1); // ".example.com"
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot) === rest;
}

/** MX hosts that no pattern of the policy covers (mail to them would fail under enforce). */
export function uncoveredMx(policy: StsPolicy, hosts: readonly MxHost[]): string[] {
  return hosts
    .map((h) => h.exchange.toLowerCase())
    .filter((host) => host !== '' && !policy.mx.some((p) => mxMatches(p, host)));
}
