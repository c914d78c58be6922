/**
 * The one shape every log input produces and every detector (Sigma rules, anomaly scores) reads.
 * Inputs (EVTX, JSON Lines, syslog, auth logs, web access logs) parse their format, flatten it to
 * Sigma's field names through a field-mapping pipeline, and say which Sigma logsource the event
 * belongs to, so the rule engine can route each event only to the rules that could match it.
 */

/** A field value after flattening: scalars, or a list (e.g. several hashes) of them. */
export type FieldScalar = string | number | boolean | null;
export type FieldValue = FieldScalar | readonly FieldScalar[];

/** Sigma's logsource triple; any part may be unknown. Values are lower-case. */
export interface LogSource {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

/** Where an event came from, so an alert can point a person at the exact line or record. */
export interface EventOrigin {
  /** The file, `syslog:udp://127.0.0.1:5514`, `stdin`, … */
  readonly source: string;
  /** 1-based line (text inputs) or record number (EVTX). */
  readonly line?: number;
}

export interface LogEvent {
  /** Flat Sigma field names (`EventID`, `Image`, `CommandLine`, `c-ip`, …) to values. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Every logsource this event belongs to (Sysmon EventID 1 is windows/process_creation and windows/sysmon). */
  readonly logsources: readonly LogSource[];
  /** When it happened, epoch milliseconds, if the input knows. */
  readonly time?: number;
  readonly origin: EventOrigin;
}
