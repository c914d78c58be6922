/**
 * The STIX object store on SQLite and PostgreSQL: validation on the way in,
 * versions, TAXII's filters and pagination, with a real ATT&CK bundle.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../platform/adapters/postgres-store.js';
import { createSqliteStore } from '../platform/adapters/sqlite-store.js';
import type { Store } from '../platform/ports/store.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { exchangeMigrations } from './exchange-tables.js';
import { createObjectStore, type ObjectStore } from './object-store.js';
import { fromMicros, normalizeTimestamp, toMicros } from './stix-time.js';

const ics = join(import.meta.dirname, '../../../shared/data/intel/attack/ics-attack-18.1.json');

const indicator = (modified: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--1d0ec3ee-3c1c-4ce2-9b8e-6f6f1f0c6a11',
  created: '2026-12-01T10:00:00.000Z',
  modified,
  pattern: "[url:value = 'https://usps-redelivery.top/pay']",
  pattern_type: 'stix',
  valid_from: '2026-12-01T10:00:00Z',
  ...extra,
});

function suite(name: string, open: () => Promise<{ store: Store; close(): Promise<void> }>) {
  describe(name, () => {
    let handle: { store: Store; close(): Promise<void> };
    let objects: ObjectStore;
    let clock = Date.UTC(2026, 11, 5, 10);
    beforeAll(async () => {
      handle = await open();
      await handle.store.migrate();
      objects = createObjectStore({ store: handle.store, now: () => clock++ });
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("writes the caller's record in the objects' transaction, with the final outcome", async () => {
      const c = await objects.createCollection({ title: 'Recorded' });
      const seen: unknown[] = [];
      const r = await objects.add(
        c.id,
        [indicator('2026-12-01T10:00:00.000Z'), { type: 'indicator' }],
        'test',
        null,
        async (_trx, outcome) => {
          seen.push(structuredClone(outcome));
        },
      );
      expect(seen).toEqual([r]);
      expect(r.successes).toHaveLength(1);
      expect(r.failures).toHaveLength(1);
      // Only refused objects: the record is still written, on its own.
      const none = await objects.add(c.id, [{ type: 'indicator' }], 'test', null, async (_t, o) => {
        seen.push(o.failures.length);
      });
      expect(none.failures).toHaveLength(1);
      expect(seen.at(-1)).toBe(1);
      // The record fails: the objects of that request are not stored either.
      await expect(
        objects.add(c.id, [indicator('2026-12-03T10:00:00.000Z')], 'test', null, async () => {
          throw new Error('status write failed');
        }),
      ).rejects.toThrow('status write failed');
      const all = await objects.query(c.id, { match: { version: ['all'] } });
      expect(all.rows.map((x) => x.version)).toEqual(['2026-12-01T10:00:00.000000Z']);
      expect(all.rows[0]?.latest).toBe(1);
    });

    it('stores long objects as they were sent (on PostgreSQL compressed with lz4 where the server has it)', async () => {
      const c = await objects.createCollection({ title: 'Long' });
      // Well past the ~2 KB from which PostgreSQL compresses a value; several scripts, escapes.
      const description = `Ünïcødé 中文 🛡️ "quoted" back\\slash\nline ${'x'.repeat(40)} `.repeat(
        200,
      );
      const sent = indicator('2026-12-01T10:00:00.000Z', { description });
      expect((await objects.add(c.id, [sent], 'test')).successes).toHaveLength(1);
      const [row] = (await objects.query(c.id)).rows;
      expect(JSON.parse(row?.json ?? '')).toEqual(sent);
      if (handle.store.dialect !== 'postgres') return;
      const { sql } = await import('kysely');
      const db = handle.store.db<unknown>();
      const lz4 = await sql<{ lz4: boolean }>`
        select 'lz4' = any(enumvals) as lz4 from pg_settings
        where name = 'default_toast_compression'`.execute(db);
      const method = await sql<{ m: string | null }>`
        select pg_column_compression(json) as m from exchange_object
        where collection_id = ${c.id}`.execute(db);
      expect(method.rows[0]?.m).toBe(lz4.rows[0]?.lz4 === true ? 'lz4' : 'pglz');
    });

    it('hands the record what it stored, each version with its own marking (issue 5)', async () => {
      const c = await objects.createCollection({ title: 'Stored facts' });
      const red = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
      const clear = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
      await objects.add(c.id, [indicator('2026-12-01T10:00:00.000Z')], 'test');
      let stored: unknown;
      const r = await objects.add(
        c.id,
        [
          indicator('2026-12-01T10:00:00.000Z'), // already present: not stored again
          indicator('2026-12-02T10:00:00.000Z', {
            object_marking_refs: [red],
            x_shieldwall_recipient_orgs: ['org-a'],
          }),
          indicator('2026-12-03T10:00:00.000Z', { object_marking_refs: [clear] }),
          { ...indicator('2026-12-04T10:00:00.000Z'), pattern: '[' }, // refused, same id
        ],
        'test',
        'org-a',
        async (_trx, _outcome, s) => {
          stored = s;
        },
      );
      expect(r.failures).toHaveLength(1);
      const id = indicator('x').id;
      expect(stored).toEqual([
        {
          id,
          version: '2026-12-02T10:00:00.000000Z',
          type: 'indicator',
          tlp: 'red',
          sourceOrg: 'org-a',
          recipients: ['org-a'],
        },
        {
          id,
          version: '2026-12-03T10:00:00.000000Z',
          type: 'indicator',
          tlp: 'clear',
          sourceOrg: 'org-a',
          recipients: [],
        },
      ]);
      const rows = (await objects.query(c.id, { match: { version: ['all'] } })).rows;
      expect(rows.map((x) => [x.version.slice(0, 10), x.tlp, x.recipients, x.latest])).toEqual([
        ['2026-12-01', null, null, 0],
        ['2026-12-02', 'red', '["org-a"]', 0],
        ['2026-12-03', 'clear', null, 1],
      ]);
    });

    it('keeps every version; reads the last by default, or first, all, or one', async () => {
      const c = await objects.createCollection({ title: 'Versions' });
      const r = await objects.add(
        c.id,
        [
          indicator('2026-12-01T10:00:00.000Z'),
          indicator('2026-12-02T10:00:00.000Z'),
          indicator('2026-12-02T10:00:00.000Z'),
        ],
        'test',
      );
      expect(r.failures).toEqual([]);
      expect(r.successes.map((s) => s.message)).toEqual([undefined, undefined, 'already present']);
      const last = await objects.query(c.id);
      expect(last.rows.map((x) => x.version)).toEqual(['2026-12-02T10:00:00.000000Z']);
      expect(
        (await objects.query(c.id, { match: { version: ['first'] } })).rows.map((x) => x.version),
      ).toEqual(['2026-12-01T10:00:00.000000Z']);
      expect((await objects.query(c.id, { match: { version: ['all'] } })).rows).toHaveLength(2);
      expect(
        (await objects.query(c.id, { match: { version: ['2026-12-01T10:00:00Z'] } })).rows,
      ).toHaveLength(1);
      expect(
        (await objects.query(c.id, { match: { version: ['first', 'last'] } })).rows,
      ).toHaveLength(2);
      expect(await objects.delete(c.id, indicator('x').id, { version: ['first'] })).toBe(1);
      expect((await objects.query(c.id, { match: { version: ['all'] } })).rows).toHaveLength(1);
    });

    it('the latest version stays right when versions arrive out of order, in one request, or are deleted', async () => {
      const c = await objects.createCollection({ title: 'Latest' });
      const other = indicator('2026-12-01T10:00:00.000Z', {
        id: 'indicator--2d0ec3ee-3c1c-4ce2-9b8e-6f6f1f0c6a12',
      });
      const last = async () =>
        (await objects.query(c.id)).rows.map(
          (x) => `${x.id.slice(11, 13)} ${x.version.slice(0, 10)}`,
        );
      await objects.add(c.id, [indicator('2026-12-02T10:00:00.000Z'), other], 'test');
      // An older version added later does not become the latest.
      await objects.add(c.id, [indicator('2026-12-01T10:00:00.000Z')], 'test');
      expect(await last()).toEqual(['1d 2026-12-02', '2d 2026-12-01']);
      // Two newer versions in one request: only the newest is the latest.
      await objects.add(
        c.id,
        [indicator('2026-12-04T10:00:00.000Z'), indicator('2026-12-03T10:00:00.000Z')],
        'test',
      );
      expect(await last()).toEqual(['2d 2026-12-01', '1d 2026-12-04']);
      // Deleting the latest makes the newest remaining one the latest.
      expect(await objects.delete(c.id, indicator('x').id, { version: ['last'] })).toBe(1);
      expect(await last()).toEqual(['2d 2026-12-01', '1d 2026-12-03']);
      expect((await objects.query(c.id, { match: { version: ['all'] } })).rows).toHaveLength(4);
    });

    it('refuses a bad object with its problems and keeps the good ones of the same request', async () => {
      const c = await objects.createCollection({ title: 'Mixed' });
      const r = await objects.add(
        c.id,
        [
          indicator('2026-12-01T10:00:00.000Z', { valid_until: '2020-01-01T00:00:00Z' }),
          {
            type: 'ipv4-addr',
            id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd',
            value: '198.51.100.3',
          },
          'not an object',
        ],
        'test',
      );
      expect(r.successes.map((s) => s.id)).toEqual([
        'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd',
      ]);
      expect(r.failures).toHaveLength(2);
      expect(r.failures[0]?.message).toContain('valid_until must be later than valid_from');
      // An SCO has no modified or created: its version is when it was added.
      expect((await objects.query(c.id)).rows[0]?.version).toMatch(/^2026-12-05T10:00:00\.\d{6}Z$/);
    });

    it.skipIf(!existsSync(ics))(
      'stores a real ATT&CK bundle once, pages through it in order without gaps or repeats',
      async () => {
        const bundle = JSON.parse(readFileSync(ics, 'utf8')) as { objects: unknown[] };
        const c = await objects.createCollection({ title: 'ATT&CK for ICS' });
        const first = await objects.add(c.id, bundle.objects, 'test');
        expect(first.failures).toEqual([]);
        expect(first.successes).toHaveLength(bundle.objects.length);
        const again = await objects.add(c.id, bundle.objects.slice(0, 50), 'test');
        expect(again.successes.every((s) => s.message === 'already present')).toBe(true);
        // The whole bundle again: more ids than one SQLite lookup takes (one array on PostgreSQL),
        // and every one of them found.
        const whole = await objects.add(c.id, bundle.objects, 'test');
        expect(whole.successes).toHaveLength(bundle.objects.length);
        expect(whole.successes.every((s) => s.message === 'already present')).toBe(true);
        const seen = new Set<string>();
        let next: string | undefined;
        let previous = -1;
        let pages = 0;
        do {
          const p = await objects.query(c.id, {
            limit: 250,
            ...(next === undefined ? {} : { next }),
          });
          for (const r of p.rows) {
            expect(r.date_added).toBeGreaterThan(previous);
            previous = r.date_added;
            seen.add(r.id);
          }
          next = p.next;
          pages++;
          if (!p.more) break;
        } while (pages < 100);
        expect(seen.size).toBe(new Set(bundle.objects.map((o) => (o as { id: string }).id)).size);
        expect(pages).toBe(Math.ceil(seen.size / 250));
        const patterns = await objects.query(c.id, {
          match: { type: ['attack-pattern'] },
          limit: 1000,
        });
        expect(patterns.rows.length).toBe(
          bundle.objects.filter((o) => (o as { type: string }).type === 'attack-pattern').length,
        );
        const after = await objects.query(c.id, { addedAfter: previous - 1 });
        expect(after.rows).toHaveLength(1);
      },
    );
  });
}

suite('object store (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-exchange-'));
  const store = createSqliteStore({ file: join(dir, 'x.sqlite'), migrations: exchangeMigrations });
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const pgUrl = await requireService('postgres');
describe.skipIf(pgUrl === undefined)('on PostgreSQL', () => {
  suite('object store (PostgreSQL)', async () => {
    const db = await createTempDatabase(pgUrl as string);
    const store = createPostgresStore({ url: db.url, migrations: exchangeMigrations });
    return {
      store,
      close: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
});

describe('STIX time', () => {
  it('normalizes to microseconds that sort as text in time order', () => {
    const a = normalizeTimestamp('2026-12-05T10:00:00Z') as string;
    const b = normalizeTimestamp('2026-12-05T10:00:00.5Z') as string;
    expect(a < b).toBe(true);
    expect(normalizeTimestamp('2026-13-05T10:00:00Z')).toBeUndefined();
    expect(fromMicros(toMicros('2026-12-05T10:00:00.123456Z') as number)).toBe(
      '2026-12-05T10:00:00.123456Z',
    );
  });
});
