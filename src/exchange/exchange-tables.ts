import type { Migration } from '../platform/ports/store.js';

/**
 * The exchange module's store.
 *
 * `exchange_collection`: a TAXII collection (one API root for now, `default`).
 * `exchange_object`: every version of every STIX object in a collection. A
 * version is the object's `modified` (or `created`, or, for objects with
 * neither, the time it was added), as TAXII 2.1 §3.4 defines it. `date_added`
 * is microseconds since the epoch, strictly increasing per collection, so
 * `added_after` pagination never skips or repeats an object.
 */
export interface ExchangeCollectionRow {
  id: string;
  title: string;
  description: string | null;
  /** JSON array of media types (`application/stix+json;version=2.1`). */
  media_types: string;
  /** The organization that owns it (only its members may use it), or null for a shared one. */
  owner_org: string | null;
  /** Capability needed to read (`intel.read:clear`); TLP then hides what the reader may not see. */
  read_capability: string;
  /** Capability needed to add objects (`intel.write`). */
  write_capability: string;
  created_at: number;
}

export interface ExchangeObjectRow {
  collection_id: string;
  id: string;
  /** The version: RFC 3339 timestamp text as sent (millisecond or finer). */
  version: string;
  /** Microseconds since the epoch. */
  date_added: number;
  type: string;
  spec_version: string;
  /** Strictest TLP 2.0 level of the version's markings, or null. */
  tlp: string | null;
  created_by_ref: string | null;
  /** Who added it: `org:<id>`, `user:<id>`, `key:<id>`. */
  added_by: string;
  /** The object, as JSON text. */
  json: string;
  /** The organization that shared it (for TLP: it may always read it back; AMBER+STRICT stays with it). */
  source_org: string | null;
  /** TLP:RED recipients: JSON array of organization ids, or null. */
  recipients: string | null;
  /** 1 for the object's latest version in the collection (TAXII's default `match[version]=last`), else 0. */
  latest: number;
}

/** A sharing group: a named set of organizations that collections can be shared with. */
export interface ExchangeSharingGroupRow {
  id: string;
  name: string;
  description: string | null;
  /** The organization whose admins manage it, or null for one the operators manage. */
  owner_org: string | null;
  created_by: string;
  created_at: number;
}

export interface ExchangeSharingGroupMemberRow {
  group_id: string;
  org_id: string;
  added_by: string;
  added_at: number;
}

/** A sharing group attached to a collection: its members may read it, and write when `can_write` is 1. */
export interface ExchangeCollectionGroupRow {
  collection_id: string;
  group_id: string;
  can_write: number;
}

/** A TAXII status resource: the outcome of one POST of objects. */
export interface ExchangeStatusRow {
  id: string;
  collection_id: string;
  /** Who posted it; only they may read the status. */
  added_by: string;
  request_timestamp: string;
  /** JSON of { successes, failures }. */
  outcome: string;
  created_at: number;
}

/**
 * Links people reported as scams (from the scam checker's "report"), counted
 * once per report; past a threshold the link is shared as an indicator.
 */
export interface ExchangeReportedRow {
  /** The normalized URL. */
  value: string;
  reports: number;
  first_reported: number;
  last_reported: number;
  /** The STIX indicator shared for it, once it has been. */
  indicator_id: string | null;
}

/** Which report counted for which link (so a redelivered event is not counted twice). */
export interface ExchangeReportSeenRow {
  report_id: string;
  value: string;
}

export interface ExchangeTables {
  exchange_reported: ExchangeReportedRow;
  exchange_report_seen: ExchangeReportSeenRow;
  exchange_collection: ExchangeCollectionRow;
  exchange_object: ExchangeObjectRow;
  exchange_status: ExchangeStatusRow;
  exchange_sharing_group: ExchangeSharingGroupRow;
  exchange_sharing_group_member: ExchangeSharingGroupMemberRow;
  exchange_collection_group: ExchangeCollectionGroupRow;
}

const communityMigration: Migration = {
  name: '20261205-21-exchange-community-reports',
  async up(db) {
    await db.schema
      .createTable('exchange_reported')
      .addColumn('value', 'text', (c) => c.primaryKey())
      .addColumn('reports', 'integer', (c) => c.notNull())
      .addColumn('first_reported', 'bigint', (c) => c.notNull())
      .addColumn('last_reported', 'bigint', (c) => c.notNull())
      .addColumn('indicator_id', 'text')
      .execute();
    await db.schema
      .createTable('exchange_report_seen')
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('exchange_report_seen_pk', ['report_id', 'value'])
      .execute();
  },
};

export const exchangeMigrations: readonly Migration[] = [
  {
    name: '20261205-20-exchange-objects',
    async up(db) {
      await db.schema
        .createTable('exchange_collection')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('media_types', 'text', (c) => c.notNull())
        .addColumn('owner_org', 'text')
        .addColumn('read_capability', 'text', (c) => c.notNull())
        .addColumn('write_capability', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('exchange_object')
        .addColumn('collection_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('date_added', 'bigint', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('spec_version', 'text', (c) => c.notNull())
        .addColumn('tlp', 'text')
        .addColumn('created_by_ref', 'text')
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('exchange_object_pk', ['collection_id', 'id', 'version'])
        .execute();
      await db.schema
        .createIndex('exchange_object_added')
        .on('exchange_object')
        .columns(['collection_id', 'date_added'])
        .unique()
        .execute();
      await db.schema
        .createTable('exchange_status')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('collection_id', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('request_timestamp', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('exchange_object_type')
        .on('exchange_object')
        .columns(['collection_id', 'type'])
        .execute();
    },
  },
  communityMigration,
  {
    name: '20261206-01-exchange-sharing-groups',
    async up(db) {
      await db.schema.alterTable('exchange_object').addColumn('source_org', 'text').execute();
      await db.schema.alterTable('exchange_object').addColumn('recipients', 'text').execute();
      await db.schema
        .createTable('exchange_sharing_group')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('description', 'text')
        .addColumn('owner_org', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('exchange_sharing_group_member')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('exchange_sharing_group_member_pk', ['group_id', 'org_id'])
        .execute();
      await db.schema
        .createIndex('exchange_sharing_group_member_org')
        .on('exchange_sharing_group_member')
        .column('org_id')
        .execute();
      await db.schema
        .createTable('exchange_collection_group')
        .addColumn('collection_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('can_write', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('exchange_collection_group_pk', ['collection_id', 'group_id'])
        .execute();
    },
  },
  {
    // Reads of the latest versions (every TAXII page by default) use a flag kept on insert
    // and delete, not a per-row max(version) subquery.
    name: '20261206-02-exchange-latest-version',
    async up(db) {
      await db.schema
        .alterTable('exchange_object')
        .addColumn('latest', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // kysely is imported here, not at the top: migration lists load with every CLI command.
      const { sql } = await import('kysely');
      await sql`update exchange_object set latest = 1 where version = (select max(l.version) from exchange_object l where l.collection_id = exchange_object.collection_id and l.id = exchange_object.id)`.execute(
        db,
      );
      await db.schema
        .createIndex('exchange_object_latest')
        .on('exchange_object')
        .columns(['collection_id', 'latest', 'date_added'])
        .execute();
    },
  },
  {
    // PostgreSQL compresses a value of more than about 2 KB before storing it, with pglz unless
    // told otherwise; lz4 is several times faster at it. On the ATT&CK for ICS bundle (a tenth of
    // the objects are over 2 KB, two fifths of the bytes) a COPY of the rows cost the server 26 →
    // 16 µs of CPU per object. Only new values are compressed so: stored ones keep pglz and read as
    // before (each value names its method). A server built without lz4 keeps pglz; SQLite has no
    // such thing.
    name: '20261215-10-exchange-lz4-values',
    async up(db, dialect) {
      if (dialect !== 'postgres') return;
      const { sql } = await import('kysely');
      const { rows } = await sql<{ lz4: boolean }>`
        select 'lz4' = any(enumvals) as lz4 from pg_settings
        where name = 'default_toast_compression'`.execute(db);
      if (rows[0]?.lz4 !== true) return;
      await sql`alter table exchange_object alter column json set compression lz4`.execute(db);
      await sql`alter table exchange_status alter column outcome set compression lz4`.execute(db);
    },
  },
];
