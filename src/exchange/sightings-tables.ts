/**
 * Sightings aggregated per indicator: how often, by how many independent
 * sources, first and last seen, and whether the indicator was published to
 * the shared collection because of them. A sighting version is counted once
 * (`exchange_sighting_counted`), however often its event is delivered.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../platform/ports/store.js';

export interface IndicatorSightingsTable {
  indicator_id: string;
  /** Sum of the sightings' `count` (1 when a sighting states none). */
  sightings: number;
  /** JSON array of the distinct sources (identity ref or organization), at most 1,000. */
  sources: string;
  source_count: number;
  first_seen: number;
  last_seen: number;
  /** When it was copied to the shared collection because enough sources saw it (null: not). */
  published_at: number | null;
  updated_at: number;
}

export interface SightingCountedTable {
  /** `sighting--…@modified` */
  key: string;
}

/**
 * The highest `count` already added for each sighting id. A sighting's new version restates its
 * whole count (STIX versions replace each other), so only the growth over this is added.
 */
export interface SightingLastCountTable {
  sighting_id: string;
  counted: number;
}

export interface SightingsTables {
  exchange_indicator_sightings: IndicatorSightingsTable;
  exchange_sighting_counted: SightingCountedTable;
  exchange_sighting_last_count: SightingLastCountTable;
}

export const sightingsMigrations: readonly Migration[] = [
  {
    name: '20261206-11-exchange-sightings',
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('exchange_indicator_sightings')
        .addColumn('indicator_id', 'text', (c) => c.primaryKey())
        .addColumn('sightings', 'bigint', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('source_count', 'integer', (c) => c.notNull())
        .addColumn('first_seen', 'bigint', (c) => c.notNull())
        .addColumn('last_seen', 'bigint', (c) => c.notNull())
        .addColumn('published_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('exchange_sighting_counted')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .execute();
    },
  },
  {
    name: '20261212-10-exchange-sighting-last-count',
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('exchange_sighting_last_count')
        .addColumn('sighting_id', 'text', (c) => c.primaryKey())
        .addColumn('counted', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];
