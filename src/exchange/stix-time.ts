/**
 * STIX timestamps as TAXII needs them: a fixed microsecond form that sorts as
 * text in time order (RFC 3339 with any number of fraction digits does not:
 * "…:00Z" sorts after "…:00.5Z"), and microseconds since the epoch for
 * `date_added` and `added_after`.
 */
const TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/** `2026-12-05T10:00:00.5Z` → `2026-12-05T10:00:00.500000Z`; undefined when it is not a STIX timestamp. */
export function normalizeTimestamp(ts: string): string | undefined {
  const m = TS.exec(ts);
  if (m === null || Number.isNaN(Date.parse(`${m[1]}Z`))) return undefined;
  return `${m[1]}.${(m[2] ?? '').padEnd(6, '0').slice(0, 6)}Z`;
}

/** Microseconds since the epoch of a STIX/TAXII timestamp; undefined when it is not one. */
export function toMicros(ts: string): number | undefined {
  const m = TS.exec(ts);
  if (m === null) return undefined;
  const ms = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
}

/** Microseconds since the epoch → `2026-12-05T10:00:00.123456Z` (TAXII's X-TAXII-Date-Added headers). */
export function fromMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString(); // …:00.123Z
  return `${iso.slice(0, 23)}${String(us % 1000).padStart(3, '0')}Z`;
}
