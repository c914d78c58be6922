/**
 * `shieldwall admin …`: the operator's commands for organizations, tiers,
 * intermediaries, API keys and staff roles. They work on the same data as a
 * running server; what they change reaches it within a second through the bus
 * (the embedded bus journals to the data directory, which servers poll).
 * Every change is audited as `cli:<os user>`.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../platform/cli/operator.js';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Access } from './access-service.js';
import type { ApiKeyInfo } from './api-keys.js';
import type { Actor, Org } from './directory.js';
import { parseDuration } from './engine/duration.js';

export interface AdminCliDeps {
  /** The access services over the composed platform (tests inject their own). */
  readonly open?: (context: CliContext) => Promise<Access>;
}

export function registerAdminCommands(
  program: Command,
  context: CliContext,
  deps: AdminCliDeps = {},
): void {
  let opened: Promise<Access> | undefined;
  const open = () => {
    opened ??= (deps.open ?? openAccess)(context);
    return opened;
  };
  const actor = (): Actor => ({
    id: cliActor(),
    requestId: `cli-${process.pid}-${Date.now()}`,
  });
  const admin = program
    .command('admin')
    .description('operator commands: organizations, tiers, API keys');

  const org = admin.command('org').description('organizations');
  org
    .command('create')
    .description('create an organization, optionally at a tier')
    .argument('<name>', 'its name')
    .option('--tier <n>', 'trust tier to grant (default 0)', '0')
    .option('--reason <text>', 'why (recorded in the audit log)', 'created by an operator')
    .action(async (name: string, opts: { tier: string; reason: string }) => {
      const access = await open();
      const created = await access.directory.createOrg(
        { name, tier: tierArg(opts.tier), reason: opts.reason },
        actor(),
      );
      context.out.data(
        orgJson(created),
        () => `created ${created.name} (${created.id}) at tier ${created.tier}`,
      );
    });
  org
    .command('list')
    .description('every organization with its tier')
    .action(async () => {
      const access = await open();
      const orgs = await access.directory.listOrgs();
      if (context.out.json()) for (const o of orgs) context.out.line(orgJson(o), '');
      else
        for (const o of orgs)
          context.out.line(
            orgJson(o),
            `${o.id}  tier ${o.tier}${o.vouchCap === null ? '' : `  intermediary (cap ${o.vouchCap})`}  ${o.name}`,
          );
    });
  org
    .command('show')
    .description('one organization, its members and grants')
    .argument('<org>', 'name or id')
    .action(async (nameOrId: string) => {
      const access = await open();
      const o = await access.directory.getOrg(nameOrId);
      const members = await access.directory.members(o.id);
      const grants = await access.directory.grantsOf('org', o.id);
      const data = { ...orgJson(o), members, grants };
      context.out.data(data, () =>
        [
          `${o.name} (${o.id})`,
          `tier ${o.tier}${o.tierExpiresAt === null ? '' : ` until ${new Date(o.tierExpiresAt).toISOString()}`}`,
          ...members.map((m) => `  member ${m.email} (${m.role})`),
          ...grants.map(
            (g) =>
              `  grant tier ${g.tier} by ${g.grantedBy}${g.revokedAt === null ? '' : ' (revoked)'}: ${g.reason}`,
          ),
        ].join('\n'),
      );
    });

  admin
    .command('tier')
    .description('trust tiers of organizations')
    .command('set')
    .description("set an organization's tier (replaces its other grants)")
    .argument('<org>', 'name or id')
    .argument('<tier>', 'tier level')
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option('--expires <duration>', "e.g. 180d, or never (default: the tier's grant_days)")
    .action(async (nameOrId: string, tier: string, opts: { reason: string; expires?: string }) => {
      const access = await open();
      const o = await access.directory.getOrg(nameOrId);
      const grant = await access.directory.setTier(
        { type: 'org', id: o.id },
        tierArg(tier),
        opts.reason,
        actor(),
        {
          ...(opts.expires === undefined ? {} : { expiresInMs: durationArg(opts.expires) }),
        },
      );
      context.out.data(
        grant,
        () =>
          `${o.name} is now tier ${grant.tier}${grant.expiresAt === null ? '' : ` until ${new Date(grant.expiresAt).toISOString()}`}`,
      );
    });

  const inter = admin
    .command('intermediary')
    .description('organizations that vouch for others (ISACs, state agencies, MSPs)');
  inter
    .command('set')
    .description('let an organization vouch members into tiers up to a cap')
    .argument('<org>', 'name or id')
    .requiredOption('--cap <n>', 'highest tier it may vouch into')
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .action(async (nameOrId: string, opts: { cap: string; reason: string }) => {
      const access = await open();
      const o = await access.directory.getOrg(nameOrId);
      await access.directory.setVouchCap(o.id, tierArg(opts.cap), opts.reason, actor());
      context.out.data(
        { org: o.id, vouchCap: Number(opts.cap) },
        () => `${o.name} may now vouch organizations into tiers up to ${opts.cap}`,
      );
    });
  inter
    .command('unset')
    .description('end an organization’s intermediary status (its past vouches stay until revoked)')
    .argument('<org>', 'name or id')
    .requiredOption('--reason <text>', 'why')
    .action(async (nameOrId: string, opts: { reason: string }) => {
      const access = await open();
      const o = await access.directory.getOrg(nameOrId);
      await access.directory.setVouchCap(o.id, null, opts.reason, actor());
      context.out.data(
        { org: o.id, vouchCap: null },
        () => `${o.name} is no longer an intermediary`,
      );
    });

  const key = admin.command('key').description('API keys');
  key
    .command('create')
    .description('create an API key and print it once')
    .requiredOption('--org <org>', 'the organization it acts for (name or id)')
    .option('--name <name>', 'a label for it', 'API key')
    .option(
      '--capabilities <list>',
      "comma-separated capabilities it is limited to (default: the org's whole tier)",
    )
    .option('--expires <duration>', 'e.g. 30d, 12h, or never', 'never')
    .action(async (opts: { org: string; name: string; capabilities?: string; expires: string }) => {
      const access = await open();
      const o = await access.directory.getOrg(opts.org);
      const scope =
        opts.capabilities === undefined
          ? null
          : opts.capabilities
              .split(',')
              .map((c) => c.trim())
              .filter((c) => c !== '');
      const created = await access.keys.create(
        {
          owner: { type: 'org', id: o.id },
          name: opts.name,
          scope,
          expiresInMs: durationArg(opts.expires),
        },
        actor(),
      );
      context.out.data({ ...keyJson(created.info), key: created.key }, () =>
        [
          created.key,
          '',
          `This is the only time the key is shown. Store it in a secret manager now.`,
          `Key id ${created.info.id} for ${o.name}${created.info.expiresAt === null ? '' : `, expires ${new Date(created.info.expiresAt).toISOString()}`}.`,
        ].join('\n'),
      );
    });
  key
    .command('list')
    .description("an organization's keys (never the secrets)")
    .requiredOption('--org <org>', 'name or id')
    .action(async (opts: { org: string }) => {
      const access = await open();
      const o = await access.directory.getOrg(opts.org);
      for (const k of await access.keys.list({ type: 'org', id: o.id }))
        context.out.line(
          keyJson(k),
          `${k.id}  ${status(k)}  ${k.name}${k.lastUsedAt === null ? '' : `  last used ${new Date(k.lastUsedAt).toISOString()}`}`,
        );
    });
  key
    .command('revoke')
    .description(
      'revoke a key by its id (sw_live_…); running servers stop accepting it within a second',
    )
    .argument('<prefix>', 'the key id, sw_live_ and 12 characters (a whole key works too)')
    .option('--reason <text>', 'why (recorded in the audit log)', 'revoked by an operator')
    .action(async (prefix: string, opts: { reason: string }) => {
      const access = await open();
      const info = await access.keys.revoke(keyIdOf(prefix), opts.reason, actor());
      context.out.data(keyJson(info), () => `revoked ${info.id}`);
    });
  key
    .command('rotate')
    .description('issue a replacement; the old key keeps working for the overlap')
    .argument('<prefix>', 'the key id')
    .option('--overlap <duration>', 'how long the old key keeps working', '1d')
    .action(async (prefix: string, opts: { overlap: string }) => {
      const access = await open();
      const overlap = durationArg(opts.overlap) ?? 0;
      const rotated = await access.keys.rotate(keyIdOf(prefix), actor(), overlap);
      context.out.data(
        {
          ...keyJson(rotated.info),
          key: rotated.key,
          oldKeyExpiresAt: new Date(rotated.oldKeyExpiresAt).toISOString(),
        },
        () =>
          [
            rotated.key,
            '',
            'This is the only time the new key is shown.',
            `The old key stops working at ${new Date(rotated.oldKeyExpiresAt).toISOString()}.`,
          ].join('\n'),
      );
    });

  admin
    .command('staff')
    .description("give or take a person's staff roles (e.g. verifier, operator)")
    .argument('<email>', 'their account’s address')
    .argument('[roles...]', 'the roles they should have; none removes all')
    .action(async (email: string, roles: string[]) => {
      const access = await open();
      const known = access.policy().staff;
      for (const r of roles)
        if (!known.has(r))
          throw platformErrors.create('usage', {
            message: `Unknown staff role "${r}"; the policy has: ${[...known.keys()].join(', ')}.`,
          });
      const user = await access.directory.setStaffRoles(email, roles, actor());
      context.out.data(
        { user, roles },
        () => `${email}: ${roles.length === 0 ? 'no staff roles' : roles.join(', ')}`,
      );
    });

  const verification = admin
    .command('verification')
    .description('identity verification upkeep (run daily, e.g. from cron)');
  verification
    .command('expire')
    .description('mark approved verifications whose grant has ended as expired')
    .action(async () => {
      const v = await openVerification(await open(), context);
      const expired = await v.expireDue();
      context.out.data({ expired }, () => `${expired.length} verification(s) expired`);
    });
  verification
    .command('remind')
    .description('mail the people whose grants end soon, asking them to verify again')
    .option('--within <days>', 'grants ending within this many days', '30')
    .action(async (opts: { within: string }) => {
      if (!/^[1-9][0-9]{0,2}$/.test(opts.within))
        throw platformErrors.create('usage', {
          message: '--within is a number of days (1 to 999).',
        });
      const v = await openVerification(await open(), context);
      const result = await v.remindReverification({ withinDays: Number(opts.within) });
      context.out.data(
        result,
        () => `${result.reminded} reminder(s) queued, ${result.failed} failed`,
      );
      if (result.failed > 0) context.out.setExitCode(1);
    });

  const tiers = admin.command('tiers').description('the trust-tier policy');
  tiers
    .command('show')
    .description('print the policy in force (or the built-in one with --default)')
    .option('--default', 'print the built-in policy, to start a tiers file from')
    .action(async (opts: { default?: boolean }) => {
      const { DEFAULT_TIERS_YAML } = await import('./engine/default-tiers.js');
      if (opts.default) {
        // Through the program's output (not process.stdout), so it goes where the CLI was told to write.
        context.out.data(DEFAULT_TIERS_YAML, () => DEFAULT_TIERS_YAML.trimEnd());
        return;
      }
      const access = await open();
      const policy = access.policy();
      context.out.data(
        {
          source: access.policySource.origin,
          digest: access.policySource.digest(),
          tiers: policy.tiers.map((t) => ({ ...t, capabilities: [...t.capabilities] })),
        },
        () =>
          policy.tiers
            .map((t) => `${t.level} ${t.id} (${t.security}): ${[...t.capabilities].join(', ')}`)
            .join('\n'),
      );
    });
  tiers
    .command('check')
    .description('validate a tiers file; exit 1 listing each mistake')
    .argument('<file>', 'the YAML file')
    .action(async (file: string) => {
      const { readPolicyText } = await import('./policy-source.js');
      try {
        const policy = readPolicyText(readFileSync(file, 'utf8'));
        context.out.data(
          { ok: true, tiers: policy.tiers.length },
          () => `${file}: ok, ${policy.tiers.length} tiers`,
        );
      } catch (err) {
        const problems = (err as { details?: { problems?: { path: string; message: string }[] } })
          .details?.problems ?? [{ path: '', message: (err as Error).message }];
        context.out.data({ ok: false, problems }, () =>
          problems.map((p) => `${file}: ${p.path || '(file)'} ${p.message}`).join('\n'),
        );
        context.out.setExitCode(1);
      }
    });
}

async function openAccess(context: CliContext): Promise<Access> {
  const platform = await context.platform();
  const { accessForPlatform } = await import('./access-service.js');
  return accessForPlatform(platform);
}

async function openVerification(access: Access, context: CliContext) {
  const platform = await context.platform();
  const [{ createVerification }, { createOutboxMailer }] = await Promise.all([
    import('./verification/verification.js'),
    import('./accounts/index.js'),
  ]);
  return createVerification({
    store: platform.store,
    audit: platform.audit,
    limiter: platform.limiter,
    mailer: createOutboxMailer(platform.store, platform.logger, access.now),
    directory: access.directory,
    policy: access.policy,
    now: access.now,
    ...(platform.config.publicUrl === undefined ? {} : { publicUrl: platform.config.publicUrl }),
  });
}

function tierArg(text: string): number {
  if (!/^[0-9]{1,2}$/.test(text))
    throw platformErrors.create('usage', { message: `"${text}" is not a tier number.` });
  return Number(text);
}

function durationArg(text: string): number | null {
  const ms = parseDuration(text);
  if (ms === undefined)
    throw platformErrors.create('usage', {
      message: `"${text}" is not a duration (like 30d, 12h, 90m, 2w or never).`,
    });
  return ms;
}

function keyIdOf(prefix: string): string {
  const m = /^(sw_live_[0-9A-Za-z]{12})(_[0-9A-Za-z]{38})?$/.exec(prefix.trim());
  if (m === null)
    throw platformErrors.create('usage', {
      message: 'A key id looks like sw_live_ followed by 12 letters and digits.',
    });
  return m[1] as string;
}

function orgJson(o: Org) {
  return {
    id: o.id,
    name: o.name,
    tier: o.tier,
    tierExpiresAt: o.tierExpiresAt === null ? null : new Date(o.tierExpiresAt).toISOString(),
    vouchCap: o.vouchCap,
  };
}

function keyJson(k: ApiKeyInfo) {
  return {
    id: k.id,
    owner: `${k.ownerType}:${k.ownerId}`,
    name: k.name,
    scope: k.scope,
    createdAt: new Date(k.createdAt).toISOString(),
    expiresAt: k.expiresAt === null ? null : new Date(k.expiresAt).toISOString(),
    revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
    lastUsedAt: k.lastUsedAt === null ? null : new Date(k.lastUsedAt).toISOString(),
  };
}

function status(k: ApiKeyInfo): string {
  if (k.revokedAt !== null) return 'revoked';
  if (k.expiresAt !== null && k.expiresAt <= Date.now()) return 'expired';
  return 'active ';
}
