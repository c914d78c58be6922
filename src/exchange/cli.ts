/**
 * `shieldwall intel …`: threat intelligence from the command line, on the same
 * data as a running server — import a STIX 2.1 bundle into a collection (bad
 * objects are listed and the rest goes in; exit 1 when any was refused), export
 * one as a bundle, list collections. What is imported reaches running servers'
 * matchers and streams within a second through the bus.
 */
import { randomUUID } from 'node:crypto';
import { type Command, Option } from 'commander';
import { cliActor } from '../platform/cli/operator.js';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import { registerIntelImportCommand } from './import-cli.js';
import { registerIntelMatchCommand } from './intel-match-cli.js';
import { exportMispFeed } from './misp-cli.js';
import { registerSharingCommands, visibleObjects } from './sharing-cli.js';
import { registerSyncCommands } from './sync-cli.js';

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

  registerIntelImportCommand(intel, context, {
    open,
    operator,
    orgIdOf: (nameOrId) => orgIdOf(context, nameOrId),
  });

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
