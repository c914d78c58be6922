/**
 * Where the gateway's upstreams come from: the YAML file named by `gatewayFile`
 * (re-read when it changes; a broken edit is refused and the last good config
 * kept), and/or the one-line setup `upstreamUrl` (+ `upstreamKey`): one upstream
 * that serves every model it lists at GET {url}/models, re-listed every minute.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import type { Logger } from '../platform/logger.js';
import {
  type ConfigProblem,
  type GatewayConfig,
  parseGatewayConfig,
  type UpstreamSpec,
} from './engine/upstream-config.js';
import { gatewayErrors } from './errors.js';
import type { UpstreamClient } from './upstream-client.js';

const MAX_FILE_BYTES = 256 * 1024;
/** Name of the upstream set by `upstreamUrl`. */
export const DEFAULT_UPSTREAM = 'default';

export interface UpstreamSource {
  config(): GatewayConfig;
  /** Models listed by upstreams that serve `all`, by upstream name. */
  discovered(): ReadonlyMap<string, ReadonlySet<string>>;
  apiKey(upstream: UpstreamSpec): string | undefined;
  /** Re-list the models of `all` upstreams now. */
  refresh(): Promise<void>;
  close(): void;
}

/** Parse the YAML text of a gateway file; throws `gateway_config_invalid` listing each problem. */
export function readGatewayText(text: string): GatewayConfig {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES)
    throw gatewayErrors.create('gateway_config_invalid', {
      message: `The gateway file is larger than ${MAX_FILE_BYTES} bytes.`,
    });
  let doc: unknown;
  try {
    doc = YAML.parse(text, { maxAliasCount: 0 });
  } catch (err) {
    throw gatewayErrors.create('gateway_config_invalid', {
      message: `The gateway file is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
    });
  }
  const result = parseGatewayConfig(doc);
  if (!result.ok)
    throw gatewayErrors.create('gateway_config_invalid', {
      message: `The gateway file has ${result.problems.length} mistake(s): ${describe(result.problems)}`,
      details: { problems: result.problems },
    });
  return result.config;
}

export function createUpstreamSource(options: {
  readonly file?: string | undefined;
  readonly url?: string | undefined;
  readonly key?: string | undefined;
  /** Where `api_key_env` names are looked up (the composition root passes process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly client: Pick<UpstreamClient, 'listModels'>;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  readonly pollMs?: number;
  readonly listEveryMs?: number;
}): UpstreamSource {
  const withDefault = (c: GatewayConfig): GatewayConfig => {
    if (options.url === undefined || c.upstreams.some((u) => u.name === DEFAULT_UPSTREAM)) return c;
    const parsed = parseGatewayConfig({
      version: 1,
      upstreams: [{ name: DEFAULT_UPSTREAM, base_url: options.url, models: '*' }],
    });
    if (!parsed.ok)
      throw gatewayErrors.create('gateway_config_invalid', {
        message: `upstreamUrl is not valid: ${describe(parsed.problems)}`,
      });
    return { upstreams: [...c.upstreams, ...parsed.config.upstreams], routes: c.routes };
  };
  let text = options.file === undefined ? '' : readFileSync(options.file, 'utf8');
  let config = withDefault(
    options.file === undefined ? { upstreams: [], routes: [] } : readGatewayText(text),
  );
  let discovered = new Map<string, ReadonlySet<string>>();

  const refresh = async () => {
    const next = new Map<string, ReadonlySet<string>>();
    await Promise.all(
      config.upstreams
        .filter((u) => u.models === 'all')
        .map(async (u) => {
          const ids = await options.client.listModels(u).catch(() => undefined);
          if (ids !== undefined) next.set(u.name, new Set(ids));
          else {
            const old = discovered.get(u.name);
            if (old !== undefined) next.set(u.name, old);
            options.logger.warn({ upstream: u.name }, 'could not list the models of an upstream');
          }
        }),
    );
    discovered = next;
  };

  const timers: NodeJS.Timeout[] = [];
  const listTimer = setInterval(() => void refresh(), options.listEveryMs ?? 60_000);
  listTimer.unref();
  timers.push(listTimer);
  if (options.file !== undefined) {
    const file = options.file;
    let reading = false;
    const poll = setInterval(() => {
      if (reading) return;
      reading = true;
      readFile(file, 'utf8')
        .then((next) => {
          if (next === text) return;
          text = next;
          try {
            config = withDefault(readGatewayText(next));
            options.logger.info({ file }, 'gateway upstreams reloaded');
            void refresh();
          } catch (err) {
            options.logger.error(
              { file, err: (err as Error).message },
              'gateway file refused; keeping the last good upstreams',
            );
          }
        })
        .catch((err: unknown) =>
          options.logger.warn({ file, err: (err as Error).message }, 'gateway file unreadable'),
        )
        .finally(() => {
          reading = false;
        });
    }, options.pollMs ?? 1000);
    poll.unref();
    timers.push(poll);
  }

  return {
    config: () => config,
    discovered: () => discovered,
    apiKey: (u) =>
      u.name === DEFAULT_UPSTREAM && u.apiKeyEnv === null
        ? options.key
        : u.apiKeyEnv === null
          ? undefined
          : options.env[u.apiKeyEnv],
    refresh,
    close: () => {
      for (const t of timers) clearInterval(t);
    },
  };
}

function describe(problems: readonly ConfigProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path || '(file)'} ${p.message}`);
  return shown.join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
}
