/**
 * `shieldwall intel sync …`: subscribe this instance to a collection on
 * another TAXII 2.1 server, list subscriptions with their state, sync now,
 * remove. A running server syncs due subscriptions in the background.
 */
import { type Command, Option } from 'commander';
import type { Platform } from '../platform/compose.js';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Exchange } from './exchange-service.js';
import type { Subscription, SyncResult } from './federation.js';

export function registerSyncCommands(
  intel: Command,
  context: CliContext,
  open: () => Promise<{ exchange: Exchange; DEFAULT_COLLECTION_ID: string }>,
  operator: () => string,
): void {
  const sync = intel
    .command('sync')
    .description('keep a copy of collections on other TAXII 2.1 servers (federation)');
  const openFederation = async () => {
    const { exchange, DEFAULT_COLLECTION_ID } = await open();
    const platform: Platform = await context.platform();
    const { createFederation } = await import('./federation.js');
    return {
      DEFAULT_COLLECTION_ID,
      federation: createFederation({
        store: platform.store,
        exchange,
        audit: platform.audit,
        logger: platform.logger,
        // Secrets are named by environment variable, never stored.
        secret: (name) => process.env[name],
        now: Date.now,
      }),
    };
  };

  sync
    .command('add')
    .description('subscribe to a remote collection (prints the subscription id)')
    .argument('<url>', 'the remote collection: https://host/taxii2/<api-root>/collections/<id>/')
    .option('--collection <id>', 'the local collection to fill (default: the shared one)')
    .option('--key-env <NAME>', 'environment variable holding the API key (sent as Bearer)')
    .option('--user <name>', 'user name for HTTP Basic (the password comes from --password-env)')
    .option('--password-env <NAME>', 'environment variable holding the HTTP Basic password')
    .addOption(
      new Option('--every <seconds>', 'how often to sync').argParser((v) => Number(v)).default(60),
    )
    .action(
      async (
        url: string,
        opts: {
          collection?: string;
          keyEnv?: string;
          user?: string;
          passwordEnv?: string;
          every: number;
        },
      ) => {
        if (opts.keyEnv !== undefined && opts.passwordEnv !== undefined)
          throw platformErrors.create('usage', {
            message: 'Use --key-env (Bearer) or --user with --password-env (Basic), not both.',
          });
        if ((opts.user === undefined) !== (opts.passwordEnv === undefined))
          throw platformErrors.create('usage', {
            message: '--user and --password-env go together.',
          });
        const { federation, DEFAULT_COLLECTION_ID } = await openFederation();
        const sub = await asUsage(
          federation.add(
            {
              url,
              localCollection: opts.collection ?? DEFAULT_COLLECTION_ID,
              auth:
                opts.keyEnv !== undefined
                  ? 'bearer'
                  : opts.passwordEnv !== undefined
                    ? 'basic'
                    : 'none',
              ...(opts.user === undefined ? {} : { username: opts.user }),
              ...(opts.keyEnv !== undefined
                ? { secretEnv: opts.keyEnv }
                : opts.passwordEnv !== undefined
                  ? { secretEnv: opts.passwordEnv }
                  : {}),
              intervalSeconds: opts.every,
            },
            operator(),
          ),
        );
        context.out.data(sub, () => sub.id);
      },
    );

  sync
    .command('list')
    .description('subscriptions, with when each last synced and any error')
    .action(async () => {
      const { federation } = await openFederation();
      for (const s of await federation.list()) context.out.line(s, describe(s));
    });

  sync
    .command('run')
    .description('sync now (one subscription, or all); exit 1 if any sync failed')
    .argument('[id]', 'the subscription (default: every one)')
    .action(async (id: string | undefined) => {
      const { federation } = await openFederation();
      const results = await federation.syncNow(id);
      for (const r of results) context.out.line(r, result(r));
      if (results.some((r) => r.error !== undefined)) context.out.setExitCode(1);
    });

  sync
    .command('remove')
    .description('stop syncing a remote collection (what was copied stays)')
    .argument('<id>', 'the subscription')
    .action(async (id: string) => {
      const { federation } = await openFederation();
      await federation.remove(id, operator());
      context.out.data({ removed: id }, () => `Removed ${id}.`);
    });
}

/** A subscription the user described wrongly is a usage error (exit 2), like a bad option. */
async function asUsage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (
      code === 'bad_subscription' ||
      code === 'collection_not_found' ||
      code === 'subscription_exists'
    )
      throw platformErrors.create('usage', { message: (err as Error).message });
    throw err;
  }
}

function describe(s: Subscription): string {
  const last =
    s.lastSuccess === null ? 'never synced' : `synced ${new Date(s.lastSuccess).toISOString()}`;
  const error = s.lastError === null ? '' : `  LAST ERROR: ${s.lastError}`;
  return `${s.id}  ${s.url} → ${s.localCollection}  every ${s.intervalSeconds}s  ${s.objectsSynced} objects  ${last}${error}`;
}

function result(r: SyncResult): string {
  return r.error === undefined
    ? `${r.id}: ${r.added} added from ${r.fetched} fetched in ${r.pages} page(s)${r.refused > 0 ? `, ${r.refused} refused` : ''}`
    : `${r.id}: FAILED: ${r.error}${r.added > 0 ? ` (${r.added} added before it failed)` : ''}`;
}
