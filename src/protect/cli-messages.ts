/**
 * The words of `shieldwall check`'s human output, per language. The reasons,
 * next steps and "what was checked" lines come from the engine already in the
 * result's language; these are the labels around them.
 */
import {
  defineMessages,
  type Locale,
  negotiateLocale,
} from '../platform/engine-kit/i18n/messages.js';

const en = {
  'verdict.scam': 'Scam — do not reply or click.',
  'verdict.suspicious': 'Suspicious — be careful.',
  'verdict.no_signs': 'No signs of a scam found (this is not a guarantee).',
  score: 'Scam score: {percent}',
  score_under: 'under 1%',
  score_over: 'over 99%',
  looks_like: 'looks like {category}',
  why: 'Why:',
  what_to_do: 'What to do now:',
  what_was_checked: 'What was checked (as {kind}):',
  too_long: '(It was too long: only the first part was read.)',
  not_read: 'What could not be read:',
  'category.delivery': 'a parcel or delivery scam',
  'category.bank_payment': 'a bank or payment scam',
  'category.account_takeover': 'an attempt to take over your account',
  'category.government_impersonation': 'someone pretending to be the government',
  'category.tech_support': 'a fake tech support scam',
  'category.prize_lottery': 'a prize or lottery scam',
  'category.job_task': 'a job or task scam',
  'category.investment_crypto': 'an investment or crypto scam',
  'category.romance': 'a romance scam',
  'category.invoice_bec': 'a fake invoice or payment change',
  'category.marketing_spam': 'unwanted marketing (spam)',
  'category.other': 'another kind of scam',
  'kind.sms': 'a text message',
  'kind.email': 'an email',
  'kind.url': 'a link',
  'kind.phone': 'a phone number',
} as const;

export type CliMessageKey = keyof typeof en;

export const cliMessages = defineMessages<CliMessageKey>({
  en,
  es: {
    'verdict.scam': 'Estafa: no responda ni haga clic.',
    'verdict.suspicious': 'Sospechoso: tenga cuidado.',
    'verdict.no_signs': 'No encontramos señales de estafa (esto no es una garantía).',
    score: 'Puntuación de estafa: {percent}',
    score_under: 'menos del 1 %',
    score_over: 'más del 99 %',
    looks_like: 'parece {category}',
    why: 'Por qué:',
    what_to_do: 'Qué hacer ahora:',
    what_was_checked: 'Qué revisamos (como {kind}):',
    too_long: '(Era demasiado largo: solo leímos la primera parte).',
    not_read: 'Lo que no se pudo leer:',
    'category.delivery': 'una estafa de paquetes o envíos',
    'category.bank_payment': 'una estafa bancaria o de pagos',
    'category.account_takeover': 'un intento de quedarse con su cuenta',
    'category.government_impersonation': 'alguien que se hace pasar por el gobierno',
    'category.tech_support': 'una estafa de falso soporte técnico',
    'category.prize_lottery': 'una estafa de premios o lotería',
    'category.job_task': 'una estafa de empleo o de tareas pagadas',
    'category.investment_crypto': 'una estafa de inversión o de criptomonedas',
    'category.romance': 'una estafa romántica',
    'category.invoice_bec': 'una factura falsa o un cambio de datos de pago',
    'category.marketing_spam': 'publicidad no deseada (spam)',
    'category.other': 'otro tipo de estafa',
    'kind.sms': 'un mensaje de texto',
    'kind.email': 'un correo',
    'kind.url': 'un enlace',
    'kind.phone': 'un número de teléfono',
  },
});

/**
 * The language of the person at this terminal, from the POSIX locale variables
 * in their order of precedence (LC_ALL, LC_MESSAGES, LANG): `es_MX.UTF-8` → es;
 * `C`, `POSIX`, unset or a language we do not ship → English.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (value === undefined) return 'en';
  const tag = (value.split(/[.@]/)[0] ?? '').replace('_', '-');
  return negotiateLocale(tag);
}
