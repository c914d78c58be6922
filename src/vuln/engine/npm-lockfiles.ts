/** npm-ecosystem lockfiles: package-lock.json (v1–v3), yarn.lock (v1 and berry), pnpm-lock.yaml, bun.lock. */
import {
  type Dependency,
  done,
  fail,
  isObj,
  type LockfileParse,
  lines,
  type Obj,
  parseJson,
  unquote,
} from './lockfile-types.js';
import { parseSemVer } from './semver-version.js';

const npm = (name: string, version: string): Dependency => ({ ecosystem: 'npm', name, version });
const isVersion = (v: unknown): v is string =>
  typeof v === 'string' && parseSemVer(v) !== undefined;

function v1Dependencies(deps: unknown, out: Dependency[], depth: number): void {
  if (!isObj(deps) || depth > 100) return;
  for (const [name, entry] of Object.entries(deps)) {
    if (!isObj(entry)) continue;
    if (isVersion(entry.version)) out.push(npm(name, entry.version));
    v1Dependencies(entry.dependencies, out, depth + 1);
  }
}

/** package-lock.json / npm-shrinkwrap.json, lockfileVersion 1, 2 or 3. */
export function parsePackageLock(text: string): LockfileParse {
  const json = parseJson(text);
  if (!json.ok) return fail(json.reason);
  if (!isObj(json.value)) return fail('not a package-lock.json object');
  const out: Dependency[] = [];
  const packages = json.value.packages;
  if (isObj(packages)) {
    for (const [path, entry] of Object.entries(packages)) {
      if (path === '' || !isObj(entry) || entry.link === true) continue;
      const at = path.lastIndexOf('node_modules/');
      if (at < 0) continue; // a workspace folder, not an installed package
      const name = typeof entry.name === 'string' ? entry.name : path.slice(at + 13);
      if (isVersion(entry.version)) out.push(npm(name, entry.version));
    }
  } else {
    v1Dependencies(json.value.dependencies, out, 0);
  }
  if (!isObj(packages) && !isObj(json.value.dependencies))
    return fail('no "packages" or "dependencies" in package-lock.json');
  return done(out);
}

/** The package name of a yarn descriptor `@scope/name@npm:^1.0.0` → `@scope/name`. */
function descriptorName(spec: string): string {
  // Berry quotes the whole header (`"a@npm:^1, a@npm:^2":`), classic each descriptor.
  const s = spec.trim().replace(/^"/, '').replace(/"$/, '');
  const at = s.indexOf('@', 1);
  return at < 0 ? s : s.slice(0, at);
}

/** yarn.lock, classic (v1) and berry (v2+). */
export function parseYarnLock(text: string): LockfileParse {
  const out: Dependency[] = [];
  const warnings: string[] = [];
  let names: string[] = [];
  let blocks = 0;
  for (const line of lines(text)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      if (!line.endsWith(':')) {
        warnings.push(`unexpected line: ${line.slice(0, 80)}`);
        names = [];
        continue;
      }
      blocks++;
      const header = line.slice(0, -1);
      names = header === '__metadata' ? [] : header.split(',').map(descriptorName);
      continue;
    }
    const m = /^ {2}version:? +"?([^"\s]+)"?$/.exec(line);
    if (m === null || names.length === 0) continue;
    const version = m[1] as string;
    if (version.includes('use.local')) continue; // a workspace
    if (!isVersion(version)) continue;
    for (const name of new Set(names)) out.push(npm(name, version));
    names = [];
  }
  if (blocks === 0 && text.trim() !== '') return fail('no yarn.lock entries found');
  return done(out, warnings);
}

/** pnpm-lock.yaml (lockfile v5, v6 and v9 key styles). Reads the `packages:` section only. */
export function parsePnpmLock(text: string): LockfileParse {
  const out: Dependency[] = [];
  let inPackages = false;
  let seenSection = false;
  for (const line of lines(text)) {
    if (/^[A-Za-z]/.test(line)) {
      inPackages = line.startsWith('packages:');
      seenSection ||= inPackages || line.startsWith('lockfileVersion');
      continue;
    }
    if (!inPackages) continue;
    const m = /^ {2}(\S.*):\s*$/.exec(line);
    if (m === null) continue;
    let key = unquote(m[1] as string).replace(/\(.*$/, ''); // peer-dependency suffix
    key = key.replace(/^\//, '');
    let name: string;
    let version: string;
    const at = key.indexOf('@', 1);
    if (at > 0) {
      name = key.slice(0, at);
      version = key.slice(at + 1);
    } else {
      const slash = key.lastIndexOf('/'); // v5: /name/1.2.3 or /@scope/name/1.2.3
      name = key.slice(0, slash);
      version = key.slice(slash + 1);
    }
    version = version.replace(/_.*$/, '');
    if (name !== '' && isVersion(version)) out.push(npm(name, version));
  }
  if (!seenSection) return fail('not a pnpm-lock.yaml (no lockfileVersion or packages)');
  return done(out);
}

/** JSONC (comments, trailing commas) to JSON, respecting strings. Linear. */
export function jsoncToJson(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** bun.lock (the text lockfile, JSONC). */
export function parseBunLock(text: string): LockfileParse {
  const json = parseJson(jsoncToJson(text));
  if (!json.ok) return fail(json.reason);
  if (!isObj(json.value) || !isObj(json.value.packages)) return fail('no "packages" in bun.lock');
  const out: Dependency[] = [];
  for (const entry of Object.values(json.value.packages as Obj)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
    const spec = entry[0];
    const at = spec.indexOf('@', 1);
    if (at < 0) continue;
    const version = spec.slice(at + 1);
    if (isVersion(version)) out.push(npm(spec.slice(0, at), version));
  }
  return done(out);
}
