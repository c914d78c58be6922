/**
 * Look a host name up together with every parent domain, in one right-to-left
 * pass: `a.evil.example` probes `a.evil.example`, `evil.example` and `example`
 * with hashes that come out of the same loop (see string-table.ts).
 */
import { MATCH_BELOW, MATCH_SELF } from './entry-columns.js';
import { finish, hashStart, type StringTable, step } from './string-table.js';

/**
 * Calls `visit(entry, below)` for each live entry of `kind` that covers `name`
 * (the name itself for MATCH_SELF entries, a parent for MATCH_BELOW ones), the
 * broadest first; `visit` returns false to stop. With `skipTopLevel`, the last
 * label alone (`example`, `com`) is not probed: a table that never holds a
 * single-label name (the matcher refuses public suffixes) saves a probe.
 */
export function probeDomain(
  table: StringTable,
  kind: number,
  name: string,
  visit: (entry: number, below: boolean) => boolean,
  skipTopLevel = false,
): void {
  let skip = skipTopLevel;
  let h = hashStart(table.seed);
  const n = name.length;
  for (let i = n - 1; i >= -1; i--) {
    if (i === -1 || name.charCodeAt(i) === 46) {
      if (skip) skip = false;
      else {
        const start = i + 1;
        const e = table.findHashed(kind, name, start, finish(h, kind, n - start));
        if (e !== -1) {
          const below = start > 0;
          const f = table.flags[e] as number;
          if ((f & (below ? MATCH_BELOW : MATCH_SELF)) !== 0 && !visit(e, below)) return;
        }
      }
      if (i === -1) return;
    }
    h = step(h, name.charCodeAt(i));
  }
}
