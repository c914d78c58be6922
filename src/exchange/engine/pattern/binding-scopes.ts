/**
 * Constraints that the binding search keeps while it assigns observations to the leaves of a
 * pattern. Each scope watches the observations chosen inside one part of the pattern and can
 * refuse a candidate as soon as it would break the constraint, which is what keeps the search
 * small (see pattern-matcher.ts). `push` and `pop` are strictly nested.
 */

export interface TimedObservation {
  readonly first: bigint;
  readonly last: bigint;
}

export interface Scope {
  admits(o: TimedObservation, index: number): boolean;
  push(o: TimedObservation, index: number): void;
  pop(): void;
}

const max = (a: bigint | null, b: bigint): bigint => (a === null || b > a ? b : a);
const min = (a: bigint | null, b: bigint): bigint => (a === null || b < a ? b : a);

/**
 * WITHIN: some window of the given length must touch every chosen observation's
 * [first_observed, last_observed], i.e. max(first) − min(last) ≤ window (cti-pattern-matcher).
 */
export class WithinScope implements Scope {
  private maxFirst: bigint | null = null;
  private minLast: bigint | null = null;
  private readonly saved: (bigint | null)[] = [];

  constructor(private readonly windowNs: bigint) {}

  admits(o: TimedObservation): boolean {
    return max(this.maxFirst, o.first) - min(this.minLast, o.last) <= this.windowNs;
  }

  push(o: TimedObservation): void {
    this.saved.push(this.maxFirst, this.minLast);
    this.maxFirst = max(this.maxFirst, o.first);
    this.minLast = min(this.minLast, o.last);
  }

  pop(): void {
    this.minLast = this.saved.pop() ?? null;
    this.maxFirst = this.saved.pop() ?? null;
  }
}

/**
 * START/STOP: each observation's interval must overlap [start, stop): touching `start` counts,
 * touching `stop` does not (cti-pattern-matcher).
 */
export class StartStopScope implements Scope {
  constructor(
    private readonly start: bigint,
    private readonly stop: bigint,
  ) {}

  admits(o: TimedObservation): boolean {
    return o.first < this.stop && o.last >= this.start;
  }

  push(): void {}
  pop(): void {}
}

/** FOLLOWEDBY, right side: each observation must end no earlier than the left side began. */
export class AfterScope implements Scope {
  constructor(private readonly bound: bigint) {}

  admits(o: TimedObservation): boolean {
    return o.last >= this.bound;
  }

  push(): void {}
  pop(): void {}
}

/** FOLLOWEDBY, left side: remembers the latest first_observed, the bound for the right side. */
export class LatestStartScope implements Scope {
  private readonly saved: bigint[] = [];

  constructor(public latest: bigint) {}

  admits(): boolean {
    return true;
  }

  push(o: TimedObservation): void {
    this.saved.push(this.latest);
    this.latest = max(this.latest, o.first);
  }

  pop(): void {
    this.latest = this.saved.pop() ?? this.latest;
  }
}

/**
 * REPEATS symmetry breaking: repetitions are interchangeable, so we only look for those whose
 * first chosen observed-data index does not decrease from one repetition to the next. Any set
 * of disjoint repetitions can be ordered that way, so no match is lost, and the search does not
 * try the n! orderings of the same repetitions.
 */
export class RepetitionKeyScope implements Scope {
  first: number | null = null;
  private readonly saved: (number | null)[] = [];

  constructor(private readonly least: number) {}

  admits(_o: TimedObservation, index: number): boolean {
    return this.first !== null || index >= this.least;
  }

  push(_o: TimedObservation, index: number): void {
    this.saved.push(this.first);
    if (this.first === null) this.first = index;
  }

  pop(): void {
    this.first = this.saved.pop() ?? null;
  }
}
