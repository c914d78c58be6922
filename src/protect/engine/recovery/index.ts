/**
 * Recovery checklists ("I already clicked / paid / gave my code"): pure data and logic, the same
 * in Node and in the browser.
 */
export { buildChecklist, type Checklist } from './build-checklist.js';
export { type RecoveryMessageKey, recoveryMessages } from './recovery-messages.js';
export { RECOVERY_STEPS } from './recovery-steps.js';
export {
  type CountryCode,
  isWhatHappened,
  PAID,
  PRIORITIES,
  type Priority,
  type RecoverySituation,
  type RecoveryStep,
  type StepDefinition,
  WHAT_HAPPENED,
  type WhatHappened,
} from './recovery-types.js';
