/**
 * `shieldwall intel import FILE...`: STIX 2.1 bundles, MISP events (a file or a feed directory) and
 * plain lists (one value per line, or a CSV feed) into a collection. The format is told from each
 * file's content unless `--format` names it: a directory is a MISP feed; JSON with an `Event` or
 * `response` near its start is MISP; other JSON is a STIX bundle; anything else is a plain list. All
 * files are checked (readable, format known) before the first is imported. One file prints its
 * summary as before; several print one line each (JSON Lines with --json), naming the file. Exit 1
 * when any object was refused, 2 on wrong usage.
 */
import { randomUUID } from 'node:crypto';
import { open as openFile, stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Exchange } from './exchange-service.js';
import { importInSlices, newTally } from './import-slice.js';

/** Largest bundle or list read, in bytes. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** How much of a file is read to tell its format. */
const HEAD_BYTES = 4096;

export type ImportFormat = 'stix' | 'misp' | 'list';

/** What importing one file did: the data printed, its summary in words, and how many objects were refused. */
export interface ImportReport {
  readonly value: Readonly<Record<string, unknown>>;
  readonly human: string;
  readonly refused: number;
}

/**
 * The format of a file from its first bytes (see the file comment). `head` is the start of the
 * file as text; a byte-order mark and leading white space are skipped. A bundle's own
 * `"type": "bundle"` wins over the MISP keys, so a STIX object with a property named `Event` or
 * `response` near the start is still read as STIX. At most HEAD_BYTES characters are read, by
 * substring search and one linear pattern (literals around optional white space).
 */
export function formatOfHead(head: string): ImportFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const first = text.charAt(0);
  if (first !== '{' && first !== '[') return 'list';
  const start = text.slice(0, HEAD_BYTES);
  if (BUNDLE_TYPE.test(start)) return 'stix';
  return start.includes('"Event"') || start.includes('"response"') ? 'misp' : 'stix';
}

/** `"type": "bundle"` with any white space around the colon (JSON allows it). */
const BUNDLE_TYPE = /"type"\s*:\s*"bundle"/;

async function formatOfFile(path: string): Promise<ImportFormat> {
  try {
    if ((await stat(path)).isDirectory()) return 'misp';
    const handle = await openFile(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
      return formatOfHead(buf.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw platformErrors.create('usage', {
      message: `Cannot read ${path}: ${(err as Error).message}`,
    });
  }
}

export function registerIntelImportCommand(
  intel: Command,
  context: CliContext,
  deps: {
    readonly open: () => Promise<{ exchange: Exchange; DEFAULT_COLLECTION_ID: string }>;
    readonly operator: () => string;
    readonly orgIdOf: (nameOrId: string) => Promise<string>;
  },
): void {
  intel
    .command('import')
    .description(
      'add STIX 2.1 bundles, MISP events (a file or a feed directory) or plain lists of values (one per line, or CSV) to a collection; the format is told from each file; exit 1 if any object was refused',
    )
    .argument('<files...>', 'the files (or MISP feed directories); "-" reads standard input')
    .option('--collection <id>', 'the collection (default: the shared one)')
    .option(
      '--org <org>',
      'the organization sharing it (name or id): TLP:AMBER goes to its audience, AMBER+STRICT stays with it',
    )
    .addOption(
      new Option(
        '--format <format>',
        'what the files hold (auto: a directory is a MISP feed, JSON naming an Event is MISP, other JSON a STIX bundle, anything else a plain list)',
      )
        .choices(['auto', 'stix', 'misp', 'list'])
        .default('auto'),
    )
    .action(
      async (
        files: string[],
        opts: { collection?: string; org?: string; format: 'auto' | ImportFormat },
      ) => {
        if (files.filter((f) => f === '-').length > 1)
          throw platformErrors.create('usage', {
            message: 'Standard input ("-") can be read only once.',
          });
        // Every file is checked before anything is imported.
        const stdin = files.includes('-') ? await readStdin(context) : undefined;
        const plan: { file: string; format: ImportFormat }[] = [];
        for (const file of files) {
          const format =
            opts.format !== 'auto'
              ? opts.format
              : file === '-'
                ? formatOfHead((stdin ?? '').slice(0, HEAD_BYTES))
                : await formatOfFile(file);
          if (file === '-' && format === 'misp')
            throw platformErrors.create('usage', {
              message: 'MISP import reads a file or a feed directory, not standard input.',
            });
          plan.push({ file, format });
        }
        const sourceOrg = opts.org === undefined ? undefined : await deps.orgIdOf(opts.org);
        const { exchange, DEFAULT_COLLECTION_ID } = await deps.open();
        const collection = opts.collection ?? DEFAULT_COLLECTION_ID;
        if ((await exchange.objects.collection(collection)) === undefined)
          throw platformErrors.create('usage', {
            message: `There is no collection ${collection}; see shieldwall intel collections.`,
          });
        const many = plan.length > 1;
        let refused = 0;
        for (const { file, format } of plan) {
          const report = await importOne(context, exchange, {
            file,
            format,
            collection,
            actor: deps.operator(),
            sourceOrg,
            stdin,
          });
          refused += report.refused;
          if (many) context.out.line({ file, format, ...report.value }, `${file}: ${report.human}`);
          else context.out.data(report.value, () => report.human);
        }
        if (refused > 0) context.out.setExitCode(1);
      },
    );
}

async function importOne(
  context: CliContext,
  exchange: Exchange,
  job: {
    readonly file: string;
    readonly format: ImportFormat;
    readonly collection: string;
    readonly actor: string;
    readonly sourceOrg: string | undefined;
    readonly stdin: string | undefined;
  },
): Promise<ImportReport> {
  const { file, collection, actor, sourceOrg } = job;
  if (job.format === 'misp') {
    const { importMisp } = await import('./misp-cli.js');
    return importMisp(context, exchange, file, collection, actor, sourceOrg);
  }
  const text = file === '-' ? (job.stdin ?? '') : await readBounded(file);
  if (job.format === 'list') {
    // A plain list: one URL, domain, IP, hash, e-mail, phone or wallet per line (or a CSV feed).
    const { importPlainList } = await import('./plain-list-cli.js');
    return importPlainList(context, exchange, file, text, collection, actor, sourceOrg);
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    throw platformErrors.create('usage', { message: `${file} is not JSON.` });
  }
  const objects = (bundle as { objects?: unknown }).objects;
  if ((bundle as { type?: unknown }).type !== 'bundle' || !Array.isArray(objects))
    throw platformErrors.create('usage', {
      message: `${file} is not a STIX bundle ({"type": "bundle", "objects": [ … ]}).`,
    });
  const progress = context.out.progress(`Importing ${objects.length} objects`, objects.length);
  // In slices, so progress moves and one transaction never holds the whole file.
  const tally = newTally();
  const requestId = `cli-${randomUUID()}`;
  await importInSlices(exchange, { actor, collection, requestId, sourceOrg }, objects, tally, (n) =>
    progress.tick(n),
  );
  progress.done();
  const { added, already, refused } = tally;
  return {
    value: { collection, added, already, refused },
    human: [
      `${added} added, ${already} already there, ${refused.length} refused`,
      ...refused.slice(0, 50).map((r) => `  refused ${r.id || '(no id)'}: ${r.message}`),
    ].join('\n'),
    refused: refused.length,
  };
}

/** A file's text, refused past MAX_IMPORT_BYTES. */
export async function readBounded(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    const buf = await readFile(file);
    if (buf.length > MAX_IMPORT_BYTES)
      throw platformErrors.create('usage', {
        message: `${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      });
    return buf.toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'usage') throw err;
    throw platformErrors.create('usage', {
      message: `Cannot read ${file}: ${(err as Error).message}`,
    });
  }
}

async function readStdin(context: CliContext): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of context.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_IMPORT_BYTES)
      throw platformErrors.create('usage', {
        message: 'The input on standard input is too large.',
      });
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}
