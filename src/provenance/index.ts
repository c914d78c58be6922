/**
 * The `provenance` module: sign and verify models and datasets in the OpenSSF Model Signing
 * v1.0 format (key, certificate and keyless Sigstore signatures), offline.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { registerProvenanceCommands } from './cli.js';

export { provenanceErrors } from './errors.js';
export type { SignOptions, TrustInput, VerifyOptions, VerifyResult } from './model-signing.js';

/**
 * The module as registered in `src/modules.ts`: CLI commands only for now (no HTTP routes).
 *
 * @example
 * import { provenanceModule } from './provenance/index.js';
 * const modules = [provenanceModule];
 */
export const provenanceModule: ShieldwallModule = {
  id: 'provenance',
  title: 'Model provenance',
  summary: 'Sign and verify AI models and datasets, so you know they have not been changed.',
  nav: false,
  commands: registerProvenanceCommands,
};

/**
 * Sign a model directory with a key: returns the Sigstore bundle text.
 *
 * @example
 * const { bundle } = await signModel({ model: 'm/', key, signaturePath: 'm.sig', ignore: [] });
 */
export { signModel, verifyModel } from './model-signing.js';
