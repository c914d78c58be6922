/**
 * The safeguards engine: pure, runs in Node and in the browser.
 */
export {
  type ClassifyOptions,
  classifyPrompt,
  promptText,
  type SafeguardsModel,
} from './classify-prompt.js';
export {
  enrichWithIntel,
  extractIntelIndicators,
  INTEL_WEIGHT,
  type IntelHit,
  type IntelIndicator,
  type IntelIndicatorType,
} from './intel-indicators.js';
export { loadSafeguardsModel } from './model/load-model.js';
export {
  DEFAULT_SAFEGUARD_POLICY,
  decide,
  type SafeguardPolicy,
  type Thresholds,
  type TierPolicy,
  validateSafeguardPolicy,
} from './safeguard-policy.js';
export * from './types.js';
