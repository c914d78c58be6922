/**
 * The email-domain health check as a use case: look up everything about a
 * domain (bounded in names, concurrency and time), then let the pure engine
 * judge it. Never throws for DNS trouble: failed look-ups become findings.
 */
import {
  analyseDomain,
  COMMON_SELECTORS,
  type DomainLookups,
  type DomainReport,
  isSelector,
  KNOWN_SENDERS,
  type LookupResult,
  type PolicyFetch,
  parseSpf,
  spfRecordsOf,
  spfTargets,
} from '../engine/domain/index.js';
import { registrableDomain } from '../engine/url/public-suffix.js';
import type { DnsLookups } from './dns-lookups.js';
import { DOMAIN_INPUT_MESSAGES, domainErrors } from './domain-errors.js';
import { normalizeDomainInput } from './domain-name.js';
import type { PolicyFetcher } from './mta-sts-fetch.js';

/** SPF include/redirect names we follow at most (receivers stop at 10 look-ups; this leaves room to count past it). */
export const MAX_SPF_NAMES = 30;
/** Selectors a person may name in one check. */
export const MAX_USER_SELECTORS = 10;
/** Look-ups in flight at once for one check. */
const CONCURRENCY = 8;

export interface DomainCheckRequest {
  readonly domain: string;
  readonly selectors?: readonly string[];
  /** Fetch the MTA-STS policy file over https (a network call beyond DNS). */
  readonly fetchPolicy?: boolean;
}

export interface DomainCheckResult {
  readonly report: DomainReport;
  /** True when the domain's own TXT or its DMARC look-up failed: the report cannot be trusted. */
  readonly incomplete: boolean;
  /** Selectors tried, in order. */
  readonly selectors: readonly string[];
}

export interface DomainCheckDeps {
  readonly dns: DnsLookups;
  readonly fetchPolicy: PolicyFetcher;
  /** Today as YYYYMMDD, for the MTA-STS id we suggest. */
  readonly today: () => string;
  /** Bound on the whole check (default 20 s): look-ups not started by then count as timed out. */
  readonly deadlineMs?: number;
}

export function todayStamp(now: number): string {
  return new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
}

export function createDomainCheckService(deps: DomainCheckDeps) {
  return {
    async check(req: DomainCheckRequest): Promise<DomainCheckResult> {
      const parsed = normalizeDomainInput(req.domain);
      if (!parsed.ok)
        throw domainErrors.create('invalid_domain', {
          message: DOMAIN_INPUT_MESSAGES[parsed.reason],
        });
      const userSelectors = validSelectors(req.selectors ?? []);
      return runCheck(deps, parsed.ascii, userSelectors, req.fetchPolicy === true);
    },
  };
}

export type DomainCheckService = ReturnType<typeof createDomainCheckService>;

function validSelectors(selectors: readonly string[]): string[] {
  if (selectors.length > MAX_USER_SELECTORS)
    throw domainErrors.create('invalid_selector', {
      message: `At most ${MAX_USER_SELECTORS} DKIM selectors at a time.`,
    });
  const out: string[] = [];
  for (const raw of selectors) {
    const s = raw.trim().toLowerCase();
    if (!isSelector(s)) throw domainErrors.create('invalid_selector');
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

async function runCheck(
  deps: DomainCheckDeps,
  domain: string,
  userSelectors: string[],
  fetchPolicy: boolean,
): Promise<DomainCheckResult> {
  const stopAt = Date.now() + (deps.deadlineMs ?? 20_000);
  const pool = limitConcurrency(CONCURRENCY);
  const expired = (): boolean => Date.now() >= stopAt;
  const txt = (name: string): Promise<LookupResult> =>
    pool(() => (expired() ? Promise.resolve({ status: 'timeout' } as const) : deps.dns.txt(name)));

  const selectors = [
    ...userSelectors,
    ...COMMON_SELECTORS.filter((s) => !userSelectors.includes(s)),
  ];
  const [rootTxt, mx, dmarc, mtaSts, tlsRpt, bimi, ...dkimResults] = await Promise.all([
    txt(domain),
    pool(() => (expired() ? Promise.resolve({ status: 'timeout' } as const) : deps.dns.mx(domain))),
    txt(`_dmarc.${domain}`),
    txt(`_mta-sts.${domain}`),
    txt(`_smtp._tls.${domain}`),
    txt(`default._bimi.${domain}`),
    ...selectors.map((s) => txt(`${s}._domainkey.${domain}`)),
  ]);
  const dkim: Record<string, LookupResult> = {};
  selectors.forEach((s, i) => {
    dkim[s] = dkimResults[i] as LookupResult;
  });

  // Second round: what the first answers point to.
  const spfIncludes = await followSpf(rootTxt, txt);
  const extra = senderSelectors(spfIncludes, mx)
    .filter((s) => !(s in dkim))
    .slice(0, 8);
  const org = registrableDomain(domain);
  const needOrg = org !== domain && dmarc.status === 'none';
  const hasSts =
    mtaSts.status === 'ok' &&
    mtaSts.records.some((r) => r.trim().toLowerCase().startsWith('v=stsv1'));
  const [orgResult, policy, ...extraResults] = await Promise.all([
    needOrg ? txt(`_dmarc.${org}`) : Promise.resolve(undefined),
    fetchPolicy && hasSts && !expired()
      ? deps.fetchPolicy(domain)
      : Promise.resolve<PolicyFetch>({ status: 'not_fetched' }),
    ...extra.map((s) => txt(`${s}._domainkey.${domain}`)),
  ]);
  extra.forEach((s, i) => {
    dkim[s] = extraResults[i] as LookupResult;
  });

  const lookups: DomainLookups = {
    domain,
    txt: rootTxt,
    mx,
    dmarc,
    ...(orgResult === undefined ? {} : { orgDmarc: { domain: org, result: orgResult } }),
    dkim,
    spfIncludes,
    mtaSts,
    mtaStsPolicy: policy,
    tlsRpt,
    bimi,
  };
  const failed = (r: LookupResult) => r.status === 'timeout' || r.status === 'error';
  return {
    report: analyseDomain(lookups, { today: deps.today() }),
    incomplete: failed(rootTxt) || failed(dmarc),
    selectors: Object.keys(dkim),
  };
}

/** Breadth-first through include:/redirect= names, at most {@link MAX_SPF_NAMES} of them. */
async function followSpf(
  root: LookupResult,
  txt: (name: string) => Promise<LookupResult>,
): Promise<Record<string, LookupResult>> {
  const seen: Record<string, LookupResult> = {};
  const first = root.status === 'ok' ? spfRecordsOf(root.records)[0] : undefined;
  let frontier = first === undefined ? [] : spfTargets(parseSpf(first));
  let fetched = 0;
  for (let depth = 0; depth < 10 && frontier.length > 0; depth++) {
    const batch = [...new Set(frontier)].filter((n) => !(n in seen) && isLookupName(n));
    const take = batch.slice(0, Math.max(0, MAX_SPF_NAMES - fetched));
    fetched += take.length;
    const results = await Promise.all(take.map((n) => txt(n)));
    const next: string[] = [];
    take.forEach((name, i) => {
      const r = results[i] as LookupResult;
      seen[name] = r;
      const spf = r.status === 'ok' ? spfRecordsOf(r.records) : [];
      if (spf.length === 1) next.push(...spfTargets(parseSpf(spf[0] as string)));
    });
    frontier = next;
  }
  return seen;
}

/** Only names that could be DNS names: a hostile record cannot make us ask for garbage. */
function isLookupName(name: string): boolean {
  return name.length > 0 && name.length <= 253 && /^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9])?$/.test(name);
}

function senderSelectors(
  includes: Record<string, LookupResult>,
  mx: DomainLookups['mx'],
): string[] {
  const names = Object.keys(includes);
  const hosts = mx.status === 'ok' ? mx.hosts.map((h) => h.exchange) : [];
  const out: string[] = [];
  for (const s of KNOWN_SENDERS) {
    const used =
      names.some((n) => s.includes.some((k) => n === k || n.endsWith(`.${k}`))) ||
      hosts.some((h) => (s.mx ?? []).some((k) => h === k || h.endsWith(`.${k}`)));
    if (used) out.push(...s.selectors);
  }
  return [...new Set(out)];
}

/** Run at most `n` tasks at once. */
function limitConcurrency(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
