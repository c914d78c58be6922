/**
 * The mail the accounts part sends, in plain words. Each security notice says
 * what happened, when, from where, and what to do if it was not you.
 */
import type { MailMessage } from './mailer.js';

export interface NoticeSite {
  readonly siteName: string;
  readonly appUrl: string;
}

const when = (ms: number) => new Date(ms).toUTCString();
const notYou = (site: NoticeSite) =>
  `If this was not you, reset your password at ${site.appUrl}/access/reset and review your signed-in sessions at ${site.appUrl}/access/security.`;

export const notices = {
  verifyEmail: (site: NoticeSite, to: string, name: string, token: string): MailMessage => ({
    to,
    subject: `Confirm your email address for ${site.siteName}`,
    text: `Hello ${name},\n\nPlease confirm this is your email address by opening this link within 24 hours:\n\n${site.appUrl}/access/verify-email#token=${token}\n\nIf you did not create an account, you can ignore this message.\n`,
  }),

  alreadyRegistered: (site: NoticeSite, to: string): MailMessage => ({
    to,
    subject: `Someone tried to create a ${site.siteName} account with your address`,
    text: `Someone tried to create a new account with this email address, but you already have one.\n\nIf it was you, sign in at ${site.appUrl}/access/sign-in, or reset your password at ${site.appUrl}/access/reset.\nIf it was not you, you do not need to do anything.\n`,
  }),

  newSignIn: (site: NoticeSite, to: string, device: string, at: number): MailMessage => ({
    to,
    subject: `New sign-in to your ${site.siteName} account`,
    text: `Your account was signed in to from a browser or network it has not been used from before:\n\n  ${device}\n  ${when(at)}\n\n${notYou(site)}\n`,
  }),

  resetLink: (site: NoticeSite, to: string, token: string): MailMessage => ({
    to,
    subject: `Reset your ${site.siteName} password`,
    text: `Someone (hopefully you) asked to reset the password of your account. Open this link within 30 minutes to choose a new one:\n\n${site.appUrl}/access/reset#token=${token}\n\nThe link works once. If you did not ask, ignore this message: your password stays as it is.\n`,
  }),

  resetRefused: (site: NoticeSite, to: string, why: string): MailMessage => ({
    to,
    subject: `Password reset for your ${site.siteName} account`,
    text: `Someone asked to reset the password of your account by email, but ${why}\n\nSign in with your passkey or security key instead. If you cannot, contact the people who run this ${site.siteName} server.\n`,
  }),

  securityChange: (site: NoticeSite, to: string, what: string, at: number): MailMessage => ({
    to,
    subject: `Security change on your ${site.siteName} account`,
    text: `${what}\n\n  ${when(at)}\n\n${notYou(site)}\n`,
  }),
};
