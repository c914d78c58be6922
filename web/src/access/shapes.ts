import { isRecord, type Parser } from '../api.js';

/**
 * Small type guards for the access API's answers, so each answer is checked
 * once at the edge (like modules-api.ts does by hand) and typed from then on.
 * The shapes list only what the pages read; extra fields are ignored.
 */
export type Guard<T> = (value: unknown) => value is T;

export const str: Guard<string> = (v): v is string => typeof v === 'string';
export const bool: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
export const num: Guard<number> = (v): v is number => typeof v === 'number';

export const nullable =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (v): v is T | null =>
    v === null || guard(v);

export const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || guard(v);

export const arrayOf =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(guard);

export const oneOf =
  <T extends string>(...values: readonly T[]): Guard<T> =>
  (v): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

/** The type a guard checks for: `type Me = Of<typeof Me>`. */
export type Of<G> = G extends Guard<infer T> ? T : never;

type Shape = Record<string, Guard<unknown>>;
type Checked<S extends Shape> = {
  readonly [K in keyof S]: S[K] extends Guard<infer T> ? T : never;
};

export const object =
  <S extends Shape>(shape: S): Guard<Checked<S>> =>
  (v): v is Checked<S> =>
    isRecord(v) && Object.entries(shape).every(([key, guard]) => guard(v[key]));

/** A parser for api.ts-style calls: the value when it has the shape, else null. */
export const parserOf =
  <T>(guard: Guard<T>): Parser<T> =>
  (v) =>
    guard(v) ? v : null;

/** For answers with no body (204) or whose body the page does not need. */
export const ignoreBody: Parser<true> = () => true;
