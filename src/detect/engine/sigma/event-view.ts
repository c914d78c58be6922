/**
 * The per-event view rules read. Each field is turned into strings and lower-cased at most once
 * per event, however many rules look at it: the cost of case-insensitive matching is paid per
 * field, not per rule. A rule set keeps one view and resets it for each event (feeding is
 * synchronous), so the caches are not reallocated per event.
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
  private current: LogEvent;

  constructor(event: LogEvent) {
    this.current = event;
  }

  get event(): LogEvent {
    return this.current;
  }

  /** Points the view at another event, forgetting the previous one's values. */
  reset(event: LogEvent): void {
    this.current = event;
    if (this.str.size > 0) this.str.clear();
    if (this.low.size > 0) this.low.clear();
    this.everything = undefined;
  }

  get(field: string): FieldValue | undefined {
    const fields = this.current.fields;
    return Object.hasOwn(fields, field) ? fields[field] : undefined;
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
      l =
        s.length === 0
          ? NONE
          : s.length === 1
            ? [(s[0] as string).toLowerCase()]
            : s.map((x) => x.toLowerCase());
      this.low.set(field, l);
    }
    return l;
  }

  allLower(): readonly string[] {
    if (this.everything === undefined) {
      const out: string[] = [];
      for (const f of Object.keys(this.current.fields)) for (const x of this.lower(f)) out.push(x);
      this.everything = out;
    }
    return this.everything;
  }
}
