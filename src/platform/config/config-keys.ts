/**
 * Every configuration key Shieldwall understands, as data (STYLE habit 10). The
 * loader, `shieldwall config show`, and the README's configuration table are all
 * driven by this one table. Later modules add their keys here.
 *
 * Key names are camelCase in the config file; the environment variable is
 * `SHIELDWALL_` + the key in UPPER_SNAKE_CASE (e.g. `logLevel` → `SHIELDWALL_LOG_LEVEL`).
 */

export type ConfigValueType =
  | { readonly kind: 'string'; readonly minLength?: number; readonly maxLength?: number }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'url-or'; readonly word: string; readonly protocols: readonly string[] }
  /**
   * `name=value` pairs, comma-separated (or a mapping in the config file), names from
   * `names`, values whole numbers in [min, max] or one of `values`. Names left out keep
   * their built-in value; the loaded value is the canonical `name=value,…` text.
   */
  | {
      readonly kind: 'map';
      readonly names: readonly string[];
      readonly values: { readonly min: number; readonly max: number } | readonly string[];
    };

export interface ConfigKeySpec {
  readonly type: ConfigValueType;
  readonly default: string | number | boolean | undefined;
  /** One line for operators: what it does, in plain words. */
  readonly description: string;
  /** Masked by `config show` and never logged. URLs get only their password masked. */
  readonly secret?: boolean;
}

/**
 * Finding kinds the safeguards risk score takes (its engine's RISK_FINDING_KINDS; the
 * platform may not import a module, so a safeguards test checks the two lists agree).
 */
const RISK_FINDING_NAMES = [
  'insider.volume',
  'insider.hour',
  'insider.network',
  'insider.bulk_restricted',
  'monitor.repeated_blocks',
  'monitor.key_many_networks',
  'monitor.concerted_prompts',
  'monitor.capability_after_upgrade',
  'monitor.split_task',
] as const;

export const configKeys = {
  host: {
    type: { kind: 'string', minLength: 1, maxLength: 255 },
    default: '127.0.0.1',
    description:
      'Address the HTTP server listens on. Use 0.0.0.0 to accept connections from other machines.',
  },
  port: {
    type: { kind: 'integer', min: 0, max: 65535 },
    default: 8080,
    description: 'TCP port the HTTP server listens on (0 picks a free port).',
  },
  data: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: './.shieldwall',
    description:
      'Data directory: the embedded database, event journal and audit signing key live here.',
  },
  store: {
    type: { kind: 'url-or', word: 'sqlite', protocols: ['postgres:', 'postgresql:'] },
    default: 'sqlite',
    description:
      '`sqlite` (a file in the data directory) or a PostgreSQL URL such as postgres://user:pass@host:5432/db.',
    secret: true,
  },
  bus: {
    type: { kind: 'url-or', word: 'local', protocols: ['nats:', 'tls:'] },
    default: 'local',
    description:
      '`local` (in-process, journalled in the data directory) or a NATS URL with JetStream, e.g. nats://host:4222.',
    secret: true,
  },
  limiter: {
    type: { kind: 'url-or', word: 'memory', protocols: ['redis:', 'rediss:'] },
    default: 'memory',
    description:
      '`memory` (one process) or a Redis URL such as redis://host:6379 to share limits between instances.',
    secret: true,
  },
  logLevel: {
    type: { kind: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    default: 'info',
    description: 'How much the server logs (JSON lines on standard output).',
  },
  bodyLimit: {
    type: { kind: 'integer', min: 1024, max: 1024 * 1024 * 1024 },
    default: 1024 * 1024,
    description: 'Largest request body accepted, in bytes; larger bodies get HTTP 413.',
  },
  requestTimeoutMs: {
    type: { kind: 'integer', min: 1000, max: 3_600_000 },
    default: 60_000,
    description: 'Longest time a client may take to send a whole request, in milliseconds.',
  },
  shutdownTimeoutMs: {
    type: { kind: 'integer', min: 100, max: 600_000 },
    default: 15_000,
    description:
      'On SIGTERM/SIGINT, how long to wait for in-flight requests before closing anyway.',
  },
  trustProxy: {
    type: { kind: 'boolean' },
    default: false,
    description: 'Trust X-Forwarded-* headers (set to true only behind your own load balancer).',
  },
  natsStream: {
    type: { kind: 'string', minLength: 1, maxLength: 64 },
    default: 'SHIELDWALL',
    description:
      'Name of the JetStream stream that carries Shieldwall events when the bus is NATS.',
  },
  auditKeyFile: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: undefined,
    description:
      'Ed25519 private key (PKCS#8 PEM) that signs audit tree heads; default DATA/audit-signing-key.pem, created on first start. Give every instance the same file.',
  },
  secretKeyFile: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: undefined,
    description:
      'File holding the key that seals stored secrets (authenticator seeds, webhook secrets): 32 random bytes in base64 (openssl rand -base64 32). Default DATA/secret.key, created on first start. Give every instance the same file; without it people re-enrol their authenticator apps.',
  },
  auditOrigin: {
    type: { kind: 'string', minLength: 1, maxLength: 255 },
    default: 'shieldwall.local/audit',
    description:
      'Name of this audit log in its signed checkpoints (C2SP tlog-checkpoint origin line), e.g. audit.example.org.',
  },
  checkRateLimit: {
    type: { kind: 'integer', min: 1, max: 100_000 },
    default: 60,
    description:
      'Scam checks one client address may ask the server for per minute (a batch counts each item). Checks in the browser are not limited.',
  },
  publicUrl: {
    type: { kind: 'string', minLength: 8, maxLength: 2048 },
    default: undefined,
    description:
      'The address people open Shieldwall at, e.g. https://shieldwall.example.org: passkeys are bound to its host name and links in mail point to it. Unset: the host each request came to (passkeys need a host name such as localhost, not an IP address).',
  },
  tiersFile: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: undefined,
    description:
      'Trust-tier policy file (YAML), reloaded when it changes; the built-in policy when unset (print it with `shieldwall admin tiers show --default`).',
  },
  intelReportThreshold: {
    type: { kind: 'integer', min: 0, max: 10_000 },
    default: 3,
    description:
      "People's scam reports (with the message, judged scam or suspicious by this server) naming the same link before it is shared as a TLP:CLEAR indicator; 0 turns it off.",
  },
  intelSightingThreshold: {
    type: { kind: 'integer', min: 0, max: 1_000 },
    default: 3,
    description:
      'Independent sources (organizations or identities) that must sight a TLP:CLEAR or GREEN indicator before it is published to the shared collection automatically; 0 turns it off.',
  },
  intelWebhooksAllowInternal: {
    type: { kind: 'boolean' },
    default: false,
    description:
      'Let webhooks (threat intelligence, safeguards notices) reach loopback, private and link-local addresses and use plain http (off: a webhook must use https and cannot be aimed at this server or its network).',
  },
  shareDays: {
    type: { kind: 'integer', min: 1, max: 365 },
    default: 30,
    description: 'How many days a result shared with a trusted contact by link stays readable.',
  },
  dns: {
    type: { kind: 'string', minLength: 1, maxLength: 500 },
    default: undefined,
    description:
      'DNS servers the email-domain check asks, as IP:PORT, comma-separated (e.g. 127.0.0.1:5353); the system resolver when unset.',
  },
  upstreamUrl: {
    type: { kind: 'string', minLength: 8, maxLength: 2048 },
    default: undefined,
    description:
      "The simplest gateway setup: one OpenAI-compatible server (Ollama, vLLM, llama.cpp, a cloud API) such as http://127.0.0.1:11434/v1; every model it lists is served, each tier's model list still applying.",
  },
  upstreamKey: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: undefined,
    description: 'API key sent to `upstreamUrl`, when that server needs one.',
    secret: true,
  },
  gatewayFile: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: undefined,
    description:
      'Gateway upstreams file (YAML): several upstreams, models per upstream and per tier, fail-over order; reloaded when it changes. See docs/gateway.md.',
  },
  gatewayRetentionDays: {
    type: { kind: 'integer', min: 0, max: 3650 },
    default: 30,
    description:
      'Days the gateway keeps the (redacted) text of prompts and answers for monitoring; 0 keeps none. Request metadata is always kept.',
  },
  gatewayBodyLimit: {
    type: { kind: 'integer', min: 1024, max: 256 * 1024 * 1024 },
    default: 4 * 1024 * 1024,
    description:
      'Largest request body the gateway (/v1/*) accepts, in bytes; larger bodies get HTTP 413.',
  },
  blobDir: {
    type: { kind: 'string', minLength: 1, maxLength: 4096 },
    default: undefined,
    description:
      'Directory for stored model artifacts (the blob store); default DATA/blobs. Several instances need the same shared directory.',
  },
  modelMaxBytes: {
    type: { kind: 'integer', min: 1024, max: 1024 * 1024 * 1024 * 1024 },
    default: 20 * 1024 * 1024 * 1024,
    description:
      'Largest model artifact the registry accepts, in bytes (streamed to storage, never held in memory).',
  },
  riskHalfLifeHours: {
    type: { kind: 'integer', min: 1, max: 8760 },
    default: 168,
    description:
      'Safeguards risk scores halve every this many hours (168 = 7 days): old evidence counts less and less.',
  },
  riskPointsMonitor: {
    type: { kind: 'integer', min: 0, max: 1000 },
    default: 1,
    description:
      'Risk points a gateway prompt the safeguards let through but watch adds to its sender.',
  },
  riskPointsFriction: {
    type: { kind: 'integer', min: 0, max: 1000 },
    default: 3,
    description: 'Risk points a gateway prompt answered with friction adds to its sender.',
  },
  riskPointsBlock: {
    type: { kind: 'integer', min: 0, max: 1000 },
    default: 5,
    description: 'Risk points a blocked gateway prompt adds to its sender.',
  },
  riskFrictionAt: {
    type: { kind: 'integer', min: 1, max: 100_000 },
    default: 20,
    description:
      'Risk score at which an automatic friction lever (rate limits divided by ten) is pulled on the account, key or end user.',
  },
  riskRestrictAtBlocks: {
    type: { kind: 'integer', min: 1, max: 10_000 },
    default: 5,
    description:
      'Recent blocked prompts (decaying like the score) at which an automatic lever restricts the sender one tier down.',
  },
  riskLeverHours: {
    type: { kind: 'integer', min: 1, max: 8784 },
    default: 24,
    description:
      'How long an automatic lever stays in force, in hours (operators can lift it sooner).',
  },
  riskEvidenceKept: {
    type: { kind: 'integer', min: 1, max: 200 },
    default: 20,
    description:
      'Newest gateway requests kept as evidence with each risk score (findings are kept apart, the newest 100).',
  },
  riskFindingPoints: {
    type: { kind: 'map', names: RISK_FINDING_NAMES, values: { min: 0, max: 1000 } },
    default:
      'insider.volume=8,insider.hour=3,insider.network=5,insider.bulk_restricted=20,monitor.repeated_blocks=5,monitor.key_many_networks=20,monitor.concerted_prompts=10,monitor.capability_after_upgrade=10,monitor.split_task=10',
    description:
      "Risk points each kind of finding adds to its account, key or end user: the model registry's insider findings (`insider.…`) and `safeguards monitor` findings (`monitor.…`), as kind=points pairs; kinds left out keep these values.",
  },
  riskFindingLevers: {
    type: {
      kind: 'map',
      names: RISK_FINDING_NAMES,
      values: ['none', 'friction', 'step-up', 'restrict'],
    },
    default: undefined,
    description:
      'Finding kinds that pull a lever at once, whatever the score, as kind=lever pairs (friction, step-up, restrict one tier down, none), e.g. insider.bulk_restricted=step-up; none by default.',
  },
} as const satisfies Record<string, ConfigKeySpec>;

/** `a=1,b=x` → [['a','1'], ['b','x']] (a `map` key's loaded value; empty text is no pairs). */
export function configMapEntries(value: string | undefined): [string, string][] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
  });
}

export type ConfigKey = keyof typeof configKeys;

type ValueOf<S extends ConfigValueType> = S extends { kind: 'integer' }
  ? number
  : S extends { kind: 'boolean' }
    ? boolean
    : string;

type Defaulted<K extends ConfigKey> = (typeof configKeys)[K]['default'] extends undefined
  ? ValueOf<(typeof configKeys)[K]['type']> | undefined
  : ValueOf<(typeof configKeys)[K]['type']>;

/** The validated, frozen configuration passed down from the composition root. */
export type Config = { readonly [K in ConfigKey]: Defaulted<K> };

/** `logLevel` → `SHIELDWALL_LOG_LEVEL`. */
export function envName(key: string): string {
  return `SHIELDWALL_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
