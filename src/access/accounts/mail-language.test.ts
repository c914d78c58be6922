/**
 * Mail in the reader's language: the account's language is set at sign-up from the request,
 * changed later, and used for every mail to that person; a trusted contact gets their own
 * account's language, else the person's; an invitation goes in the chosen language, else the
 * invitee's, else the inviter's. Read from the real outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../platform/engine-kit/i18n/messages.js';
import { createInvitations } from '../invitations.js';
import type { AccountTables } from './account-tables.js';
import { type MailKey, mailDay, mailMessages, mailTime } from './mail-messages.js';
import { createOutboxMailer } from './mailer.js';
import {
  type AccountsFixture,
  accountsFixture,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1';

describe('account mail in the person’s language', () => {
  let fx: AccountsFixture;
  beforeAll(async () => {
    fx = await accountsFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  /** Sign up in `locale`, confirm the address and sign in, as the fixture's signedIn does. */
  const signedInAs = async (email: string, locale: 'en' | 'es', name = 'Rosa') => {
    const ctx = { ...fx.ctx(), locale };
    await fx.accounts.signUp({ email, displayName: name, password: GOOD_PASSWORD }, ctx);
    await fx.accounts.verifyEmail(await fx.tokenFrom(email, '/access/verify-email'), ctx);
    const result = await fx.accounts.signIn({ email, password: GOOD_PASSWORD }, ctx);
    if (result.kind !== 'signed_in') throw new Error('expected a session');
    return {
      ctx,
      session: { userId: result.userId, sessionId: result.sessionId, authenticatedAt: fx.clock() },
    };
  };
  const storedLocale = async (email: string) =>
    (
      await fx.store
        .db<AccountTables>()
        .selectFrom('access_user')
        .select('locale')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).locale;

  it('stores the sign-up’s language and writes the confirmation mail in it', async () => {
    await signedInAs('rosa@example.org', 'es');
    expect(await storedLocale('rosa@example.org')).toBe('es');
    const [confirm] = await fx.mailTo('rosa@example.org');
    expect(confirm?.subject).toBe('Confirme su dirección de correo para Shieldwall');
    expect(confirm?.body).toContain('Hola, Rosa:');
    // The link is the same whatever the language.
    expect(confirm?.body).toMatch(/https:\/\/shieldwall\.test\/access\/verify-email#token=\S{43}/);
    expect(confirm?.body).not.toContain('Please confirm');

    await signedInAs('ann@example.org', 'en', 'Ann');
    expect(await storedLocale('ann@example.org')).toBe('en');
    const [english] = await fx.mailTo('ann@example.org');
    expect(english?.subject).toBe('Confirm your email address for Shieldwall');
    expect(
      english?.body.startsWith('Hello Ann,\n\nPlease confirm this is your email address'),
    ).toBe(true);
  });

  it('alerts a Spanish account about a new device in Spanish, with the time as a Spanish date', async () => {
    await signedInAs('lucia@example.org', 'es', 'Lucía');
    fx.clock.advance(60_000);
    await fx.accounts.signIn(
      { email: 'lucia@example.org', password: GOOD_PASSWORD },
      fx.ctx(IPHONE),
    );
    const alert = (await fx.mailTo('lucia@example.org')).at(-1);
    expect(alert?.subject).toBe('Nuevo inicio de sesión en su cuenta de Shieldwall');
    expect(alert?.body).toContain('Safari en iPhone, red ');
    expect(alert?.body).toContain(mailTime('es', fx.clock()));
    expect(alert?.body).toContain('Si no fue usted, restablezca su contraseña');
    expect(alert?.body).not.toMatch(/ GMT|If this was not you/);
  });

  it('sends the reset link in the account’s language', async () => {
    await signedInAs('pablo@example.org', 'es', 'Pablo');
    await fx.accounts.requestPasswordReset('pablo@example.org', fx.ctx());
    const reset = (await fx.mailTo('pablo@example.org')).at(-1);
    expect(reset?.subject).toBe('Restablezca su contraseña de Shieldwall');
    expect(reset?.body).toMatch(/https:\/\/shieldwall\.test\/access\/reset#token=\S{43}/);
  });

  it('follows a language change for later mail, and audits the change', async () => {
    const u = await signedInAs('marta@example.org', 'en', 'Marta');
    expect(await fx.accounts.setLanguage(u.session, 'es', u.ctx)).toBe('es');
    expect(await fx.accounts.language(u.session)).toBe('es');
    expect((await fx.accounts.overview(u.session)).language).toBe('es');
    await fx.accounts.requestPasswordReset('marta@example.org', fx.ctx());
    expect((await fx.mailTo('marta@example.org')).at(-1)?.subject).toBe(
      'Restablezca su contraseña de Shieldwall',
    );
    expect(await fx.auditText()).toMatch(
      /access\.account\.language_set[^\n]*"from":"en"[^\n]*"to":"es"/,
    );
    await expect(fx.accounts.setLanguage(u.session, 'fr', u.ctx)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await storedLocale('marta@example.org')).toBe('es');
  });

  it('writes to a trusted contact in their own account’s language, else the person’s', async () => {
    const u = await signedInAs('abuela@example.org', 'es', 'Carmen');
    // A contact with no account: the person's language (Spanish).
    await fx.accounts.setTrustedContact(
      u.session,
      { name: 'Diego', email: 'diego@example.org', alerts: ['new_sign_in', 'security_change'] },
      u.ctx,
    );
    const named = (await fx.mailTo('diego@example.org'))[0];
    expect(named?.subject).toBe('Carmen le eligió como contacto de confianza en Shieldwall');
    expect(named?.body).toContain('alguien inicia sesión desde un dispositivo nuevo');
    expect(named?.body).toMatch(/\/access\/trusted-contact\/stop#token=\S{43}/);
    expect((await fx.mailTo('abuela@example.org')).at(-1)?.subject).toBe(
      'Eligió un contacto de confianza en Shieldwall',
    );
    fx.clock.advance(60_000);
    await fx.accounts.signIn(
      { email: 'abuela@example.org', password: GOOD_PASSWORD },
      fx.ctx(IPHONE),
    );
    const alert = (await fx.mailTo('diego@example.org')).at(-1);
    expect(alert?.subject).toBe('Shieldwall: un aviso sobre la cuenta de Carmen');
    expect(alert?.body).toContain(
      'Un inicio de sesión desde un dispositivo que no se había usado antes: Safari en iPhone, red ',
    );

    // A contact with an English account: English, though the person reads Spanish.
    await signedInAs('tom@example.org', 'en', 'Tom');
    await fx.accounts.setTrustedContact(
      { ...u.session, authenticatedAt: fx.clock() },
      { name: 'Tom', email: 'tom@example.org', alerts: ['security_change'] },
      u.ctx,
    );
    expect((await fx.mailTo('tom@example.org')).at(-1)?.subject).toBe(
      'Carmen named you as a trusted contact on Shieldwall',
    );
    await fx.accounts.changePassword(
      { ...u.session, authenticatedAt: fx.clock() },
      'a brand new harbour lantern 77',
      u.ctx,
    );
    const change = (await fx.mailTo('tom@example.org')).at(-1);
    expect(change?.subject).toBe("Shieldwall: an alert about Carmen's account");
    expect(change?.body).toContain(
      'Your password was changed, and every other signed-in session was signed out.',
    );
    // …while Carmen herself is told in Spanish.
    expect((await fx.mailTo('abuela@example.org')).at(-1)?.body).toContain(
      'Se cambió su contraseña y se cerraron todas las demás sesiones abiertas.',
    );
  });

  it('accepts an English-only alert sentence from another module, inside the contact’s language', async () => {
    const { sendContactAlert } = await import('./trusted-contact.js');
    const u = await signedInAs('nieto@example.org', 'es', 'Iván');
    await fx.accounts.setTrustedContact(
      u.session,
      { name: 'Eva', email: 'eva@example.org', alerts: ['scam_high_risk'] },
      u.ctx,
    );
    const mailer = createOutboxMailer(fx.store, fx.logger, fx.clock);
    const deps = {
      store: fx.store,
      logger: fx.logger,
      siteName: 'Shieldwall',
      mail: (m: { to: string; subject: string; text: string }) => mailer.send(m),
    };
    expect(await sendContactAlert(deps, u.session.userId, 'scam_high_risk', 'Plain English.')).toBe(
      true,
    );
    expect((await fx.mailTo('eva@example.org')).at(-1)?.body).toContain('  Plain English.\n');
    expect(
      await sendContactAlert(deps, u.session.userId, 'scam_high_risk', (l) =>
        l === 'es' ? 'Frase en español.' : 'English sentence.',
      ),
    ).toBe(true);
    const last = (await fx.mailTo('eva@example.org')).at(-1);
    expect(last?.body).toContain('Hola, Eva:');
    expect(last?.body).toContain('  Frase en español.\n');
  });

  it('writes an invitation in the chosen language, else the invitee’s, else the inviter’s', async () => {
    const inviter = await signedInAs('jefa@example.org', 'es', 'Jefa');
    await signedInAs('empleado@example.org', 'en', 'Empleado');
    const org = await fx.access.directory.createOrg(
      { name: 'Panadería Sol', tier: 1 },
      { id: 'operator:test' },
    );
    const invitations = createInvitations({
      store: fx.store,
      audit: fx.audit,
      directory: fx.access.directory,
      mailer: () => createOutboxMailer(fx.store, fx.logger, fx.clock),
      now: fx.clock,
      baseUrl: 'https://shieldwall.test',
    });
    const actor = { id: `user:${inviter.session.userId}` };
    // No account, no choice: the inviter's language.
    await invitations.invite(org.id, 'nueva@example.org', 'member', actor);
    const invite = (await fx.mailTo('nueva@example.org'))[0];
    expect(invite?.subject).toBe('Le invitan a Panadería Sol en Shieldwall');
    expect(invite?.body).toContain('con el rol de miembro');
    expect(invite?.body).toMatch(/https:\/\/shieldwall\.test\/access\/invitations#token=\S{32}/);
    // The invitee's own account says English.
    await invitations.invite(org.id, 'empleado@example.org', 'analyst', actor);
    expect((await fx.mailTo('empleado@example.org')).at(-1)?.subject).toBe(
      'You are invited to Panadería Sol on Shieldwall',
    );
    // The inviter's explicit choice wins.
    await invitations.invite(org.id, 'otra@example.org', 'admin', actor, { chosen: 'en' });
    expect((await fx.mailTo('otra@example.org'))[0]?.body).toContain(
      'You have been invited to join Panadería Sol as admin.',
    );
  });
});

describe('mail catalogs', () => {
  const placeholders = (text: string) =>
    [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();

  it('has Spanish for every message, with the same placeholders (links stay in)', () => {
    for (const key of mailMessages.keys) {
      const en = mailMessages.catalogs.en[key];
      const es = mailMessages.catalogs.es[key];
      expect(es, key).toBeTruthy();
      expect(placeholders(es), key).toEqual(placeholders(en));
    }
  });

  it('leaves no English sentence in the Spanish catalog', () => {
    // Only templates made of placeholders alone may be the same in both languages.
    const same = mailMessages.keys.filter(
      (k: MailKey) =>
        mailMessages.catalogs.es[k] === mailMessages.catalogs.en[k] &&
        fill(mailMessages.catalogs.en[k], {}).replace(/\{[a-z_]+\}|\s/g, '') !== '',
    );
    expect(same).toEqual([]);
    const english = / the | your | you | and | with | this /i;
    const leftovers = mailMessages.keys.filter((k) => english.test(mailMessages.catalogs.es[k]));
    expect(leftovers).toEqual([]);
  });

  it('formats days and times for each language', () => {
    const at = Date.UTC(2027, 0, 31, 14, 5);
    expect(mailTime('en', at)).toBe('Sun, 31 Jan 2027 14:05:00 GMT');
    expect(mailTime('es', at)).toBe('domingo, 31 de enero de 2027, 14:05 (UTC)');
    expect(mailDay('en', '2027-01-31T14:05:00.000Z')).toBe('2027-01-31');
    expect(mailDay('es', '2027-01-31T14:05:00.000Z')).toBe('31 de enero de 2027');
  });
});
