/**
 * The `detect` module: threat detection in logs with Sigma rules and anomaly scores
 * (`shieldwall detect scan`, `detect rules check`, `detect watch`), and the alert API under
 * /api/detect (list, read, change status, live stream).
 */
import type { ShieldwallModule } from '../platform/module.js';
import { registerDetectCommands } from './cli.js';
import { detectMigrations } from './watch/watch-tables.js';

/**
 * Check a detect webhook's signature on the receiving side (Standard Webhooks headers).
 *
 * @example
 * if (!verifyWebhook(secret, req.headers, rawBody, Date.now() / 1000)) reply.code(401);
 */
export { verifyWebhook } from '../platform/net/webhook-signature.js';
export type { LogEvent, LogSource } from './engine/event.js';
export type {
  Alert,
  CorrelationMatch,
  RuleInfo,
  RuleMatch,
  RuleProblem,
  SigmaRuleSet,
} from './engine/sigma/index.js';
export { detectErrors } from './errors.js';
/**
 * The alert `detect watch` raises, as the API, the bus and webhooks carry it; the bus subjects.
 *
 * @example
 * await bus.subscribe(ALERT_CREATED, (e) => { const alert = e.data as WatchAlert; });
 */
export {
  ALERT_CREATED,
  ALERT_STATUSES,
  ALERT_UPDATED,
  type AlertStatus,
  type WatchAlert,
} from './watch/watch-alert.js';

/**
 * The module as registered in `src/modules.ts`.
 *
 * @example
 * import { detectModule } from './detect/index.js';
 * const modules = [detectModule];
 */
export const detectModule: ShieldwallModule = {
  id: 'detect',
  title: 'Alerts from your logs',
  summary: 'Find signs of attack in your logs with thousands of community detection rules.',
  nav: true,
  migrations: detectMigrations,
  routes: async (app, platform, http) => {
    const [{ registerAlertRoutes }, { createAlertService }] = await Promise.all([
      import('./watch/alert-routes.js'),
      import('./watch/alert-service.js'),
    ]);
    registerAlertRoutes(app, {
      alerts: createAlertService(platform),
      eventStream: http.eventStream,
    });
  },
  commands: registerDetectCommands,
};

/**
 * Map one evtx_dump-shaped JSON record to a LogEvent with Sigma field names and logsources.
 *
 * @example
 * const event = windowsEventFromJson(record, { source: 'sysmon.json', line: 1 });
 */
export { windowsEventFromJson } from './engine/mapping/index.js';
/**
 * Compile Sigma rule documents (already parsed from YAML) into a rule set; feed it events.
 *
 * @example
 * const { documents } = await loadRules(['rules/']);
 * const set = compileRuleSet(documents);
 * const { matches } = set.feed(event);
 */
export { AlertAggregator, compileRuleSet } from './engine/sigma/index.js';
/**
 * Read every Sigma rule file under the given files/folders; per-file problems are returned.
 *
 * @example
 * const { documents, problems } = await loadRules(['/etc/shieldwall/rules']);
 */
export async function loadRules(
  ...args: Parameters<typeof import('./rules-loader.js').loadRules>
): ReturnType<typeof import('./rules-loader.js').loadRules> {
  // Loaded when called: it brings the YAML parser, which every CLI start would pay for otherwise.
  return (await import('./rules-loader.js')).loadRules(...args);
}
