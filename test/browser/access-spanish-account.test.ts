/**
 * "Your account" in Spanish, part A (signing in and securing an account), in a
 * real Chromium against a real server, at 200% zoom (a 1280 px screen is 640
 * CSS px wide): the "Language / Idioma" picker switches to Español, then
 * sign-up → sign-in (with a wrong password first) → the security page → the
 * trusted contact form → turning on the authenticator app → the recovery codes
 * → "Confirm it is you" before new codes. On each screen: the Spanish words,
 * none of the catalog's English sentences, axe-core clean, nothing scrolls
 * sideways. Screenshots: /tmp/access-es-*.png (or SCREENSHOT_DIR).
 *
 * The catalog's own rules (every key in Spanish, same placeholders, no
 * untranslated copies, plurals in pairs) are checked first, without a browser.
 */
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOTP } from '../../src/access/accounts/second-factor.js';
import { accountMessages } from '../../web/src/i18n/account-messages.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium } from './chromium-session.js';

const shots = process.env.SCREENSHOT_DIR ?? '/tmp';
const PASSWORD = 'Ciruela-Tractor-Terciopelo-93';
const ZOOM_200 = { viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 } as const;

const en = accountMessages.catalogs.en as Readonly<Record<string, string>>;
const es = accountMessages.catalogs.es as Readonly<Record<string, string>>;
/** The names a sentence fills, each once (a translation may say a name twice). */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]))].sort();

describe('the account catalog (part A)', () => {
  it('has every key in Spanish, filled, translated, with the same placeholders as English', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const spanish = es[key] ?? '';
      expect(spanish.trim(), key).not.toBe('');
      expect(spanish, `${key} is not translated`).not.toBe(english);
      expect(placeholders(spanish), key).toEqual(placeholders(english));
    }
  });

  it('has plurals in pairs, chosen by the Spanish rules', () => {
    const plurals = Object.keys(en).filter((key) => /_(one|other)$/.test(key));
    expect(plurals.length).toBeGreaterThan(0);
    for (const key of plurals) {
      const base = key.replace(/_(one|other)$/, '');
      expect(Object.hasOwn(en, `${base}_one`) && Object.hasOwn(en, `${base}_other`), base).toBe(
        true,
      );
    }
    expect(accountMessages.plural('es', 'totp.on', 1)).toBe(
      'Activada. Le queda 1 código de recuperación sin usar.',
    );
    expect(accountMessages.plural('es', 'totp.on', 10)).toContain('Le quedan 10 códigos');
    expect(accountMessages.plural('en', 'password.ended', 2)).toBe(
      '2 other devices were signed out.',
    );
  });
});

/**
 * The English sentences a Spanish screen must not show: every sentence of this
 * catalog (the parts between placeholders that are long enough to be telling),
 * and a few words that would give away an untranslated button or label.
 */
const ENGLISH_SENTENCES = [
  ...new Set(
    Object.values(en)
      .flatMap((text) => text.split(/\{[a-z_]+\}/))
      .map((part) => part.trim())
      .filter((part) => part.length >= 12),
  ),
];
const ENGLISH_WORDS = [
  'Sign in',
  'Password',
  'Cancel',
  'Passkeys',
  'Trusted contact',
  'Authenticator app',
  'recovery code',
  'Please wait',
  'Back to',
  'Your account',
  'Try again',
];

requireChromium('access in Spanish');

describe.runIf(hasChromium)('"Your account" in Spanish (part A) in Chromium', () => {
  // Passkeys and the sign-in cookie need a host name, as in access-console.test.ts.
  const suite = browserSuite(shots, { host: 'localhost' });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const serious = await runAxe(page, label);
    expect(serious, `${label}: serious or critical axe violations (printed above)`).toEqual([]);
  }

  /** What the main content says, including names only screen readers hear, and the tab title. */
  function heard(page: Page): Promise<string> {
    return page.evaluate(() => {
      const main = document.querySelector('main');
      const named = [...(main?.querySelectorAll('[aria-label], [title], [placeholder]') ?? [])]
        .flatMap((el) => [
          el.getAttribute('aria-label'),
          el.getAttribute('title'),
          el.getAttribute('placeholder'),
        ])
        .filter((value): value is string => value !== null);
      return [document.title, main?.textContent ?? '', ...named].join('\n');
    });
  }

  async function expectNoEnglish(page: Page, label: string): Promise<void> {
    const text = await heard(page);
    const left = [
      ...ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence)),
      // Whole words: "Cancel" is inside "Cancelar".
      ...ENGLISH_WORDS.filter((word) => new RegExp(`\\b${word}\\b`).test(text)),
    ];
    expect(left, `${label}: English left on a Spanish screen`).toEqual([]);
  }

  async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways, `${label}: wider than the screen at 200%`).toBeLessThanOrEqual(0);
  }

  /** Every check of one screen, then its screenshot (what is in view, for a modal dialog). */
  async function screen(page: Page, name: string, fullPage = true): Promise<void> {
    await expectNoEnglish(page, name);
    await expectAccessible(page, name);
    await expectNoSidewaysScroll(page, name);
    await page.screenshot({ path: join(shots, `access-es-${name}.png`), fullPage });
  }

  /** Elements narrower than their text would overflow their box at 200%: none may. */
  async function expectTextFits(scope: Locator, label: string): Promise<void> {
    const overflowing = await scope.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('button, label, h1, h2, h3, .button, legend')]
        .filter((el) => el.offsetWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => (el.textContent ?? '').trim()),
    );
    expect(overflowing, `${label}: text wider than its box`).toEqual([]);
  }

  const totpNow = (secret: string) => generate({ secret, ...TOTP });

  it('sign-up → sign-in → security page, trusted contact, authenticator, recovery codes, step-up', async () => {
    const { page, problems } = await suite.open('/access/sign-up', {
      ...ZOOM_200,
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const main = page.getByRole('main');

    // English first, as the browser asks; then the person picks Español in the header.
    await page.getByRole('heading', { name: 'Create an account', level: 1 }).waitFor();
    await page.getByLabel('Language / Idioma').selectOption('es');
    await page.getByRole('heading', { name: 'Crear una cuenta', level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Crear una cuenta – Shieldwall');

    // Sign up.
    const email = `es-${Date.now()}@example.org`;
    await page.getByLabel('Su nombre').fill('Lucía Ejemplo');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Elija una contraseña').fill(PASSWORD);
    expect(await main.textContent()).toContain('¿Ya tiene una cuenta? Iniciar sesión');
    await expectTextFits(main, 'sign up');
    await screen(page, 'sign-up');
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    await page.getByText('Ya casi está').waitFor();
    expect(await main.textContent()).toContain('Ya puede iniciar sesión.');
    await screen(page, 'sign-up-done');

    // Sign in: a wrong password first (the page's own heading above the server's words).
    await main.getByRole('link', { name: 'iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
    const buttons = await main.getByRole('button').allTextContents();
    expect(buttons[0]).toBe('Iniciar sesión con una llave de acceso');
    await main.getByRole('link', { name: '¿Olvidó su contraseña?' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña', { exact: true }).fill('no es la contraseña');
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    const signInAlert = page
      .getByRole('region', { name: 'Con su correo y su contraseña' })
      .locator('.form-alert');
    await expect.poll(() => signInAlert.textContent()).toContain('No pudimos iniciar su sesión.');
    await expectTextFits(main, 'sign in');
    await screen(page, 'sign-in-failed');
    await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { name: 'Su cuenta', level: 1 }).waitFor();

    // The security page.
    await page.goto(new URL('/access/security', page.url()).href);
    await page.getByRole('heading', { name: 'Inicio de sesión y seguridad', level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Inicio de sesión y seguridad – Shieldwall');
    await main.getByText('Todavía no tiene llaves de acceso.').waitFor();
    await main.getByRole('link', { name: 'Volver a su cuenta' }).waitFor();
    for (const heading of [
      'Llaves de acceso',
      'App de autenticación',
      'Cambiar su contraseña',
      'Protección avanzada',
      'Contacto de confianza',
    ])
      await main.getByRole('heading', { name: heading, level: 2 }).waitFor();
    expect(await main.locator('#totp-heading + p + .state-line').textContent()).toBe(
      'Desactivada.',
    );
    await main.getByRole('switch', { name: 'Protección avanzada' }).waitFor();
    await expectTextFits(main, 'security');
    await screen(page, 'security');

    // Trusted contact: the form, then the card with the chosen alerts and a Spanish date.
    const contact = page.getByRole('region', { name: 'Contacto de confianza' });
    await contact.getByRole('heading', { name: 'Añadir un contacto de confianza' }).waitFor();
    await contact.getByLabel('Nombre de su contacto').fill('Carmen Cuidadora');
    await contact.getByLabel('Correo de su contacto').fill(`carmen-${Date.now()}@example.org`);
    const scamAlert = contact.getByLabel(
      'Un mensaje que usted revisa es muy probablemente una estafa (esa persona recibe el motivo, nunca el mensaje)',
    );
    expect(await scamAlert.isChecked()).toBe(false);
    await scamAlert.check();
    await screen(page, 'trusted-contact-form');
    await contact.getByRole('button', { name: 'Guardar el contacto de confianza' }).click();
    await contact.getByRole('heading', { name: 'Carmen Cuidadora', level: 3 }).waitFor();
    const card = (await contact.textContent()) ?? '';
    expect(card).toContain('Carmen Cuidadora ahora es su contacto de confianza.');
    expect(card).toContain('Recibe un correo cuando:');
    expect(card).toContain('Alguien inicia sesión desde un dispositivo nuevo');
    // A medium date in Spanish ("7 may 2026"), never an English month.
    expect(card).toMatch(/desde el \d{1,2} [a-zé]{3,5}\.? \d{4}\./);
    expect(card).not.toMatch(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
    await contact
      .getByRole('button', { name: 'Cambiar los datos o los correos de Carmen Cuidadora' })
      .waitFor();
    await screen(page, 'trusted-contact');

    // Turn on the authenticator app: the setup steps, then the recovery codes once.
    const totp = page.getByRole('region', { name: 'App de autenticación' });
    await totp.getByRole('button', { name: 'Activar la app de autenticación' }).click();
    await totp.getByRole('heading', { name: 'Configure la app', level: 3 }).waitFor();
    expect(await totp.textContent()).toContain('introducir una clave de configuración');
    await totp.getByRole('link', { name: 'abrir Shieldwall en su app de autenticación' }).waitFor();
    const secret = ((await totp.locator('.setup-key').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectTextFits(totp, 'authenticator setup');
    await screen(page, 'authenticator-setup');
    await totp.getByLabel('Código de 6 cifras de la app').fill(await totpNow(secret));
    await totp.getByRole('button', { name: 'Activar', exact: true }).click();

    const codesHeading = totp.getByRole('heading', { name: 'Guarde sus códigos de recuperación' });
    await codesHeading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    const codes = ((await totp.locator('.secret__text').textContent()) ?? '').split('\n');
    expect(codes).toHaveLength(10);
    expect(await totp.textContent()).toContain('Solo le mostramos estos códigos esta vez.');
    await totp.getByRole('button', { name: 'Copiar los códigos' }).waitFor();
    await expectTextFits(totp, 'recovery codes');
    await screen(page, 'recovery-codes');
    await totp.getByLabel('Ya guardé mis códigos de recuperación').check();
    await totp.getByRole('button', { name: 'Listo' }).click();
    await expect
      .poll(() => totp.locator('.state-line').textContent())
      .toBe('Activada. Le quedan 10 códigos de recuperación sin usar.');

    // Ten minutes later (the session's sign-in made older): new codes need "Confirm it is you".
    const userId = await page.evaluate(async () => {
      const answer = await fetch('/api/access/account/session');
      return ((await answer.json()) as { account: { user_id: string } }).account.user_id;
    });
    await suite.server.platform.store
      .db<{ access_session: { user_id: string; authenticated_at: number } }>()
      .updateTable('access_session')
      .set({ authenticated_at: Date.now() - 60 * 60_000 })
      .where('user_id', '=', userId)
      .execute();
    await totp.getByRole('button', { name: 'Crear códigos de recuperación nuevos' }).click();
    const ask = page.getByRole('dialog', { name: '¿Crear códigos de recuperación nuevos?' });
    await ask.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancelar');
    await ask.getByRole('button', { name: 'Sí, crear códigos nuevos' }).click();

    const stepUp = page.getByRole('dialog', { name: 'Confirme que es usted' });
    await stepUp.waitFor();
    expect(await stepUp.textContent()).toContain('comprobamos que de verdad es usted');
    await stepUp.getByLabel('Su contraseña').fill(PASSWORD);
    await stepUp.getByLabel('Código de su app de autenticación').fill(codes[0] ?? '');
    await expectTextFits(stepUp, 'step-up');
    await screen(page, 'step-up', false);
    await stepUp.getByRole('button', { name: 'Confirmar' }).click();
    await stepUp.waitFor({ state: 'hidden' });
    await codesHeading.waitFor();
    const fresh = ((await totp.locator('.secret__text').textContent()) ?? '').split('\n');
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[1]);
    await screen(page, 'new-recovery-codes');

    // Back in English at once, from the same screen.
    await page.getByLabel('Language / Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Sign-in and security', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Authenticator app' })
      .getByRole('heading', { name: 'Save your recovery codes' })
      .waitFor();
    // The signed-out check, the wrong password and the step-up answer 401 on purpose.
    expect((await problems()).filter((line) => !/status of 401/.test(line))).toEqual([]);
  }, 180_000);
});
