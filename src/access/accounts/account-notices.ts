/**
 * The mail the accounts part sends, in plain words and in the reader's language. Each security
 * notice says what happened, when, from where, and what to do if it was not you.
 */
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import { type MailKey, mailMessages as m, mailTime } from './mail-messages.js';
import type { MailMessage } from './mailer.js';

export interface NoticeSite {
  readonly siteName: string;
  readonly appUrl: string;
}

/** What a security-change notice reports: a catalog sentence and its placeholders. */
export interface Change {
  readonly key: Extract<MailKey, `change.${string}`>;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The sentence of a change in `locale` (also what a trusted contact is told). */
export const changeText = (locale: Locale, change: Change): string =>
  m.t(locale, change.key, change.params);

const notYou = (locale: Locale, site: NoticeSite) => m.t(locale, 'not_you', { app: site.appUrl });

export const notices = {
  verifyEmail: (
    site: NoticeSite,
    locale: Locale,
    to: string,
    name: string,
    token: string,
  ): MailMessage => ({
    to,
    subject: m.t(locale, 'verify_email.subject', { site: site.siteName }),
    text: m.t(locale, 'verify_email.text', {
      name,
      link: `${site.appUrl}/access/verify-email#token=${token}`,
    }),
  }),

  alreadyRegistered: (site: NoticeSite, locale: Locale, to: string): MailMessage => ({
    to,
    subject: m.t(locale, 'already_registered.subject', { site: site.siteName }),
    text: m.t(locale, 'already_registered.text', { app: site.appUrl }),
  }),

  newSignIn: (
    site: NoticeSite,
    locale: Locale,
    to: string,
    device: string,
    at: number,
  ): MailMessage => ({
    to,
    subject: m.t(locale, 'new_sign_in.subject', { site: site.siteName }),
    text: m.t(locale, 'new_sign_in.text', {
      device,
      when: mailTime(locale, at),
      not_you: notYou(locale, site),
    }),
  }),

  unusualHour: (site: NoticeSite, locale: Locale, to: string, at: number): MailMessage => ({
    to,
    subject: m.t(locale, 'unusual_hour.subject', { site: site.siteName }),
    text: m.t(locale, 'unusual_hour.text', { when: mailTime(locale, at), app: site.appUrl }),
  }),

  resetLink: (site: NoticeSite, locale: Locale, to: string, token: string): MailMessage => ({
    to,
    subject: m.t(locale, 'reset_link.subject', { site: site.siteName }),
    text: m.t(locale, 'reset_link.text', { link: `${site.appUrl}/access/reset#token=${token}` }),
  }),

  resetRefused: (
    site: NoticeSite,
    locale: Locale,
    to: string,
    why: Extract<MailKey, `refused.${string}`>,
  ): MailMessage => ({
    to,
    subject: m.t(locale, 'reset_refused.subject', { site: site.siteName }),
    text: m.t(locale, 'reset_refused.text', { why: m.t(locale, why), site: site.siteName }),
  }),

  securityChange: (
    site: NoticeSite,
    locale: Locale,
    to: string,
    change: Change,
    at: number,
  ): MailMessage => ({
    to,
    subject: m.t(locale, 'security_change.subject', { site: site.siteName }),
    text: m.t(locale, 'security_change.text', {
      what: changeText(locale, change),
      when: mailTime(locale, at),
      not_you: notYou(locale, site),
    }),
  }),
};
