/**
 * Operators' commands that take registry trust back, on this installation's data
 * (beside `bind-key` and `trust-key` in registry-cli.ts): `signing-keys` lists an
 * organization's keys, `untrust-key` withdraws one, `unbind-key` removes an API key's
 * environment. Each change is audited under the operator's name.
 */
import type { Command } from 'commander';
import { withNamedOrg } from '../../access/index.js';
import { cliActor } from '../../platform/cli/operator.js';
import { platformErrors } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import { revokeSigningKeyAs, signingKeysOf, unbindKeyAs } from './registry-admin.js';

const usage = (message: string) => platformErrors.create('usage', { message });

export function registerKeyCommands(model: Command, context: CliContext): void {
  const deps = async () => {
    const platform = await context.platform();
    return { platform, store: platform.store, audit: platform.audit, now: Date.now };
  };

  model
    .command('signing-keys')
    .description("operators: an organization's signing keys, newest first, withdrawn ones marked")
    .requiredOption('--org <org>', 'organization name or id')
    .action(async (opts: { org: string }) => {
      const d = await deps();
      const keys = await withNamedOrg(d.platform, opts.org, (org) =>
        signingKeysOf(d.store, org.id),
      );
      context.out.data(keys, () =>
        keys.length === 0
          ? `${opts.org} has no signing keys.`
          : keys
              .map(
                (k) =>
                  `${k.hint}  ${k.name}  added ${k.addedAt}${k.revokedAt === null ? '' : `  WITHDRAWN ${k.revokedAt}`}`,
              )
              .join('\n'),
      );
    });

  model
    .command('untrust-key')
    .description(
      "operators: withdraw trust in an organization's signing key; pushes signed with it are refused (audited)",
    )
    .argument('<hint>', "the key's hint (64 hex characters, from signing-keys)")
    .requiredOption('--org <org>', 'organization name or id')
    .action(async (hint: string, opts: { org: string }) => {
      if (!/^[0-9a-f]{64}$/.test(hint)) throw usage('A key hint is 64 lowercase hex characters.');
      const d = await deps();
      const done = await withNamedOrg(d.platform, opts.org, (org) =>
        revokeSigningKeyAs(d, cliActor(), org.id, hint),
      );
      context.out.data(
        done,
        () =>
          `No longer trusted: ${hint.slice(0, 16)}… for ${opts.org}.` +
          (done.signedArtifacts === 0
            ? ''
            : ` ${done.signedArtifacts} stored artifact version(s) were signed with it; re-sign them with a trusted key.`),
      );
    });

  model
    .command('unbind-key')
    .description(
      'operators: remove an API key’s registry environment; it then reaches none (audited)',
    )
    .argument('<key-id>', 'the API key id (k_…)')
    .action(async (keyId: string) => {
      if (!/^[A-Za-z0-9_]{1,64}$/.test(keyId)) throw usage('That is not an API key id.');
      const removed = await unbindKeyAs(await deps(), cliActor(), keyId);
      context.out.data({ keyId, removed }, () =>
        removed
          ? `Key ${keyId} now reaches no registry environment.`
          : `Key ${keyId} was not bound.`,
      );
      if (!removed) context.out.setExitCode(1);
    });
}
