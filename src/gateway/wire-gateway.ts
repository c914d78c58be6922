/**
 * Put the gateway together on a server: upstreams (file and/or upstreamUrl),
 * the upstream client, the request log, the screen, the routes. Kept apart
 * from index.ts so that only `serve` loads it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { accessGate, accessServices } from '../access/index.js';
import type { Platform } from '../platform/compose.js';
import type { App } from '../platform/http/app.js';
import { registerGatewayRoutes } from './gateway-routes.js';
import { createGatewayService, type LeverGuard } from './gateway-service.js';
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
  await registerGatewayRoutes(app, {
    gateway,
    gate: accessGate(app),
    bodyLimit: config.gatewayBodyLimit,
    refusedKey: async (request) => {
      const m = BEARER.exec(request.headers.authorization ?? '');
      return m === null ? 'invalid' : access.authenticator.refusal(m[1] as string);
    },
  });
  app.addHook('onClose', async () => {
    upstreams.close();
    client.close();
    await log.close();
    await levers?.close();
    await access.close();
  });
}
