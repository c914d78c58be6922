/**
 * STIX 2.1 objects for the exchange module: validation on the way in (every
 * problem with its path; a bundle's bad objects do not stop the rest) and TLP
 * 2.0 markings (TLP 1.0 accepted and mapped). Pure: runs in Node and the browser.
 *
 * @example
 * const { objects } = validateBundle(JSON.parse(body));
 * const accepted = objects.filter((r) => r.ok);
 * const tlp = tlpOf(accepted[0].object); // 'green'
 */
export {
  AI_ABUSE_ACTIONS,
  AI_ABUSE_EXTENSION_DEFINITION,
  AI_ABUSE_EXTENSION_ID,
  AI_ABUSE_SIGNATURE_TYPES,
  checkAiAbuseExtension,
} from './ai-abuse-extension.js';
export {
  COMMON_PROPERTIES,
  type PropertyRule,
  STIX_TYPES,
  type StixKind,
  type TypeSpec,
} from './stix-types.js';
export {
  TLP_LEVELS,
  TLP1_IDS,
  TLP2_IDS,
  type TlpLevel,
  tlpOf,
  tlpOfMarking,
  upgradeTlpMarkings,
} from './tlp.js';
export {
  type StixObject,
  type StixProblem,
  type ValidationResult,
  validateBundle,
  validateStixObject,
  validTimestamp,
} from './validate.js';
