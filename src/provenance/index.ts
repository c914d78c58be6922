/**
 * The `provenance` module: sign and verify models and datasets in the OpenSSF Model Signing
 * v1.0 format (key, certificate and keyless Sigstore signatures), offline; and the
 * access-controlled model registry under /api/models (artifacts stored by the blob port,
 * environments, grants, signatures in the transparency log, insider-threat findings).
 */
import type { Platform } from '../platform/compose.js';
import type { ShieldwallModule } from '../platform/module.js';
import { registerProvenanceCommands } from './cli.js';
import type { RegistryLeverCheck } from './registry/registry-caller.js';
import { registryMigrations } from './registry/registry-tables.js';

export { provenanceErrors } from './errors.js';
export type { SignOptions, TrustInput, VerifyOptions, VerifyResult } from './model-signing.js';
/**
 * Insider-threat findings as published on the bus (`provenance.insider.finding`): the
 * account (`user:<id>` or `key:<id>`, a lever target), the signal, a plain explanation.
 *
 * @example
 * await platform.bus.subscribe(INSIDER_FINDING, async (event) => {
 *   const finding = event.data as InsiderFinding;
 *   console.log(finding.account, finding.explanation);
 * }, { durable: 'safeguards-insider' });
 */
export { INSIDER_FINDING, type InsiderFinding } from './registry/insider-service.js';
export { registryErrors } from './registry/registry-errors.js';

/**
 * The module as registered in `src/modules.ts`: the `shieldwall model` commands, and the
 * registry's tables and routes. Operators' levers (safeguards) apply to registry callers too.
 *
 * @example
 * import { provenanceModule } from './provenance/index.js';
 * const modules = [provenanceModule];
 */
export const provenanceModule: ShieldwallModule = {
  id: 'provenance',
  title: 'Your AI models',
  summary: 'Sign and verify AI models and datasets, so you know they have not been changed.',
  nav: true,
  migrations: registryMigrations,
  routes: async (app, platform) => {
    const { wireRegistry } = await import('./registry/wire-registry.js');
    await wireRegistry(app, platform, { levers: await registryLevers(platform) });
  },
  commands: registerProvenanceCommands,
};

/**
 * The safeguards levers as the registry consults them: revoke or step-up friction on the
 * account, key or organization refuses registry calls; restrict lowers the tier used for
 * artifacts' minimum tiers. Until the levers are loaded, calls wait briefly, then are refused.
 */
async function registryLevers(
  platform: Platform,
): Promise<RegistryLeverCheck & { close(): Promise<void> }> {
  const { gatewayLevers } = await import('../safeguards/index.js');
  const guard = await gatewayLevers(platform);
  return {
    async check(subject) {
      await guard.ready?.();
      const v = guard.check({ ...subject, endUser: null });
      return { refused: v.pending || v.revoked !== null || v.stepUp !== null, maxTier: v.maxTier };
    },
    close: () => guard.close(),
  };
}

/**
 * Sign a model directory with a key: returns the Sigstore bundle text.
 *
 * @example
 * const { bundle } = await signModel({ model: 'm/', key, signaturePath: 'm.sig', ignore: [] });
 */
export { signModel, verifyModel } from './model-signing.js';
