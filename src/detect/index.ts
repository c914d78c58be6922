/**
 * The `detect` module: threat detection in logs with Sigma rules (`shieldwall detect scan`,
 * `shieldwall detect rules check`). CLI only for now; no web page yet.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { registerDetectCommands } from './cli.js';

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
 * The module as registered in `src/modules.ts`.
 *
 * @example
 * import { detectModule } from './detect/index.js';
 * const modules = [detectModule];
 */
export const detectModule: ShieldwallModule = {
  id: 'detect',
  title: 'Detect threats in logs',
  summary: 'Find signs of attack in your logs with thousands of community detection rules.',
  nav: false,
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
export { loadRules } from './rules-loader.js';
