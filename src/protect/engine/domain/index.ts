/**
 * Email-domain health, the pure part: read SPF, DMARC, DKIM, MTA-STS, TLS-RPT and
 * BIMI records that the service looked up, and say in plain words what is wrong,
 * what to paste, and how to get to DMARC p=reject step by step.
 */
export { analyseDomain } from './analyse-domain.js';
export {
  type DomainMessageKey,
  domainMessages,
  findingText,
  stageText,
} from './domain-messages.js';
export type {
  Area,
  DomainLookups,
  DomainReport,
  Finding,
  LookupResult,
  MxHost,
  MxLookup,
  PlanStage,
  PolicyFetch,
  RecordToPaste,
  Severity,
} from './domain-types.js';
export { isProblem } from './domain-types.js';
export { MAX_POLICY_CHARS } from './mta-sts.js';
export { COMMON_SELECTORS, isSelector, KNOWN_SENDERS } from './senders.js';
export { parseSpf, spfRecordsOf, spfTargets } from './spf-record.js';
