import type { Area, Finding, LookupResult, MxLookup, Severity } from './domain-types.js';

/** Build a finding; params are filled into the catalog messages `<key>.title|meaning|fix`. */
export function finding(
  key: string,
  area: Area,
  severity: Severity,
  params: Readonly<Record<string, string | number>> = {},
): Finding {
  return { key, area, severity, params };
}

/** A look-up that failed (not "no record": a timeout or a broken answer), as a finding. */
export function lookupFailure(
  name: string,
  type: string,
  result: LookupResult | MxLookup,
): Finding[] {
  if (result.status === 'timeout')
    return [finding('lookup.timeout', 'lookup', 'warning', { name, type })];
  if (result.status === 'error')
    return [finding('lookup.error', 'lookup', 'warning', { name, type, code: result.code })];
  return [];
}

/** The answers of a look-up that worked; empty for "none" and for failures. */
export function recordsOf(result: LookupResult): readonly string[] {
  return result.status === 'ok' ? result.records : [];
}

/** Several names in one message parameter, bounded so a hostile zone cannot flood the report. */
export function list(names: readonly string[]): string {
  const shown = names.slice(0, 8).join(', ');
  return names.length > 8 ? `${shown}, … (+${names.length - 8})` : shown;
}
