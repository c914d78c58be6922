/**
 * The Sigma rule engine (pure): parse rules (detection, correlation v2, filters), compile them to
 * predicates once, route events by logsource and literal index, correlate over time windows.
 *
 * @example
 * const set = compileRuleSet([{ source: 'r.yml', document: yamlDoc }]);
 * for (const event of events) for (const m of set.feed(event).matches) console.log(m.rule.title);
 */

export { type Alert, AlertAggregator, type AlertEvent } from './alert-aggregator.js';
export type { CorrelationLimits } from './correlation-engine.js';
export { DEFAULT_CORRELATION_LIMITS } from './correlation-engine.js';
export { logsourceFits } from './rule-router.js';
export {
  compileRuleSet,
  type ProcessResult,
  type RuleSetOptions,
  type SigmaRuleSet,
} from './sigma-engine.js';
export type { CompileOptions } from './sigma-field-item.js';
export type {
  CorrelationMatch,
  CorrelationType,
  Level,
  RuleInfo,
  RuleMatch,
  RuleProblem,
  SourcedDocument,
} from './sigma-types.js';
export { LEVELS } from './sigma-types.js';
