/**
 * `vuln db import`: read OSV records from JSON files (one record or an array), JSON Lines,
 * or zip exports (osv.dev's `<ecosystem>/all.zip`), from a file or a directory tree, and
 * write them to the store in batches. Bad records are counted and named, the rest load.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AdvisoryStore } from './advisory-store.js';
import { type OsvRecord, parseOsvRecord } from './engine/osv-record.js';
import { vulnErrors } from './errors.js';
import { zipEntries } from './zip-reader.js';

export interface ImportLimits {
  /** Largest `.json` file or zip entry, bytes. */
  readonly maxJsonBytes: number;
  /** Largest zip file, bytes (read into memory). */
  readonly maxZipBytes: number;
  /** Longest JSON Lines line, characters. */
  readonly maxLineChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxJsonBytes: 32 * 1024 * 1024,
  maxZipBytes: 512 * 1024 * 1024,
  maxLineChars: 4 * 1024 * 1024,
};

export interface ImportReport {
  files: number;
  records: number;
  withdrawn: number;
  rejected: number;
  /** The first rejected inputs and why (at most 50). */
  problems: Array<{ where: string; reason: string }>;
}

const BATCH = 500;

class Importer {
  readonly report: ImportReport = { files: 0, records: 0, withdrawn: 0, rejected: 0, problems: [] };
  #batch: OsvRecord[] = [];

  constructor(
    readonly store: AdvisoryStore,
    readonly limits: ImportLimits,
  ) {}

  reject(where: string, reason: string): void {
    this.report.rejected++;
    if (this.report.problems.length < 50) this.report.problems.push({ where, reason });
  }

  async value(value: unknown, where: string): Promise<void> {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) await this.value(v, `${where}[${i}]`);
      return;
    }
    const parsed = parseOsvRecord(value);
    if (!parsed.ok) return this.reject(where, parsed.reason);
    this.report.records++;
    if (parsed.record.withdrawn !== undefined) this.report.withdrawn++;
    this.#batch.push(parsed.record);
    if (this.#batch.length >= BATCH) await this.flush();
  }

  async text(text: string, where: string): Promise<void> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.reject(where, 'not valid JSON');
    }
    await this.value(value, where);
  }

  async flush(): Promise<void> {
    const batch = this.#batch;
    this.#batch = [];
    await this.store.write(batch);
  }
}

async function importJsonLines(im: Importer, path: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    if (line.length > im.limits.maxLineChars) im.reject(`${path}:${n}`, 'line too long');
    else await im.text(line, `${path}:${n}`);
  }
}

async function importZip(im: Importer, path: string, size: number): Promise<void> {
  if (size > im.limits.maxZipBytes)
    throw vulnErrors.create('too_large', {
      message: `${path} is larger than ${im.limits.maxZipBytes} bytes.`,
    });
  const zip = await readFile(path);
  for (const entry of zipEntries(zip, {
    maxEntryBytes: im.limits.maxJsonBytes,
    maxEntries: 2_000_000,
  })) {
    if (!entry.name.endsWith('.json')) continue;
    await im.text(entry.data.toString('utf8'), `${path}!${entry.name}`);
  }
}

async function importPath(im: Importer, path: string, depth: number): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) return; // never follow links out of the tree
  if (info.isDirectory()) {
    if (depth > 20) return;
    const names = (await readdir(path)).sort();
    for (const name of names) await importPath(im, join(path, name), depth + 1);
    return;
  }
  if (!info.isFile()) return;
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
    im.report.files++;
    await importJsonLines(im, path);
  } else if (lower.endsWith('.zip')) {
    im.report.files++;
    await importZip(im, path, info.size);
  } else if (lower.endsWith('.json')) {
    im.report.files++;
    if (info.size > im.limits.maxJsonBytes) return im.reject(path, 'file too large');
    await im.text(await readFile(path, 'utf8'), path);
  }
}

/**
 * Import every OSV record under `path` into the store.
 *
 * @example
 * const report = await importOsv(store, 'osv/PyPI/all.zip');
 */
export async function importOsv(
  store: AdvisoryStore,
  path: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportReport> {
  await lstat(path).catch((cause: unknown) => {
    throw vulnErrors.create('path_not_found', { message: `${path} does not exist.`, cause });
  });
  const im = new Importer(store, limits);
  await importPath(im, path, 0);
  await im.flush();
  if (im.report.records === 0)
    throw vulnErrors.create('nothing_imported', {
      message: `No valid OSV records in ${path} (${im.report.rejected} rejected).`,
      details: { problems: im.report.problems.slice(0, 5) },
    });
  return im.report;
}
