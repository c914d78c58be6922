/**
 * Languages in a real Chromium against a real server: the "Language / Idioma"
 * picker in the header switches the whole page to Spanish (shell, form, the
 * verdict, reasons and next steps), sets <html lang>, is remembered across a
 * reload, re-says a shown result without a new check, reaches a shared link in
 * the reader's language, and stays accessible (axe-core) and readable at 200%.
 *
 * Screenshots go to test-results/languages/ (or SCREENSHOT_DIR).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/platform/test-support/test-server.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium } from './chromium-session.js';

const shots = process.env.SCREENSHOT_DIR ?? join(repoRoot, 'test-results', 'languages');

/** A toll "smish" from fixtures/scam/sms.jsonl (sw-sms-0001). */
const SCAM_TEXT =
  'E-ZPass: You have an outstanding toll balance of $6.85. To avoid a late fee of $50.00, settle your balance now: https://ezpass-toll-payment.top/pay (Reply Y, then exit and reopen this message to activate the link)';

requireChromium('languages');

describe.runIf(hasChromium)('languages in Chromium', () => {
  const suite = browserSuite(shots);

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const serious = await runAxe(page, label);
    expect(serious, `${label}: serious or critical axe violations (printed above)`).toEqual([]);
  }

  const picker = (page: Page) => page.getByLabel('Language / Idioma');
  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('switches to Español: shell, form, verdict and reasons in Spanish; remembered after reload', async () => {
    const { page, problems } = await suite.open('/');
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => picker(page).inputValue()).toBe('en');
    await page.getByRole('link', { name: 'Is this a scam?' }).waitFor();

    // Keyboard: focus the picker and choose Spanish with the arrow key.
    await picker(page).focus();
    await picker(page).selectOption('es');
    await expect.poll(() => htmlLang(page)).toBe('es');
    await page.getByRole('heading', { level: 1, name: '¿Es una estafa?' }).waitFor();
    await page.getByRole('link', { name: '¿Es una estafa?' }).waitFor();
    await page
      .getByRole('link', { name: 'Saltar al contenido principal' })
      .waitFor({ state: 'attached' });
    expect(await page.locator('.site-footer').textContent()).toContain('software libre');

    await page.getByLabel('Pegue el mensaje, el enlace o el número de teléfono').fill(SCAM_TEXT);
    await page.getByRole('button', { name: 'Revisar', exact: true }).click();
    const heading = page.locator('#result-heading');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Resultado: Estafa');
    const result = page.locator('.result');
    expect(await result.getByRole('heading', { name: 'Por qué' }).count()).toBe(1);
    const reasons = await result.locator('.reasons li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join('\n')).toContain('La dirección termina en ".top"');
    const steps = await result.locator('.steps li').allTextContents();
    expect(steps[0]).toBe('No haga clic en el enlace, no abra adjuntos y no responda.');
    expect(await result.textContent()).not.toMatch(/What to do now|Scam score/);
    await expectAccessible(page, 'result in Spanish');
    await page.screenshot({ path: join(shots, 'result-es-desktop.png'), fullPage: true });

    // Switching back says the same result in English at once, without a new check.
    await picker(page).selectOption('en');
    await result.getByRole('heading', { name: 'What to do now' }).waitFor();
    expect(await heading.textContent()).toBe('Result: Scam');
    expect(await result.locator('.steps li').first().textContent()).toBe(
      'Do not click the link, open attachments, or reply.',
    );
    await picker(page).selectOption('es');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '¿Es una estafa?' }).waitFor();
    expect(await htmlLang(page)).toBe('es');
    expect(await picker(page).inputValue()).toBe('es');
    await expectAccessible(page, 'home in Spanish');
    expect(await problems()).toEqual([]);
  });

  it('follows the browser’s language on a first visit, and a shared link opens in its reader’s language', async () => {
    const { page } = await suite.open('/', { locale: 'es-MX' });
    await page.getByRole('heading', { level: 1, name: '¿Es una estafa?' }).waitFor();
    expect(await htmlLang(page)).toBe('es');
    // Checked on the server this time, then shared.
    await page.getByLabel('Pegue el mensaje, el enlace o el número de teléfono').fill(SCAM_TEXT);
    await page.getByLabel('Revisar con el servidor de Shieldwall').check();
    await page.getByRole('button', { name: 'Revisar', exact: true }).click();
    await page.locator('#result-heading').waitFor();
    await page.getByRole('button', { name: 'Compartir con alguien de confianza' }).click();
    const link = page.locator('.share__link a');
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';

    // An English reader opens the Spanish person's link: it reads in English.
    const reader = await suite.open(new URL(href).pathname, { locale: 'en-GB' });
    await reader.page
      .getByRole('heading', { level: 1, name: 'A result shared with you' })
      .waitFor();
    const steps = reader.page.locator('.steps li');
    await steps.first().waitFor();
    expect(await steps.first().textContent()).toBe(
      'Do not click the link, open attachments, or reply.',
    );
    // …and switching to Spanish re-reads it in Spanish.
    await picker(reader.page).selectOption('es');
    await reader.page
      .getByRole('heading', { level: 1, name: 'Un resultado que compartieron con usted' })
      .waitFor();
    await expect
      .poll(() => reader.page.locator('.steps li').first().textContent())
      .toBe('No haga clic en el enlace, no abra adjuntos y no responda.');
    await expectAccessible(reader.page, 'shared result in Spanish');
  });

  it('200% zoom in both languages: no sideways scrolling; screenshots to look at', async () => {
    for (const locale of ['en', 'es'] as const) {
      const { page } = await suite.open('/', {
        viewport: { width: 640, height: 900 },
        deviceScaleFactor: 2,
        locale,
      });
      await page.getByLabel('Language / Idioma').waitFor();
      await page.locator('textarea').fill(SCAM_TEXT);
      await page.locator('button[type=submit]').click();
      await page.locator('#result-heading').waitFor();
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, `${locale} at 200%`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `result-${locale}-zoom200.png`), fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `header-${locale}-zoom200.png`) });
    }
  });
});
