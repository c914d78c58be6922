/**
 * The journal of the embedded bus (see local-bus.ts): the SQLite schema and the
 * prepared statements that append events, read them in pages, and keep durable
 * consumers' positions and leases.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { platformErrors } from '../errors.js';
import type { BusEvent, SubscribeOptions } from '../ports/bus.js';

/** Rows read per journal query, and events a durable consumer has in flight at most. */
export const PAGE = 256;

export interface Row {
  seq: number;
  subject: string;
  data: string;
  msg_id: string | null;
  time: number;
}
interface ConsumerRow {
  pattern: string;
  ack_floor: number;
  acked: string;
  owner: string | null;
  lease_until: number;
}
export interface Pending {
  subject: string;
  json: string;
  msgId: string | null;
  resolve(value: { seq: number }): void;
  reject(err: unknown): void;
}
export type Journal = ReturnType<typeof openJournal>;

const SCHEMA = `
create table if not exists bus_event (
  seq integer primary key autoincrement,
  subject text not null,
  data text not null,
  msg_id text unique,
  time integer not null
);
create table if not exists bus_consumer (
  name text primary key,
  pattern text not null,
  ack_floor integer not null,
  acked text not null default '[]',
  owner text,
  lease_until integer not null default 0
);`;

export function openJournal(file: string, busyTimeoutMs: number) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.transaction(() => db.exec(SCHEMA)).immediate();

  const insert = db.prepare<[string, string, string | null, number], { seq: number }>(
    'insert into bus_event (subject, data, msg_id, time) values (?, ?, ?, ?) on conflict (msg_id) do nothing returning seq',
  );
  const byMsgId = db
    .prepare<[string], number>('select seq from bus_event where msg_id = ?')
    .pluck();
  const head = db.prepare<[], number>('select coalesce(max(seq), 0) from bus_event').pluck();
  const page = db.prepare<[number, number], Row>(
    'select seq, subject, data, msg_id, time from bus_event where seq >= ? order by seq limit ?',
  );
  const consumer = db.prepare<[string], ConsumerRow>(
    'select pattern, ack_floor, acked, owner, lease_until from bus_consumer where name = ?',
  );
  const addConsumer = db.prepare<[string, string, number]>(
    'insert into bus_consumer (name, pattern, ack_floor) values (?, ?, ?)',
  );
  const take = db.prepare<[string, number, string]>(
    'update bus_consumer set owner = ?, lease_until = ? where name = ?',
  );
  const save = db.prepare<[number, string, string | null, number, string, string]>(
    'update bus_consumer set ack_floor = ?, acked = ?, owner = ?, lease_until = ? where name = ? and owner = ?',
  );
  const heldByOther = (row: ConsumerRow, owner: string, now: number) =>
    row.owner !== null && row.owner !== owner && row.lease_until > now;

  return {
    close: () => db.close(),
    head: () => head.get() ?? 0,
    readFrom: (seq: number, limit: number) => page.all(seq, limit),
    /** Append a batch in one transaction; a known msgId yields the stored event's seq. */
    append: db.transaction((batch: readonly Pending[], time: number) =>
      batch.map((p) => {
        const row = insert.get(p.subject, p.json, p.msgId, time);
        return row?.seq ?? byMsgId.get(p.msgId as string) ?? 0;
      }),
    ).immediate,
    /** Create the durable consumer if it is new; refuse a different pattern for an existing one. */
    ensureConsumer: db.transaction(
      (name: string, pattern: string, from: SubscribeOptions['from']) => {
        const row = consumer.get(name);
        if (row === undefined) addConsumer.run(name, pattern, startSeq(from, head.get() ?? 0));
        else if (row.pattern !== pattern)
          throw platformErrors.create('conflict', {
            message: `Durable consumer ${name} already follows '${row.pattern}', not '${pattern}'.`,
          });
      },
    ).immediate,
    /** Take the lease when it is free, expired or ours; returns the saved position. */
    acquire(name: string, owner: string, now: number, leaseMs: number) {
      const peek = consumer.get(name); // read first: most polls find it held and write nothing
      if (peek === undefined || heldByOther(peek, owner, now)) return undefined;
      return db
        .transaction(() => {
          const row = consumer.get(name);
          if (row === undefined || heldByOther(row, owner, now)) return undefined;
          take.run(owner, now + leaseMs, name);
          return { floor: row.ack_floor, acked: JSON.parse(row.acked) as number[] };
        })
        .immediate();
    },
    /**
     * Save the position (and renew or release the lease); false when the lease is no longer ours.
     * Without an fsync of its own: a position lost to a power cut only means those events are
     * delivered again (delivery is at least once anyway), and the next event appended, which is
     * synced, carries it to disk. Several consumers saving every 50 ms each held the event loop
     * for an fsync (2–8 ms here) per save.
     */
    save(name: string, owner: string, floor: number, acked: number[], leaseUntil: number | null) {
      const next = leaseUntil === null ? null : owner;
      db.pragma('synchronous = NORMAL');
      try {
        const r = save.run(floor, JSON.stringify(acked), next, leaseUntil ?? 0, name, owner);
        return r.changes === 1;
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
  };
}

export function startSeq(from: SubscribeOptions['from'], head: number): number {
  if (from === 'all') return 1;
  if (from !== undefined && from !== 'new') return Math.min(from.seq, head + 1);
  return head + 1;
}

export function toEvent(row: Row): BusEvent {
  const event = {
    subject: row.subject,
    seq: row.seq,
    time: new Date(row.time).toISOString(),
    data: JSON.parse(row.data) as unknown,
  };
  return row.msg_id === null ? event : { ...event, msgId: row.msg_id };
}
