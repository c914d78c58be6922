import { useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../../../src/platform/engine-kit/i18n/messages.js';
import {
  type ChannelView,
  channelsFor,
  knownCountries,
} from '../../../../src/protect/engine/reporting/index.js';
import { CATEGORIES, type Category } from '../../../../src/protect/engine/types.js';
import { AppLink } from '../../components/app-link.js';
import { CopyButton } from '../../components/copy-button.js';
import { Page } from '../../components/page.js';
import { useLocale } from '../../i18n/locale.js';
import { afterMessages } from './after-messages.js';
import { clickedPath } from './after-verdict-help.js';
import { telHref } from './checklist-view.js';
import { browserCountry, countryName, countryOptions, queryParam } from './countries.js';
import './after.css';

const COUNTRIES = knownCountries();

/**
 * /protect/report — where to report a scam: a country picker (defaulting from the browser's
 * language, e.g. en-GB → United Kingdom), then each official channel with one tap to open, call,
 * text or write, and to copy the number or address. Built from the engine's data on the device.
 */
export function ReportPage() {
  const locale = useLocale();
  const t = afterMessages.t;
  const category = useMemo(() => {
    const value = queryParam('category');
    return (CATEGORIES as readonly string[]).includes(value ?? '')
      ? (value as Category)
      : undefined;
  }, []);
  // The browser's country may be one we have no data for: say so kindly instead of hiding it.
  const [country, setCountry] = useState(
    () => queryParam('country')?.toUpperCase() ?? browserCountry() ?? '',
  );
  const result =
    country === ''
      ? undefined
      : channelsFor({ country, ...(category === undefined ? {} : { category }) }, locale);

  return (
    <Page title={t(locale, 'report.title')} lead={t(locale, 'report.lead')}>
      <div class="after-form">
        <label class="field-label field-label--large" for="report-country">
          {t(locale, 'report.country_label')}
        </label>
        <select
          id="report-country"
          class="field field--select"
          value={COUNTRIES.includes(country) ? country : ''}
          onChange={(e) => setCountry((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t(locale, 'report.country_none')}</option>
          {countryOptions(COUNTRIES, locale).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {result === undefined ? (
          <p class="notice">{t(locale, 'report.pick_first')}</p>
        ) : !result.ok ? (
          <p class="notice">{t(locale, 'report.unknown')}</p>
        ) : (
          <section aria-labelledby="report-channels-heading">
            <h2 id="report-channels-heading">
              {t(locale, 'report.channels_heading', {
                country: countryName(result.country, locale),
              })}
            </h2>
            <ul class="channels">
              {result.channels.map((channel) => (
                <ChannelCard key={channel.id} channel={channel} locale={locale} />
              ))}
            </ul>
          </section>
        )}
      </div>
      <p>
        <AppLink href={clickedPath(category)}>{t(locale, 'report.also_clicked')}</AppLink>
      </p>
    </Page>
  );
}

function ChannelCard({
  channel,
  locale,
}: {
  readonly channel: ChannelView;
  readonly locale: Locale;
}) {
  const t = afterMessages.t;
  const headingId = `channel-${channel.id}`;
  return (
    <li class="channel" aria-labelledby={headingId}>
      <h3 id={headingId} class="channel__name">
        {channel.name}
        {channel.region === undefined ? null : (
          <span class="channel__region"> — {channel.region}</span>
        )}
      </h3>
      <p>{channel.description}</p>
      {channel.caution === undefined ? null : <p class="channel__caution">{channel.caution}</p>}
      <div class="channel__actions">
        <ChannelAction channel={channel} locale={locale} />
        {channel.kind === 'web' ? null : (
          <CopyButton
            text={channel.value}
            label={t(locale, 'report.copy_label', { value: channel.value })}
            confirmation={t(locale, 'report.copied')}
          />
        )}
      </div>
      <p class="channel__meta">
        {t(locale, 'report.reviewed', { date: channel.reviewed })}{' '}
        <a href={channel.source} target="_blank" rel="noopener noreferrer">
          {t(locale, 'report.source')}
          <span class="visually-hidden">
            {' '}
            {channel.name} {t(locale, 'report.new_tab')}
          </span>
        </a>
      </p>
    </li>
  );
}

function ChannelAction({
  channel,
  locale,
}: {
  readonly channel: ChannelView;
  readonly locale: Locale;
}) {
  const t = afterMessages.t;
  switch (channel.kind) {
    case 'web':
      return (
        <a class="button" href={channel.value} target="_blank" rel="noopener noreferrer">
          {t(locale, 'report.open')}
          <span class="visually-hidden">
            {' '}
            {channel.name} {t(locale, 'report.new_tab')}
          </span>
        </a>
      );
    case 'phone':
      return (
        <a class="button" href={telHref(channel.value)}>
          {t(locale, 'report.call', { value: channel.value })}
        </a>
      );
    case 'sms':
      return (
        <a class="button" href={`sms:${channel.value.replace(/[^0-9+]/g, '')}`}>
          {t(locale, 'report.text', { value: channel.value })}
        </a>
      );
    case 'email':
      return (
        <a class="button" href={`mailto:${channel.value}`}>
          {t(locale, 'report.email', { value: channel.value })}
        </a>
      );
  }
}
