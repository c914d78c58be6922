/**
 * DMARC (RFC 7489): one `v=DMARC1` record at `_dmarc.<domain>`, read into the
 * few settings that decide whether spoofed mail is stopped.
 */
import { parseTagList, startsWithIgnoreCase } from './tag-list.js';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcRecord {
  /** Undefined when p= is missing or not one of the three policies (the record is then invalid). */
  readonly p: DmarcPolicy | undefined;
  /** Policy for subdomains; defaults to p. */
  readonly sp: DmarcPolicy | undefined;
  readonly pct: number;
  readonly rua: readonly string[];
  readonly ruf: readonly string[];
  readonly adkim: 'r' | 's';
  readonly aspf: 'r' | 's';
  /** Why the record is not valid, as catalog-free codes; empty when valid. */
  readonly errors: readonly ('version_not_first' | 'bad_policy' | 'bad_pct' | 'bad_sp')[];
}

export function isDmarc(text: string): boolean {
  return startsWithIgnoreCase(text, 'v=DMARC1');
}

const POLICIES: ReadonlySet<string> = new Set(['none', 'quarantine', 'reject']);

export function parseDmarc(text: string): DmarcRecord {
  const { tags, first } = parseTagList(text);
  const errors: DmarcRecord['errors'][number][] = [];
  if (first?.name !== 'v' || first.value.toUpperCase() !== 'DMARC1')
    errors.push('version_not_first');
  const pRaw = tags.get('p')?.toLowerCase();
  const p = pRaw !== undefined && POLICIES.has(pRaw) ? (pRaw as DmarcPolicy) : undefined;
  if (p === undefined) errors.push('bad_policy');
  const spRaw = tags.get('sp')?.toLowerCase();
  const sp = spRaw !== undefined && POLICIES.has(spRaw) ? (spRaw as DmarcPolicy) : undefined;
  if (spRaw !== undefined && sp === undefined) errors.push('bad_sp');
  const pctRaw = tags.get('pct');
  let pct = 100;
  if (pctRaw !== undefined) {
    pct = /^[0-9]{1,3}$/.test(pctRaw) ? Number(pctRaw) : Number.NaN;
    if (!(pct >= 0 && pct <= 100)) {
      errors.push('bad_pct');
      pct = 100;
    }
  }
  return {
    p,
    sp,
    pct,
    rua: uris(tags.get('rua')),
    ruf: uris(tags.get('ruf')),
    adkim: tags.get('adkim')?.toLowerCase() === 's' ? 's' : 'r',
    aspf: tags.get('aspf')?.toLowerCase() === 's' ? 's' : 'r',
    errors,
  };
}

function uris(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '')
    .slice(0, 20);
}

const STRENGTH: Readonly<Record<DmarcPolicy, number>> = { none: 0, quarantine: 1, reject: 2 };

/** True when `a` protects less than `b`. */
export function weaker(a: DmarcPolicy, b: DmarcPolicy): boolean {
  return STRENGTH[a] < STRENGTH[b];
}

/** The domain part of a `mailto:` report address, lowercase; undefined for other URIs. */
export function mailtoDomain(uri: string): string | undefined {
  if (!startsWithIgnoreCase(uri, 'mailto:')) return undefined;
  const address = uri.slice(7).split('!')[0] ?? '';
  const at = address.lastIndexOf('@');
  return at < 0 ? undefined : address.slice(at + 1).toLowerCase();
}
