import type { Migration } from '../platform/ports/store.js';

/**
 * One row per gateway request, for monitoring (the safeguards module's offline
 * jobs read it). Metadata is kept; the prompt and answer text — redacted of
 * secrets and card numbers before they are written — are cleared once
 * `content_expires_at` passes. `principal`, `org_id`, `key_id` and `end_user`
 * together let a lever target an organization, one key, or one end user behind it.
 */
export interface GatewayRequestRow {
  id: string;
  created_at: number;
  /** `org:<id>` or `user:<id>`. */
  principal: string;
  org_id: string | null;
  key_id: string | null;
  /** The caller's end-user id (OpenAI `safety_identifier`/`user`, or X-Shieldwall-End-User). */
  end_user: string | null;
  tier: number;
  /** `chat` or `responses`. */
  endpoint: string;
  model: string;
  upstream: string | null;
  /** Sent to the client. */
  status: number;
  /** Gateway error code when the gateway refused or failed, else null. */
  error_code: string | null;
  stream: number;
  latency_ms: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** The prompt screen's decision: allow, monitor, friction, block. */
  decision: string;
  risk: number;
  /** JSON array of { id, score }. */
  categories: string;
  prompt: string | null;
  response: string | null;
  content_expires_at: number | null;
  /**
   * The caller's network, not its address: the IPv4 /24 or IPv6 /48 prefix
   * (`203.0.113.0/24`), so monitoring can see one key used from many networks.
   * Absent on rows written before it was recorded.
   */
  client_net?: string | null;
}

export interface GatewayTables {
  gateway_requests: GatewayRequestRow;
}

export const gatewayMigrations: readonly Migration[] = [
  {
    name: '20261206-10-gateway-requests',
    async up(db) {
      await db.schema
        .createTable('gateway_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text')
        .addColumn('key_id', 'text')
        .addColumn('end_user', 'text')
        .addColumn('tier', 'integer', (c) => c.notNull())
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('upstream', 'text')
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('stream', 'integer', (c) => c.notNull())
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull())
        .addColumn('completion_tokens', 'integer', (c) => c.notNull())
        .addColumn('total_tokens', 'integer', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('risk', 'real', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('prompt', 'text')
        .addColumn('response', 'text')
        .addColumn('content_expires_at', 'bigint')
        .execute();
      for (const [name, columns] of [
        ['gateway_requests_time', ['created_at']],
        ['gateway_requests_org', ['org_id', 'created_at']],
        ['gateway_requests_key', ['key_id', 'created_at']],
        ['gateway_requests_end_user', ['end_user', 'created_at']],
        ['gateway_requests_expiry', ['content_expires_at']],
      ] as const)
        await db.schema
          .createIndex(name)
          .on('gateway_requests')
          .columns([...columns])
          .execute();
    },
  },
  {
    name: '20261206-31-gateway-requests-client-net',
    async up(db) {
      await db.schema.alterTable('gateway_requests').addColumn('client_net', 'text').execute();
    },
  },
];
