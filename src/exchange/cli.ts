/**
 * `shieldwall intel …`: threat intelligence from the command line, on the same
 * data as a running server — import a STIX 2.1 bundle into a collection (bad
 * objects are listed and the rest goes in; exit 1 when any was refused), export
 * one as a bundle, list collections. What is imported reaches running servers'
 * matchers and streams within a second through the bus.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { cliActor } from '../platform/cli/operator.js';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import { IMPORT_SLICE } from './import-slice.js';
import { registerIntelMatchCommand } from './intel-match-cli.js';
import { exportMispFeed, importMisp } from './misp-cli.js';
import { registerSharingCommands, visibleObjects } from './sharing-cli.js';
import { registerSyncCommands } from './sync-cli.js';

/** Largest bundle read, in bytes. */
const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

export function registerIntelCommands(program: Command, context: CliContext): void {
  const intel = program
    .command('intel')
    .description('threat intelligence: import and export STIX 2.1, list collections');
  const open = async () => {
    const platform = await context.platform();
    const { createExchange, DEFAULT_COLLECTION_ID } = await import('./exchange-service.js');
    const exchange = createExchange({
      store: platform.store,
      audit: platform.audit,
      bus: platform.bus,
      now: Date.now,
    });
    await exchange.ensureDefault();
    return { exchange, DEFAULT_COLLECTION_ID };
  };
  const operator = cliActor;
  registerSyncCommands(intel, context, open, operator);
  registerSharingCommands(intel, context, operator);

  intel
    .command('collections')
    .description('the collections on this server')
    .action(async () => {
      const { exchange } = await open();
      for (const c of await exchange.objects.collections())
        context.out.line(
          {
            id: c.id,
            title: c.title,
            read: c.readCapability,
            write: c.writeCapability,
            owner: c.ownerOrg,
          },
          `${c.id}  ${c.title}  (read: ${c.readCapability}, write: ${c.writeCapability})`,
        );
    });

  intel
    .command('import')
    .description(
      'add the objects of a STIX 2.1 bundle (or MISP events, with --format misp; a plain list of values, with --format list) to a collection; exit 1 if any object was refused',
    )
    .argument(
      '<file>',
      'the bundle (JSON); "-" reads standard input; a MISP feed directory with --format misp',
    )
    .option('--collection <id>', 'the collection (default: the shared one)')
    .option(
      '--org <org>',
      'the organization sharing it (name or id): TLP:AMBER goes to its audience, AMBER+STRICT stays with it',
    )
    .addOption(
      new Option('--format <format>', 'what the file holds')
        .choices(['stix', 'misp', 'list'])
        .default('stix'),
    )
    .action(
      async (
        file: string,
        opts: { collection?: string; org?: string; format: 'stix' | 'misp' | 'list' },
      ) => {
        const sourceOrg = opts.org === undefined ? undefined : await orgIdOf(context, opts.org);
        if (opts.format === 'list') {
          // A plain list: one URL, domain, IP, hash, e-mail, phone or wallet per line (or a CSV feed).
          const { importPlainList, readListFile } = await import('./plain-list-cli.js');
          const text = file === '-' ? await readStdin(context) : await readListFile(file);
          const { exchange, DEFAULT_COLLECTION_ID } = await open();
          await importPlainList(
            context,
            exchange,
            file,
            text,
            opts.collection ?? DEFAULT_COLLECTION_ID,
            operator(),
            sourceOrg,
          );
          return;
        }
        if (opts.format === 'misp') {
          const { exchange, DEFAULT_COLLECTION_ID } = await open();
          await importMisp(
            context,
            exchange,
            file,
            opts.collection ?? DEFAULT_COLLECTION_ID,
            operator(),
            sourceOrg,
          );
          return;
        }
        const text = file === '-' ? await readStdin(context) : await readBundleFile(file);
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
        const { exchange, DEFAULT_COLLECTION_ID } = await open();
        const collection = opts.collection ?? DEFAULT_COLLECTION_ID;
        if ((await exchange.objects.collection(collection)) === undefined)
          throw platformErrors.create('usage', {
            message: `There is no collection ${collection}; see shieldwall intel collections.`,
          });
        const progress = context.out.progress(
          `Importing ${objects.length} objects`,
          objects.length,
        );
        let added = 0;
        let already = 0;
        const refused: { id: string; message: string }[] = [];
        const requestId = `cli-${randomUUID()}`;
        // In slices, so progress moves and one transaction never holds the whole file.
        for (let i = 0; i < objects.length; i += IMPORT_SLICE) {
          const slice = objects.slice(i, i + IMPORT_SLICE);
          const { outcome } = await exchange.importAs(
            operator(),
            collection,
            slice,
            requestId,
            sourceOrg,
          );
          added += outcome.successes.filter((s) => s.message === undefined).length;
          already += outcome.successes.filter((s) => s.message !== undefined).length;
          refused.push(...outcome.failures);
          progress.tick(slice.length);
        }
        progress.done();
        context.out.data({ collection, added, already, refused }, () =>
          [
            `${added} added, ${already} already there, ${refused.length} refused`,
            ...refused.slice(0, 50).map((r) => `  refused ${r.id || '(no id)'}: ${r.message}`),
          ].join('\n'),
        );
        if (refused.length > 0) context.out.setExitCode(1);
      },
    );

  intel
    .command('export')
    .description(
      'print a collection as a STIX 2.1 bundle (the latest version of each object), or write it as a MISP feed',
    )
    .option('--collection <id>', 'the collection (default: the shared one)')
    .addOption(
      new Option(
        '--format <format>',
        'stix (a bundle on standard output) or misp-feed (a feed directory, --out)',
      )
        .choices(['stix', 'misp-feed'])
        .default('stix'),
    )
    .option('--out <dir>', 'the MISP feed directory to write (created or updated)')
    .option('--as-org <org>', 'export what this organization may read (default: what anyone may)')
    .addOption(
      new Option('--max-tlp <level>', 'most restricted TLP written to a MISP feed')
        .choices(['clear', 'green', 'amber', 'amber+strict', 'red'])
        .default('clear'),
    )
    .action(
      async (opts: {
        collection?: string;
        format: 'stix' | 'misp-feed';
        out?: string;
        maxTlp: 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
        asOrg?: string;
      }) => {
        if (opts.format === 'misp-feed' && opts.out === undefined)
          throw platformErrors.create('usage', { message: '--format misp-feed needs --out DIR.' });
        const { DEFAULT_COLLECTION_ID } = await open();
        const collection = opts.collection ?? DEFAULT_COLLECTION_ID;
        // The same sharing rules as every read path (TLP, the collection's ACL and groups).
        const objects = await visibleObjects(context, collection, opts.asOrg);
        if (opts.format === 'misp-feed') {
          await exportMispFeed(context, objects, collection, opts.out as string, opts.maxTlp);
          return;
        }
        const bundle = { type: 'bundle', id: `bundle--${randomUUID()}`, objects };
        // A bundle is JSON whichever way it is asked for.
        context.out.data(bundle, () => JSON.stringify(bundle));
      },
    );

  registerIntelMatchCommand(intel, context);
}

async function readBundleFile(file: string): Promise<string> {
  try {
    const buf = await readFile(file);
    if (buf.length > MAX_BUNDLE_BYTES)
      throw platformErrors.create('usage', {
        message: `${file} is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB.`,
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
    if (size > MAX_BUNDLE_BYTES)
      throw platformErrors.create('usage', {
        message: 'The bundle on standard input is too large.',
      });
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An organization's id from its name or id, or a usage error. */
async function orgIdOf(context: CliContext, nameOrId: string): Promise<string> {
  const { orgResolver } = await import('./org-resolver.js');
  const orgs = orgResolver(await context.platform());
  try {
    const id = await orgs.resolveOrg(nameOrId);
    if (id === undefined)
      throw platformErrors.create('usage', { message: `There is no organization ${nameOrId}.` });
    return id;
  } finally {
    await orgs.close();
  }
}
