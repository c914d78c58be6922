/**
 * The Node side's one checker: the engine with the shipped models, built on
 * first use (reading and decoding the models takes ~100 ms, which the CLI
 * should only pay when it checks something).
 */
import { createScamChecker, type IndicatorMatcher, type ScamChecker } from './engine/index.js';
import { loadScamModelFiles } from './load-models.js';

let shipped: ScamChecker | undefined;

export function shippedChecker(): ScamChecker {
  shipped ??= createScamChecker({ models: loadScamModelFiles() });
  return shipped;
}

/** A checker with the shipped models that also looks indicators up in shared threat intelligence (the server's). */
export function checkerWithIntel(matcher: IndicatorMatcher): ScamChecker {
  return createScamChecker({ models: loadScamModelFiles(), matcher });
}
