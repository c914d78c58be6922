/**
 * The engine's types, and only its types: the page's main bundle must not pull
 * in the engine's code (that lives in the worker's lazily loaded chunks).
 */
export type {
  CheckInput,
  CheckResult,
  Evidence as EngineEvidence,
  MessageKind,
  Verdict as EngineVerdict,
} from '../../../src/protect/engine/index.js';
