/**
 * Where the real servers for adapter tests are, and what to do when one is down:
 * skip the suite with a visible line, or fail when CI=true (a missing server in
 * CI is a broken machine, not a reason to pass).
 *
 * URLs are overridable: TEST_POSTGRES_URL, TEST_REDIS_URL, TEST_NATS_URL.
 */
import { randomBytes } from 'node:crypto';
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

/**
 * A fresh, empty PostgreSQL database for one test file (or benchmark), so runs
 * never see each other's tables. `drop()` disconnects everyone and removes it.
 *
 * @example
 * const db = await createTempDatabase(pgUrl);  // db.url → postgres://…/sw_test_1a2b3c4d
 * afterAll(() => db.drop());
 */
export async function createTempDatabase(
  serverUrl: string,
  prefix = 'sw_test',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
