import type { Locale } from '../../../../src/platform/engine-kit/i18n/messages.js';

/**
 * Country names and the person's likely country, for the pickers. Names come from the browser
 * (Intl.DisplayNames) in the page's language, so adding a country is a data change only.
 */

/** `en-GB` → `GB`: the first of the browser's languages that names a region. */
export function browserCountry(
  languages: readonly string[] = navigator.languages,
): string | undefined {
  for (const tag of languages.slice(0, 20)) {
    const region = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)/.exec(tag)?.[1];
    if (region !== undefined) return region.toUpperCase();
  }
  return undefined;
}

export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The codes with their names, sorted by name in the page's language. */
export function countryOptions(
  codes: readonly string[],
  locale: Locale,
): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return codes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** `?category=delivery` and friends from the address bar. */
export function queryParam(name: string): string | undefined {
  const value = new URLSearchParams(window.location.search).get(name);
  return value === null || value === '' ? undefined : value.slice(0, 100);
}
