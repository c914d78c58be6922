/**
 * Message catalogs: every sentence a person reads (reasons, next steps, checklists, page text) is
 * looked up by a stable key in the catalog of their language. Adding a language is a data change:
 * a catalog object per feature, registered in that feature's `defineMessages` call.
 *
 * Written here rather than taken from i18next or messageformat because the engines that use it run
 * in the browser bundle and in Node with no I/O, and all they need is `{name}` placeholders and a
 * fallback to English; plurals are separate keys (`…_one` / `…_other`) chosen with Intl.PluralRules.
 */

/** The languages Shieldwall ships complete. English is the fallback for any missing key. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Plain-language names for a language picker, each in its own language. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };

export type Catalog<K extends string> = Readonly<Record<K, string>>;
export type Params = Readonly<Record<string, string | number>>;

/** One feature's messages: English is complete by construction; other languages must be too (type-checked). */
export interface Messages<K extends string> {
  readonly keys: readonly K[];
  /** The message for `key` in `locale` with `{name}` placeholders filled; English when missing. */
  t(locale: Locale, key: K, params?: Params): string;
  /** Picks `key_one` or `key_other` by `count` under the locale's plural rules, with `{count}` filled. */
  plural(locale: Locale, key: string, count: number, params?: Params): string;
  readonly catalogs: Readonly<Record<Locale, Catalog<K>>>;
}

export function defineMessages<K extends string>(
  catalogs: Readonly<Record<Locale, Catalog<K>>>,
): Messages<K> {
  const keys = Object.keys(catalogs.en) as K[];
  const lookup = (locale: Locale, key: string): string | undefined =>
    (catalogs[locale] as Readonly<Record<string, string>> | undefined)?.[key] ??
    (catalogs.en as Readonly<Record<string, string>>)[key];
  return {
    keys,
    catalogs,
    t(locale, key, params) {
      const text = lookup(locale, key);
      if (text === undefined) throw new Error(`No message '${key}' in any catalog`);
      return params === undefined ? text : fill(text, params);
    },
    plural(locale, key, count, params) {
      const category = pluralCategory(locale, count);
      const text = lookup(locale, `${key}_${category}`) ?? lookup(locale, `${key}_other`);
      if (text === undefined) throw new Error(`No message '${key}_other' in any catalog`);
      return fill(text, { ...params, count });
    },
  };
}

/** Replaces `{name}` with params.name; an unknown placeholder stays visible rather than vanishing. */
export function fill(text: string, params: Params): string {
  return text.replace(/\{([a-zA-Z0-9_]{1,40})\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** One rules object per locale: building one costs about 12 µs, choosing with it under 1 µs. */
const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best shipped locale for an Accept-Language header or navigator.languages list
 * ("es-MX,es;q=0.9,en;q=0.8" → es). Bounded: looks at the first 20 entries only.
 */
export function negotiateLocale(preferences: string | readonly string[] | undefined): Locale {
  if (preferences === undefined) return DEFAULT_LOCALE;
  const entries = (
    typeof preferences === 'string' ? preferences.slice(0, 1000).split(',') : preferences
  )
    .slice(0, 20)
    .map((entry, index) => {
      const [tag = '', ...rest] = entry.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((e) => e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return entries.map((e) => e.base).find(isLocale) ?? DEFAULT_LOCALE;
}
