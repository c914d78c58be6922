/**
 * A real Shieldwall server for tests: the same composition and startup as
 * `shieldwall serve`, on a random port with a fresh temporary data directory,
 * serving the built web UI from dist/web when it exists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules as allModules } from '../../modules.js';
import { composePlatform, type Platform } from '../compose.js';
import { loadConfig } from '../config/load-config.js';
import { type RunningServer, startServer } from '../http/serve.js';
import { createLogger } from '../logger.js';
import type { ShieldwallModule } from '../module.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface TestServer {
  readonly url: string;
  readonly platform: Platform;
  readonly server: RunningServer;
  readonly dataDir: string;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    env?: Record<string, string>;
    modules?: readonly ShieldwallModule[];
    dataDir?: string;
    /** Where the server's log lines go (default: standard output). */
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sw-test-'));
  const config = loadConfig({
    env: { SHIELDWALL_LOG_LEVEL: 'warn', ...options.env },
    overrides: { data: dataDir, port: 0, host: '127.0.0.1' },
  });
  const modules = options.modules ?? allModules;
  const platform = await composePlatform(config, {
    logger: createLogger(config, options.logStream),
    modules,
  });
  const server = await startServer(platform, modules, {
    version: '0.0.0-test',
    webRoot: join(repoRoot, 'dist/web'),
  });
  await server.ready;
  return {
    url: server.url,
    platform,
    server,
    dataDir,
    async close() {
      await server.shutdown('test finished');
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
