/**
 * The page's one call: GET /api/protect/domain-check. The answer carries every
 * sentence already rendered, but the page re-renders findings and the plan from
 * their keys, so switching language needs no new check.
 */
import { getJson, isRecord } from '../../api.js';

export interface WireFinding {
  readonly key: string;
  readonly area: string;
  readonly severity: 'critical' | 'warning' | 'info' | 'good';
  readonly params: Readonly<Record<string, string | number>>;
}

export interface WireRecord {
  readonly area: string;
  readonly type: 'TXT' | 'MX' | 'FILE';
  readonly name: string;
  readonly value: string;
  readonly purpose_key: string;
}

export interface WireStage {
  readonly step: number;
  readonly stage: 'monitor' | 'quarantine-25' | 'quarantine-100' | 'reject';
  readonly status: 'done' | 'current' | 'next' | 'later';
  readonly watch_days: readonly [number, number];
  readonly record: { readonly type: string; readonly name: string; readonly value: string };
}

export interface DomainCheckAnswer {
  readonly domain: string;
  readonly display_domain: string;
  readonly problem: boolean;
  readonly incomplete: boolean;
  readonly findings: readonly WireFinding[];
  readonly records: readonly WireRecord[];
  readonly plan: readonly WireStage[];
  readonly found: Readonly<Record<string, unknown>>;
}

function parseAnswer(value: unknown): DomainCheckAnswer | null {
  if (!isRecord(value)) return null;
  const ok =
    typeof value.domain === 'string' &&
    typeof value.display_domain === 'string' &&
    typeof value.problem === 'boolean' &&
    typeof value.incomplete === 'boolean' &&
    Array.isArray(value.findings) &&
    Array.isArray(value.records) &&
    Array.isArray(value.plan) &&
    isRecord(value.found);
  return ok ? (value as unknown as DomainCheckAnswer) : null;
}

export function checkDomain(
  domain: string,
  options: { selectors: readonly string[]; fetchPolicy: boolean; signal?: AbortSignal },
): Promise<DomainCheckAnswer> {
  const query = new URLSearchParams({ domain });
  if (options.selectors.length > 0) query.set('selectors', options.selectors.join(','));
  if (options.fetchPolicy) query.set('mta_sts_policy', 'true');
  return getJson(`/api/protect/domain-check?${query.toString()}`, parseAnswer, {
    // The server bounds a check at about 25 s; leave it room to answer.
    timeoutMs: 35_000,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}
