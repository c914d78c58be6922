/**
 * Plain indicator lists — one value per line, or CSV feeds such as abuse.ch's
 * (`#` comment lines, a value in some column) — read into STIX 2.1 indicators,
 * one per value, with a plain-lookup pattern the matcher indexes. The kind of
 * each value is recognised (URL, domain, IP or range, hash, e-mail, phone,
 * wallet); a line with none is skipped and reported. Ids, timestamps and the
 * list's name come from the caller (the engine takes no clock or randomness).
 */
import { parseIp } from './ip-address.js';
import { classifyValue, type ValueKind } from './value-normalizer.js';

/** Lines read from one list, at most. */
export const MAX_LIST_LINES = 2_000_000;

export interface PlainListOptions {
  /** RFC 3339 time used for created, modified and valid_from. */
  readonly now: string;
  /** A stable STIX id for a value (the same value gets the same id on every import). */
  readonly idFor: (kind: ValueKind, value: string) => string;
  /** Shown as the indicators' name, e.g. the file name. */
  readonly listName: string;
}

export interface PlainListResult {
  readonly indicators: Record<string, unknown>[];
  readonly skipped: { readonly line: number; readonly text: string; readonly why: string }[];
}

export function plainListToStix(text: string, options: PlainListOptions): PlainListResult {
  const indicators: Record<string, unknown>[] = [];
  const skipped: { line: number; text: string; why: string }[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length && n < MAX_LIST_LINES; n++) {
    const line = (lines[n] as string).replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith('//')) continue;
    const value = firstValue(line);
    if (value === null) {
      skipped.push({
        line: n + 1,
        text: line.slice(0, 200),
        why: 'no URL, domain, IP, hash, e-mail, phone or wallet',
      });
      continue;
    }
    const key = `${value.kind}\u0000${value.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    indicators.push({
      type: 'indicator',
      spec_version: '2.1',
      id: options.idFor(value.kind, value.value),
      created: options.now,
      modified: options.now,
      name: `${value.value} (from ${options.listName})`.slice(0, 250),
      indicator_types: ['malicious-activity'],
      pattern: patternFor(value.kind, value.value),
      pattern_type: 'stix',
      valid_from: options.now,
    });
  }
  if (lines.length > MAX_LIST_LINES)
    skipped.push({
      line: MAX_LIST_LINES + 1,
      text: '',
      why: `only the first ${MAX_LIST_LINES} lines are read`,
    });
  return { indicators, skipped };
}

/** The whole line, or else the first CSV cell (quotes removed) that is a value. */
function firstValue(line: string): { kind: ValueKind; value: string } | null {
  const whole = classifyValue(line);
  if (whole !== null) return whole;
  for (const cell of line.split(/[,;\t]/)) {
    const c = classifyValue(cell.trim().replace(/^"(.*)"$/, '$1'));
    if (c !== null) return c;
  }
  return null;
}

const HASH_KEY: Readonly<Record<number, string>> = { 32: 'MD5', 40: "'SHA-1'", 64: "'SHA-256'" };

/** The STIX pattern naming one value (string literals escaped as the patterning grammar wants). */
export function patternFor(kind: ValueKind, value: string): string {
  const lit = `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  switch (kind) {
    case 'url':
      return `[url:value = ${lit}]`;
    case 'domain':
      return `[domain-name:value = ${lit}]`;
    case 'ip':
      return `[${parseIp(value)?.v6 === true ? 'ipv6-addr' : 'ipv4-addr'}:value = ${lit}]`;
    case 'hash':
      return `[file:hashes.${HASH_KEY[value.length] ?? "'SHA-256'"} = ${lit}]`;
    case 'email':
      return `[email-addr:value = ${lit}]`;
    case 'phone':
      return `[x-phone-number:value = ${lit}]`;
    case 'wallet':
      return `[cryptocurrency-wallet:value = ${lit}]`;
  }
}
