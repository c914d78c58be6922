import Type from 'typebox';
import type { Platform } from '../compose.js';
import type { App } from './app.js';

const CHECK_TIMEOUT_MS = 2_000;

const Checks = Type.Record(Type.String(), Type.String({ description: '"ok" or what is wrong' }));
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Checks,
});

/**
 * `/healthz`: the process is alive (for restarts). `/readyz`: it can do its work —
 * migrations applied and store, bus and limiter answering (for load balancers).
 * `/metrics`: Prometheus text format.
 */
export function registerHealthRoutes(app: App, platform: Platform): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is running',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database, event bus and limiter answer and migrations are applied',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const checks: Record<string, string> = {
        migrations: platform.state.migrated ? 'ok' : (platform.state.lastStartError ?? 'pending'),
        store: await check(() => platform.store.ping()),
        bus: await check(() => platform.bus.ping()),
        limiter: await check(() => platform.limiter.ping()),
      };
      const ready = Object.values(checks).every((v) => v === 'ok') && !platform.state.closing;
      if (platform.state.closing) checks.shutdown = 'shutting down';
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } },
    async (_request, reply) => {
      const body = await platform.metrics.registry.metrics();
      return reply.type(platform.metrics.registry.contentType).send(body);
    },
  );
}

async function check(fn: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return 'ok';
  } catch (err) {
    return (err as Error).message || 'failed';
  } finally {
    clearTimeout(timer);
  }
}
