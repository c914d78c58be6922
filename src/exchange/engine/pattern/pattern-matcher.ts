/**
 * Evaluates a pattern against observed-data (STIX 2.1 §9, semantics of cti-pattern-matcher).
 *
 * An observed-data with `number_observed: n` counts as n interchangeable observations. Matching
 * means binding observations to the `[…]` leaves of the pattern so that every leaf's comparison
 * holds for its observation, AND / FOLLOWEDBY / REPEATS use distinct observations, FOLLOWEDBY
 * respects time order and WITHIN / START…STOP time windows hold.
 *
 * The search is depth-first with constraints checked as each observation is bound (see
 * binding-scopes.ts), copies of one observed-data are used in order, and repetitions are
 * ordered; a step budget bounds the work on adversarial inputs, and a result that ran out of
 * budget says so (`incomplete`) instead of guessing.
 */
import {
  AfterScope,
  LatestStartScope,
  RepetitionKeyScope,
  type Scope,
  StartStopScope,
  type TimedObservation,
  WithinScope,
} from './binding-scopes.js';
import { type ComparisonMatcher, compileComparison } from './comparison-eval.js';
import type { ObservedData } from './observation-input.js';
import type { ComparisonExpression, ObservationExpression, Pattern } from './pattern-ast.js';
import { parseStixTimestamp, secondsToNanos } from './stix-timestamp.js';

export interface MatchOptions {
  /** Candidate checks the search may make before giving up (default 1,000,000). */
  readonly maxSteps?: number;
}

export interface MatchResult {
  readonly matched: boolean;
  /** For a match: indices into the observations argument that the match used, ascending. */
  readonly bindings?: readonly number[];
  /** The budget ran out (or a binding would need over 500 observations) before an answer. */
  readonly incomplete?: boolean;
  /** Indices of observed-data skipped for invalid timestamps, number_observed or objects. */
  readonly ignored?: readonly number[];
}

const DEFAULT_MAX_STEPS = 1_000_000;
/** Deepest binding the recursive search builds; keeps the call stack far from its limit. */
const MAX_BINDING_SIZE = 500;
const EARLIEST = -(1n << 100n);

/**
 * Does the pattern match these observations? Throws PatternError only if a MATCHES or LIKE
 * operand cannot be compiled (`validatePattern` reports that in advance).
 */
export function matchPattern(
  pattern: Pattern,
  observations: readonly ObservedData[],
  options: MatchOptions = {},
): MatchResult {
  const ignored: number[] = [];
  const timed: (TimedObservation & { readonly count: number })[] = [];
  observations.forEach((o, i) => {
    const t = timedObservation(o);
    if (t === null) ignored.push(i);
    timed.push(t ?? { first: 0n, last: 0n, count: 0 });
  });
  const extra = ignored.length > 0 ? { ignored } : {};
  const total = timed.reduce((sum, t) => sum + t.count, 0);
  if (minimumLeaves(pattern) > total) return { matched: false, ...extra };
  const search = new BindingSearch(
    pattern,
    observations,
    timed,
    options.maxSteps ?? DEFAULT_MAX_STEPS,
  );
  const outcome = search.run();
  if (outcome === 'incomplete') return { matched: false, incomplete: true, ...extra };
  if (outcome === null) return { matched: false, ...extra };
  return { matched: true, bindings: outcome, ...extra };
}

function timedObservation(o: ObservedData): (TimedObservation & { count: number }) | null {
  if (typeof o !== 'object' || o === null) return null;
  const first = typeof o.first_observed === 'string' ? parseStixTimestamp(o.first_observed) : null;
  const last = typeof o.last_observed === 'string' ? parseStixTimestamp(o.last_observed) : null;
  const count = o.number_observed;
  const objectsOk =
    typeof o.objects === 'object' && o.objects !== null && !Array.isArray(o.objects);
  if (first === null || last === null || first > last || !objectsOk) return null;
  if (!Number.isSafeInteger(count) || count < 1) return null;
  return { first, last, count };
}

/** Fewest observations any match of `e` needs; a cheap early "no". */
function minimumLeaves(e: ObservationExpression): number {
  switch (e.kind) {
    case 'observation':
      return 1;
    case 'or':
      return Math.min(...e.operands.map(minimumLeaves));
    case 'and':
    case 'followedby':
      return e.operands.reduce((sum, o) => sum + minimumLeaves(o), 0);
    case 'qualified':
      return (e.qualifier.kind === 'repeats' ? e.qualifier.times : 1) * minimumLeaves(e.expression);
  }
}

/** Compiled comparison expressions, shared by every call that matches the same tree. */
const compiled = new WeakMap<ComparisonExpression, ComparisonMatcher>();

function matcherFor(e: ComparisonExpression): ComparisonMatcher {
  let m = compiled.get(e);
  if (m === undefined) {
    m = compileComparison(e);
    compiled.set(e, m);
  }
  return m;
}

class OutOfBudget {}

type Continuation = () => boolean;

class BindingSearch {
  private readonly candidates = new Map<ObservationExpression, number[]>();
  private readonly used: number[];
  private readonly chosen: number[] = [];
  private readonly scopes: Scope[] = [];
  private steps = 0;
  private found: number[] | null = null;

  constructor(
    private readonly pattern: Pattern,
    private readonly observations: readonly ObservedData[],
    private readonly timed: readonly (TimedObservation & { readonly count: number })[],
    private readonly maxSteps: number,
  ) {
    this.used = timed.map(() => 0);
  }

  run(): number[] | null | 'incomplete' {
    try {
      this.solve(this.pattern, () => {
        this.found = [...new Set(this.chosen)].sort((a, b) => a - b);
        return true;
      });
    } catch (e) {
      if (e instanceof OutOfBudget) return 'incomplete';
      throw e;
    }
    return this.found;
  }

  private solve(e: ObservationExpression, k: Continuation): boolean {
    switch (e.kind) {
      case 'observation':
        return this.leaf(e, k);
      case 'or':
        return e.operands.some((o) => this.solve(o, k));
      case 'and':
        return this.all(e.operands, 0, k);
      case 'followedby':
        return this.inOrder(e.operands, 0, EARLIEST, k);
      case 'qualified': {
        const q = e.qualifier;
        if (q.kind === 'repeats') return this.repeat(e.expression, q.times, 0, -1, k);
        const scope =
          q.kind === 'within'
            ? new WithinScope(secondsToNanos(q.seconds))
            : new StartStopScope(
                parseStixTimestamp(q.start) ?? 0n,
                parseStixTimestamp(q.stop) ?? 0n,
              );
        return this.scoped([scope], e.expression, k);
      }
    }
  }

  /** Solves `e` with `scopes` active for the observations bound inside it only. */
  private scoped(scopes: Scope[], e: ObservationExpression, k: Continuation): boolean {
    this.scopes.push(...scopes);
    const ok = this.solve(e, () => {
      this.scopes.length -= scopes.length;
      const done = k();
      this.scopes.push(...scopes);
      return done;
    });
    this.scopes.length -= scopes.length;
    return ok;
  }

  private all(operands: readonly ObservationExpression[], i: number, k: Continuation): boolean {
    const operand = operands[i];
    if (operand === undefined) return k();
    return this.solve(operand, () => this.all(operands, i + 1, k));
  }

  /** FOLLOWEDBY: operand i's observations must end no earlier than any earlier one began. */
  private inOrder(
    operands: readonly ObservationExpression[],
    i: number,
    bound: bigint,
    k: Continuation,
  ): boolean {
    const operand = operands[i];
    if (operand === undefined) return k();
    const latest = new LatestStartScope(bound);
    const scopes: Scope[] = i === 0 ? [latest] : [new AfterScope(bound), latest];
    return this.scoped(scopes, operand, () => this.inOrder(operands, i + 1, latest.latest, k));
  }

  private repeat(
    e: ObservationExpression,
    times: number,
    done: number,
    least: number,
    k: Continuation,
  ): boolean {
    if (done === times) return k();
    const key = new RepetitionKeyScope(least);
    return this.scoped([key], e, () => this.repeat(e, times, done + 1, key.first ?? least, k));
  }

  private leaf(e: ObservationExpression & { kind: 'observation' }, k: Continuation): boolean {
    const scopes = [...this.scopes];
    for (const index of this.candidatesFor(e)) {
      if (++this.steps > this.maxSteps) throw new OutOfBudget();
      const o = this.timed[index] as TimedObservation & { count: number };
      if ((this.used[index] as number) >= o.count) continue;
      if (!scopes.every((s) => s.admits(o, index))) continue;
      if (this.chosen.length >= MAX_BINDING_SIZE) throw new OutOfBudget();
      for (const s of scopes) s.push(o, index);
      this.used[index] = (this.used[index] as number) + 1;
      this.chosen.push(index);
      if (k()) return true;
      this.chosen.pop();
      this.used[index] = (this.used[index] as number) - 1;
      for (let j = scopes.length - 1; j >= 0; j--) (scopes[j] as Scope).pop();
    }
    return false;
  }

  /** Observed-data indices whose objects satisfy the leaf's comparison expression. */
  private candidatesFor(e: ObservationExpression & { kind: 'observation' }): number[] {
    let list = this.candidates.get(e);
    if (list === undefined) {
      const matcher = matcherFor(e.comparison);
      list = [];
      for (let i = 0; i < this.observations.length; i++) {
        const obs = this.observations[i] as ObservedData;
        if ((this.timed[i] as { count: number }).count > 0 && matcher(obs.objects).size > 0) {
          list.push(i);
        }
      }
      this.candidates.set(e, list);
    }
    return list;
  }
}
