/**
 * The reporting channels of one country, in the person's language: the ones most useful for the
 * scam's category first, then the rest in the data's order. An unknown country is an expected
 * outcome (a result, not an exception) that lists the countries we know.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import type { Category } from '../types.js';
import type { ChannelKind, Confidence, Purpose, ReportChannel } from './channel-types.js';
import { EU_CHANNELS } from './channels-eu.js';
import { MAIN_CHANNELS } from './channels-main.js';
import { type ReportingMessageKey, reportingMessages } from './reporting-messages.js';

export const ALL_CHANNELS: readonly ReportChannel[] = [...MAIN_CHANNELS, ...EU_CHANNELS];

/** A channel as a person reads it. */
export interface ChannelView {
  readonly id: string;
  readonly name: string;
  readonly kind: ChannelKind;
  readonly value: string;
  readonly purpose: Purpose;
  /** What it is for and how to use it, in the person's language. */
  readonly description: string;
  /** The part of the country it serves, when not all of it. */
  readonly region?: string;
  readonly confidence: Confidence;
  /** Shown with `medium` and `low` entries: check before relying on it. */
  readonly caution?: string;
  readonly reviewed: string;
  readonly source: string;
}

export type ChannelsResult =
  | { readonly ok: true; readonly country: string; readonly channels: readonly ChannelView[] }
  | { readonly ok: false; readonly reason: 'unknown_country'; readonly known: readonly string[] };

/** Every country with at least one channel, sorted. */
export function knownCountries(channels: readonly ReportChannel[] = ALL_CHANNELS): string[] {
  return [...new Set(channels.map((c) => c.country))].sort();
}

/**
 * @example
 * const r = channelsFor({ country: 'gb', category: 'bank_payment' }, 'en');
 * if (r.ok) r.channels[0].name; // 'Stop Scams UK 159' (most useful for bank scams)
 */
export function channelsFor(
  query: { readonly country: string; readonly category?: Category },
  locale: Locale,
  channels: readonly ReportChannel[] = ALL_CHANNELS,
): ChannelsResult {
  const country = query.country.trim().toUpperCase();
  const own = channels.filter((c) => c.country === country);
  if (own.length === 0)
    return { ok: false, reason: 'unknown_country', known: knownCountries(channels) };
  const category = query.category;
  const fits = (c: ReportChannel) =>
    category !== undefined && c.categories?.includes(category) === true;
  const ordered = [...own.filter(fits), ...own.filter((c) => !fits(c))];
  return { ok: true, country, channels: ordered.map((c) => view(c, locale)) };
}

function view(c: ReportChannel, locale: Locale): ChannelView {
  const t = (key: string) =>
    reportingMessages.t(locale, key as ReportingMessageKey, { value: c.value });
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    value: c.value,
    purpose: c.purpose,
    description: t(`purpose.${c.purpose}`),
    ...(c.region === undefined ? {} : { region: t(`region.${c.region}`) }),
    confidence: c.confidence,
    ...(c.confidence === 'high' ? {} : { caution: t(`confidence.${c.confidence}`) }),
    reviewed: c.reviewed,
    source: c.source,
  };
}
