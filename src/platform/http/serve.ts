import { hostname } from 'node:os';
import type { Platform } from '../compose.js';
import type { ShieldwallModule } from '../module.js';
import type { App } from './app.js';
import { buildServer } from './server.js';

export interface RunningServer {
  readonly app: App;
  /** The address actually bound, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** Resolves once migrations are applied (retries until the store answers). */
  readonly ready: Promise<void>;
  /**
   * Graceful stop: refuse new connections, let in-flight requests finish (up to
   * shutdownTimeoutMs), then close the adapters. Idempotent.
   */
  shutdown(reason: string): Promise<{ clean: boolean }>;
}

const RETRY_MAX_MS = 30_000;

/**
 * Start serving. The HTTP listener comes up at once (so /healthz and /readyz can
 * say what is wrong); migrations run in the background and are retried with
 * backoff while the database is unreachable.
 */
export async function startServer(
  platform: Platform,
  modules: readonly ShieldwallModule[],
  options: { version: string; webRoot: string | null },
): Promise<RunningServer> {
  const { config, logger } = platform;
  const app = await buildServer({
    platform,
    modules,
    webRoot: options.webRoot,
    version: options.version,
  });
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const ready = new Promise<void>((resolve) => {
    let delay = 500;
    const attempt = async (): Promise<void> => {
      try {
        const report = await platform.migrate();
        if (report.applied.length > 0)
          logger.info({ applied: report.applied }, 'database migrated');
        await platform.audit.append({
          actor: 'system',
          action: 'platform.server.started',
          outcome: 'success',
          data: {
            host: hostname(),
            pid: process.pid,
            version: options.version,
            store: platform.store.dialect,
          },
        });
        resolve();
      } catch (err) {
        if (stopping) return;
        platform.state.lastStartError = (err as Error).message;
        logger.error(
          { err: (err as Error).message, retryInMs: delay },
          'cannot prepare the database yet; retrying',
        );
        retryTimer = setTimeout(() => void attempt(), delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    };
    void attempt();
  });

  const address = await app.listen({ host: config.host, port: config.port });
  logger.info({ url: address }, 'Shieldwall is listening');
  // Servers on a shared database are usually several: each needs the same sealing key.
  if (config.store !== 'sqlite' && config.secretKeyFile === undefined)
    logger.warn(
      'SHIELDWALL_SECRET_KEY_FILE is not set: this instance seals secrets with its own key file, so another instance on the same database cannot open them (authenticator sign-in fails there). Give every instance the same file.',
    );

  let shutdownPromise: Promise<{ clean: boolean }> | undefined;
  const shutdown = (reason: string) => {
    shutdownPromise ??= (async () => {
      stopping = true;
      clearTimeout(retryTimer);
      platform.state.closing = true;
      logger.info({ reason }, 'shutting down: draining in-flight requests');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), config.shutdownTimeoutMs);
      });
      const drained = await Promise.race([app.close().then(() => true as const), timedOut]);
      clearTimeout(timer);
      if (!drained) {
        logger.warn(
          { timeoutMs: config.shutdownTimeoutMs },
          'requests still running at the shutdown deadline; closing them',
        );
        app.server.closeAllConnections();
      }
      await platform.close();
      logger.info('stopped');
      return { clean: drained };
    })();
    return shutdownPromise;
  };

  return { app, url: address, ready, shutdown };
}
