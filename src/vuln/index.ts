/**
 * The `vuln` module: offline dependency vulnerability scanning against OSV advisories
 * (`shieldwall vuln db import`, `shieldwall vuln scan`). CLI only for now.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { registerVulnCommands } from './cli.js';
import { vulnMigrations } from './vuln-tables.js';

export type { Coverage, Finding } from './engine/advisory-matcher.js';
export type { Ecosystem } from './engine/ecosystems.js';
export type { Dependency } from './engine/lockfile-types.js';
export type { OsvRecord } from './engine/osv-record.js';
export { vulnErrors } from './errors.js';
export type { ScanReport, VulnService } from './vuln-service.js';

/**
 * The module as registered in `src/modules.ts`.
 *
 * @example
 * import { vulnModule } from './vuln/index.js';
 * const modules = [vulnModule];
 */
export const vulnModule: ShieldwallModule = {
  id: 'vuln',
  title: 'Vulnerable dependencies',
  summary: 'Check your project’s dependencies against known vulnerabilities, offline.',
  nav: false,
  migrations: vulnMigrations,
  commands: registerVulnCommands,
};

/**
 * Match dependencies against an in-memory advisory index (pure; no store).
 *
 * @example
 * const index = new AdvisoryIndex(); index.add(record);
 * const { findings } = matchDependencies([{ ecosystem: 'npm', name: 'x', version: '1.0.0', source: 'a' }], index);
 */
export { AdvisoryIndex, matchDependencies } from './engine/advisory-matcher.js';
/**
 * Parse one lockfile's bytes by kind (`package-lock.json`, `yarn.lock`, …).
 *
 * @example
 * const parsed = parseLockfile('yarn.lock', bytes);
 */
export { lockfileKind, parseLockfile } from './engine/lockfile-registry.js';
/**
 * The use cases, for a caller that composes its own platform.
 *
 * @example
 * const vuln = createVulnService({ store, audit, now: Date.now, actor: 'system' });
 * const { findings, coverage } = await vuln.scan('path/to/project');
 */
export { createVulnService } from './vuln-service.js';
