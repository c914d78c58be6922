/**
 * `shieldwall intel collection create` and `shieldwall intel group
 * create|add|remove|list`: collections with owners, tiers and sharing groups,
 * from the command line (as an operator; every change is audited). And the
 * reading half of `intel export`: only what the chosen reader may see.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Exchange } from './exchange-service.js';
import type { SharingGroup } from './sharing-groups.js';

/** `--read`/`--write`: a tier number (`2` → `tier:2`), a TLP word (`green` → `intel.read:green`), or a capability. */
export function requirementOf(v: string | undefined, kind: 'read' | 'write'): string | undefined {
  if (v === undefined) return undefined;
  if (/^[0-9]{1,2}$/.test(v)) return `tier:${Number(v)}`;
  if (kind === 'read' && /^(clear|green|amber|amber-strict|red)$/.test(v)) return `intel.read:${v}`;
  if (kind === 'write' && v === 'write') return 'intel.write';
  return v;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

async function openExchange(context: CliContext) {
  const platform = await context.platform();
  const [{ createExchange }, { orgResolver }] = await Promise.all([
    import('./exchange-service.js'),
    import('./org-resolver.js'),
  ]);
  const orgs = orgResolver(platform);
  const exchange = createExchange({
    store: platform.store,
    audit: platform.audit,
    bus: platform.bus,
    now: Date.now,
    resolveOrg: orgs.resolveOrg,
  });
  await exchange.ensureDefault();
  return { exchange, orgs };
}

/**
 * Every object version of a collection that `asOrg` (an organization's name or id)
 * may read — or, without it, that anyone may read — under the same rules as TAXII.
 */
export async function visibleObjects(
  context: CliContext,
  collection: string,
  asOrg: string | undefined,
): Promise<unknown[]> {
  const { exchange, orgs } = await openExchange(context);
  const { viewerOf } = await import('./exchange-service.js');
  try {
    const who = asOrg === undefined ? await orgs.anonymous() : await orgs.orgPrincipal(asOrg);
    if (who === undefined)
      throw platformErrors.create('usage', { message: `There is no organization ${asOrg}.` });
    const viewer = viewerOf(who);
    const objects: unknown[] = [];
    let next: string | undefined;
    for (let pages = 0; pages < 100_000; pages++) {
      const page = await exchange.readAs(viewer, collection, {
        limit: 1000,
        ...(next === undefined ? {} : { next }),
      });
      for (const r of page.rows) objects.push(JSON.parse(r.json));
      if (!page.more) break;
      next = page.next;
    }
    return objects;
  } finally {
    await orgs.close();
  }
}

export function registerSharingCommands(
  intel: Command,
  context: CliContext,
  operator: () => string,
): void {
  const run = async <T>(
    work: (
      exchange: Exchange,
      actor: { kind: 'operator'; actor: string; requestId: string },
    ) => Promise<T>,
  ): Promise<T> => {
    const { exchange, orgs } = await openExchange(context);
    try {
      return await work(exchange, {
        kind: 'operator',
        actor: operator(),
        requestId: `cli-${randomUUID()}`,
      });
    } finally {
      await orgs.close();
    }
  };
  const groupLine = (g: SharingGroup) =>
    context.out.line(
      g,
      `${g.id}  ${g.name}  (managed by ${g.ownerOrg ?? 'operators'}; ${g.members.length} organizations${g.members.length > 0 ? `: ${g.members.join(', ')}` : ''})`,
    );

  const collection = intel.command('collection').description('manage collections');
  collection
    .command('share')
    .description(
      'share a collection with a sharing group (its members read, and add unless --read-only)',
    )
    .argument('<collection>', 'the collection id')
    .argument('<group>', 'the group (name or id)')
    .option('--read-only', 'members may read but not add')
    .action(async (id: string, name: string, opts: { readOnly?: boolean }) => {
      await run((exchange, actor) =>
        exchange.shareCollection(actor, id, name, opts.readOnly !== true),
      );
      context.out.data(
        { collection: id, group: name, write: opts.readOnly !== true },
        () => 'shared',
      );
    });
  collection
    .command('unshare')
    .description('stop sharing a collection with a sharing group')
    .argument('<collection>', 'the collection id')
    .argument('<group>', 'the group (name or id)')
    .action(async (id: string, name: string) => {
      await run((exchange, actor) => exchange.shareCollection(actor, id, name, null));
      context.out.data({ collection: id, group: name }, () => 'no longer shared');
    });
  collection
    .command('create')
    .description('create a collection and print its id')
    .argument('<name>', 'its title')
    .option('--org <org>', 'the organization that owns it (only its members and groups get in)')
    .option(
      '--read <tier>',
      'who may read: a tier number, clear|green|amber|amber-strict|red, or a capability',
    )
    .option('--write <tier>', 'who may add: a tier number, "write" (intel.write), or a capability')
    .option(
      '--group <group>',
      'a sharing group whose members may read and add (repeatable)',
      collect,
    )
    .option(
      '--read-group <group>',
      'a sharing group whose members may only read (repeatable)',
      collect,
    )
    .option('--description <text>', 'what it is for')
    .action(
      async (
        name: string,
        opts: {
          org?: string;
          read?: string;
          write?: string;
          group?: string[];
          readGroup?: string[];
          description?: string;
        },
      ) => {
        const readCapability = requirementOf(opts.read, 'read');
        const writeCapability = requirementOf(opts.write, 'write');
        const c = await run((exchange, actor) =>
          exchange.createCollection(actor, {
            title: name,
            ...(opts.description === undefined ? {} : { description: opts.description }),
            ...(opts.org === undefined ? {} : { ownerOrg: opts.org }),
            ...(readCapability === undefined ? {} : { readCapability }),
            ...(writeCapability === undefined ? {} : { writeCapability }),
            groups: [
              ...(opts.group ?? []).map((group) => ({ group, write: true })),
              ...(opts.readGroup ?? []).map((group) => ({ group, write: false })),
            ],
          }),
        );
        context.out.data(
          {
            id: c.id,
            title: c.title,
            owner: c.ownerOrg,
            read: c.readCapability,
            write: c.writeCapability,
          },
          () => c.id,
        );
      },
    );

  const group = intel.command('group').description('sharing groups: named sets of organizations');
  group
    .command('create')
    .description('create a sharing group and print its id')
    .argument('<name>', 'its name')
    .option('--org <org>', 'the organization whose admins manage it (default: operators only)')
    .option('--description <text>', 'what it is for')
    .action(async (name: string, opts: { org?: string; description?: string }) => {
      const g = await run((exchange, actor) =>
        exchange.groups.create(actor, {
          name,
          ...(opts.org === undefined ? {} : { ownerOrg: opts.org }),
          ...(opts.description === undefined ? {} : { description: opts.description }),
        }),
      );
      context.out.data(g, () => g.id);
    });
  group
    .command('add')
    .description('add an organization to a sharing group')
    .argument('<group>', 'the group (name or id)')
    .argument('<org>', 'the organization (name or id)')
    .action(async (name: string, org: string) => {
      groupLine(await run((exchange, actor) => exchange.groups.addMember(actor, name, org)));
    });
  group
    .command('remove')
    .description('remove an organization from a sharing group')
    .argument('<group>', 'the group (name or id)')
    .argument('<org>', 'the organization (name or id)')
    .action(async (name: string, org: string) => {
      groupLine(await run((exchange, actor) => exchange.groups.removeMember(actor, name, org)));
    });
  group
    .command('list')
    .description('every sharing group and its organizations')
    .action(async () => {
      for (const g of await run((exchange, actor) => exchange.groups.list(actor))) groupLine(g);
    });
}
