/**
 * Where to report a scam: one official channel (a website, a phone number, an SMS short code or an
 * email address) of one country, as data with the date someone last checked it and where.
 */
import type { Category } from '../types.js';

export const CHANNEL_KINDS = ['web', 'phone', 'sms', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * What the channel is for; the words people read are `purpose.<x>` in reporting-messages.ts, so
 * channels of many countries share one translated sentence.
 */
export const PURPOSES = [
  'fraud_report',
  'fraud_phone',
  'internet_crime',
  'police_cybercrime',
  'police_local',
  'forward_text',
  'forward_email',
  'identity_theft',
  'bank_hotline',
  'consumer_complaint',
  'phone_spam_complaint',
  'suspicious_communication',
  'advice_and_help',
  'scam_site_warning',
  'europol_list',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * How sure we are the entry is current: `high` (checked against the official page), `medium`
 * (official, but the exact page or number may have moved), `low` (a best pointer, e.g. "your
 * national police"; check before relying on it). People see the lower two marked.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** Part of a country a channel serves, when not all of it (`region.<x>` in the catalog). */
export const REGIONS = ['gb_ewni', 'gb_scotland'] as const;
export type Region = (typeof REGIONS)[number];

export interface ReportChannel {
  /** Stable, unique across all countries: `<country>-<short name>`, lower case. */
  readonly id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** The official name, never translated ("Report Fraud", "Pharos"). */
  readonly name: string;
  readonly purpose: Purpose;
  readonly kind: ChannelKind;
  /** https URL, phone number as written in its country, SMS short code, or email address. */
  readonly value: string;
  /** Scam categories this channel is most useful for; listed first for them. Absent: all. */
  readonly categories?: readonly Category[];
  readonly region?: Region;
  /** When a person last checked this entry against `source`, YYYY-MM-DD. */
  readonly reviewed: string;
  /** The official page that says this channel exists and how to use it. */
  readonly source: string;
  readonly confidence: Confidence;
  /** For maintainers: what is uncertain or worth re-checking (English, not shown to people). */
  readonly note?: string;
}

/** A country's channels in the order to try them. */
export interface CountryChannels {
  readonly country: string;
  readonly channels: readonly ReportChannel[];
}
