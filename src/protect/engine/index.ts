/**
 * The scam checker's engine: pure TypeScript with no I/O, the same in Node
 * (CLI, server) and in the browser ("check on this device").
 */
export {
  type CheckLimits,
  createScamChecker,
  DEFAULT_CHECK_LIMITS,
  type ScamChecker,
  type ScamCheckerOptions,
} from './check/check.js';
export { type Combiner, DEFAULT_COMBINER, type KindWeights } from './check/combiner.js';
export { scoreIsShown } from './check/shown-score.js';
export { detectKind } from './detect-kind.js';
export {
  type CheckerMessageKey,
  checkerMessages,
  reasonKey,
  renderMessage,
  stepKey,
} from './i18n/checker-messages.js';
export {
  localizeLines,
  localizeReason,
  localizeResult,
  localizeStep,
} from './i18n/localize-result.js';
export * from './types.js';
