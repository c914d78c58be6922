/**
 * The shapes shared by the email-domain health check: what a DNS look-up gave
 * back (the service does the I/O; the engine only reads these), the findings we
 * report, and the whole report. Pure data, so the web page can render a report
 * the server sent in the reader's own language.
 */

/** One DNS look-up as the engine sees it: the answers, or why there are none. */
export type LookupResult =
  | { readonly status: 'ok'; readonly records: readonly string[] }
  /** The name exists but has no records of this type, or does not exist (NXDOMAIN). */
  | { readonly status: 'none' }
  | { readonly status: 'timeout' }
  /** SERVFAIL, REFUSED, a malformed answer, a refused connection… `code` says which. */
  | { readonly status: 'error'; readonly code: string };

export interface MxHost {
  readonly priority: number;
  readonly exchange: string;
}

export type MxLookup =
  | { readonly status: 'ok'; readonly hosts: readonly MxHost[] }
  | Exclude<LookupResult, { status: 'ok' }>;

/** The MTA-STS policy file, when the caller asked us to fetch it. */
export type PolicyFetch =
  | { readonly status: 'not_fetched' }
  | { readonly status: 'ok'; readonly text: string }
  | { readonly status: 'error'; readonly reason: string };

/** Everything looked up for one domain; the input of {@link analyseDomain}. */
export interface DomainLookups {
  /** ASCII (punycode) form, lowercase, no trailing dot. */
  readonly domain: string;
  /** TXT at the domain itself (SPF lives here). */
  readonly txt: LookupResult;
  readonly mx: MxLookup;
  /** TXT at `_dmarc.<domain>`. */
  readonly dmarc: LookupResult;
  /** TXT at `_dmarc.<organizational domain>` when the domain is a subdomain without its own record. */
  readonly orgDmarc?: { readonly domain: string; readonly result: LookupResult };
  /** TXT at `<selector>._domainkey.<domain>`, by selector. */
  readonly dkim: Readonly<Record<string, LookupResult>>;
  /** TXT at each name an SPF include/redirect pointed to (fetched by the service, bounded). */
  readonly spfIncludes: Readonly<Record<string, LookupResult>>;
  readonly mtaSts: LookupResult;
  readonly mtaStsPolicy: PolicyFetch;
  readonly tlsRpt: LookupResult;
  readonly bimi: LookupResult;
}

export type Severity = 'critical' | 'warning' | 'info' | 'good';
/** Which record a finding is about; the web page groups by it. */
export type Area = 'lookup' | 'mx' | 'spf' | 'dmarc' | 'dkim' | 'mta-sts' | 'tls-rpt' | 'bimi';

/**
 * One thing we noticed. The words come from the message catalog: `key` names the
 * `<key>.title`, `<key>.meaning` and `<key>.fix` messages, filled with `params`.
 */
export interface Finding {
  readonly key: string;
  readonly area: Area;
  readonly severity: Severity;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A DNS record ready to paste into the domain's DNS settings. */
export interface RecordToPaste {
  readonly area: Area;
  /** Catalog key explaining what this record is for. */
  readonly purpose: string;
  readonly type: 'TXT' | 'MX' | 'FILE';
  /** Full name (`_dmarc.example.org`), or the https URL for a FILE. */
  readonly name: string;
  readonly value: string;
}

export interface PlanStage {
  readonly step: number;
  /** Catalog key: `domain.plan.<stage>.title|what|watch`. */
  readonly stage: 'monitor' | 'quarantine-25' | 'quarantine-100' | 'reject';
  readonly record: RecordToPaste;
  /** Shortest and usual time to watch reports before the next step, in days (0: stay). */
  readonly watchDays: readonly [number, number];
  readonly status: 'done' | 'current' | 'next' | 'later';
}

export interface DomainReport {
  readonly domain: string;
  /** The domain as people write it (IDN labels decoded). */
  readonly displayDomain: string;
  readonly findings: readonly Finding[];
  readonly records: readonly RecordToPaste[];
  readonly plan: readonly PlanStage[];
  /** The raw records we found, for people who want to see them. */
  readonly found: {
    readonly spf: readonly string[];
    readonly dmarc: readonly string[];
    readonly dkim: Readonly<Record<string, string>>;
    readonly mx: readonly MxHost[];
    readonly mtaSts: readonly string[];
    readonly tlsRpt: readonly string[];
    readonly bimi: readonly string[];
  };
  /** SPF DNS look-ups counted (the limit is 10), or null when there is no usable SPF record. */
  readonly spfLookups: number | null;
  /** True when a finding is a warning or worse (CLI exit 1). */
  readonly problem: boolean;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  critical: 0,
  warning: 1,
  info: 2,
  good: 3,
};

/** "Problem" = any finding of severity warning or worse. */
export function isProblem(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'critical' || f.severity === 'warning');
}
