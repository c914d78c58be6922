/** go.mod / go.sum, Cargo.lock, Gemfile.lock and composer.lock. */
import {
  type Dependency,
  done,
  fail,
  isObj,
  type LockfileParse,
  lines,
  parseJson,
} from './lockfile-types.js';
import { tomlPackages } from './python-lockfiles.js';

const go = (name: string, version: string): Dependency => ({
  ecosystem: 'Go',
  name,
  version: version.replace(/^v/, ''),
});

/**
 * go.mod: `require` lines, with `replace` directives applied (a replacement by a local path
 * drops the module: its code is not a published version).
 */
export function parseGoMod(text: string): LockfileParse {
  const required = new Map<string, string>();
  const replaced: Array<{ from: string; fromVersion?: string; to?: string; toVersion?: string }> =
    [];
  let block: 'require' | 'replace' | undefined;
  let sawModule = false;
  for (const raw of lines(text)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (line === ')') {
      block = undefined;
      continue;
    }
    let body = line;
    const opener = /^(require|replace|exclude|retract|module|go|toolchain|godebug)\b\s*(.*)$/.exec(
      line,
    );
    if (opener !== null) {
      const word = opener[1] as string;
      const rest = (opener[2] as string).trim();
      if (word === 'module') sawModule = true;
      if (rest === '(') {
        block = word === 'require' || word === 'replace' ? word : undefined;
        continue;
      }
      if (word !== 'require' && word !== 'replace') continue;
      block = undefined;
      body = rest;
      if (word === 'replace') addReplace(body, replaced);
      else addRequire(body, required);
      continue;
    }
    if (block === 'require') addRequire(body, required);
    else if (block === 'replace') addReplace(body, replaced);
  }
  if (!sawModule && required.size === 0) return fail('not a go.mod (no module or require lines)');
  for (const r of replaced) {
    const current = required.get(r.from);
    if (current === undefined || (r.fromVersion !== undefined && r.fromVersion !== current))
      continue;
    required.delete(r.from);
    if (r.to !== undefined && r.toVersion !== undefined) required.set(r.to, r.toVersion);
  }
  return done([...required].map(([name, version]) => go(name, version)));
}

function addRequire(body: string, required: Map<string, string>): void {
  const [name, version] = body.split(/\s+/);
  if (name !== undefined && version !== undefined) required.set(name, version);
}

function addReplace(
  body: string,
  replaced: Array<{ from: string; fromVersion?: string; to?: string; toVersion?: string }>,
): void {
  const [left = '', right = ''] = body.split('=>').map((s) => s.trim());
  const [from, fromVersion] = left.split(/\s+/);
  const [to, toVersion] = right.split(/\s+/);
  if (from === undefined || from === '') return;
  const local = to === undefined || to.startsWith('.') || to.startsWith('/');
  replaced.push({
    from,
    ...(fromVersion === undefined ? {} : { fromVersion }),
    ...(local || toVersion === undefined ? {} : { to, toVersion }),
  });
}

/** go.sum: every module version with a code hash (lines ending in `/go.mod` only name a go.mod). */
export function parseGoSum(text: string): LockfileParse {
  const out: Dependency[] = [];
  for (const line of lines(text)) {
    const [name, version, hash] = line.trim().split(/\s+/);
    if (name === undefined || version === undefined || hash === undefined) continue;
    if (version.endsWith('/go.mod')) continue;
    out.push(go(name, version));
  }
  return done(out);
}

export const parseCargoLock = (text: string): LockfileParse => tomlPackages(text, 'crates.io');

/** Gemfile.lock: the `specs:` of the GEM (and GIT/PATH) sections, platform suffixes removed. */
export function parseGemfileLock(text: string): LockfileParse {
  const out: Dependency[] = [];
  let inSpecs = false;
  let sections = 0;
  for (const line of lines(text)) {
    if (/^[A-Z]/.test(line)) {
      sections++;
      inSpecs = false;
      continue;
    }
    if (line === '  specs:') {
      inSpecs = true;
      continue;
    }
    if (!inSpecs) continue;
    const m = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(line);
    if (m === null) continue;
    const version = (m[2] as string).split('-')[0] as string;
    out.push({ ecosystem: 'RubyGems', name: m[1] as string, version });
  }
  if (sections === 0) return fail('not a Gemfile.lock (no sections)');
  return done(out);
}

/** composer.lock: `packages` and `packages-dev`. Branch versions (`dev-main`) are skipped. */
export function parseComposerLock(text: string): LockfileParse {
  const json = parseJson(text);
  if (!json.ok) return fail(json.reason);
  if (!isObj(json.value)) return fail('not a composer.lock object');
  const out: Dependency[] = [];
  const warnings: string[] = [];
  for (const section of ['packages', 'packages-dev']) {
    const list = json.value[section];
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!isObj(p) || typeof p.name !== 'string' || typeof p.version !== 'string') continue;
      if (p.version.startsWith('dev-')) {
        warnings.push(`${p.name}: branch ${p.version} is not a released version`);
        continue;
      }
      out.push({ ecosystem: 'Packagist', name: p.name, version: p.version.replace(/^v/, '') });
    }
  }
  return done(out, warnings);
}
