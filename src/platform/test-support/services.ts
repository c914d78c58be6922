/**
 * Where the real servers for adapter tests are, and what to do when one is down:
 * skip the suite with a visible line, or fail when CI=true (a missing server in
 * CI is a broken machine, not a reason to pass).
 *
 * URLs are overridable: TEST_POSTGRES_URL, TEST_REDIS_URL, TEST_NATS_URL.
 */
import { Socket } from 'node:net';

export type ServiceName = 'postgres' | 'redis' | 'nats';

const defaults: Record<ServiceName, { env: string; url: string }> = {
  postgres: { env: 'TEST_POSTGRES_URL', url: 'postgres://postgres@127.0.0.1:5432/test' },
  redis: { env: 'TEST_REDIS_URL', url: 'redis://127.0.0.1:6379' },
  nats: { env: 'TEST_NATS_URL', url: 'nats://127.0.0.1:4222' },
};

export function serviceUrl(name: ServiceName): string {
  const spec = defaults[name];
  return process.env[spec.env] ?? spec.url;
}

/** Resolves true when something accepts TCP connections at the service's host:port. */
export async function isListening(url: string, timeoutMs = 1000): Promise<boolean> {
  const u = new URL(url);
  const port = Number(
    u.port || { 'postgres:': 5432, 'redis:': 6379, 'nats:': 4222 }[u.protocol] || 0,
  );
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, u.hostname, () => done(true));
  });
}

/**
 * Check a service before a suite is declared. Returns its URL when it answers;
 * when it does not, prints a SKIP line (or throws under CI=true) and returns undefined.
 *
 * @example
 * const url = await requireService('postgres');
 * describe.skipIf(url === undefined)('PostgreSQL store', () => { ... });
 */
export async function requireService(name: ServiceName): Promise<string | undefined> {
  const url = serviceUrl(name);
  if (await isListening(url)) return url;
  const line = `${name} is not answering at ${new URL(url).host} (set ${defaults[name].env} to point elsewhere)`;
  if (process.env.CI === 'true')
    throw new Error(`CI=true and ${line}: failing instead of skipping.`);
  process.stderr.write(`\n  SKIP ${name} adapter suite: ${line}\n`);
  return undefined;
}
