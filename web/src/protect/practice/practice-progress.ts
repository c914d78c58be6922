import {
  EMPTY_PROGRESS,
  type PracticeProgress,
  parseProgress,
} from '../../../../src/protect/engine/practice/index.js';

/**
 * Practice progress lives only on this device (localStorage): practice needs no account, and
 * nobody else learns how someone did. Storage may be blocked or hold an old or edited record;
 * the engine validates what comes back and a failure just means starting afresh.
 */
const KEY = 'shieldwall.practice.v1';

export function loadProgress(): PracticeProgress {
  try {
    const text = window.localStorage.getItem(KEY);
    if (text === null || text.length > 200_000) return EMPTY_PROGRESS;
    return parseProgress(JSON.parse(text) as unknown);
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function saveProgress(progress: PracticeProgress): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Not remembered on this device (private mode, storage full); the practice still works.
  }
}

export function forgetProgress(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
