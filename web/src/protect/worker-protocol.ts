import type { CheckInput, CheckResult } from './engine-types.js';

/** What the page asks the checker worker: check something, or just get ready. */
export type WorkerRequest =
  | { readonly type: 'check'; readonly id: number; readonly input: CheckInput }
  | { readonly type: 'warm'; readonly id: number };

/** The worker's answer to request `id`; `result` is null for `warm`. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: CheckResult | null }
  | { readonly id: number; readonly ok: false; readonly problem: 'load_failed' | 'check_failed' };
