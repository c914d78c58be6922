/**
 * The per-event view rules read. Each field is turned into strings and lower-cased at most once
 * per event, however many rules look at it: the cost of case-insensitive matching is paid per
 * field, not per rule.
 */
import type { FieldValue, LogEvent } from '../event.js';
import type { EventView } from './sigma-types.js';

const NONE: readonly string[] = [];

function toStrings(value: FieldValue | undefined): readonly string[] {
  if (value === undefined || value === null) return NONE;
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  const out: string[] = [];
  for (const v of value) if (v !== null) out.push(typeof v === 'string' ? v : String(v));
  return out;
}

export class CachedEventView implements EventView {
  private readonly str = new Map<string, readonly string[]>();
  private readonly low = new Map<string, readonly string[]>();
  private everything: readonly string[] | undefined;

  constructor(readonly event: LogEvent) {}

  get(field: string): FieldValue | undefined {
    return Object.hasOwn(this.event.fields, field) ? this.event.fields[field] : undefined;
  }

  strings(field: string): readonly string[] {
    let s = this.str.get(field);
    if (s === undefined) {
      s = toStrings(this.get(field));
      this.str.set(field, s);
    }
    return s;
  }

  lower(field: string): readonly string[] {
    let l = this.low.get(field);
    if (l === undefined) {
      const s = this.strings(field);
      l = s.length === 1 ? [(s[0] as string).toLowerCase()] : s.map((x) => x.toLowerCase());
      this.low.set(field, l);
    }
    return l;
  }

  allLower(): readonly string[] {
    if (this.everything === undefined)
      this.everything = Object.keys(this.event.fields).flatMap((f) => this.lower(f));
    return this.everything;
  }
}
