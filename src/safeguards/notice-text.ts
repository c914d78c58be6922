/**
 * What an owner is told when a lever on something of theirs is pulled or lifted, or their appeal
 * is decided, in plain words, in English and Spanish. Pure (no I/O): the webhook body carries
 * these sentences and the web page shows the same ones, so the two never say different things.
 */
import { defineMessages, type Locale } from '../platform/engine-kit/i18n/messages.js';

export const NOTICE_KINDS = [
  'lever.pulled',
  'lever.lifted',
  'appeal.granted',
  'appeal.denied',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The lever as its owner sees it in a notice (no evidence: the request ids are the operators'). */
export interface NoticeLever {
  readonly id: string;
  readonly kind: 'restrict' | 'friction' | 'revoke';
  readonly target: string;
  readonly tier: number | null;
  readonly mode: 'limits' | 'step-up' | null;
  readonly reason: string;
  /** ISO 8601, or null for "until lifted". */
  readonly expiresAt: string | null;
  readonly automatic: boolean;
}

export interface NoticeData {
  readonly lever: NoticeLever;
  /** Why it was lifted, or the reviewer's reason for an appeal's decision. */
  readonly note: string | null;
}

const en = {
  'who.org': 'your organization',
  'who.user': 'your account',
  'who.key': 'the API key {id}',
  'who.enduser': 'the end user "{id}" of your service',
  until: ' until {date}',
  'title.lever.pulled': 'A limit was put on {who}',
  'title.lever.lifted': 'The limit on {who} was lifted',
  'title.appeal.granted': 'Your appeal was accepted',
  'title.appeal.denied': 'Your appeal was not accepted',
  'effect.restrict': 'AI requests from {who} are served at access level {tier} at most{until}.',
  'effect.friction.limits': 'AI requests from {who} have lower rate limits{until}.',
  'effect.friction.step-up':
    'AI requests from {who} are paused{until} until you confirm who you are with the people who run this Shieldwall.',
  'effect.revoke': 'AI requests from {who} are refused{until}.',
  'why.manual': 'Reason given by the reviewer: {reason}',
  'why.automatic': 'Our safeguards did this automatically: {reason}',
  appeal_hint:
    'If you think this is a mistake, you can appeal once, in writing, from your Shieldwall page "Limits on your account".',
  lifted: 'AI requests from {who} work as before.',
  granted: 'The limit on {who} was lifted; AI requests work as before.',
  denied: 'The limit on {who} stays as it was.',
  note: 'Note: {note}',
} as const;

export type NoticeMessageKey = keyof typeof en;

export const noticeMessages = defineMessages<NoticeMessageKey>({
  en,
  es: {
    'who.org': 'su organización',
    'who.user': 'su cuenta',
    'who.key': 'la clave de API {id}',
    'who.enduser': 'el usuario final «{id}» de su servicio',
    until: ' hasta el {date}',
    'title.lever.pulled': 'Se puso un límite a {who}',
    'title.lever.lifted': 'Se quitó el límite a {who}',
    'title.appeal.granted': 'Su apelación fue aceptada',
    'title.appeal.denied': 'Su apelación no fue aceptada',
    'effect.restrict':
      'Las solicitudes de IA de {who} se atienden como máximo con el nivel de acceso {tier}{until}.',
    'effect.friction.limits': 'Las solicitudes de IA de {who} tienen límites más bajos{until}.',
    'effect.friction.step-up':
      'Las solicitudes de IA de {who} están en pausa{until} hasta que confirme su identidad con las personas que gestionan este Shieldwall.',
    'effect.revoke': 'Las solicitudes de IA de {who} se rechazan{until}.',
    'why.manual': 'Motivo indicado por quien lo revisó: {reason}',
    'why.automatic': 'Nuestras salvaguardas lo hicieron automáticamente: {reason}',
    appeal_hint:
      'Si cree que es un error, puede apelar una vez, por escrito, desde su página de Shieldwall «Límites en su cuenta».',
    lifted: 'Las solicitudes de IA de {who} funcionan como antes.',
    granted: 'Se quitó el límite a {who}; las solicitudes de IA funcionan como antes.',
    denied: 'El límite a {who} sigue como estaba.',
    note: 'Nota: {note}',
  },
});

/** "your organization", "the API key k_…" … for a canonical target. */
export function whoText(locale: Locale, target: string): string {
  const t = noticeMessages.t;
  if (target.startsWith('org:')) return t(locale, 'who.org');
  if (target.startsWith('user:')) return t(locale, 'who.user');
  if (target.startsWith('key:')) return t(locale, 'who.key', { id: target.slice(4) });
  const slash = target.indexOf('/');
  return t(locale, 'who.enduser', { id: slash < 0 ? target : target.slice(slash + 1) });
}

/** What the lever does, in one sentence. */
export function effectText(
  locale: Locale,
  lever: NoticeLever,
  formatDate: (iso: string) => string = (iso) => iso,
): string {
  const t = noticeMessages.t;
  const who = whoText(locale, lever.target);
  const until =
    lever.expiresAt === null ? '' : t(locale, 'until', { date: formatDate(lever.expiresAt) });
  if (lever.kind === 'restrict')
    return t(locale, 'effect.restrict', { who, tier: lever.tier ?? 0, until });
  if (lever.kind === 'friction')
    return t(
      locale,
      lever.mode === 'step-up' ? 'effect.friction.step-up' : 'effect.friction.limits',
      {
        who,
        until,
      },
    );
  return t(locale, 'effect.revoke', { who, until });
}

/** A notice's title and its sentences, in the reader's language. */
export function noticeText(
  locale: Locale,
  kind: NoticeKind,
  data: NoticeData,
  formatDate?: (iso: string) => string,
): { readonly title: string; readonly lines: readonly string[] } {
  const t = noticeMessages.t;
  const who = whoText(locale, data.lever.target);
  const note =
    data.note === null || data.note === '' ? [] : [t(locale, 'note', { note: data.note })];
  if (kind === 'lever.pulled')
    return {
      title: t(locale, 'title.lever.pulled', { who }),
      lines: [
        effectText(locale, data.lever, formatDate),
        t(locale, data.lever.automatic ? 'why.automatic' : 'why.manual', {
          reason: data.lever.reason,
        }),
        t(locale, 'appeal_hint'),
      ],
    };
  if (kind === 'lever.lifted')
    return {
      title: t(locale, 'title.lever.lifted', { who }),
      lines: [t(locale, 'lifted', { who }), ...note],
    };
  if (kind === 'appeal.granted')
    return {
      title: t(locale, 'title.appeal.granted'),
      lines: [t(locale, 'granted', { who }), ...note],
    };
  return {
    title: t(locale, 'title.appeal.denied'),
    lines: [t(locale, 'denied', { who }), ...note],
  };
}
