/**
 * A compiled rule set: detection rules (with the filters that name them), routed by logsource and
 * literal index, and correlation rules fed by their base rules' matches. Compile once, then feed
 * events in time order. Malformed documents are reported per file and rule; the rest load.
 */
import type { LogEvent } from '../event.js';
import {
  type CorrelationLimits,
  CorrelationState,
  DEFAULT_CORRELATION_LIMITS,
} from './correlation-engine.js';
import { CachedEventView } from './event-view.js';
import { logsourceFits, type RoutedRule, type RoutingStats, RuleRouter } from './rule-router.js';
import { compileDetection } from './sigma-compiler.js';
import { type CompileOptions, RuleCompileError } from './sigma-field-item.js';
import { type ParsedDocument, parseRuleDocument } from './sigma-rule-parser.js';
import type {
  CorrelationMatch,
  EventView,
  Predicate,
  RuleInfo,
  RuleMatch,
  RuleProblem,
  SourcedDocument,
} from './sigma-types.js';

export interface RuleSetOptions extends CompileOptions {
  readonly correlationLimits?: CorrelationLimits;
  /**
   * false: evaluate every rule of the event's logsource instead of only those whose literals
   * occur in the event (slower, same answers; a reference for tests). Default true.
   */
  readonly literalRouting?: boolean;
}

export interface ProcessResult {
  readonly matches: readonly RuleMatch[];
  readonly correlations: readonly CorrelationMatch[];
}

export interface SigmaRuleSet {
  /** Detection rules loaded (correlation and filter documents are counted apart). */
  readonly rules: readonly RuleInfo[];
  readonly correlations: readonly RuleInfo[];
  readonly filters: readonly RuleInfo[];
  readonly problems: readonly RuleProblem[];
  /** Matches of one event; correlations that fired because of it. Events in time order. */
  feed(event: LogEvent): ProcessResult;
  /** End of input: correlations that wait for their window to close ("fewer than"). */
  flush(): CorrelationMatch[];
  /** Events fed so far and rules evaluated for them (what the router did not prune). */
  routingStats(): RoutingStats;
}

const NO_MATCHES: readonly RuleMatch[] = Object.freeze([]);
const NO_CORRELATIONS: readonly CorrelationMatch[] = Object.freeze([]);
/** Most events have no match: they all share this one (frozen) result. */
const NOTHING: ProcessResult = Object.freeze({
  matches: NO_MATCHES,
  correlations: NO_CORRELATIONS,
});

function problem(source: string, doc: unknown, e: unknown): RuleProblem {
  const d = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  const name = typeof d.title === 'string' ? d.title : typeof d.id === 'string' ? d.id : undefined;
  const skipped = e instanceof RuleCompileError && e.skipped;
  const message = e instanceof Error ? e.message : String(e);
  return {
    source,
    ...(name === undefined ? {} : { rule: name }),
    message,
    severity: skipped ? 'skipped' : 'error',
  };
}

function viewFields(
  view: EventView,
  fields: readonly string[],
): Record<string, LogEvent['fields'][string]> {
  const out: Record<string, LogEvent['fields'][string]> = {};
  for (const f of fields) {
    const v = view.get(f);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** Compiles every document; never throws for bad rules (they land in `problems`). */
export function compileRuleSet(
  documents: readonly SourcedDocument[],
  options: RuleSetOptions = {},
): SigmaRuleSet {
  const problems: RuleProblem[] = [];
  const parsed: ParsedDocument[] = [];
  documents.forEach(({ source, document }, i) => {
    try {
      parsed.push(parseRuleDocument(document, source, `${source}#${i}`));
    } catch (e) {
      if (!(e instanceof RuleCompileError)) throw e;
      problems.push(problem(source, document, e));
    }
  });
  // Filters first: they change the predicate of the rules they name.
  const filtersFor = new Map<
    string,
    { logsource: RuleInfo['logsource']; predicate: Predicate }[]
  >();
  const filters: RuleInfo[] = [];
  for (const d of parsed) {
    if (d.kind !== 'filter') continue;
    try {
      const { predicate } = compileDetection(d.filter.detection, options);
      for (const ref of d.filter.rules) {
        const list = filtersFor.get(ref) ?? [];
        list.push({ logsource: d.info.logsource, predicate });
        filtersFor.set(ref, list);
      }
      filters.push(d.info);
    } catch (e) {
      if (!(e instanceof RuleCompileError)) throw e;
      problems.push({
        source: d.info.source,
        rule: d.info.title,
        message: e.message,
        severity: e.skipped ? 'skipped' : 'error',
      });
    }
  }
  const routed: RoutedRule[] = [];
  const seenIds = new Set<string>();
  for (const d of parsed) {
    if (d.kind !== 'detection') continue;
    try {
      if (seenIds.has(d.info.id))
        throw new RuleCompileError(`another rule already has the id ${d.info.id}`);
      const compiled = compileDetection(d.detection, options);
      const applicable = [
        ...(filtersFor.get(d.info.id) ?? []),
        ...(d.info.name === undefined ? [] : (filtersFor.get(d.info.name) ?? [])),
      ];
      let predicate = compiled.predicate;
      if (applicable.length > 0) {
        const base = predicate;
        predicate = (v) =>
          base(v) &&
          applicable.every(
            (f) => !v.event.logsources.some((s) => logsourceFits(f.logsource, s)) || f.predicate(v),
          );
      }
      seenIds.add(d.info.id);
      routed.push({
        info: d.info,
        predicate,
        requirements: compiled.requirements,
        fields: compiled.fields,
      });
    } catch (e) {
      if (!(e instanceof RuleCompileError)) throw e;
      problems.push({
        source: d.info.source,
        rule: d.info.title,
        message: e.message,
        severity: e.skipped ? 'skipped' : 'error',
      });
    }
  }
  // Correlations: which base rule (by id or name) feeds which correlation, at which position.
  const byRef = new Map<string, number>();
  routed.forEach((r, i) => {
    byRef.set(r.info.id, i);
    if (r.info.name !== undefined) byRef.set(r.info.name, i);
  });
  const states: CorrelationState[] = [];
  const feeds = new Map<number, { state: CorrelationState; position: number }[]>();
  const silent = new Set<number>();
  for (const d of parsed) {
    if (d.kind !== 'correlation') continue;
    const missing = d.correlation.rules.filter((ref) => !byRef.has(ref));
    if (missing.length > 0) {
      problems.push({
        source: d.info.source,
        rule: d.info.title,
        message: `correlation names rules that are not loaded: ${missing.join(', ')}`,
        severity: 'error',
      });
      continue;
    }
    const state = new CorrelationState(
      { info: d.info, spec: d.correlation },
      options.correlationLimits ?? DEFAULT_CORRELATION_LIMITS,
    );
    states.push(state);
    d.correlation.rules.forEach((ref, position) => {
      const r = byRef.get(ref) as number;
      const list = feeds.get(r) ?? [];
      list.push({ state, position });
      feeds.set(r, list);
      if (!d.correlation.generate) silent.add(r);
    });
  }
  const router = new RuleRouter(routed, { literals: options.literalRouting ?? true });
  // One view for the whole set, reset per event: feeding is synchronous and nothing keeps it.
  const view = new CachedEventView({ fields: {}, logsources: [], origin: { source: '' } });
  return {
    rules: routed.map((r) => r.info),
    correlations: states.map((s) => s.rule.info),
    filters,
    problems,
    feed(event) {
      view.reset(event);
      const hits = router.matching(view);
      if (hits.length === 0) return NOTHING;
      const matches: RuleMatch[] = [];
      const correlations: CorrelationMatch[] = [];
      // Correlation bookkeeping happens only here, for events a base rule matched.
      for (const i of hits) {
        const rule = routed[i] as RoutedRule;
        const fed = feeds.get(i);
        if (fed !== undefined)
          for (const { state, position } of fed) correlations.push(...state.add(event, position));
        if (!silent.has(i))
          matches.push({ rule: rule.info, event, fields: viewFields(view, rule.fields) });
      }
      return { matches, correlations };
    },
    flush: () => states.flatMap((s) => s.flush()),
    routingStats: () => router.stats,
  };
}
