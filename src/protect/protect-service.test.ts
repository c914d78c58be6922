/**
 * The protect service against a real SQLite store, the real audit log and the
 * local bus, with the shipped checker and an injected clock.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../platform/adapters/sqlite-store.js';
import {
  type LogFixture,
  openSqliteLog,
  removeDir,
  tempDir,
} from '../platform/audit/test-support/audit-fixture.js';
import { allMigrations } from '../platform/compose.js';
import type { BusEvent } from '../platform/ports/bus.js';
import { shippedChecker } from './checker.js';
import type { Locale } from './engine/types.js';
import { protectModule } from './index.js';
import {
  createProtectService,
  type ProtectService,
  REPORT_CREATED,
  type SharedResult,
} from './protect-service.js';
import type { ProtectTables } from './protect-tables.js';
import { toWire } from './wire-format.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 22, 10, 0, 0);
const SCAM =
  'USPS: Your package is on hold due to an unpaid shipping fee of $1.99. Pay now at https://usps-redelivery.top/pay to avoid return.';

/** What the web page sends to share: the wire result without message or evidence. */
/** What a share holds (and gives back, with the reader's locale) for a check of `text`. */
function sharedFrom(text: string, locale: Locale = 'en'): SharedResult {
  const {
    notes: _notes,
    note_refs: _noteRefs,
    ...w
  } = toWire(shippedChecker().check({ kind: 'auto', content: text, locale }));
  return {
    ...w,
    reasons: w.reasons.map(({ code, message, params }) =>
      params === undefined ? { code, message } : { code, message, params },
    ),
    indicators: w.indicators.map(({ type, value }) => ({ type, value })),
  };
}

describe('protect service', () => {
  let fx: LogFixture;
  let clock: number;
  let service: ProtectService;
  let events: BusEvent[];

  beforeEach(async () => {
    const dir = tempDir('sw-protect-');
    const store = createSqliteStore({
      file: join(dir, 'shieldwall.sqlite'),
      migrations: allMigrations([protectModule]),
    });
    fx = await openSqliteLog({ dir, store });
    clock = START;
    service = createProtectService({
      store: fx.store,
      audit: fx.audit,
      bus: fx.bus,
      checker: shippedChecker(),
      now: () => clock,
      shareDays: 30,
    });
    events = [];
    await fx.bus.subscribe(REPORT_CREATED, (e) => {
      events.push(e);
    });
  });
  afterEach(async () => {
    await fx.close();
    removeDir(fx.dir);
  });

  const db = () => fx.store.db<ProtectTables>();

  it('checks with the checker it was given', () => {
    const r = service.check({ kind: 'auto', content: SCAM });
    expect(r).toMatchObject({ kind: 'sms', verdict: 'scam', category: 'delivery' });
  });

  it('a report without the message stores the summary, audits it and announces it', async () => {
    const { id } = await service.report(
      {
        kind: 'url',
        verdict: 'scam',
        score: 0.97,
        category: 'bank_payment',
        indicators: [{ type: 'domain', value: 'paypa1-login.top' }],
        reason_codes: ['url.brand_combosquat'],
        comment: 'came by SMS',
      },
      'req-1',
    );
    const row = await db().selectFrom('protect_report').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id,
      created_at: START,
      kind: 'url',
      verdict: 'scam',
      score: 0.97,
      category: 'bank_payment',
      content: null,
      comment: 'came by SMS',
    });
    expect(JSON.parse(row.indicators)).toEqual([{ type: 'domain', value: 'paypa1-login.top' }]);
    expect(JSON.parse(row.reason_codes)).toEqual(['url.brand_combosquat']);

    const { entries } = await fx.audit.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'public',
      action: 'protect.report.created',
      subject: `report:${id}`,
      requestId: 'req-1',
      data: { kind: 'url', verdict: 'scam', category: 'bank_payment', withMessage: false },
    });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({
      subject: REPORT_CREATED,
      msgId: id,
      data: {
        id,
        kind: 'url',
        verdict: 'scam',
        indicators: [{ type: 'domain', value: 'paypa1-login.top' }],
      },
    });
  });

  it('a report with the message is judged on the server, not taken from the client', async () => {
    const { id } = await service.report(
      {
        kind: 'sms',
        verdict: 'no_signs',
        score: 0.01,
        category: 'other',
        indicators: [{ type: 'domain', value: 'example.org' }],
        reason_codes: [],
        content: SCAM,
      },
      'req-2',
    );
    const row = await db()
      .selectFrom('protect_report')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ verdict: 'scam', category: 'delivery', content: SCAM });
    expect(JSON.parse(row.indicators)).toContainEqual({
      type: 'domain',
      value: 'usps-redelivery.top',
    });
    expect(JSON.parse(row.indicators)).not.toContainEqual({
      type: 'domain',
      value: 'example.org',
    });
    expect((await fx.audit.entries()).entries[0]?.data).toMatchObject({ withMessage: true });
  });

  it('a share is readable until it expires, then is gone', async () => {
    const result = sharedFrom(SCAM);
    const { token, expiresAt } = await service.share(result, 'req-3');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(expiresAt).toBe(new Date(START + 30 * DAY).toISOString());
    expect(await service.getShare(token)).toEqual(result);

    clock = START + 30 * DAY - 1;
    expect(await service.getShare(token)).toEqual(result);
    clock = START + 30 * DAY;
    await expect(service.getShare(token)).rejects.toMatchObject({
      code: 'share_not_found',
      status: 404,
    });
    await expect(service.getShare(`${token.slice(0, -1)}A`)).rejects.toMatchObject({
      code: 'share_not_found',
    });
  });

  it('a share keeps only the result, even when the caller sends evidence and weights', async () => {
    const whole = toWire(shippedChecker().check({ kind: 'auto', content: SCAM }));
    expect(JSON.stringify(whole)).toContain('excerpt');
    const { token } = await service.share(whole as unknown as SharedResult, 'req-5');
    const shared = await service.getShare(token);
    expect(shared).toEqual(sharedFrom(SCAM));
    const stored = await db()
      .selectFrom('protect_share')
      .select('result')
      .executeTakeFirstOrThrow();
    expect(stored.result).not.toMatch(/excerpt|evidence|weight|"source"/);
  });

  it('a share opens in the reader’s language, whatever language it was shared in', async () => {
    const { token } = await service.share(sharedFrom(SCAM, 'en'), 'req-6');
    expect(await service.getShare(token, 'es')).toEqual(sharedFrom(SCAM, 'es'));
    const { token: spanish } = await service.share(sharedFrom(SCAM, 'es'), 'req-7');
    expect(await service.getShare(spanish, 'en')).toEqual(sharedFrom(SCAM, 'en'));
    const stored = await db().selectFrom('protect_share').select('result').execute();
    expect(stored.map((row) => JSON.parse(row.result).locale)).toEqual([undefined, undefined]);
  });

  it('keeps a share stored before reasons had params readable: known words change, the rest stay', async () => {
    const english = sharedFrom(SCAM, 'en');
    // The shape rows had before this version: reasons without params, no checked_refs.
    const { checked_refs: _refs, locale: _locale, ...old } = english;
    const legacy = {
      ...old,
      reasons: english.reasons.map(({ code, message }) => ({ code, message })),
    };
    await db()
      .insertInto('protect_share')
      .values({
        token_hash: createHash('sha256').update('legacy-token-000000000000').digest('hex'),
        created_at: START,
        expires_at: START + DAY,
        result: JSON.stringify(legacy),
      })
      .execute();
    const read = await service.getShare('legacy-token-000000000000', 'es');
    const spanish = sharedFrom(SCAM, 'es');
    expect(read.locale).toBe('es');
    expect(read.next_steps).toEqual(spanish.next_steps);
    expect(read.checked).toEqual(english.checked);
    for (const [i, reason] of read.reasons.entries()) {
      const needsParams = english.reasons[i]?.params !== undefined;
      expect(reason.message).toBe(
        needsParams ? english.reasons[i]?.message : spanish.reasons[i]?.message,
      );
      expect(reason.message).not.toMatch(/\{[a-z]+\}/i);
    }
  });

  it('stores only the hash of a share token, and audits the share without it', async () => {
    const { token } = await service.share(sharedFrom(SCAM), 'req-4');
    const rows = await db().selectFrom('protect_share').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const entry = (await fx.audit.entries()).entries[0];
    expect(entry).toMatchObject({ action: 'protect.share.created', requestId: 'req-4' });
    expect(entry?.canonical).not.toContain(token);
  });
});
