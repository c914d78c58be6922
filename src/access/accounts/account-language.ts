/**
 * The language an account's mail is written in. Set at sign-up from the language the request
 * negotiated (Accept-Language; the web UI sends the one chosen in its picker), changed on the
 * account page or by the picker while signed in, and read whenever mail goes to a person: a
 * trusted contact or an invited address gets their own account's language when they have one.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { Store } from '../../platform/ports/store.js';
import type { SessionAuth } from '../access-http.js';
import { accessErrors } from '../errors.js';
import type { AccountCore } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import type { AccountTables } from './account-tables.js';

/** The stored language, English when none is stored (older accounts, CLI-made ones). */
export function localeOf(row: { readonly locale: string | null } | undefined): Locale {
  const stored = row?.locale;
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

/** The language of the account with this id; English when there is none. */
export async function localeOfUser(store: Store, userId: string): Promise<Locale> {
  const row = await store
    .db<AccountTables>()
    .selectFrom('access_user')
    .select('locale')
    .where('id', '=', userId)
    .executeTakeFirst();
  return localeOf(row);
}

/**
 * The language of the account at this (lowercased) address, or undefined when the address has
 * no account or the account never chose one: the caller then picks the sender's language.
 */
export async function knownLocaleOfAddress(
  store: Store,
  email: string,
): Promise<Locale | undefined> {
  const row = await store
    .db<AccountTables>()
    .selectFrom('access_user')
    .select('locale')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return isLocale(row?.locale) ? row.locale : undefined;
}

export function languageUseCases(core: AccountCore) {
  return {
    /** The language the signed-in account's mail is written in. */
    async language(session: SessionAuth): Promise<Locale> {
      return localeOfUser(core.deps.store, session.userId);
    },

    /** Choose the language of the account's mail. Audited: it decides what the owner can read. */
    async setLanguage(
      session: SessionAuth,
      language: string,
      ctx: RequestContext,
    ): Promise<Locale> {
      if (!isLocale(language))
        throw accessErrors.create('invalid_input', {
          message: 'That language is not available. Choose en or es.',
          es: 'Ese idioma no está disponible. Elija en o es.',
        });
      const before = await localeOfUser(core.deps.store, session.userId);
      await core
        .db()
        .updateTable('access_user')
        .set({ locale: language })
        .where('id', '=', session.userId)
        .execute();
      if (before !== language)
        await core.audit({
          action: 'access.account.language_set',
          userId: session.userId,
          data: { from: before, to: language },
          ctx,
        });
      return language;
    },
  };
}
