/**
 * The check every page's catalog gets before a browser starts: each language has every key of
 * the English catalog, none empty, with the same `{placeholders}`, and none left in English.
 */
import { expect } from 'vitest';
import { LOCALES } from '../../src/platform/engine-kit/i18n/messages.js';

/** The `{names}` a sentence fills, sorted. */
export const placeholders = (text: string) =>
  [...text.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort();

/**
 * Fails on the first key that is missing, empty, fills other names than the English, or is the
 * English sentence itself in another language (`same`: keys that are the same by nature, such as a
 * pattern of placeholders).
 */
export function expectCompleteCatalog(
  messages: { readonly catalogs: Readonly<Record<string, unknown>> },
  same: ReadonlySet<string> = new Set(),
): void {
  const en = messages.catalogs.en as Readonly<Record<string, string>>;
  for (const locale of LOCALES) {
    const catalog = messages.catalogs[locale] as Readonly<Record<string, string>>;
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const text = catalog[key] ?? '';
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key] ?? ''));
      if (locale !== 'en' && !same.has(key))
        expect(text, `${locale} ${key} is the English`).not.toBe(en[key]);
    }
  }
}
