/**
 * What a trusted contact reads: the reason only — the kind of scam and, after a scam, what the
 * person may have done — built from codes, never from the message, link or phone number. Each
 * sentence is a function of the language: the access module mails it in the contact's own
 * language (their account's, else the person's).
 */
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { WhatHappened } from '../engine/recovery/index.js';
import type { Category } from '../engine/types.js';

const CATEGORY_WORDS: Readonly<Record<Locale, Readonly<Record<Category, string>>>> = {
  en: {
    delivery: 'a fake parcel-delivery message',
    bank_payment: 'a fake message from a bank or payment service',
    account_takeover: 'an attempt to take over one of their accounts',
    government_impersonation: 'someone pretending to be a government office',
    tech_support: 'a fake tech-support message',
    prize_lottery: 'a fake prize or lottery',
    job_task: 'a fake job offer',
    investment_crypto: 'a fake investment or cryptocurrency offer',
    romance: 'a romance scam',
    invoice_bec: 'a fake invoice or payment request',
    marketing_spam: 'unwanted marketing',
    other: 'a scam',
  },
  es: {
    delivery: 'un mensaje falso de entrega de paquetes',
    bank_payment: 'un mensaje falso de un banco o de un servicio de pagos',
    account_takeover: 'un intento de quedarse con una de sus cuentas',
    government_impersonation: 'alguien que se hace pasar por una oficina del gobierno',
    tech_support: 'un mensaje falso de soporte técnico',
    prize_lottery: 'un premio o una lotería falsos',
    job_task: 'una oferta de trabajo falsa',
    investment_crypto: 'una oferta falsa de inversión o de criptomonedas',
    romance: 'una estafa romántica',
    invoice_bec: 'una factura o una solicitud de pago falsas',
    marketing_spam: 'publicidad no deseada',
    other: 'una estafa',
  },
};

const WHAT_WORDS: Readonly<Record<Locale, Readonly<Record<WhatHappened, string>>>> = {
  en: {
    password: 'typed a password',
    card: 'given a bank card number',
    gift_card: 'paid by gift card',
    crypto: 'paid with cryptocurrency',
    bank_transfer: 'sent a bank transfer or instant payment',
    remote_access: 'let someone control their device',
    one_time_code: 'shared a one-time code',
    personal_details: 'given personal details',
    only_opened: 'only opened the message',
  },
  es: {
    password: 'escrito una contraseña',
    card: 'dado el número de una tarjeta bancaria',
    gift_card: 'pagado con tarjetas regalo',
    crypto: 'pagado con criptomonedas',
    bank_transfer: 'hecho una transferencia o un pago inmediato',
    remote_access: 'dejado que alguien controle su dispositivo',
    one_time_code: 'compartido un código de un solo uso',
    personal_details: 'dado datos personales',
    only_opened: 'solo abierto el mensaje',
  },
};

const NO_DETAIL: Readonly<Record<Locale, string>> = {
  en: 'been in touch with scammers',
  es: 'estado en contacto con estafadores',
};
const AND: Readonly<Record<Locale, string>> = { en: 'and', es: 'y' };

export function highRiskAlertText(category: Category, locale: Locale = 'en'): string {
  const what = CATEGORY_WORDS[locale][category];
  return locale === 'es'
    ? `Shieldwall detectó que un mensaje que revisó es muy probablemente una estafa: ${what}. Hable con esa persona antes de que responda, haga clic o pague.`
    : `Shieldwall found that a message they checked is very likely a scam: ${what}. Please check in with them before they reply, click or pay.`;
}

export function recoveryAlertText(
  what: readonly WhatHappened[],
  category?: Category,
  locale: Locale = 'en',
): string {
  const about = CATEGORY_WORDS[locale][category ?? 'other'];
  const did = what.map((w) => WHAT_WORDS[locale][w]);
  const list =
    did.length <= 1
      ? (did[0] ?? NO_DETAIL[locale])
      : `${did.slice(0, -1).join(', ')} ${AND[locale]} ${did.at(-1)}`;
  return locale === 'es'
    ? `Pidió ayuda a Shieldwall después de ${about}: puede que haya ${list}. Shieldwall le dio una lista de lo que tiene que hacer ahora. Llámele y ayúdele a seguirla.`
    : `They asked Shieldwall for help after ${about}: they may have ${list}. Shieldwall gave them a checklist of what to do now. Please call them and help them through it.`;
}
