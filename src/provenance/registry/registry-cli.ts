/**
 * Registry commands under `shieldwall model`:
 *
 * - against a server, with an API key read from a file: `push`, `pull`, `list`, `grant`,
 *   `revoke-grant` (exit 0 done, 1 refused, 2 wrong usage);
 * - on this installation's data, for operators: `bind-key` (a key's environment),
 *   `trust-key` (an organization's signing key) and `findings` (insider-threat findings).
 */

import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { withNamedOrg } from '../../access/index.js';
import { cliActor } from '../../platform/cli/operator.js';
import { platformErrors } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import type { InsiderFinding } from './insider-service.js';
import { SIGNAL_KINDS, type SignalKind } from './insider-signals.js';
import { addSigningKeyAs, bindKeyAs } from './registry-admin.js';
import { createRegistryClient, readKeyFile } from './registry-client.js';
import { MAX_ATTACHMENT_BYTES } from './registry-limits.js';
import { ENVIRONMENTS, type Environment } from './registry-tables.js';

const usage = (message: string) => platformErrors.create('usage', { message });

interface ServerOpts {
  server: string;
  keyFile: string;
}

function serverOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--server <url>', 'the Shieldwall server, e.g. https://shieldwall.example.org')
    .requiredOption(
      '--key-file <file>',
      'file holding your API key (never put keys on the command line)',
    );
}

async function clientFor(opts: ServerOpts) {
  let url: URL;
  try {
    url = new URL(opts.server);
  } catch {
    throw usage('--server must be a URL such as https://shieldwall.example.org.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw usage('--server must be an http(s) URL.');
  return createRegistryClient({ server: url.origin, apiKey: await readKeyFile(opts.keyFile) });
}

function envOption(): Option {
  return new Option('--env <environment>', 'dev, staging or prod').choices([...ENVIRONMENTS]);
}

export function registerRegistryCommands(model: Command, context: CliContext): void {
  registerClientCommands(model, context);
  registerOperatorCommands(model, context);
}

function registerClientCommands(model: Command, context: CliContext): void {
  serverOptions(
    model
      .command('push')
      .description('upload a model file to the registry (signature required for staging and prod)')
      .argument('<file>', 'the file to upload (sign it with `shieldwall model sign FILE`)')
      .requiredOption('--org <id>', 'the owning organization id')
      .requiredOption('--name <name>', 'artifact name')
      .requiredOption('--artifact-version <version>', 'artifact version')
      .addOption(envOption().makeOptionMandatory())
      .option('--sig <file>', 'the signature (Sigstore bundle) of the file')
      .option('--min-tier <n>', 'lowest tier that may download it (default 1)')
      .option('--restricted', 'bulk reads of it are an insider-threat signal')
      .option('--bom <file>', 'attach this ML-BOM (as `shieldwall model bom` writes it)')
      .option(
        '--attestation <file>',
        'attach this training attestation (as `shieldwall model attest` writes it)',
      ),
  ).action(
    async (
      file: string,
      opts: ServerOpts & {
        org: string;
        name: string;
        artifactVersion: string;
        env: Environment;
        sig?: string;
        minTier?: string;
        restricted?: boolean;
        bom?: string;
        attestation?: string;
      },
    ) => {
      const client = await clientFor(opts);
      const minTier = opts.minTier === undefined ? undefined : Number(opts.minTier);
      if (minTier !== undefined && !(Number.isInteger(minTier) && minTier >= 0 && minTier <= 20))
        throw usage('--min-tier must be a whole number from 0 to 20.');
      const readDoc = (path: string | undefined) =>
        path === undefined
          ? undefined
          : readFile(path, 'utf8').catch(() => {
              throw usage(`Cannot read ${path}.`);
            });
      const signature = await readDoc(opts.sig);
      // Read (and checked to be JSON) before anything is uploaded.
      const attach: [string, unknown][] = [];
      for (const [kind, path] of [
        ['bom', opts.bom],
        ['attestation', opts.attestation],
      ] as const) {
        // The server takes at most MAX_ATTACHMENT_BYTES: say so before reading a huge file.
        if (path !== undefined) {
          const size = await stat(path).then(
            (st) => st.size,
            () => {
              throw usage(`Cannot read ${path}.`);
            },
          );
          if (size > MAX_ATTACHMENT_BYTES)
            throw usage(`${path} is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MiB.`);
        }
        const text = await readDoc(path);
        if (text === undefined) continue;
        try {
          attach.push([kind, JSON.parse(text) as unknown]);
        } catch {
          throw usage(`${path} is not JSON.`);
        }
      }
      const { created, artifact } = await client.push(file, {
        orgId: opts.org,
        name: opts.name,
        version: opts.artifactVersion,
        environment: opts.env,
        fileName:
          file
            .split('/')
            .pop()
            ?.replace(/[^A-Za-z0-9_.+-]/g, '_') || 'artifact',
        ...(minTier === undefined ? {} : { minTier }),
        ...(opts.restricted === true ? { restricted: true } : {}),
        ...(signature === undefined ? {} : { signature }),
      });
      const a = artifact as { id: string; name: string; version: string; environment: string };
      const attached: Record<string, unknown> = {};
      for (const [kind, doc] of attach)
        attached[kind] = await client.json(
          'PUT',
          `/api/models/artifacts/${encodeURIComponent(a.id)}/${kind}`,
          doc,
        );
      const s = created.signature as { auditIndex: number } | null;
      context.out.data(
        { artifact, signature: created.signature, ...attached },
        () =>
          `Uploaded ${a.name} ${a.version} (${a.environment}) as ${a.id}${s === null ? ' (unsigned)' : `; signature in the transparency log at entry ${s.auditIndex}`}.${attach.length === 0 ? '' : ` Attached: ${attach.map(([k]) => (k === 'bom' ? 'AI-BOM' : 'training attestation')).join(', ')}.`}`,
      );
    },
  );

  serverOptions(
    model
      .command('pull')
      .description('download an artifact; written only if it matches its SHA-256')
      .argument('<id>', 'the artifact id')
      .requiredOption('--out <file>', 'where to write it'),
  ).action(async (id: string, opts: ServerOpts & { out: string }) => {
    const client = await clientFor(opts);
    const got = await client.pull(id, opts.out);
    context.out.data(
      { id, out: opts.out, ...got },
      () => `Downloaded ${id} -> ${opts.out} (${got.size} bytes, sha256 ${got.sha256}).`,
    );
  });

  serverOptions(
    model.command('list').description('artifacts you can see').addOption(envOption()),
  ).action(async (opts: ServerOpts & { env?: Environment }) => {
    const client = await clientFor(opts);
    const rows = (await client.json(
      'GET',
      `/api/models/artifacts${opts.env === undefined ? '' : `?environment=${opts.env}`}`,
    )) as {
      id: string;
      name: string;
      version: string;
      environment: string;
      status: string;
      signed: boolean;
    }[];
    context.out.data(rows, () =>
      rows.length === 0
        ? 'No artifacts you can see.'
        : rows
            .map(
              (r) =>
                `${r.id}  ${r.environment.padEnd(7)} ${r.name} ${r.version} ${r.status}${r.signed ? ' signed' : ''}`,
            )
            .join('\n'),
    );
  });

  serverOptions(
    model
      .command('grant')
      .description('let another organization, a user or one API key read an artifact')
      .argument('<id>', 'the artifact id')
      .argument('<grantee>', 'org:<id>, user:<id> or key:<id>'),
  ).action(async (id: string, grantee: string, opts: ServerOpts) => {
    const client = await clientFor(opts);
    const g = (await client.json('POST', `/api/models/artifacts/${encodeURIComponent(id)}/grants`, {
      grantee,
    })) as { id: string };
    context.out.data(g, () => `Granted ${grantee} read access to ${id} (grant ${g.id}).`);
  });

  serverOptions(
    model
      .command('revoke-grant')
      .description('take a grant back')
      .argument('<id>', 'the artifact id')
      .argument('<grant>', 'the grant id'),
  ).action(async (id: string, grant: string, opts: ServerOpts) => {
    const client = await clientFor(opts);
    await client.json(
      'DELETE',
      `/api/models/artifacts/${encodeURIComponent(id)}/grants/${encodeURIComponent(grant)}`,
    );
    context.out.data({ revoked: grant }, () => `Revoked grant ${grant}.`);
  });
}

function registerOperatorCommands(model: Command, context: CliContext): void {
  const deps = async () => {
    const platform = await context.platform();
    return { platform, store: platform.store, audit: platform.audit, now: Date.now };
  };

  model
    .command('bind-key')
    .description('operators: bind an API key to one registry environment (audited)')
    .argument('<key-id>', 'the API key id (k_…)')
    .argument('<environment>', 'dev, staging or prod')
    .action(async (keyId: string, environment: string) => {
      if (!ENVIRONMENTS.includes(environment as Environment))
        throw usage('The environment is dev, staging or prod.');
      if (!/^[A-Za-z0-9_]{1,64}$/.test(keyId)) throw usage('That is not an API key id.');
      const done = await bindKeyAs(await deps(), cliActor(), keyId, environment as Environment);
      context.out.data(done, () => `Key ${keyId} now reaches the ${environment} registry only.`);
    });

  model
    .command('trust-key')
    .description(
      "operators: register a public key an organization's artifacts are signed with (audited)",
    )
    .argument('<pub>', 'the public key (PEM)')
    .requiredOption('--org <org>', 'organization name or id')
    .option('--name <name>', 'a name for the key', 'signing key')
    .action(async (pub: string, opts: { org: string; name: string }) => {
      const pem = await readFile(pub, 'utf8').catch(() => {
        throw usage(`Cannot read ${pub}.`);
      });
      const d = await deps();
      const key = await withNamedOrg(d.platform, opts.org, (org) =>
        addSigningKeyAs(d, cliActor(), org.id, { name: opts.name, publicKeyPem: pem }),
      );
      context.out.data(key, () => `Trusted signing key ${key.hint.slice(0, 16)}… for ${opts.org}.`);
    });

  model
    .command('findings')
    .description('operators: insider-threat findings from registry downloads, newest first')
    .option('--account <account>', 'only this account (user:<id> or key:<id>)')
    .addOption(new Option('--kind <kind>', 'only this signal').choices([...SIGNAL_KINDS]))
    .option('--limit <n>', 'at most this many', '50')
    .action(async (opts: { account?: string; kind?: SignalKind; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw usage('--limit is 1 to 1000.');
      const { registryServices } = await import('./wire-registry.js');
      const services = await registryServices((await deps()).platform);
      try {
        const found = await services.insider.list({
          limit,
          ...(opts.account === undefined ? {} : { account: opts.account }),
          ...(opts.kind === undefined ? {} : { kind: opts.kind }),
        });
        context.out.data(found, () => formatFindings(found));
      } finally {
        await services.close();
      }
    });
}

function formatFindings(found: readonly InsiderFinding[]): string {
  if (found.length === 0) return 'No insider-threat findings.';
  return found
    .map(
      (f) =>
        `${f.at}  ${f.kind.padEnd(15)} ${f.account}\n  ${f.explanation}\n  act: ${f.suggestedLever}`,
    )
    .join('\n');
}
