import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { platformErrors } from '../errors.js';
import {
  type Config,
  type ConfigKey,
  type ConfigKeySpec,
  type ConfigValueType,
  configKeys,
  envName,
} from './config-keys.js';

/** Where configuration comes from, lowest precedence first: defaults, file, environment, overrides (CLI flags). */
export interface ConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Config file path (YAML or JSON); otherwise `SHIELDWALL_CONFIG` from `env`, otherwise none. */
  readonly file?: string | undefined;
  /** Values from CLI flags, already named by key. */
  readonly overrides?: Partial<Record<ConfigKey, string | number | boolean | undefined>>;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  readonly cwd?: string;
}

const MAX_CONFIG_FILE_BYTES = 1024 * 1024;
const CONFIG_FILE_ENV = 'SHIELDWALL_CONFIG';
const keyNames = Object.keys(configKeys) as ConfigKey[];

/**
 * Parse, validate and freeze the configuration. Throws `config_invalid` with a
 * message naming the bad key and where it came from.
 *
 * @example
 * const config = loadConfig({ env: process.env });
 */
export function loadConfig(sources: ConfigSources): Config {
  const cwd = sources.cwd ?? process.cwd();
  const raw = new Map<ConfigKey, { value: unknown; from: string }>();

  const filePath = sources.file ?? sources.env[CONFIG_FILE_ENV];
  if (filePath !== undefined && filePath !== '') {
    const abs = resolve(cwd, filePath);
    for (const [key, value] of Object.entries(readConfigFile(abs))) {
      if (!isKey(key)) fail(`Unknown key "${key}" in ${abs}${suggest(key, keyNames)}.`, key, abs);
      raw.set(key, { value, from: abs });
    }
  }

  const envKeys = new Map(keyNames.map((k) => [envName(k), k] as const));
  for (const [name, value] of Object.entries(sources.env)) {
    if (!name.startsWith('SHIELDWALL_') || name === CONFIG_FILE_ENV || value === undefined)
      continue;
    const key = envKeys.get(name);
    if (key === undefined) {
      fail(
        `Unknown environment variable ${name}${suggest(name, [...envKeys.keys()])}.`,
        name,
        'environment',
      );
    }
    raw.set(key, { value, from: `environment variable ${name}` });
  }

  for (const [key, value] of Object.entries(sources.overrides ?? {})) {
    if (value === undefined) continue;
    if (!isKey(key)) fail(`Unknown option "${key}".`, key, 'command line');
    raw.set(key, { value, from: 'command line' });
  }

  const out: Record<string, string | number | boolean | undefined> = {};
  for (const key of keyNames) {
    const spec: ConfigKeySpec = configKeys[key];
    const given = raw.get(key);
    out[key] = given === undefined ? spec.default : coerce(key, spec, given.value, given.from);
  }
  out.data = resolve(cwd, String(out.data));
  if (typeof out.auditKeyFile === 'string') out.auditKeyFile = resolve(cwd, out.auditKeyFile);
  return Object.freeze(out) as Config;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_FILE_BYTES) {
      fail(`Config file ${path} is larger than 1 MiB.`, CONFIG_FILE_ENV, path);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (platformErrors.is(err, 'config_invalid')) throw err;
    fail(
      `Cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
      CONFIG_FILE_ENV,
      path,
    );
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { maxAliasCount: 50 });
  } catch (err) {
    fail(
      `Config file ${path} is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`,
      CONFIG_FILE_ENV,
      path,
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    fail(`Config file ${path} must hold a mapping of keys to values.`, CONFIG_FILE_ENV, path);
  }
  return parsed as Record<string, unknown>;
}

function coerce(
  key: ConfigKey,
  spec: ConfigKeySpec,
  value: unknown,
  from: string,
): string | number | boolean {
  const bad = (why: string): never => fail(`Config key "${key}" (from ${from}) ${why}.`, key, from);
  const t = spec.type;
  switch (t.kind) {
    case 'integer': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim())
            ? Number(value)
            : Number.NaN;
      if (!Number.isSafeInteger(n)) return bad('must be a whole number');
      if (n < t.min || n > t.max) return bad(`must be between ${t.min} and ${t.max}, got ${n}`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (['true', '1', 'yes', 'on'].includes(s)) return true;
      if (['false', '0', 'no', 'off'].includes(s)) return false;
      return bad('must be true or false');
    }
    case 'enum': {
      if (typeof value !== 'string' || !t.values.includes(value))
        return bad(`must be one of ${t.values.join(', ')}`);
      return value;
    }
    case 'string': {
      if (typeof value !== 'string' && typeof value !== 'number') return bad('must be text');
      const s = String(value);
      if (t.minLength !== undefined && s.length < t.minLength) return bad('must not be empty');
      if (t.maxLength !== undefined && s.length > t.maxLength)
        return bad(`must be at most ${t.maxLength} characters`);
      return s;
    }
    case 'map':
      return mapValue(t, value, bad);
    case 'url-or': {
      if (typeof value !== 'string') return bad(`must be "${t.word}" or a URL`);
      if (value === t.word) return value;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return bad(
          `must be "${t.word}" or a URL starting with ${t.protocols.map((p) => `${p}//`).join(' or ')}`,
        );
      }
      if (!t.protocols.includes(url.protocol)) {
        return bad(
          `must be "${t.word}" or a URL starting with ${t.protocols.map((p) => `${p}//`).join(' or ')}, got ${url.protocol}//`,
        );
      }
      return value;
    }
  }
}

/** Check `name=value` pairs (text, or a mapping from the config file); return them canonical. */
function mapValue(
  t: Extract<ConfigValueType, { kind: 'map' }>,
  value: unknown,
  bad: (why: string) => never,
): string {
  let pairs: [string, unknown][];
  if (typeof value === 'string')
    pairs = value
      .split(',')
      .filter((p) => p.trim() !== '')
      .map((p) => {
        const eq = p.indexOf('=');
        return eq < 0
          ? bad(`has "${p.trim().slice(0, 60)}" where name=value was expected`)
          : [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
      });
  else if (typeof value === 'object' && value !== null && !Array.isArray(value))
    pairs = Object.entries(value);
  else return bad('must be name=value pairs separated by commas');
  if (pairs.length > t.names.length) return bad(`has more than ${t.names.length} pairs`);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [name, v] of pairs) {
    if (!t.names.includes(name))
      return bad(`names "${name.slice(0, 60)}", which is not one of ${t.names.join(', ')}`);
    if (seen.has(name)) return bad(`names "${name}" twice`);
    seen.add(name);
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    if (Array.isArray(t.values)) {
      const choices = t.values as readonly string[];
      if (!choices.includes(text))
        return bad(
          `gives "${name}" ${JSON.stringify(text.slice(0, 60))}; use one of ${choices.join(', ')}`,
        );
    } else {
      const range = t.values as { min: number; max: number };
      const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
        return bad(
          `gives "${name}" ${JSON.stringify(text.slice(0, 60))}; use a whole number between ${range.min} and ${range.max}`,
        );
    }
    out.push(`${name}=${text}`);
  }
  return out.join(',');
}

function isKey(key: string): key is ConfigKey {
  return Object.hasOwn(configKeys, key);
}

function fail(message: string, key: string, source: string): never {
  throw platformErrors.create('config_invalid', { message, details: { key, source } });
}

/** ` (did you mean "port"?)` when a known name is within two edits. */
function suggest(given: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(given.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}

/** The configuration with secrets masked, for `config show` and logs. */
export function maskedConfig(config: Config): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const key of keyNames) {
    const spec: ConfigKeySpec = configKeys[key];
    const value = config[key];
    out[key] =
      value === undefined
        ? null
        : spec.secret === true && typeof value === 'string'
          ? maskSecret(value)
          : value;
  }
  return out;
}

/** Mask a URL's password (and token-like query values); mask other secrets entirely. */
export function maskSecret(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return /^[a-z]+$/.test(value) ? value : '****';
  }
  if (url.password !== '') url.password = '****';
  else if (url.username !== '' && url.protocol.startsWith('nats')) url.username = '****';
  for (const name of [...url.searchParams.keys()]) {
    if (/pass|secret|token|key/i.test(name)) url.searchParams.set(name, '****');
  }
  return url.toString();
}
