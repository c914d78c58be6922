/**
 * MISP files on disk: reading an event file, a MISP REST search result or a
 * MISP feed directory (`manifest.json` + one `<uuid>.json` per event), and
 * writing a feed MISP can subscribe to (manifest, events and `hashes.csv`, the
 * layout MISP's own feed generator writes). The conversion itself is pure, in
 * engine/misp.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { platformErrors } from '../platform/errors.js';

/** Largest MISP file read, in bytes (events of 100k attributes are ~50 MB). */
export const MAX_MISP_FILE_BYTES = 200 * 1024 * 1024;
/** Most events read from one feed directory. */
export const MAX_FEED_EVENTS = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One MISP event as found on disk, with where it came from (for messages). */
export interface MispEventFile {
  readonly where: string;
  readonly event: unknown;
}

/**
 * The MISP events at `path`: a feed directory, an event file, an array of
 * events, or a REST search result (`{"response": [{"Event": …}, …]}`).
 */
export async function readMispEvents(path: string): Promise<MispEventFile[]> {
  const info = await stat(path).catch((err: Error) => {
    throw platformErrors.create('usage', { message: `Cannot read ${path}: ${err.message}` });
  });
  if (!info.isDirectory()) {
    const json = await readJson(path);
    const list = Array.isArray(json)
      ? json
      : Array.isArray((json as { response?: unknown }).response)
        ? (json as { response: unknown[] }).response
        : [json];
    return list.map((event, i) => ({ where: list.length === 1 ? path : `${path}[${i}]`, event }));
  }
  const manifest = await readJson(join(path, 'manifest.json'));
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw platformErrors.create('usage', {
      message: `${path}/manifest.json is not a MISP feed manifest (an object keyed by event uuid).`,
    });
  const uuids = Object.keys(manifest);
  if (uuids.length > MAX_FEED_EVENTS)
    throw platformErrors.create('usage', {
      message: `${path} lists more than ${MAX_FEED_EVENTS} events.`,
    });
  const events: MispEventFile[] = [];
  for (const uuid of uuids) {
    // The uuid names a file: anything else (../, /) could read outside the feed.
    if (!UUID.test(uuid)) {
      events.push({
        where: `${path}/manifest.json`,
        event: { error: `bad uuid ${uuid.slice(0, 60)}` },
      });
      continue;
    }
    const file = join(path, `${uuid}.json`);
    events.push({ where: file, event: await readJson(file) });
  }
  return events;
}

/**
 * Write (or update) a MISP feed in `dir` holding `event`: its `<uuid>.json`,
 * its entry in `manifest.json`, and its attributes' MD5s in `hashes.csv`.
 * Files are replaced atomically, so a MISP instance fetching the feed never
 * reads half a file.
 */
export async function writeMispFeed(
  dir: string,
  event: { readonly Event: Record<string, unknown> },
): Promise<{ readonly files: readonly string[] }> {
  await mkdir(dir, { recursive: true });
  const e = event.Event;
  const uuid = String(e.uuid);
  if (!UUID.test(uuid)) throw new Error('a feed event needs a uuid');
  const manifestPath = join(dir, 'manifest.json');
  let manifest: Record<string, unknown> = {};
  try {
    const existing = JSON.parse(await readFile(manifestPath, 'utf8')) as unknown;
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing))
      manifest = existing as Record<string, unknown>;
  } catch {
    // No feed here yet.
  }
  manifest[uuid] = {
    info: e.info,
    Orgc: e.Orgc,
    Tag: e.Tag,
    date: e.date,
    analysis: e.analysis,
    threat_level_id: e.threat_level_id,
    timestamp: e.timestamp,
  };
  const attributes = Array.isArray(e.Attribute) ? (e.Attribute as { value?: unknown }[]) : [];
  const hashes = attributes
    .map((a) => `${createHash('md5').update(String(a.value)).digest('hex')},${uuid}`)
    .join('\n');
  const eventPath = join(dir, `${uuid}.json`);
  const hashesPath = join(dir, 'hashes.csv');
  await atomicWrite(eventPath, JSON.stringify(event));
  await atomicWrite(hashesPath, hashes === '' ? '' : `${hashes}\n`);
  await atomicWrite(manifestPath, JSON.stringify(manifest));
  return { files: [eventPath, hashesPath, manifestPath] };
}

async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o644 });
  await rename(tmp, path);
}

async function readJson(path: string): Promise<unknown> {
  let buf: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_MISP_FILE_BYTES)
      throw platformErrors.create('usage', {
        message: `${path} is larger than ${MAX_MISP_FILE_BYTES / 1024 / 1024} MB.`,
      });
    buf = await readFile(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'usage') throw err;
    throw platformErrors.create('usage', {
      message: `Cannot read ${path}: ${(err as Error).message}`,
    });
  }
  try {
    return JSON.parse(buf.toString('utf8')) as unknown;
  } catch {
    throw platformErrors.create('usage', { message: `${path} is not JSON.` });
  }
}
