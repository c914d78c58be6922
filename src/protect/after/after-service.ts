/**
 * The use cases of "after a scam" that need no store: the recovery checklist for a situation and
 * the reporting channels of a country, with their input checked and errors as codes. Shared by
 * the routes and the CLI.
 */
import { type Locale, negotiateLocale } from '../../platform/engine-kit/i18n/messages.js';
import {
  buildChecklist,
  isWhatHappened,
  type RecoveryStep,
  WHAT_HAPPENED,
  type WhatHappened,
} from '../engine/recovery/index.js';
import { type ChannelView, channelsFor } from '../engine/reporting/index.js';
import { CATEGORIES, type Category } from '../engine/types.js';
import { afterErrors } from './after-errors.js';

export interface RecoveryAnswer {
  readonly what: readonly WhatHappened[];
  readonly country: string | null;
  readonly locale: Locale;
  readonly steps: readonly RecoveryStep[];
}

export interface ChannelsAnswer {
  readonly country: string;
  readonly locale: Locale;
  readonly channels: readonly ChannelView[];
}

/** `password, card` → ['password', 'card']; anything unknown is `what_invalid`, naming the choices. */
export function parseWhat(list: string | readonly string[]): WhatHappened[] {
  const items = (typeof list === 'string' ? list.slice(0, 400).split(',') : list.slice(0, 20))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');
  const unknown = items.filter((w) => !isWhatHappened(w));
  if (items.length === 0 || unknown.length > 0)
    throw afterErrors.create('what_invalid', {
      message: `${unknown.length > 0 ? `Not a choice: ${unknown.slice(0, 3).join(', ').slice(0, 80)}. ` : ''}Say what happened with one or more of: ${WHAT_HAPPENED.join(', ')}.`,
      details: { choices: [...WHAT_HAPPENED] },
    });
  return [...new Set(items as WhatHappened[])];
}

export function parseCategory(value: string | undefined): Category | undefined {
  if (value === undefined) return undefined;
  if ((CATEGORIES as readonly string[]).includes(value)) return value as Category;
  throw afterErrors.create('what_invalid', {
    message: `Unknown scam category. Use one of: ${CATEGORIES.join(', ')}.`,
  });
}

export function localeOf(explicit: Locale | undefined, acceptLanguage: string | undefined): Locale {
  return explicit ?? negotiateLocale(acceptLanguage);
}

export function recoveryChecklist(input: {
  what: string | readonly string[];
  country?: string | undefined;
  category?: string | undefined;
  locale: Locale;
}): RecoveryAnswer {
  const what = parseWhat(input.what);
  const category = parseCategory(input.category);
  const country = input.country?.trim().toUpperCase() || undefined;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country))
    throw afterErrors.create('unknown_country', {
      message: 'Give the country as a two-letter code, like US, GB or ES.',
    });
  const list = buildChecklist({ what, category, country }, input.locale);
  return { what: list.what, country: country ?? null, locale: input.locale, steps: list.steps };
}

export function reportChannels(input: {
  country: string;
  category?: string | undefined;
  locale: Locale;
}): ChannelsAnswer {
  const category = parseCategory(input.category);
  const result = channelsFor({ country: input.country.slice(0, 10), category }, input.locale);
  if (!result.ok)
    throw afterErrors.create('unknown_country', {
      message: `We have no reporting channels for "${input.country.slice(0, 10)}" yet. Known countries: ${result.known.join(', ')}.`,
      details: { known: result.known },
    });
  return { country: result.country, locale: input.locale, channels: result.channels };
}
