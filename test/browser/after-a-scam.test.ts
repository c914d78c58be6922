/**
 * "After a scam" in a real browser against a real server: /protect/clicked (tick what happened
 * with the keyboard only, get the checklist, tick steps that stay ticked after a reload, in
 * English and Spanish) and /protect/report (country from the browser's language, one tap to
 * open/call/copy, a friendly answer for a country we do not know), and "Tell my trusted contact"
 * (not offered when signed out; offered and working for a signed-in person who chose it, with
 * the reason only in the mail). axe-core on each page, no sideways scrolling at 200% zoom.
 * Screenshots go to test-results/after-a-scam/.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/platform/test-support/test-server.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium, smallTargets } from './chromium-session.js';

const shots = join(repoRoot, 'test-results', 'after-a-scam');
const PASSWORD = 'Plum-Tractor-Velvet-93';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

requireChromium('after a scam');

describe.runIf(hasChromium)('after a scam in Chromium', () => {
  const suite = browserSuite(shots, { env: { SHIELDWALL_TRUST_PROXY: 'true' } });
  const open = (path: string, options: BrowserContextOptions = {}) =>
    suite.open(path, { reducedMotion: 'reduce', locale: 'en-US', ...options });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const serious = await runAxe(page, label);
    expect(serious, `${label}: serious or critical axe violations (printed above)`).toEqual([]);
  }

  async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0);
  }

  /** Press Tab until the element with `id` has focus (keyboard only, like a person would). */
  async function tabTo(page: Page, id: string, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    }
    throw new Error(`Tab never reached #${id}`);
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('/protect/clicked with the keyboard only: tick, choose a country, get the checklist, tick a step', async () => {
    const { page, problems } = await open('/protect/clicked?category=delivery');
    await page
      .getByRole('heading', { level: 1, name: 'I already clicked, paid or gave my code' })
      .waitFor();
    expect(await smallTargets(page, 'main .button, main select')).toEqual([]);

    // Nothing ticked: a clear message, and focus goes back to the first choice.
    await tabTo(page, 'what-password');
    await tabTo(page, 'after-country', 20);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Tick at least one thing').waitFor();
    expect(await focusedId(page)).toBe('what-password');

    await page.keyboard.press('Space'); // password
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // bank card
    await tabTo(page, 'after-country', 20);
    await page.keyboard.type('United K');
    expect(await page.locator('#after-country').inputValue()).toBe('GB');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const list = page.getByRole('heading', { level: 2, name: 'What to do, step by step' });
    await list.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('after-list-heading');
    const headings = await page.locator('.checklist__priority').allTextContents();
    expect(headings).toEqual(['Do this now', 'Do this today', 'Do this this week']);
    const first = page.locator('.checklist__step').first();
    expect(await first.textContent()).toContain('Call your bank now');
    expect(await page.locator('main').textContent()).toContain('Cifas');

    // Tick "call your bank" with the keyboard; it is kept on this device.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('step-call_bank');
    await page.keyboard.press('Space');
    await page.getByText(/^1 of \d+ steps done$/).waitFor();
    await expectAccessible(page, 'clicked checklist');
    await page.screenshot({ path: join(shots, 'clicked-desktop.png'), fullPage: true });
    const stored = await page.evaluate(() => localStorage.getItem('shieldwall.after.done'));
    expect(JSON.parse(stored ?? '{}')).toEqual({ call_bank: true });

    // Printed: the steps only, without the site's header, the form or the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.after-form').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this list' }).isVisible()).toBe(false);
    expect(await page.locator('.checklist__step').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'clicked-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // Signed out: no "Tell my trusted contact" button.
    expect(await page.getByRole('button', { name: 'Tell my trusted contact' }).count()).toBe(0);
    expect(await problems()).toEqual([]);
  });

  it('/protect/clicked in Spanish and at 200% zoom', async () => {
    const { page, context, problems } = await open('/protect/clicked', ZOOMED);
    await context.addInitScript(() => localStorage.setItem('shieldwall.locale', 'es'));
    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Ya hice clic, pagué o di mi código' })
      .waitFor();
    await page.getByLabel('Pagué con tarjetas de regalo').check();
    await page.getByRole('button', { name: 'Mostrarme qué hacer' }).click();
    await page.getByRole('heading', { level: 2, name: 'Qué hacer, paso a paso' }).waitFor();
    expect(await page.locator('.checklist__step').first().textContent()).toContain(
      'tarjeta de regalo',
    );
    await expectAccessible(page, 'clicked (es, 200%)');
    await expectNoHorizontalScroll(page, 'clicked (es, 200%)');
    await page.screenshot({ path: join(shots, 'clicked-es-zoom200.png'), fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('/protect/report: the browser’s country, one tap to open, call or copy; keyboard to change country', async () => {
    const { page, context, problems } = await open('/protect/report', { locale: 'en-GB' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('heading', { level: 1, name: 'Where to report a scam' }).waitFor();
    expect(await page.locator('#report-country').inputValue()).toBe('GB');
    await page
      .getByRole('heading', { level: 2, name: 'Official places to report in United Kingdom' })
      .waitFor();
    const fraud = page
      .getByRole('listitem')
      .filter({ hasText: 'England, Wales and Northern Ireland' })
      .first();
    expect(await fraud.getByRole('link', { name: /Open the website/ }).getAttribute('href')).toBe(
      'https://www.reportfraud.police.uk/',
    );
    expect(await page.getByRole('link', { name: 'Send a text to 7726' }).getAttribute('href')).toBe(
      'sms:7726',
    );
    expect(await page.getByRole('link', { name: 'Call 159' }).getAttribute('href')).toBe('tel:159');
    expect(
      await page
        .getByRole('link', { name: 'Write to report@phishing.gov.uk' })
        .getAttribute('href'),
    ).toBe('mailto:report@phishing.gov.uk');
    await page.getByRole('button', { name: 'Copy 7726' }).click();
    await page.getByText('Copied. You can paste it now.').first().waitFor();
    expect(await smallTargets(page, 'main .button, main select')).toEqual([]);
    await expectAccessible(page, 'report GB');
    await page.screenshot({ path: join(shots, 'report-desktop.png'), fullPage: true });

    await tabTo(page, 'report-country');
    await page.keyboard.type('United St');
    await page
      .getByRole('heading', { level: 2, name: 'Official places to report in United States' })
      .waitFor();
    expect(await page.locator('main').textContent()).toContain('reportphishing@apwg.org');
    expect(await problems()).toEqual([]);
  });

  it('/protect/report for a country we do not know, and at 200% zoom', async () => {
    const { page, problems } = await open('/protect/report', { locale: 'ja-JP', ...ZOOMED });
    await page.getByText('We don’t have reporting details for that country yet.').waitFor();
    expect(await page.locator('#report-country').inputValue()).toBe('');
    await page.locator('#report-country').selectOption('IN');
    await page.getByText('1930').first().waitFor();
    await expectAccessible(page, 'report (200%)');
    await expectNoHorizontalScroll(page, 'report (200%)');
    await page.screenshot({ path: join(shots, 'report-zoom200.png'), fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('signed in and opted in: "Tell my trusted contact" sends the reason only', async () => {
    const base = suite.server.url;
    const email = `ann-${Date.now()}@example.org`;
    const contact = `sam-${Date.now()}@example.net`;
    const json = { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.77' };
    expect(
      (
        await fetch(`${base}/api/access/account/sign-up`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email, display_name: 'Ann', password: PASSWORD }),
        })
      ).status,
    ).toBe(202);
    const signIn = await fetch(`${base}/api/access/account/sign-in`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const [nameValue = ''] = (signIn.headers.get('set-cookie') ?? '').split(';');
    const [cookieName = '', ...rest] = nameValue.split('=');
    const { csrf_token } = (await signIn.json()) as { csrf_token: string };
    const put = await fetch(`${base}/api/access/account/trusted-contact`, {
      method: 'PUT',
      headers: { ...json, cookie: nameValue, 'x-csrf-token': csrf_token },
      body: JSON.stringify({ name: 'Sam', email: contact, alerts: ['scam_recovery'] }),
    });
    expect(put.status).toBe(200);

    const { page, context, problems } = await open('/protect/clicked?category=prize_lottery');
    await context.addCookies([{ name: cookieName, value: rest.join('='), url: base }]);
    await page.reload();
    await page.getByLabel('I paid with gift cards').check();
    await page.getByRole('button', { name: 'Show me what to do' }).click();
    const tell = page.getByRole('button', { name: 'Tell my trusted contact' });
    await tell.waitFor();
    await expectAccessible(page, 'clicked, signed in');
    await tell.click();
    await page.getByText('Done. Your trusted contact has been told.').waitFor();
    await page.screenshot({ path: join(shots, 'clicked-contact-told.png'), fullPage: true });

    const mail = await suite.server.platform.store
      .db<{ access_mail_outbox: { to_address: string; body: string; created_at: number } }>()
      .selectFrom('access_mail_outbox')
      .select('body')
      .where('to_address', '=', contact)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain('they may have paid by gift card');
    expect(mail.body).toContain('a fake prize or lottery');
    expect(await problems()).toEqual([]);
  });
});
