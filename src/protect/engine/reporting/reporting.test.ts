import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/engine-kit/i18n/messages.js';
import { CATEGORIES } from '../types.js';
import { PURPOSES, REGIONS } from './channel-types.js';
import { ALL_CHANNELS, channelsFor, knownCountries } from './find-channels.js';
import { reportingMessages } from './reporting-messages.js';

/** The 27 member states of the European Union (ISO 3166-1 alpha-2). */
const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

describe('reporting channels data', () => {
  it('every entry: unique id, country code, review date, https source, and a usable value for its kind', () => {
    const ids = ALL_CHANNELS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_CHANNELS) {
      const where = c.id;
      expect(c.id, where).toMatch(/^[a-z]{2}-[a-z0-9-]{2,40}$/);
      expect(c.id.slice(0, 2).toUpperCase(), where).toBe(c.country);
      expect(c.country, where).toMatch(/^[A-Z]{2}$/);
      expect(c.reviewed, where).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      expect(Number.isNaN(Date.parse(c.reviewed)), where).toBe(false);
      expect(new URL(c.source).protocol, where).toBe('https:');
      expect(c.name.trim(), where).not.toBe('');
      expect(PURPOSES, where).toContain(c.purpose);
      if (c.region !== undefined) expect(REGIONS, where).toContain(c.region);
      if (c.kind === 'web') expect(new URL(c.value).protocol, where).toBe('https:');
      if (c.kind === 'phone') expect(c.value, where).toMatch(/^[0-9][0-9 -]{1,18}[0-9]$/);
      if (c.kind === 'sms') expect(c.value, where).toMatch(/^[0-9][0-9 ]{2,14}[0-9]$/);
      if (c.kind === 'email')
        expect(c.value, where).toMatch(/^[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      for (const cat of c.categories ?? []) expect(CATEGORIES, where).toContain(cat);
      if (c.confidence !== 'high') expect(c.note, `${where}: say what is uncertain`).toBeTruthy();
    }
  });

  it('covers the countries the issue names, and every EU member state', () => {
    const known = knownCountries();
    for (const country of ['US', 'GB', 'CA', 'AU', 'IE', 'IN', ...EU])
      expect(known).toContain(country);
  });

  it('has the channels people are told about in public advice', () => {
    const values = (country: string) =>
      ALL_CHANNELS.filter((c) => c.country === country).map((c) => c.value);
    expect(values('US')).toEqual(
      expect.arrayContaining([
        'https://reportfraud.ftc.gov/',
        'https://www.ic3.gov/',
        '7726',
        'reportphishing@apwg.org',
      ]),
    );
    expect(values('GB')).toEqual(
      expect.arrayContaining(['report@phishing.gov.uk', '7726', '0300 123 2040']),
    );
    expect(values('CA')).toContain('7726');
    expect(values('AU')).toContain('0429 999 888');
    expect(values('IN')).toEqual(expect.arrayContaining(['1930', 'https://cybercrime.gov.in/']));
  });

  it('every purpose, region and caution has words in every language', () => {
    const keys = new Set<string>(reportingMessages.keys);
    for (const p of PURPOSES) expect(keys.has(`purpose.${p}`)).toBe(true);
    for (const r of REGIONS) expect(keys.has(`region.${r}`)).toBe(true);
    for (const locale of LOCALES)
      for (const key of reportingMessages.keys)
        expect(reportingMessages.catalogs[locale][key].trim()).not.toBe('');
  });
});

describe('channelsFor', () => {
  it('answers any case of a known country, in the person’s language, with the value filled in', () => {
    const r = channelsFor({ country: ' gb ' }, 'es');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.country).toBe('GB');
    const text = r.channels.find((c) => c.id === 'gb-7726');
    expect(text?.description).toContain('Reenvíe el SMS fraudulento al 7726');
    expect(r.channels.find((c) => c.id === 'gb-report-fraud')?.region).toBe(
      'Inglaterra, Gales e Irlanda del Norte',
    );
  });

  it('puts the channels most useful for the category first, and keeps the others', () => {
    const plain = channelsFor({ country: 'US' }, 'en');
    const crypto = channelsFor({ country: 'US', category: 'investment_crypto' }, 'en');
    if (!plain.ok || !crypto.ok) throw new Error('US must be known');
    expect(plain.channels[0]?.id).toBe('us-ftc');
    expect(crypto.channels[0]?.id).toBe('us-ic3');
    expect(crypto.channels).toHaveLength(plain.channels.length);
  });

  it('marks lower-confidence entries with a caution', () => {
    const r = channelsFor({ country: 'HR' }, 'en');
    if (!r.ok) throw new Error('HR must be known');
    expect(r.channels[0]).toMatchObject({ confidence: 'low', purpose: 'europol_list' });
    expect(r.channels[0]?.caution).toContain('not confirmed');
  });

  it('an unknown or malformed country is a result listing the known ones', () => {
    for (const country of ['ZZ', '', 'United States', '__proto__']) {
      const r = channelsFor({ country }, 'en');
      expect(r).toMatchObject({ ok: false, reason: 'unknown_country' });
      if (!r.ok) expect(r.known).toContain('US');
    }
  });
});
