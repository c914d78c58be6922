/**
 * Reads Sigma rules from files and folders: every `.yml`/`.yaml` file below a folder (sorted, so
 * runs are repeatable), each file possibly holding several YAML documents. A file that cannot be
 * read or parsed becomes a problem naming the file and the reason; the other files still load.
 *
 * Speed (issue 9): files are read many at a time, and with `cacheDir` the parsed documents of
 * each file are kept in a cache keyed by the SHA-256 of the file's bytes, so a later start parses
 * only the files that changed (YAML parsing of the whole SigmaHQ set costs seconds of CPU;
 * reading the cache costs a fraction of that). A cache that is missing, of another version,
 * too large or damaged is ignored and rewritten; it never changes what a rule says.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { RuleProblem, SourcedDocument } from './engine/sigma/index.js';
import { detectErrors } from './errors.js';

/** A rule file larger than this is refused (real rules are a few KiB). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;
/** Most rule files read from one folder tree. */
export const MAX_RULE_FILES = 50_000;
/** Files read at the same time: enough to keep the disk busy, few enough for any ulimit. */
const READ_CONCURRENCY = 32;
/** A cache larger than this is not read (the whole SigmaHQ set makes about 6 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** Bump when the cached shape or the parsing options change: old caches are then ignored. */
export const RULE_CACHE_VERSION = 1;

/**
 * Where the CLI keeps parsed rule files: under the data directory, so every user's cache is
 * their own and `rm -r DATA/cache` is always safe.
 *
 * @example
 * await loadRules(paths, { cacheDir: rulesCacheDir('/var/lib/shieldwall') });
 */
export function rulesCacheDir(dataDir: string): string {
  return join(dataDir, 'cache', 'detect');
}

export interface LoadedRules {
  readonly documents: SourcedDocument[];
  readonly problems: RuleProblem[];
  readonly files: number;
}

export interface LoadRulesOptions {
  /**
   * A folder (created if missing) for the parse cache, e.g. under the data directory. Without
   * it every start parses every file.
   */
  readonly cacheDir?: string;
}

async function listRuleFiles(root: string): Promise<string[]> {
  const info = await lstat(root).catch(() => {
    throw detectErrors.create('rules_not_found', { message: `${root} does not exist.` });
  });
  if (info.isFile()) return [root];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      if (out.length >= MAX_RULE_FILES) return;
      const path = join(dir, e.name);
      // Symbolic links are not followed: a link loop or a link out of the tree is not a rule.
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && /\.ya?ml$/i.test(e.name)) out.push(path);
    }
  };
  await walk(root);
  return out;
}

/** Parses one file's text into documents and problems. */
export function parseRuleFile(source: string, text: string): LoadedRules {
  const documents: SourcedDocument[] = [];
  const problems: RuleProblem[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      problems.push({
        source,
        message: `not valid YAML: ${first?.message.split('\n')[0] ?? 'parse error'}`,
        severity: 'error',
      });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue; // an empty document (a trailing ---)
    documents.push({ source, document: value });
  }
  return { documents, problems, files: 1 };
}

/** What one file gave: its documents (plain data) and problems, without the file name. */
interface FileResult {
  readonly documents: readonly unknown[];
  readonly problems: readonly Omit<RuleProblem, 'source'>[];
}

interface CacheFile {
  readonly version: number;
  /** SHA-256 (hex) of a file's bytes → what parsing it gave. */
  readonly entries: Record<string, FileResult>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only what survives JSON unchanged is cached (YAML's .inf and .nan would not). */
function jsonSafe(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((v) => jsonSafe(v, depth + 1));
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).every((v) => jsonSafe(v, depth + 1));
  return false;
}

function validEntry(v: unknown): v is FileResult {
  return (
    isRecord(v) &&
    Array.isArray(v.documents) &&
    Array.isArray(v.problems) &&
    v.problems.every(
      (p) =>
        isRecord(p) &&
        typeof p.message === 'string' &&
        (p.severity === 'error' || p.severity === 'skipped'),
    )
  );
}

/** The cache file for one list of rule paths (different rule sets do not evict each other). */
function cachePath(cacheDir: string, roots: readonly string[]): string {
  const key = createHash('sha256')
    .update(JSON.stringify(roots.map((r) => resolve(r))))
    .digest('hex')
    .slice(0, 16);
  return join(cacheDir, `sigma-rules-${key}.json`);
}

async function readCache(path: string): Promise<Map<string, FileResult>> {
  const out = new Map<string, FileResult>();
  try {
    if ((await stat(path)).size > MAX_CACHE_BYTES) return out;
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!isRecord(parsed) || parsed.version !== RULE_CACHE_VERSION || !isRecord(parsed.entries))
      return out;
    for (const [hash, entry] of Object.entries(parsed.entries))
      if (/^[0-9a-f]{64}$/.test(hash) && validEntry(entry)) out.set(hash, entry);
  } catch {
    // Missing or damaged: parse everything and write a new one.
  }
  return out;
}

async function writeCache(path: string, entries: Map<string, FileResult>): Promise<void> {
  const body: CacheFile = { version: RULE_CACHE_VERSION, entries: Object.fromEntries(entries) };
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
    await writeFile(tmp, JSON.stringify(body), { mode: 0o600 });
    await rename(tmp, path); // readers see the old cache or the new one, never half of one
  } catch {
    // A read-only or full disk only costs the next start its speed.
  }
}

type FileOutcome =
  | {
      readonly kind: 'ok';
      readonly hash: string;
      readonly result: FileResult;
      readonly fresh: boolean;
    }
  | { readonly kind: 'problem'; readonly message: string };

async function loadFile(file: string, cache: Map<string, FileResult> | null): Promise<FileOutcome> {
  try {
    const info = await lstat(file);
    if (info.size > MAX_RULE_FILE_BYTES)
      return { kind: 'problem', message: `the file is larger than ${MAX_RULE_FILE_BYTES} bytes` };
    const bytes = await readFile(file);
    const hash = cache === null ? '' : createHash('sha256').update(bytes).digest('hex');
    const cached = cache?.get(hash);
    if (cached !== undefined) return { kind: 'ok', hash, result: cached, fresh: false };
    const parsed = parseRuleFile(file, bytes.toString('utf8'));
    const result: FileResult = {
      documents: parsed.documents.map((d) => d.document),
      problems: parsed.problems.map(({ source: _source, ...rest }) => rest),
    };
    return { kind: 'ok', hash, result, fresh: true };
  } catch (e) {
    return {
      kind: 'problem',
      message: `could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Runs `task` on every item, `limit` at a time; results in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Loads every rule file under each path (files or folders). */
export async function loadRules(
  paths: readonly string[],
  options: LoadRulesOptions = {},
): Promise<LoadedRules> {
  const documents: SourcedDocument[] = [];
  const problems: RuleProblem[] = [];
  const cacheFile = options.cacheDir === undefined ? null : cachePath(options.cacheDir, paths);
  const cache = cacheFile === null ? null : await readCache(cacheFile);
  const files: string[] = [];
  for (const root of paths) files.push(...(await listRuleFiles(root)));
  const outcomes = await mapLimited(files, READ_CONCURRENCY, (f) => loadFile(f, cache));
  // The cache keeps exactly the files of this load: deleted or changed files drop out.
  const kept = new Map<string, FileResult>();
  let changed = false;
  outcomes.forEach((o, i) => {
    const source = files[i] as string;
    if (o.kind === 'problem') {
      problems.push({ source, message: o.message, severity: 'error' });
      return;
    }
    for (const document of o.result.documents) documents.push({ source, document });
    for (const p of o.result.problems) problems.push({ source, ...p });
    if (cache === null) return;
    if (o.fresh && !o.result.documents.every((d) => jsonSafe(d))) return;
    kept.set(o.hash, o.result);
    changed ||= o.fresh;
  });
  if (cacheFile !== null && cache !== null && (changed || kept.size !== cache.size))
    await writeCache(cacheFile, kept);
  return { documents, problems, files: files.length };
}
