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

export interface SightingsTables {
  exchange_indicator_sightings: IndicatorSightingsTable;
  exchange_sighting_counted: SightingCountedTable;
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
];
