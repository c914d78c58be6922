/**
 * A trusted contact: a family member or carer a person names (on their own
 * account) to receive the alerts they choose — a new sign-in, a security change,
 * someone trying to recover the account. The contact gets mail and nothing
 * else: no access, no view of the account. They are told they were named, and
 * can stop the alerts themselves with a link.
 */

import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { Logger } from '../../platform/logger.js';
import type { Store } from '../../platform/ports/store.js';
import type { SessionAuth } from '../access-http.js';
import { accessErrors } from '../errors.js';
import type { AccountCore } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { normaliseEmail } from './account-input.js';
import { knownLocaleOfAddress, localeOf } from './account-language.js';
import type { AccountTables } from './account-tables.js';
import { mailMessages as m } from './mail-messages.js';
import type { MailMessage } from './mailer.js';
import type { RecoveryTables } from './recovery-tables.js';

export const CONTACT_ALERTS = [
  'new_sign_in',
  'security_change',
  'recovery_started',
  // From the protect module: the person got a scam verdict, or opened "I already clicked/paid".
  'scam_high_risk',
  'scam_recovery',
] as const;
export type ContactAlert = (typeof CONTACT_ALERTS)[number];

/** How long the contact's "stop these alerts" link works. */
const STOP_LINK_MS = 365 * 86_400_000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: names go into mail; no control characters
const CONTROL = /[\u0000-\u001f\u007f]/g;

export interface TrustedContact {
  readonly name: string;
  readonly email: string;
  readonly alerts: readonly ContactAlert[];
  readonly since: number;
}

/**
 * What happened, for the contact: a sentence for each language (the mail is written in the
 * contact's), or one English sentence from a caller that has no translations yet.
 */
export type AlertText = string | ((locale: Locale) => string);

/** Mail the person's trusted contact, when they have one who opted into `kind`. Never throws. */
export async function alertContact(
  core: AccountCore,
  userId: string,
  kind: ContactAlert,
  text: AlertText,
): Promise<void> {
  await sendContactAlert(
    {
      store: core.deps.store,
      logger: core.deps.logger,
      siteName: core.site.siteName,
      mail: (message) => core.mail(message),
    },
    userId,
    kind,
    text,
  );
}

/** What sending an alert needs, so modules other than accounts (protect) can send one too. */
export interface ContactAlertDeps {
  readonly store: Store;
  readonly logger: Pick<Logger, 'warn'>;
  readonly siteName: string;
  readonly mail: (message: MailMessage) => Promise<void>;
}

/** The alert kinds the person's trusted contact gets; empty when they have no contact. */
export async function contactAlertKinds(store: Store, userId: string): Promise<ContactAlert[]> {
  const row = await store
    .db<RecoveryTables>()
    .selectFrom('access_trusted_contact')
    .select('alerts')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? [] : (JSON.parse(row.alerts) as ContactAlert[]);
}

/** As alertContact; true when mail was queued (a contact who opted into `kind`). Never throws. */
export async function sendContactAlert(
  deps: ContactAlertDeps,
  userId: string,
  kind: ContactAlert,
  text: AlertText,
): Promise<boolean> {
  try {
    const row = await deps.store
      .db<RecoveryTables>()
      .selectFrom('access_trusted_contact')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (row === undefined || !(JSON.parse(row.alerts) as string[]).includes(kind)) return false;
    const user = await deps.store
      .db<AccountTables>()
      .selectFrom('access_user')
      .select(['display_name', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (user === undefined) return false;
    // The contact's own language when they have an account, else the person's.
    const locale = (await knownLocaleOfAddress(deps.store, row.email)) ?? localeOf(user);
    const names = { site: deps.siteName, name: user.display_name };
    await deps.mail({
      to: row.email,
      subject: m.t(locale, 'contact_alert.subject', names),
      text: m.t(locale, 'contact_alert.text', {
        ...names,
        contact: row.name,
        text: typeof text === 'string' ? text : text(locale),
      }),
    });
    return true;
  } catch (err) {
    deps.logger.warn({ err }, 'could not alert the trusted contact');
    return false;
  }
}

export function trustedContactUseCases(core: AccountCore) {
  const db = () => core.deps.store.db<RecoveryTables>();
  return {
    async trustedContact(session: SessionAuth): Promise<TrustedContact | null> {
      const row = await db()
        .selectFrom('access_trusted_contact')
        .selectAll()
        .where('user_id', '=', session.userId)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        name: row.name,
        email: row.email,
        alerts: JSON.parse(row.alerts) as ContactAlert[],
        since: Number(row.created_at),
      };
    },

    /** Name (or replace) the trusted contact; needs a recent step-up and tells the contact. */
    async setTrustedContact(
      session: SessionAuth,
      input: { name: string; email: string; alerts: readonly string[] },
      ctx: RequestContext,
    ): Promise<TrustedContact> {
      core.requireRecentAuth(session);
      const user = await core.user(session.userId);
      if (user === undefined) throw accessErrors.create('unauthenticated');
      const name = input.name.replace(CONTROL, '').trim().slice(0, 80);
      const email = normaliseEmail(input.email);
      if (name === '')
        throw accessErrors.create('invalid_input', {
          message: 'Give your contact’s name.',
          es: 'Escriba el nombre de su contacto.',
        });
      if (email === user.email)
        throw accessErrors.create('invalid_input', {
          message: 'Your trusted contact needs an address other than yours.',
          es: 'Su contacto de confianza necesita una dirección distinta de la suya.',
        });
      const alerts = [...new Set(input.alerts)].filter((a): a is ContactAlert =>
        (CONTACT_ALERTS as readonly string[]).includes(a),
      );
      if (alerts.length !== new Set(input.alerts).size)
        throw accessErrors.create('invalid_input', {
          message: `Alerts are any of: ${CONTACT_ALERTS.join(', ')}.`,
          es: `Los avisos pueden ser: ${CONTACT_ALERTS.join(', ')}.`,
        });
      const now = core.deps.now();
      await db()
        .deleteFrom('access_trusted_contact')
        .where('user_id', '=', session.userId)
        .execute();
      await db()
        .insertInto('access_trusted_contact')
        .values({
          user_id: session.userId,
          name,
          email,
          alerts: JSON.stringify(alerts),
          created_at: now,
        })
        .execute();
      await core.tokens.revokeAll(session.userId, 'contact_stop');
      const { token } = await core.tokens.issue(session.userId, 'contact_stop', STOP_LINK_MS);
      await core.audit({
        action: 'access.account.trusted_contact_set',
        userId: session.userId,
        data: { alerts },
        ctx,
      });
      const own = localeOf(user);
      const theirs = (await knownLocaleOfAddress(core.deps.store, email)) ?? own;
      const site = core.site.siteName;
      await core.mail({
        to: email,
        subject: m.t(theirs, 'contact_named.subject', { name: user.display_name, site }),
        text: m.t(theirs, 'contact_named.text', {
          contact: name,
          name: user.display_name,
          email: user.email,
          site,
          alerts: describeAlerts(theirs, alerts),
          link: `${core.site.appUrl}/access/trusted-contact/stop#token=${token}`,
        }),
      });
      await core.mail({
        to: user.email,
        subject: m.t(own, 'contact_set.subject', { site }),
        text: m.t(own, 'contact_set.text', {
          contact: name,
          contact_email: email,
          alerts: describeAlerts(own, alerts),
          app: core.site.appUrl,
        }),
      });
      return { name, email, alerts, since: now };
    },

    async removeTrustedContact(session: SessionAuth, ctx: RequestContext): Promise<void> {
      core.requireRecentAuth(session);
      const res = await db()
        .deleteFrom('access_trusted_contact')
        .where('user_id', '=', session.userId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0)
        throw accessErrors.create('not_found', {
          message: 'You have no trusted contact.',
          es: 'No tiene ningún contacto de confianza.',
        });
      await core.tokens.revokeAll(session.userId, 'contact_stop');
      await core.audit({
        action: 'access.account.trusted_contact_removed',
        userId: session.userId,
        ctx,
      });
    },

    /** The contact stops the alerts with the link from their mail (no account needed). */
    async stopContactAlerts(token: string, ctx: RequestContext): Promise<void> {
      const row = await core.tokens.find(token, 'contact_stop');
      if (row === undefined || !(await core.tokens.consume(row.id)))
        throw accessErrors.create('not_found', {
          message: 'This link does not work any more.',
          es: 'Este enlace ya no funciona.',
        });
      await db().deleteFrom('access_trusted_contact').where('user_id', '=', row.user_id).execute();
      await core.audit({
        action: 'access.account.trusted_contact_stopped',
        userId: row.user_id,
        ctx,
        anonymous: true,
      });
      const user = await core.user(row.user_id);
      if (user !== undefined) {
        const locale = localeOf(user);
        await core.mail({
          to: user.email,
          subject: m.t(locale, 'contact_stopped.subject'),
          text: m.t(locale, 'contact_stopped.text', { app: core.site.appUrl }),
        });
      }
    },
  };
}

/** The chosen alerts in words, `; `-separated, or "nothing yet". */
function describeAlerts(locale: Locale, alerts: readonly ContactAlert[]): string {
  return (
    alerts.map((kind) => m.t(locale, `describe.${kind}`)).join('; ') || m.t(locale, 'alerts.none')
  );
}
