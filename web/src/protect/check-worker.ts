/// <reference types="vite/client" />
/**
 * The scam checker on this device, in a Web Worker so a big email does not
 * freeze the page. The engine and the model files are loaded on the first
 * message (each its own chunk, fetched in parallel) and the checker is built
 * once. Nothing here talks to the network except to fetch those chunks.
 */
import type { ScamChecker } from '../../../src/protect/engine/index.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/** The few parts of the worker's global scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

/**
 * Every shipped `models/scam-<name>.json` (text, email, url, combiner…), keyed
 * by `<name>` as the server's loadScamModelFiles does, so the device and the
 * server run the same files and give the same answers. A lazy glob: each file
 * becomes its own chunk, loaded only here.
 */
const modelFiles = import.meta.glob<unknown>('../../../models/scam-*.json', { import: 'default' });

async function loadModels(): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(modelFiles).map(async ([path, load]) => {
      const name = /scam-([a-z]+)\.json$/.exec(path)?.[1];
      return name === undefined ? [] : [[name, await load()] as const];
    }),
  );
  return Object.fromEntries(entries.flat());
}

let checker: Promise<ScamChecker> | undefined;

function loadChecker(): Promise<ScamChecker> {
  checker ??= Promise.all([import('./scam-engine.js'), loadModels()]).then(([engine, models]) =>
    engine.createScamChecker({ models }),
  );
  // A failed download (offline, say) may work next time: do not keep the failure.
  checker.catch(() => {
    checker = undefined;
  });
  return checker;
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  void handle(request).then((reply) => scope.postMessage(reply));
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  let ready: ScamChecker;
  try {
    ready = await loadChecker();
  } catch {
    return { id: request.id, ok: false, problem: 'load_failed' };
  }
  if (request.type === 'warm') return { id: request.id, ok: true, result: null };
  try {
    return { id: request.id, ok: true, result: ready.check(request.input) };
  } catch {
    return { id: request.id, ok: false, problem: 'check_failed' };
  }
}
