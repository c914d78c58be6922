/**
 * The access engine: pure tier policy, authorization decision and key format.
 * Runs anywhere; the access service feeds it data from the store.
 */
export {
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  API_KEY_RANDOM_BYTES,
  type ApiKeyParts,
  formatApiKey,
  isApiKeyId,
  parseApiKey,
} from './api-key-format.js';
export {
  can,
  type Decision,
  hasCapability,
  ORG_ROLES,
  type OrgRole,
  type Principal,
  type Resource,
  roleAtLeast,
  scopeCapabilities,
} from './can.js';
export { DEFAULT_TIERS_YAML } from './default-tiers.js';
export { parseDuration } from './duration.js';
export {
  isCapabilityName,
  type PolicyProblem,
  type PolicyResult,
  parsePolicy,
  SECURITY_LEVELS,
  type SecurityLevel,
  securityMeets,
  type Tier,
  type TierPolicy,
  tierAt,
} from './policy.js';
