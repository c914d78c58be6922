/** What every lockfile parser returns. */

/** One installed package. `ecosystem` is an OSV ecosystem name (possibly one we cannot check). */
export interface Dependency {
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
}

export type LockfileParse =
  | {
      readonly ok: true;
      readonly packages: readonly Dependency[];
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

export type LockfileParser = (text: string) => LockfileParse;

/** Largest number of packages one lockfile may yield (bounds memory on hostile input). */
export const MAX_PACKAGES = 200_000;

export const fail = (reason: string): LockfileParse => ({ ok: false, reason });

export function done(packages: Dependency[], warnings: string[] = []): LockfileParse {
  const seen = new Set<string>();
  const unique: Dependency[] = [];
  for (const p of packages) {
    const key = `${p.ecosystem}\u0000${p.name}\u0000${p.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(p);
    if (unique.length >= MAX_PACKAGES) {
      warnings.push(`stopped after ${MAX_PACKAGES} packages`);
      break;
    }
  }
  return { ok: true, packages: unique, warnings };
}

/** JSON.parse that returns a reason instead of throwing. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return {
      ok: false,
      reason: `not valid JSON (${err instanceof Error ? err.message : 'parse error'})`,
    };
  }
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The lines of a text, without line endings. */
export const lines = (text: string): string[] => text.split(/\r?\n/);

/** Unquote a TOML/YAML scalar: `"x"` / `'x'` → `x`. */
export function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0]) return t.slice(1, -1);
  return t;
}
