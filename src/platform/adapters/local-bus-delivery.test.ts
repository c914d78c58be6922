import { describe, expect, it } from 'vitest';
import { Signal, sharedPages } from './local-bus-delivery.js';
import type { Journal, Row } from './local-bus-journal.js';

/** A journal of `rows` that counts its page reads. */
function countingJournal(rows: Row[]) {
  const reads: number[] = [];
  const journal = {
    readFrom: (seq: number, limit: number) => {
      reads.push(seq);
      return rows.filter((r) => r.seq >= seq).slice(0, limit);
    },
  } as unknown as Journal;
  return { journal, reads };
}

const row = (seq: number): Row => ({ seq, subject: 's', data: '{}', msg_id: null, time: 0 });

describe('sharedPages', () => {
  it('serves tails woken at the same position with one read, and reads again elsewhere', () => {
    const rows = [row(1), row(2)];
    const { journal, reads } = countingJournal(rows);
    const news = new Signal();
    const page = sharedPages(journal, news);
    for (let tail = 0; tail < 100; tail++) expect(page(1).map((r) => r.seq)).toEqual([1, 2]);
    expect(reads).toEqual([1]);
    expect(page(2).map((r) => r.seq)).toEqual([2]);
    expect(reads).toEqual([1, 2]);
  });

  it('reuses an empty page only until the next news, so a new event is never missed', () => {
    const rows: Row[] = [];
    const { journal, reads } = countingJournal(rows);
    const news = new Signal();
    const page = sharedPages(journal, news);
    expect(page(1)).toEqual([]);
    expect(page(1)).toEqual([]);
    expect(reads).toEqual([1]);
    rows.push(row(1));
    news.notify();
    expect(page(1).map((r) => r.seq)).toEqual([1]);
    expect(reads).toEqual([1, 1]);
  });

  it('hands out a page read earlier as a prefix: the rest comes with the next position', () => {
    const rows = [row(1)];
    const { journal } = countingJournal(rows);
    const news = new Signal();
    const page = sharedPages(journal, news);
    expect(page(1).map((r) => r.seq)).toEqual([1]);
    rows.push(row(2)); // appended by another process, not yet announced here
    expect(page(1).map((r) => r.seq)).toEqual([1]);
    expect(page(2).map((r) => r.seq)).toEqual([2]);
  });
});
