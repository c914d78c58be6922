/**
 * `detect watch` as a service over the composed platform: inputs → watcher → sink. The sink
 * stores each alert, publishes it on the bus (`detect.alert.created` / `.updated`: the console's
 * live stream and the exchange's sightings follow them), and queues webhooks. Anomaly baselines
 * are loaded at start and saved every minute and at stop, so a restart does not warm up again.
 */
import type { Platform } from '../../platform/compose.js';
import type { Subscription } from '../../platform/ports/bus.js';
import {
  type AnomalyOptions,
  type AnomalyScorer,
  anomalyScorerFromJSON,
  createAnomalyScorer,
} from '../engine/anomaly/index.js';
import type { Level, SigmaRuleSet } from '../engine/sigma/index.js';
import type { InputProblem, LogFormat, SyslogListener } from '../inputs/index.js';
import type { AggregationOptions } from './alert-aggregation.js';
import { type AlertStore, createAlertStore } from './alert-store.js';
import { type AlertWatcher, createAlertWatcher, type WatchStats } from './alert-watcher.js';
import { type AlertWebhooks, createAlertWebhooks, type DeliveryOutcome } from './alert-webhooks.js';
import { ALERT_CREATED, ALERT_UPDATED, type WatchAlert } from './watch-alert.js';
import { followFile, type HostPort, listenSyslogOn } from './watch-inputs.js';

export interface WatchPlan {
  readonly files: readonly string[];
  readonly format: Exclude<LogFormat, 'evtx'>;
  readonly syslogUdp?: HostPort;
  readonly syslogTcp?: HostPort;
  readonly rules: SigmaRuleSet | null;
  readonly licenseOf: (ruleId: string, source: string) => string | null;
  readonly org: string | null;
  readonly minLevel: Level;
  /** null: no anomaly scoring (`--no-anomaly`). */
  readonly anomaly: AnomalyOptions | null;
  readonly webhooks?: {
    readonly urls: readonly string[];
    readonly secret: string;
    readonly allowInternal: boolean;
    readonly backoffMs?: number;
  };
  readonly aggregation?: AggregationOptions;
  readonly queueCapacity?: number;
  readonly pollMs?: number;
  readonly anomalySaveEveryMs?: number;
}

export interface WatchHooks {
  /** A new alert (repeats joining an open one are not announced again), before it is stored. */
  readonly onAlert?: (alert: WatchAlert) => void;
  readonly onProblem?: (problem: InputProblem) => void;
  readonly onWarning?: (message: string) => void;
}

export interface RunningWatch {
  readonly syslog: { readonly udpPort?: number; readonly tcpPort?: number };
  readonly anomalyResumed: boolean;
  stats(): WatchStats & { webhooks?: AlertWebhooks['stats'] };
  stop(): Promise<WatchStats>;
}

const stateName = (org: string | null) => (org === null ? 'server' : `org:${org}`);

async function loadScorer(
  store: AlertStore,
  plan: WatchPlan,
  warn: (m: string) => void,
): Promise<{ scorer: AnomalyScorer | null; resumed: boolean }> {
  if (plan.anomaly === null) return { scorer: null, resumed: false };
  const saved = await store.loadAnomalyState(stateName(plan.org)).catch((err: unknown) => {
    warn(`could not read the saved anomaly baselines (${(err as Error).message}); starting fresh`);
    return undefined;
  });
  if (saved !== undefined) {
    const r = anomalyScorerFromJSON(saved, plan.anomaly);
    if (r.ok) return { scorer: r.scorer, resumed: true };
    warn(`the saved anomaly baselines cannot be used (${r.error}); learning again from scratch`);
  }
  return { scorer: createAnomalyScorer(plan.anomaly), resumed: false };
}

export async function startWatch(
  platform: Pick<Platform, 'store' | 'bus'>,
  plan: WatchPlan,
  hooks: WatchHooks = {},
): Promise<RunningWatch> {
  const warn = hooks.onWarning ?? (() => {});
  const onProblem = hooks.onProblem ?? (() => {});
  const store = createAlertStore(platform.store);
  const { scorer, resumed } = await loadScorer(store, plan, warn);
  const webhooks =
    plan.webhooks === undefined || plan.webhooks.urls.length === 0
      ? undefined
      : createAlertWebhooks(
          {
            urls: plan.webhooks.urls,
            secret: plan.webhooks.secret,
            allowInternal: plan.webhooks.allowInternal,
            ...(plan.webhooks.backoffMs === undefined
              ? {}
              : { backoffMs: plan.webhooks.backoffMs }),
          },
          (url: string, outcome: DeliveryOutcome, final: boolean) =>
            // The URL's origin only: a path or query may carry a receiver's token.
            warn(
              `webhook to ${new URL(url).origin} failed (${outcome.error ?? 'unknown'})${final ? '; giving up on this alert' : '; will retry'}`,
            ),
        );

  const watcher: AlertWatcher = createAlertWatcher(
    {
      rules: plan.rules,
      anomaly: scorer,
      licenseOf: plan.licenseOf,
      org: plan.org,
      minLevel: plan.minLevel,
      ...(plan.aggregation === undefined ? {} : { aggregation: plan.aggregation }),
      ...(plan.queueCapacity === undefined ? {} : { queueCapacity: plan.queueCapacity }),
      onSinkError: (err, alert) =>
        warn(`alert ${alert.id} could not be stored or published: ${(err as Error).message}`),
    },
    {
      async created(alert) {
        // Shown and sent first: a database or bus that is down must not hide an alert from people.
        hooks.onAlert?.(alert);
        webhooks?.send(alert);
        await store.insert(alert);
        await platform.bus.publish(ALERT_CREATED, alert, { msgId: `created-${alert.id}` });
      },
      async updated(alert) {
        const stored = await store.update(alert);
        await platform.bus.publish(ALERT_UPDATED, stored);
      },
    },
  );

  // Someone acknowledged or resolved an alert (API, another process): new matches open a new one.
  const statusChanges: Subscription = await platform.bus.subscribe(
    ALERT_UPDATED,
    (event) => {
      const a = event.data as Partial<WatchAlert> | null;
      if (a !== null && typeof a.id === 'string' && a.status !== 'new') watcher.closeAlert(a.id);
    },
    { from: 'new' },
  );

  const listeners: SyslogListener[] = [];
  const abort = new AbortController();
  try {
    if (plan.syslogUdp !== undefined)
      listeners.push(await listenSyslogOn('udp', plan.syslogUdp, watcher.offer, onProblem));
    if (plan.syslogTcp !== undefined)
      listeners.push(await listenSyslogOn('tcp', plan.syslogTcp, watcher.offer, onProblem));
  } catch (err) {
    await Promise.all(listeners.map((l) => l.close()));
    await statusChanges.unsubscribe();
    await watcher.stop();
    throw err;
  }
  const followers = plan.files.map((f) =>
    followFile(f, abort.signal, watcher.put, {
      format: plan.format,
      onProblem,
      ...(plan.pollMs === undefined ? {} : { pollMs: plan.pollMs }),
    }).catch((err: unknown) => warn(`stopped following ${f}: ${(err as Error).message}`)),
  );

  const saveState = async () => {
    const state = watcher.anomalyState();
    if (state === undefined) return;
    await store
      .saveAnomalyState(stateName(plan.org), state)
      .catch((err: unknown) =>
        warn(`could not save the anomaly baselines: ${(err as Error).message}`),
      );
  };
  const saver = setInterval(() => void saveState(), plan.anomalySaveEveryMs ?? 60_000);
  saver.unref();

  let stopped: Promise<WatchStats> | undefined;
  return {
    syslog: {
      ...(listeners.find((l) => l.udpPort !== undefined)?.udpPort === undefined
        ? {}
        : { udpPort: listeners.find((l) => l.udpPort !== undefined)?.udpPort as number }),
      ...(listeners.find((l) => l.tcpPort !== undefined)?.tcpPort === undefined
        ? {}
        : { tcpPort: listeners.find((l) => l.tcpPort !== undefined)?.tcpPort as number }),
    },
    anomalyResumed: resumed,
    stats: () => ({
      ...watcher.stats(),
      ...(webhooks === undefined ? {} : { webhooks: { ...webhooks.stats } }),
    }),
    stop() {
      stopped ??= (async () => {
        abort.abort();
        await Promise.all(listeners.map((l) => l.close()));
        await Promise.all(followers);
        const stats = await watcher.stop();
        clearInterval(saver);
        await saveState();
        await statusChanges.unsubscribe();
        await webhooks?.close();
        return stats;
      })();
      return stopped;
    },
  };
}
