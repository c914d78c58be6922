/**
 * The levers in force, in memory, for the gateway's hot path: loaded from
 * `safeguards_lever` at start and kept current from `safeguards.lever.changed`
 * on the bus (NATS across instances; the local bus's journal across processes
 * on one data directory). A request costs at most four map reads.
 */
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import {
  inForce,
  LEVERS_PENDING,
  type Lever,
  type LeverSubject,
  type LeverVerdict,
  verdictFor,
} from './engine/lever-rules.js';
import { LEVER_CHANGED, toLever } from './lever-service.js';
import type { SafeguardsTables } from './safeguards-tables.js';

export interface LeverCache {
  /**
   * Subscribe, then load what is in force (so nothing published in between is missed).
   * The load is retried in the background until the store has the table (a server
   * starts listening before its migrations finish); until then `check` answers
   * `pending` and the gateway refuses with 503 rather than ignore a lever.
   */
  start(): Promise<void>;
  /** Resolves once the levers in force are loaded. */
  loaded(): Promise<void>;
  check(subject: LeverSubject): LeverVerdict;
  /** The levers in force on one canonical target. */
  on(target: string): readonly Lever[];
  /** How many levers are held (for tests and metrics). */
  size(): number;
  close(): Promise<void>;
}

export function createLeverCache(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly now: () => number;
  readonly logger: Pick<Logger, 'warn'>;
}): LeverCache {
  const byTarget = new Map<string, Lever[]>();
  const byId = new Map<string, Lever>();
  /** Ids an event already brought (in force or lifted), so the start-up load does not undo them. */
  const seen = new Set<string>();
  let loaded = false;
  let sub: Subscription | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let markLoaded: () => void = () => {};
  const whenLoaded = new Promise<void>((resolve) => {
    markLoaded = resolve;
  });

  function remove(id: string): void {
    const old = byId.get(id);
    if (old === undefined) return;
    byId.delete(id);
    const list = (byTarget.get(old.target) ?? []).filter((l) => l.id !== id);
    if (list.length === 0) byTarget.delete(old.target);
    else byTarget.set(old.target, list);
  }

  function put(l: Lever): void {
    remove(l.id);
    if (!inForce(l, deps.now())) return;
    byId.set(l.id, l);
    byTarget.set(l.target, [...(byTarget.get(l.target) ?? []), l]);
  }

  async function load(): Promise<void> {
    const rows = await deps.store
      .db<SafeguardsTables>()
      .selectFrom('safeguards_lever')
      .selectAll()
      .where('lifted_at', 'is', null)
      .execute();
    for (const r of rows) {
      const l = toLever(r);
      // An event may already have brought a newer state (a lift) of this lever.
      if (!seen.has(l.id)) put(l);
    }
    loaded = true;
    seen.clear();
    markLoaded();
  }

  function isLever(v: unknown): v is Lever {
    const l = v as Partial<Lever> | null;
    return (
      typeof l === 'object' &&
      l !== null &&
      typeof l.id === 'string' &&
      typeof l.target === 'string' &&
      typeof l.kind === 'string' &&
      Array.isArray(l.evidence)
    );
  }

  return {
    async start() {
      sub = await deps.bus.subscribe(LEVER_CHANGED, (event) => {
        if (isLever(event.data)) {
          if (!loaded) seen.add(event.data.id);
          put(event.data);
        } else deps.logger.warn({ seq: event.seq }, 'ignored a malformed lever event');
      });
      let delay = 50;
      const attempt = async (): Promise<void> => {
        if (closed) return;
        try {
          await load();
        } catch (err) {
          if (closed) return;
          // The first tries fail while a starting server migrates; say so only if it lasts.
          if (delay >= 1000)
            deps.logger.warn({ err, retryInMs: delay }, 'cannot load the levers yet; retrying');
          timer = setTimeout(() => void attempt(), delay);
          delay = Math.min(delay * 2, 1000);
        }
      };
      await attempt();
    },
    loaded: () => whenLoaded,
    check(subject) {
      return loaded ? verdictFor(byTarget, subject, deps.now()) : LEVERS_PENDING;
    },
    on(target) {
      const now = deps.now();
      return (byTarget.get(target) ?? []).filter((l) => inForce(l, now));
    },
    size: () => byId.size,
    async close() {
      closed = true;
      clearTimeout(timer);
      await sub?.unsubscribe();
      sub = undefined;
    },
  };
}
