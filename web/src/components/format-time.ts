import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';

/**
 * Dates as people read them where they are ("22 Nov 2025, 14:03:07", "22 nov 2025, 14:03:07"):
 * in the language chosen on the page, with the browser's own regional variant of it when it has
 * one (an English reader in the UK keeps day-month order; es-MX keeps its own), else the
 * language's default.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function regionalTag(locale: Locale): string | undefined {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
  return languages.find((tag) => tag.toLowerCase().split('-')[0] === locale);
}

export function formatTime(time: Date, locale: Locale): string {
  const tag = regionalTag(locale) ?? locale;
  let formatter = formatters.get(tag);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' });
    formatters.set(tag, formatter);
  }
  return formatter.format(time);
}

/** A whole number with the reader's digit grouping ("1,234", "1234" / "12.345"). */
export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(regionalTag(locale) ?? locale);
}
