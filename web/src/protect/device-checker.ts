import type { CheckInput, CheckResult } from './engine-types.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * Why a check on this device did not give a result: `problem` picks the words
 * for the person (`device.<problem>` in the page's catalog, in their language).
 */
export class DeviceCheckError extends Error {
  override readonly name = 'DeviceCheckError';
  constructor(readonly problem: 'load_failed' | 'check_failed') {
    super(`The check on this device failed: ${problem}`);
  }
}

const LOAD_FAILED = 'load_failed';
const CHECK_FAILED = 'check_failed';

interface Pending {
  resolve(result: CheckResult | null): void;
  reject(error: DeviceCheckError): void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The one worker, started on first use; a worker that failed is replaced next time. */
function started(): Worker {
  if (worker !== undefined) return worker;
  const created = new Worker(new URL('./check-worker.ts', import.meta.url), {
    type: 'module',
    name: 'scam-checker',
  });
  created.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else
      waiting.reject(
        new DeviceCheckError(reply.problem === 'load_failed' ? LOAD_FAILED : CHECK_FAILED),
      );
  });
  created.addEventListener('error', (event) => {
    // The worker's script could not load or crashed: fail what waits, start afresh next time.
    event.preventDefault();
    created.terminate();
    if (worker === created) worker = undefined;
    for (const waiting of pending.values()) waiting.reject(new DeviceCheckError(LOAD_FAILED));
    pending.clear();
  });
  worker = created;
  return created;
}

/** A request before it gets its id (Omit distributed over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(request: Unnumbered<WorkerRequest>): Promise<CheckResult | null> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      started().postMessage({ ...request, id });
    } catch {
      pending.delete(id);
      reject(new DeviceCheckError(LOAD_FAILED));
    }
  });
}

/**
 * Start loading the engine and models in the background (the person is about
 * to check something), so "Check it" answers quickly. Failures are ignored
 * here: the check itself reports them.
 */
export function warmUpDeviceChecker(): void {
  ask({ type: 'warm' }).catch(() => undefined);
}

/** Check on this device; nothing is sent anywhere. Rejects with a {@link DeviceCheckError}. */
export async function checkOnDevice(input: CheckInput): Promise<CheckResult> {
  const result = await ask({ type: 'check', input });
  if (result === null) throw new DeviceCheckError(CHECK_FAILED);
  return result;
}
