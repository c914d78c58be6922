import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, ProblemList } from './verify-report.js';

describe('verify problem list', () => {
  it('merges consecutive entries with the same problem into one range', () => {
    const list = new ProblemList();
    list.add('entry_moved', 5, undefined, 'its record says entry 6');
    list.add('root_mismatch', 5);
    for (let i = 6; i <= 9; i++) {
      list.add('entry_moved', i);
      list.add('tree_unverified', i);
    }
    list.add('entry_moved', 12);
    expect(list.list().map((p) => [p.kind, p.index, p.lastIndex])).toEqual([
      ['entry_moved', 5, 9],
      ['root_mismatch', 5, undefined],
      ['tree_unverified', 6, 9],
      ['entry_moved', 12, undefined],
    ]);
    expect(list.list()[0]?.message).toBe(
      'Entries 5–9 are not where they were written: entries were reordered or renumbered.',
    );
  });

  it('caps the list and counts what it left out', () => {
    const list = new ProblemList();
    for (let i = 0; i < MAX_LISTED_PROBLEMS + 50; i++) list.add('content_modified', i * 2);
    expect(list.list()).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(list.omitted).toBe(50);
    expect(list.count).toBe(MAX_LISTED_PROBLEMS + 50);
  });
});
