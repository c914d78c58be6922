/**
 * Upstreams as data (STYLE habit 10): which OpenAI-compatible servers the
 * gateway forwards to, which models each serves, and per-tier routes such as
 * "tiers 0–1 asking for `defender-small` go to upstream A's `llama3.2:3b`,
 * tier 3 to upstream B". Pure: the caller reads the YAML and the environment.
 *
 * @example
 * const result = parseGatewayConfig(YAML.parse(text));
 * if (!result.ok) for (const p of result.problems) console.error(`${p.path}: ${p.message}`);
 */

export interface UpstreamSpec {
  /** Stable short name, used in routes, logs and the request record. */
  readonly name: string;
  /** Base URL ending before `/chat/completions`, e.g. `http://127.0.0.1:11434/v1`. */
  readonly baseUrl: string;
  /** Name of the environment variable holding its API key (never the key itself). */
  readonly apiKeyEnv: string | null;
  /** Longest wait for the upstream's response headers (and between streamed chunks), ms. */
  readonly timeoutMs: number;
  /** Retries on the same upstream after an idempotent failure (refused, reset, 502/503). */
  readonly retries: number;
  /** Models it serves under their own name: `all` = whatever it is asked for (and lists). */
  readonly models: 'all' | ReadonlySet<string>;
}

export interface ModelRoute {
  /** The model name callers send. */
  readonly model: string;
  /** Lowest and highest tier this route applies to (inclusive). */
  readonly minTier: number;
  readonly maxTier: number;
  readonly upstream: string;
  /** The model name sent to the upstream. */
  readonly upstreamModel: string;
}

export interface GatewayConfig {
  readonly upstreams: readonly UpstreamSpec[];
  /** In file order: earlier routes are tried first; later ones are fail-overs. */
  readonly routes: readonly ModelRoute[];
}

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

export type GatewayConfigResult =
  | { readonly ok: true; readonly config: GatewayConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

const NAME = /^[a-z][a-z0-9-]{0,39}$/;
const MODEL = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,127}$/;
const TIERS = /^(\d{1,2})(?:-(\d{1,2}))?$/;
const MAX_UPSTREAMS = 64;
const MAX_ROUTES = 1000;
const MAX_MODELS = 1000;

/** True for a model id the gateway accepts (also used to validate request bodies). */
export function isModelName(s: string): boolean {
  return MODEL.test(s);
}

/** Validate a parsed YAML/JSON document; every problem is reported with its path. */
export function parseGatewayConfig(doc: unknown): GatewayConfigResult {
  const problems: ConfigProblem[] = [];
  const fail = (path: string, message: string) => {
    problems.push({ path, message });
  };
  if (!isRecord(doc)) return { ok: false, problems: [{ path: '', message: 'must be a mapping' }] };
  for (const key of Object.keys(doc))
    if (!['version', 'upstreams', 'routes'].includes(key))
      fail(`/${key}`, 'is not a known setting (expected version, upstreams, routes)');
  if (doc.version !== 1) fail('/version', 'must be 1');
  const rawUpstreams = doc.upstreams;
  if (!Array.isArray(rawUpstreams) || rawUpstreams.length > MAX_UPSTREAMS) {
    fail('/upstreams', `must be a list of at most ${MAX_UPSTREAMS} upstreams`);
    return { ok: false, problems };
  }
  const upstreams = rawUpstreams.map((raw, i) => parseUpstream(raw, `/upstreams/${i}`, fail));
  const names = new Set<string>();
  upstreams.forEach((u, i) => {
    if (names.has(u.name)) fail(`/upstreams/${i}/name`, `"${u.name}" is used twice`);
    names.add(u.name);
  });
  const rawRoutes = doc.routes ?? [];
  const routes: ModelRoute[] = [];
  if (!Array.isArray(rawRoutes) || rawRoutes.length > MAX_ROUTES)
    fail('/routes', `must be a list of at most ${MAX_ROUTES} routes`);
  else
    rawRoutes.forEach((raw, i) => {
      const route = parseRoute(raw, `/routes/${i}`, fail);
      if (route === undefined) return;
      if (!names.has(route.upstream))
        fail(`/routes/${i}/upstream`, `"${route.upstream}" is not an upstream of this file`);
      routes.push(route);
    });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: Object.freeze({ upstreams, routes }) };
}

type Fail = (path: string, message: string) => void;

function parseUpstream(raw: unknown, at: string, fail: Fail): UpstreamSpec {
  const empty: UpstreamSpec = {
    name: '',
    baseUrl: '',
    apiKeyEnv: null,
    timeoutMs: 60_000,
    retries: 1,
    models: new Set(),
  };
  if (!isRecord(raw)) {
    fail(at, 'must be a mapping');
    return empty;
  }
  const known = ['name', 'base_url', 'api_key_env', 'timeout_ms', 'retries', 'models'];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      fail(
        `${at}/${key}`,
        key === 'api_key'
          ? 'keys do not belong in this file: name an environment variable with api_key_env'
          : 'is not a known upstream setting',
      );
  const name = typeof raw.name === 'string' && NAME.test(raw.name) ? raw.name : '';
  if (name === '') fail(`${at}/name`, 'must be lowercase letters, digits and dashes (at most 40)');
  const baseUrl = checkUrl(raw.base_url, `${at}/base_url`, fail);
  let apiKeyEnv: string | null = null;
  if (raw.api_key_env !== undefined && raw.api_key_env !== null) {
    if (typeof raw.api_key_env === 'string' && ENV_NAME.test(raw.api_key_env))
      apiKeyEnv = raw.api_key_env;
    else fail(`${at}/api_key_env`, 'must be an environment variable name like OPENAI_API_KEY');
  }
  const timeoutMs = intIn(raw.timeout_ms ?? 60_000, `${at}/timeout_ms`, 100, 3_600_000, fail);
  const retries = intIn(raw.retries ?? 1, `${at}/retries`, 0, 5, fail);
  let models: UpstreamSpec['models'] = new Set();
  if (raw.models === '*' || (Array.isArray(raw.models) && raw.models.includes('*'))) models = 'all';
  else if (raw.models !== undefined) {
    if (!Array.isArray(raw.models) || raw.models.length > MAX_MODELS)
      fail(`${at}/models`, `must be a list of at most ${MAX_MODELS} model ids, or "*"`);
    else {
      const set = new Set<string>();
      raw.models.forEach((m, j) => {
        if (typeof m === 'string' && MODEL.test(m)) set.add(m);
        else fail(`${at}/models/${j}`, 'is not a model id');
      });
      models = set;
    }
  }
  return { name, baseUrl, apiKeyEnv, timeoutMs, retries, models };
}

function parseRoute(raw: unknown, at: string, fail: Fail): ModelRoute | undefined {
  if (!isRecord(raw)) {
    fail(at, 'must be a mapping');
    return undefined;
  }
  for (const key of Object.keys(raw))
    if (!['model', 'tiers', 'upstream', 'upstream_model'].includes(key))
      fail(`${at}/${key}`, 'is not a known route setting');
  const model = typeof raw.model === 'string' && MODEL.test(raw.model) ? raw.model : undefined;
  if (model === undefined) fail(`${at}/model`, 'must be a model id');
  const upstream = typeof raw.upstream === 'string' ? raw.upstream : '';
  if (upstream === '') fail(`${at}/upstream`, 'must name an upstream');
  const upstreamModel = raw.upstream_model ?? model;
  if (typeof upstreamModel !== 'string' || !MODEL.test(upstreamModel))
    fail(`${at}/upstream_model`, 'must be a model id');
  let minTier = 0;
  let maxTier = 15;
  if (raw.tiers !== undefined) {
    const m = TIERS.exec(String(raw.tiers));
    if (m === null) fail(`${at}/tiers`, 'must be a tier (3) or a range of tiers (0-1)');
    else {
      minTier = Number(m[1]);
      maxTier = m[2] === undefined ? minTier : Number(m[2]);
      if (maxTier < minTier) fail(`${at}/tiers`, 'the range must run low-high');
    }
  }
  if (model === undefined || typeof upstreamModel !== 'string') return undefined;
  return { model, minTier, maxTier, upstream, upstreamModel };
}

function checkUrl(v: unknown, path: string, fail: Fail): string {
  if (typeof v !== 'string' || v.length > 2048) {
    fail(path, 'must be an http:// or https:// URL');
    return '';
  }
  try {
    const url = new URL(v);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    if (url.username !== '' || url.password !== '')
      fail(path, 'must not carry credentials: name an environment variable with api_key_env');
    return v.replace(/\/+$/, '');
  } catch {
    fail(path, 'must be an http:// or https:// URL');
    return '';
  }
}

function intIn(v: unknown, path: string, min: number, max: number, fail: Fail): number {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
    fail(path, `must be a whole number from ${min} to ${max}`);
    return min;
  }
  return v as number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
