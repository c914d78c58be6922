/** PyPI lockfiles: requirements.txt (pinned `==`), poetry.lock, uv.lock and Pipfile.lock. */
import {
  type Dependency,
  done,
  fail,
  isObj,
  type LockfileParse,
  lines,
  parseJson,
  unquote,
} from './lockfile-types.js';

const pypi = (name: string, version: string): Dependency => ({ ecosystem: 'PyPI', name, version });

const REQUIREMENT =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([^\s;,#]+)\s*(?:[;#].*)?$/;

/**
 * requirements.txt: only exact pins (`name==1.2.3`, `name===x`) name one version; other
 * lines (ranges, `-r`, URLs) are listed as warnings, since no single version is installed.
 */
export function parseRequirements(text: string): LockfileParse {
  const out: Dependency[] = [];
  const warnings: string[] = [];
  let logical = '';
  for (const raw of lines(text)) {
    if (raw.endsWith('\\')) {
      logical += `${raw.slice(0, -1)} `;
      continue;
    }
    const line = `${logical}${raw}`.replace(/\s+--hash=\S+/g, '').trim();
    logical = '';
    if (line === '' || line.startsWith('#') || line.startsWith('-')) continue;
    const m = REQUIREMENT.exec(line);
    if (m === null) {
      warnings.push(`not pinned with ==, skipped: ${line.slice(0, 100)}`);
      continue;
    }
    if ((m[2] as string).includes('*')) {
      warnings.push(`wildcard pin skipped: ${line.slice(0, 100)}`);
      continue;
    }
    out.push(pypi(m[1] as string, m[2] as string));
  }
  return done(out, warnings);
}

/**
 * `[[package]]` tables with `name = "…"` and `version = "…"` (poetry.lock, uv.lock and also
 * Cargo.lock): a line scanner, not a full TOML parser, which is all these files need.
 */
export function tomlPackages(text: string, ecosystem: string): LockfileParse {
  const out: Dependency[] = [];
  let inPackage = false;
  let name: string | undefined;
  let version: string | undefined;
  let tables = 0;
  const flush = () => {
    if (inPackage && name !== undefined && version !== undefined)
      out.push({ ecosystem, name, version });
    name = undefined;
    version = undefined;
  };
  for (const line of lines(text)) {
    const t = line.trim();
    if (t.startsWith('[')) {
      if (t === '[[package]]') {
        flush();
        inPackage = true;
        tables++;
      } else if (!t.startsWith('[package.') && !t.startsWith('[[package.')) {
        flush();
        inPackage = false;
      }
      continue;
    }
    if (!inPackage) continue;
    const m = /^(name|version)\s*=\s*("[^"]*"|'[^']*')\s*$/.exec(t);
    if (m === null) continue;
    if (m[1] === 'name' && name === undefined) name = unquote(m[2] as string);
    if (m[1] === 'version' && version === undefined) version = unquote(m[2] as string);
  }
  flush();
  if (tables === 0 && text.trim() !== '') return fail('no [[package]] tables found');
  return done(out);
}

export const parsePoetryLock = (text: string): LockfileParse => tomlPackages(text, 'PyPI');

/** Pipfile.lock: `default` and `develop` maps of name → `{ "version": "==1.2.3" }`. */
export function parsePipfileLock(text: string): LockfileParse {
  const json = parseJson(text);
  if (!json.ok) return fail(json.reason);
  if (!isObj(json.value)) return fail('not a Pipfile.lock object');
  const out: Dependency[] = [];
  const warnings: string[] = [];
  for (const section of ['default', 'develop']) {
    const deps = json.value[section];
    if (!isObj(deps)) continue;
    for (const [name, entry] of Object.entries(deps)) {
      const v = isObj(entry) ? entry.version : undefined;
      if (typeof v === 'string' && v.startsWith('==')) out.push(pypi(name, v.slice(2)));
      else warnings.push(`${name}: no pinned version (git or path dependency?)`);
    }
  }
  return done(out, warnings);
}
