/**
 * Organization exercises on a real store (SQLite, and PostgreSQL when it answers) with a real
 * audit log: scheduling, the practice inbox, reports and clicks (once each, only while running),
 * the figures, per-person results only when the organization allows, and refused bad input that
 * changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../platform/adapters/local-bus.js';
import { createPostgresStore } from '../../platform/adapters/postgres-store.js';
import { createSqliteStore } from '../../platform/adapters/sqlite-store.js';
import {
  auditMigrations,
  createAuditLog,
  loadOrCreateAuditKey,
} from '../../platform/audit/index.js';
import {
  removeDir,
  silentLogger,
  tempDir,
} from '../../platform/audit/test-support/audit-fixture.js';
import type { Logger } from '../../platform/logger.js';
import type { Store } from '../../platform/ports/store.js';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { createExerciseService } from './exercise-service.js';
import { practiceMigrations } from './practice-tables.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function suite(name: string, makeStore: (dir: string) => Store) {
  describe(name, () => {
    const dir = tempDir('sw-practice-');
    let store: Store;
    let t = Date.UTC(2026, 11, 1, 9, 0, 0);
    const now = () => t;
    const members = new Map<string, { userId: string; displayName: string }[]>([
      [
        'org-a',
        ['ana', 'ben', 'cai', 'dee'].map((u) => ({ userId: u, displayName: u.toUpperCase() })),
      ],
      ['org-empty', []],
    ]);
    let service: ReturnType<typeof createExerciseService>;
    let audit: ReturnType<typeof createAuditLog>;

    beforeAll(async () => {
      store = makeStore(dir);
      await store.migrate();
      audit = createAuditLog({
        store,
        bus: createLocalBus({ journalFile: ':memory:' }),
        signer: await loadOrCreateAuditKey(join(dir, 'audit-key.pem')),
        origin: 'practice.test.example',
        now,
        logger: silentLogger as unknown as Logger,
      });
      service = createExerciseService({
        store,
        audit,
        now,
        randomBytes: (n) => randomBytes(n),
        orgs: { members: async (orgId) => members.get(orgId) ?? [] },
      });
    });
    afterAll(async () => {
      await store?.close();
      removeDir(dir);
    });

    it('refuses unknown or genuine messages and empty organizations, and stores nothing', async () => {
      const create = (sampleIds: string[], orgId = 'org-a') =>
        service.create({ orgId, name: 'x', sampleIds, days: 7 }, 'user:admin');
      await expect(create(['no-such-message'])).rejects.toMatchObject({ code: 'unknown_message' });
      await expect(create(['genuine-bank-fraud-alert'])).rejects.toMatchObject({
        code: 'genuine_message',
      });
      await expect(create(['delivery-fee-text'], 'org-empty')).rejects.toMatchObject({
        code: 'no_members',
      });
      expect(await service.list('org-a')).toEqual([]);
    });

    it('delivers each message to each member over the period, reports and clicks once, and measures', async () => {
      const created = await service.create(
        {
          orgId: 'org-a',
          name: 'December',
          sampleIds: ['delivery-fee-text', 'invoice-bank-change-email'],
          days: 14,
        },
        'user:admin',
      );
      expect(created.metrics.delivered).toBe(1); // the first member's first message arrives at once
      const entries = await audit.entries({ from: 0, limit: 10 });
      expect(entries.entries.map((e) => e.action)).toContain('protect.exercise.created');
      expect(JSON.stringify(entries)).not.toContain('secret');

      // Nothing later than now is in the inbox yet.
      const early = await service.inbox('ben');
      for (const item of early) expect(item.deliverAt).toBeLessThanOrEqual(t);

      t += 8 * DAY; // the first message reached everyone
      const inbox = await service.inbox('ana');
      expect(inbox.map((i) => i.sampleId)).toContain('delivery-fee-text');
      const first = inbox.find((i) => i.sampleId === 'delivery-fee-text');
      if (first === undefined) throw new Error('not delivered');
      expect(first.message.body).toContain('Parcelo');

      // ana reports through the inbox 30 minutes later; reporting again keeps the first time.
      t += 30 * 60_000;
      await service.report('ana', first.id);
      t += HOUR;
      await service.report('ana', first.id);
      // ben's mail system reports by token; cai clicks the practice link.
      const ben = (await service.inbox('ben')).find((i) => i.sampleId === 'delivery-fee-text');
      const cai = (await service.inbox('cai')).find((i) => i.sampleId === 'delivery-fee-text');
      if (ben === undefined || cai === undefined) throw new Error('not delivered');
      await service.reportByToken(ben.token);
      expect(await service.clickByToken(cai.token)).toEqual({ sampleId: 'delivery-fee-text' });

      // Someone else cannot act on ana's message; a made-up token finds nothing.
      await expect(service.report('ben', first.id)).rejects.toMatchObject({
        code: 'delivery_not_found',
      });
      await expect(service.reportByToken('A'.repeat(32))).rejects.toMatchObject({
        code: 'delivery_not_found',
      });
      await expect(service.reportByToken('short')).rejects.toMatchObject({
        code: 'delivery_not_found',
      });

      const results = await service.results('org-a', created.id);
      const fee = results.perMessage.find((m) => m.sampleId === 'delivery-fee-text')?.metrics;
      expect(fee).toMatchObject({
        delivered: 4,
        reported: 2,
        clicked: 1,
        reportRate: 0.5,
        clickRate: 0.25,
      });
      expect(fee?.medianReportMs).toBeGreaterThanOrEqual(30 * 60_000);
      expect(results.people).toBeNull(); // off by default

      expect((await service.myResults('ana')).reported).toBe(1);
    });

    it('shows each person only after an admin turns it on (audited)', async () => {
      const [exercise] = await service.list('org-a');
      if (exercise === undefined) throw new Error('no exercise');
      await service.setShowIndividuals('org-a', true, 'user:admin');
      const results = await service.results('org-a', exercise.id);
      expect(results.people?.map((p) => p.displayName).sort()).toEqual([
        'ANA',
        'BEN',
        'CAI',
        'DEE',
      ]);
      expect(results.people?.find((p) => p.userId === 'ana')?.metrics.reported).toBe(1);
      const actions = (await audit.entries({ from: 0, limit: 50 })).entries.map((e) => e.action);
      expect(actions).toContain('protect.exercise.individuals_changed');
      await service.setShowIndividuals('org-a', false, 'user:admin');
      expect((await service.results('org-a', exercise.id)).people).toBeNull();
    });

    it('hides another organization’s exercise and stops everything when an exercise ends', async () => {
      const [exercise] = await service.list('org-a');
      if (exercise === undefined) throw new Error('no exercise');
      await expect(service.results('org-other', exercise.id)).rejects.toMatchObject({
        code: 'exercise_not_found',
      });
      await expect(service.end('org-other', exercise.id, 'user:x')).rejects.toMatchObject({
        code: 'exercise_not_found',
      });
      const dee = (await service.inbox('dee')).find((i) => i.sampleId === 'delivery-fee-text');
      if (dee === undefined) throw new Error('not delivered');
      const ended = await service.end('org-a', exercise.id, 'user:admin');
      expect(ended.endedAt).toBe(t);
      await expect(service.end('org-a', exercise.id, 'user:admin')).rejects.toMatchObject({
        code: 'exercise_ended',
      });
      expect(await service.inbox('dee')).toEqual([]);
      await expect(service.reportByToken(dee.token)).rejects.toMatchObject({
        code: 'delivery_not_found',
      });
      const actions = (await audit.entries({ from: 0, limit: 50 })).entries.map((e) => e.action);
      expect(actions).toContain('protect.exercise.ended');
    });
  });
}

const migrations = [...auditMigrations, ...practiceMigrations];
suite('exercises on SQLite', (dir) =>
  createSqliteStore({ file: join(dir, 'shieldwall.sqlite'), migrations }));

const pgUrl = await requireService('postgres');
describe.skipIf(pgUrl === undefined)('on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  beforeAll(async () => {
    db = await createTempDatabase(pgUrl as string);
  });
  afterAll(async () => {
    await db?.drop();
  });
  suite('exercises on PostgreSQL', () => createPostgresStore({ url: db.url, migrations }));
});
