/**
 * Put the gateway together on a server: upstreams (file and/or upstreamUrl),
 * the upstream client, the request log, the screen, the routes, and the lean
 * path in front of Fastify for the two POST routes. Kept apart
 * from index.ts so that only `serve` loads it.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { accessGate, accessServices } from '../access/index.js';
import { DATA_FILES, type Platform } from '../platform/compose.js';
import type { App } from '../platform/http/app.js';
import type { KeyRefusal } from './caller.js';
import { registerGatewayRoutes } from './gateway-routes.js';
import { createGatewayService } from './gateway-service.js';
import { createLeanPath } from './lean-path.js';
import { putInFront } from './lean-server.js';
import type { LeverGuard } from './lever-guard.js';
import { createRequestLog } from './request-log.js';
import { allowAllScreen, type Screen } from './screen.js';
import { createUpstreamClient } from './upstream-client.js';
import { createUpstreamSource } from './upstream-source.js';

/** A screen, or how to build one from the composed platform (the safeguards module's). */
export type ScreenProvider = Screen | ((platform: Platform) => Screen | Promise<Screen>);

/** The levers in force (the safeguards module's cache), built from the composed platform. */
export type LeverProvider = (
  platform: Platform,
) => Promise<LeverGuard & { close(): Promise<void> }>;

const BEARER = /^Bearer ([A-Za-z0-9_]{1,200})$/;

export async function wireGateway(
  app: App,
  platform: Platform,
  options: {
    readonly screen?: ScreenProvider;
    readonly levers?: LeverProvider;
    readonly env?: Readonly<Record<string, string | undefined>>;
  },
): Promise<void> {
  const { config } = platform;
  const logger = platform.logger.child({ component: 'gateway' });
  const access = await accessServices(platform);
  let apiKey: Parameters<typeof createUpstreamClient>[0]['apiKey'] = () => undefined;
  const client = createUpstreamClient({ apiKey: (u) => apiKey(u), now: Date.now });
  const upstreams = createUpstreamSource({
    file: config.gatewayFile,
    url: config.upstreamUrl,
    key: config.upstreamKey,
    // Upstream keys are named in the gateway file by environment variable; this is where they are read.
    env: options.env ?? process.env,
    client,
    logger,
  });
  apiKey = upstreams.apiKey;
  // List the models of `all` upstreams, without holding the server's start for a slow one.
  await Promise.race([upstreams.refresh(), sleep(2000)]);
  const log = createRequestLog({
    store: platform.store,
    logger,
    now: Date.now,
    retentionDays: config.gatewayRetentionDays,
    // On the embedded store the rows are written from a worker thread, off the event loop.
    ...(config.store === 'sqlite' ? { sqliteFile: join(config.data, DATA_FILES.store) } : {}),
  });
  const screen =
    options.screen === undefined
      ? allowAllScreen
      : typeof options.screen === 'function'
        ? await options.screen(platform)
        : options.screen;
  // Follows the bus at once and loads the levers in force in the background (503 until loaded).
  const levers = options.levers === undefined ? undefined : await options.levers(platform);
  const gateway = createGatewayService({
    policy: access.policy,
    upstreams,
    client,
    limiter: platform.limiter,
    screen,
    log,
    audit: platform.audit,
    logger,
    now: Date.now,
    ...(levers === undefined ? {} : { levers }),
  });
  const gate = accessGate(app);
  const refusedKey: KeyRefusal = async (authorization) => {
    const m = BEARER.exec(authorization ?? '');
    return m === null ? 'invalid' : access.authenticator.refusal(m[1] as string);
  };
  await registerGatewayRoutes(app, {
    gateway,
    gate,
    bodyLimit: config.gatewayBodyLimit,
    refusedKey,
  });
  // The hot POST routes skip Fastify's per-request machinery; Fastify keeps the rest.
  putInFront(
    app.server,
    createLeanPath({
      gateway,
      gate,
      refusedKey,
      bodyLimit: config.gatewayBodyLimit,
      trustProxy: config.trustProxy,
      logger: platform.logger,
      metrics: platform.metrics,
      open: () => platform.state.migrated && !platform.state.closing,
    }),
  );
  app.addHook('onClose', async () => {
    upstreams.close();
    client.close();
    await log.close();
    await levers?.close();
    await access.close();
  });
}
