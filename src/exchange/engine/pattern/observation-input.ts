/** The shape of the data patterns are matched against. */

/** A cyber-observable object (SCO) as JSON: `type` plus any properties. */
export interface Sco {
  readonly type: string;
  readonly [property: string]: unknown;
}

/**
 * One STIX `observed-data` object, reduced to what matching needs. `objects` maps an id to an
 * SCO: either the deprecated STIX 2.0 dictionary form (`"0"`, `"1"`, … with `_ref` values
 * pointing at those keys) or, for STIX 2.1, the SCOs of `object_refs` resolved by the caller and
 * keyed by their `id`. `_ref` / `_refs` properties are followed only within this map.
 */
export interface ObservedData {
  /** RFC 3339 UTC timestamp, e.g. `2016-04-06T19:58:16.000Z`. */
  readonly first_observed: string;
  readonly last_observed: string;
  /** How many times this was observed; each counts as a separate observation (≥ 1). */
  readonly number_observed: number;
  readonly objects: Readonly<Record<string, Sco>>;
}
