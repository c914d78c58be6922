/**
 * "Is this a scam?" (the home page) in a real Chromium against a real server:
 * checking on the device (the default: no request to /api/check) and with the
 * server, an email file, reporting, sharing with someone you trust, keyboard
 * use, accessibility (axe-core, WCAG 2.2 A/AA), large targets, and reflow at
 * 200% zoom.
 *
 * Needs the built UI (`npm run build:web`) and /usr/bin/chromium; without it
 * the suite is skipped with a visible line, except in CI where it fails.
 * Screenshots go to test-results/scam-check/ (or SCREENSHOT_DIR) for people
 * to look at.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/platform/test-support/test-server.js';
import type { ProtectTables } from '../../src/protect/protect-tables.js';
import { runAxe } from './axe-check.js';
import {
  browserSuite,
  hasChromium,
  requireChromium,
  smallTargets,
  type WatchedPage,
  watchedPage,
} from './chromium-session.js';

const shots = process.env.SCREENSHOT_DIR ?? join(repoRoot, 'test-results', 'scam-check');

/** A toll "smish" from fixtures/scam/sms.jsonl (sw-sms-0001). */
const SCAM_TEXT =
  'E-ZPass: You have an outstanding toll balance of $6.85. To avoid a late fee of $50.00, settle your balance now: https://ezpass-toll-payment.top/pay (Reply Y, then exit and reopen this message to activate the link)';
const GENUINE_TEXT =
  'Hi Mum, running 10 minutes late for dinner tonight. Save me some pie! Love, Sam';
/** A bank's YES/NO fraud check, which scammers copy word for word. */
const YES_NO_ALERT =
  'Chase Fraud Alert: Did you attempt a $318.56 purchase at TARGET with card ending 7780? Reply YES or NO.';
const SCAM_EMAIL = join(repoRoot, 'fixtures/scam/email/sw-email-0001.eml');

/** What people press on this page: all must be at least 44×44 CSS pixels. */
const TARGETS = 'main button, main a.button, main label:not(.field-label), nav a, .site-footer a';

requireChromium('scam check');

describe.runIf(hasChromium)('"Is this a scam?" in Chromium', () => {
  const suite = browserSuite(shots);

  /** The page at `path`, with every request to /api/check recorded. */
  async function open(
    path = '/',
    options: BrowserContextOptions = {},
  ): Promise<WatchedPage & { apiChecks: string[] }> {
    const watched = await suite.open(path, options);
    const apiChecks: string[] = [];
    watched.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/check')) apiChecks.push(request.url());
    });
    return { ...watched, apiChecks };
  }

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const serious = await runAxe(page, label);
    expect(serious, `${label}: serious or critical axe violations (printed above)`).toEqual([]);
  }

  async function checkText(page: Page, text: string): Promise<void> {
    await page.getByLabel('Paste the message, link or phone number').fill(text);
    await page.getByRole('button', { name: 'Check it' }).click();
  }

  function verdictHeading(page: Page) {
    return page.locator('#result-heading');
  }

  /** What "Technical details" says, and the score line, of the result shown. */
  async function technicalDetails(
    page: Page,
  ): Promise<{ checked: string; version: string; score: string }> {
    await page.getByText('Technical details').click();
    const facts = page.locator('.result .facts');
    return {
      checked: (await facts.locator('dd').first().textContent()) ?? '',
      version: (await facts.locator('code').textContent()) ?? '',
      score: (await page.locator('.result__score-value').textContent()) ?? '',
    };
  }

  async function verdictOf(page: Page): Promise<string> {
    await verdictHeading(page).waitFor({ timeout: 20_000 });
    return ((await verdictHeading(page).textContent()) ?? '').replace(/^Result: /, '');
  }

  it('empty page: one big labelled box, on-device checking by default, large targets, accessible', async () => {
    const { page, problems } = await open('/');
    await expect.poll(() => page.title()).toBe('Is this a scam? – Shieldwall');
    expect(await page.locator('h1').textContent()).toBe('Is this a scam?');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Is this a scam?',
      'Your account',
      'Threat intelligence',
      'AI safeguards',
      'Your AI models',
      'Alerts from your logs',
      'Audit log',
      'About Shieldwall',
    ]);
    expect(
      await nav.getByRole('link', { name: 'Is this a scam?' }).getAttribute('aria-current'),
    ).toBe('page');

    const box = page.getByRole('textbox', { name: 'Paste the message, link or phone number' });
    expect(await box.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    expect(
      await page
        .getByRole('radio', { name: 'Check on this device (nothing leaves your computer)' })
        .isChecked(),
    ).toBe(true);
    expect(
      await page.getByRole('radio', { name: 'Check with the Shieldwall server' }).isChecked(),
    ).toBe(false);
    expect(await page.getByRole('group', { name: 'Where should we check it?' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Choose an email file' }).count()).toBe(1);
    expect(await smallTargets(page, TARGETS)).toEqual([]);

    // Nothing typed: a plain message, tied to the box, and focus goes back to it.
    await page.getByRole('button', { name: 'Check it' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('There is nothing to check yet');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-text');

    await page.reload();
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    await expectAccessible(page, 'scam check (empty)');
    // The engine and models are not part of the first paint.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(scripts.filter((name) => /scam-(engine|text|email|url)/.test(name))).toEqual([]);
    expect(await problems()).toEqual([]);
  });

  it('a scam text, checked on this device: "Scam" with reasons and next steps, and no request to /api/check', async () => {
    const { page, problems, apiChecks } = await open('/');
    await checkText(page, SCAM_TEXT);
    expect(await verdictOf(page)).toBe('Scam');
    // Focus moves to the verdict, so a screen reader says it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('result-heading');
    const result = page.getByRole('region', { name: 'Result: Scam' });
    expect(await result.textContent()).toMatch(/Scam score: \d{1,2} out of 100/);
    expect(await result.textContent()).toContain('What kind:');
    expect(await result.getByRole('heading', { name: 'Why' }).count()).toBe(1);
    expect(await result.locator('ul.reasons > li').count()).toBeGreaterThan(1);
    expect(await result.locator('ul.reasons').textContent()).toContain('ezpass-toll-payment.top');
    expect(await result.getByRole('heading', { name: 'What to do now' }).count()).toBe(1);
    expect(await result.locator('ol.steps > li').count()).toBeGreaterThan(1);
    expect(await result.locator('ol.steps').textContent()).toContain('Do not click the link');
    expect(await result.getByRole('heading', { name: 'What we checked' }).count()).toBe(1);
    expect(apiChecks).toEqual([]);

    expect(await smallTargets(page, TARGETS)).toEqual([]);
    await expectAccessible(page, 'scam result (light)');
    expect(await problems()).toEqual([]);
  });

  it('"Check with the Shieldwall server" sends it to /api/check, and answers as the device does', async () => {
    const { page, problems, apiChecks } = await open('/');
    // First on the device, for comparison: the same engine, models and combiner.
    await checkText(page, SCAM_TEXT);
    expect(await verdictOf(page)).toBe('Scam');
    const onDevice = await technicalDetails(page);
    expect(onDevice.checked).toBe('On this device');
    await page.getByRole('button', { name: 'Check something else' }).click();

    await page.getByRole('radio', { name: 'Check with the Shieldwall server' }).check();
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/check',
    );
    await checkText(page, SCAM_TEXT);
    expect((await answered).status()).toBe(200);
    expect(await verdictOf(page)).toBe('Scam');
    expect(apiChecks).toHaveLength(1);
    const onServer = await technicalDetails(page);
    expect(onServer.checked).toBe('By the Shieldwall server');
    expect(onServer.version).toBe(onDevice.version);
    expect(onServer.version).toMatch(/combiner:/);
    expect(onServer.score).toBe(onDevice.score);

    // "Check something else" keeps the choice and empties the box.
    await page.getByRole('button', { name: 'Check something else' }).click();
    const box = page.getByRole('textbox', { name: 'Paste the message, link or phone number' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('check-text');
    expect(await box.inputValue()).toBe('');
    expect(
      await page.getByRole('radio', { name: 'Check with the Shieldwall server' }).isChecked(),
    ).toBe(true);
    expect(await problems()).toEqual([]);
  });

  it('a genuine text: "No signs of a scam found" (never "safe"), with what was checked', async () => {
    const { page, problems, apiChecks } = await open('/');
    await checkText(page, GENUINE_TEXT);
    expect(await verdictOf(page)).toBe('No signs of a scam found');
    const result = page.getByRole('region', { name: 'Result: No signs of a scam found' });
    expect(await result.textContent()).toContain('That does not prove it is safe');
    expect(await result.textContent()).not.toMatch(/\bis safe\.|\bSafe\b/);
    expect(await result.getByRole('heading', { name: 'What we checked' }).count()).toBe(1);
    const checked = await result.locator('ul.checked-list > li').allTextContents();
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.join(' ')).toContain('The wording');
    // No "what kind" for a result without signs; its low score is shown.
    expect(await result.textContent()).not.toContain('What kind:');
    expect(await result.textContent()).toMatch(/Scam score: \d{1,2} out of 100/);
    expect(apiChecks).toEqual([]);
    await expectAccessible(page, 'no-signs result (light)');
    expect(await problems()).toEqual([]);
  });

  it('a "no signs" web address that scores high shows no score that contradicts it', async () => {
    // This page on Google Sites is under the web-address warning line but scores 0.78 on data that
    // is mostly phishing: "No signs · Scam score 78 out of 100" would say two opposite things.
    // (If a retrained model moves it under 0.5, pick another such address: the score must show.)
    const { page, problems } = await open('/');
    await checkText(page, 'https://sites.google.com/view/m365-secure-document-portal/sign-in');
    expect(await verdictOf(page)).toBe('No signs of a scam found');
    const result = page.getByRole('region', { name: 'Result: No signs of a scam found' });
    expect(await result.locator('ul.reasons > li').count()).toBeGreaterThan(0);
    expect(await result.textContent()).not.toContain('Scam score');
    expect(await page.locator('.result__score-value').count()).toBe(0);
    expect(await problems()).toEqual([]);
  });

  it('an email file (.eml) chosen with the file chooser is checked on the device', async () => {
    const { page, problems, apiChecks } = await open('/');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose an email file' }).click(),
    ]);
    await chooser.setFiles(SCAM_EMAIL);
    await page.getByText('Email file chosen:').waitFor();
    expect(await page.locator('.drop-zone').textContent()).toContain('sw-email-0001.eml');
    // Focus stays on the file controls (the button that is shown now).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove file');
    await page.getByRole('button', { name: 'Check it' }).click();
    expect(await verdictOf(page)).toBe('Scam');
    const reasons = await page.locator('ul.reasons').textContent();
    expect(reasons).toContain('Microsoft');
    // Evidence the reason does not quote itself is shown quoted and highlighted.
    expect(await page.locator('ul.reasons mark').count()).toBeGreaterThan(0);
    expect(apiChecks).toEqual([]);

    // A file that is not a saved email gets a plain explanation.
    await page.getByRole('button', { name: 'Check something else' }).click();
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose an email file' }).click(),
    ]);
    await again.setFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF'),
    });
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('not a saved email');
    expect(await problems()).toEqual([]);
  });

  it('report: a confirmation dialog, the message left out unless ticked, then a thank-you', async () => {
    const { page, problems } = await open('/');
    await checkText(page, SCAM_TEXT);
    expect(await verdictOf(page)).toBe('Scam');
    await page.getByRole('button', { name: 'Report this' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this message' });
    await dialog.waitFor();
    const include = dialog.getByRole('checkbox', { name: 'Include the message itself' });
    expect(await include.isChecked()).toBe(false);
    await expectAccessible(page, 'report dialog');
    await dialog.getByLabel('Anything you want to add (optional)').fill('Came to my phone today');
    const sent = page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/api/reports',
    );
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/reports',
    );
    await dialog.getByRole('button', { name: 'Send report' }).click();
    const body = (await sent).postDataJSON() as Record<string, unknown>;
    expect(body).not.toHaveProperty('content');
    expect(body.comment).toBe('Came to my phone today');
    const response = await answered;
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await dialog.getByText('Thank you — your report was saved.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.locator('.action__status').first().textContent()).toBe(
      'Thank you — your report was saved.',
    );

    const stored = await suite.server.platform.store
      .db<ProtectTables>()
      .selectFrom('protect_report')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored?.verdict).toBe('scam');
    expect(stored?.content).toBeNull();
    expect(stored?.comment).toBe('Came to my phone today');
    expect(JSON.parse(stored?.indicators ?? '[]')).toContainEqual({
      type: 'domain',
      value: 'ezpass-toll-payment.top',
    });
    expect(await problems()).toEqual([]);
  });

  it('report with "Include the message itself" ticked sends the message', async () => {
    const { page } = await open('/');
    await checkText(page, SCAM_TEXT);
    expect(await verdictOf(page)).toBe('Scam');
    await page.getByRole('button', { name: 'Report this' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this message' });
    await dialog.getByRole('checkbox', { name: 'Include the message itself' }).check();
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/reports',
    );
    await dialog.getByRole('button', { name: 'Send report' }).click();
    const { id } = (await (await answered).json()) as { id: string };
    const stored = await suite.server.platform.store
      .db<ProtectTables>()
      .selectFrom('protect_report')
      .select(['content'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored?.content).toBe(SCAM_TEXT);
  });

  it('share: a link to the result that opens read-only elsewhere, without the message', async () => {
    const { page, problems, context } = await open('/', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await checkText(page, SCAM_TEXT);
    expect(await verdictOf(page)).toBe('Scam');
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/shares',
    );
    await page.getByRole('button', { name: 'Share with someone you trust' }).click();
    expect((await answered).status()).toBe(201);
    const link = page.locator('.share__link a');
    await link.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URL(href).pathname).toMatch(/^\/shared\/[A-Za-z0-9_-]{16,64}$/);
    expect(await page.locator('.share').textContent()).toContain(
      'The message itself is not shared',
    );
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(href);

    const other = await watchedPage(context);
    await other.page.goto(href);
    await other.page.locator('h1').waitFor();
    expect(await other.page.locator('h1').textContent()).toBe('A result shared with you');
    expect(await other.page.locator('main').textContent()).toContain(
      'Someone you know asked you to look at this result',
    );
    expect(await verdictOf(other.page)).toBe('Scam');
    const shown = (await other.page.locator('main').textContent()) ?? '';
    expect(shown).toContain('What to do now');
    expect(shown).not.toContain(SCAM_TEXT);
    expect(shown).not.toContain('late fee of $50.00');
    // Read-only: nothing to report, share or re-check there.
    expect(await other.page.getByRole('button', { name: 'Report this' }).count()).toBe(0);
    expect(
      await other.page.getByRole('button', { name: 'Share with someone you trust' }).count(),
    ).toBe(0);
    await expectAccessible(other.page, 'shared result');
    await other.page.screenshot({ path: join(shots, 'shared-result-desktop.png'), fullPage: true });
    expect(await other.problems()).toEqual([]);
    expect(await problems()).toEqual([]);
  });

  it('"Looks suspicious" that nothing in the message settles says it cannot tell, in both languages', async () => {
    // A result as the engine gives it when the score crosses the line with no sign to show
    // (check.test.ts makes one); shared, so the page shows exactly this result.
    const post = (path: string, body: unknown) =>
      fetch(`${suite.server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const checked = (await (await post('/api/check', { text: GENUINE_TEXT })).json()) as Record<
      string,
      unknown
    >;
    const res = await post('/api/shares', {
      ...checked,
      verdict: 'suspicious',
      score: 0.5,
      reasons: [{ code: 'model.unclear', message: '' }],
    });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const { page, problems } = await open(url);
    expect(await verdictOf(page)).toBe('Looks suspicious');
    const result = page.locator('.result');
    expect(await result.locator('.result__summary').textContent()).toBe(
      'We cannot tell from the message alone. Be careful, and check it another way first.',
    );
    expect(await result.textContent()).toContain('Nothing in it is a clear sign either way');
    await page.getByLabel('Language / Idioma').selectOption('es');
    await expect
      .poll(() => result.locator('.result__summary').textContent())
      .toBe(
        'No podemos saberlo solo por el mensaje. Tenga cuidado y compruébelo antes por otra vía.',
      );
    expect(await result.textContent()).toContain('Nada en él es una señal clara');
    await expectAccessible(page, 'unclear result');
    expect(await problems()).toEqual([]);
  });

  it('a shared link that is unknown or expired says so plainly', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'not-a-token']) {
      const { page, problems } = await open(`/shared/${token}`);
      await expect
        .poll(() => page.locator('h1').textContent())
        .toBe('This link has expired or does not work');
      expect(await page.getByRole('link', { name: 'Check a message yourself' }).count()).toBe(1);
      await expectAccessible(page, `shared link ${token}`);
      // The 404 from /api/shares/:token is expected; the page handles it.
      expect((await problems()).filter((line) => !line.includes('404'))).toEqual([]);
    }
  });

  it('keyboard only: Tab to the box, type, then Enter and Space on the buttons', async () => {
    const { page, problems, apiChecks } = await open('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    // Skip link, brand, language, the navigation's links (one per installed page), then the box:
    // nothing else may stand in the way.
    const stops = 3 + (await nav.getByRole('link').count()) + 1;
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'check-text') {
      await page.keyboard.press('Tab');
      presses++;
      expect(presses, 'Tab presses to reach the text box').toBeLessThanOrEqual(stops);
    }
    await page.keyboard.type(GENUINE_TEXT);
    // Box → "Choose an email file" → the radio group (one stop) → "Check it".
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.type === 'radio' ? `radio:${el.value}` : (el?.textContent ?? '');
        }),
      );
    }
    expect(order).toEqual(['Choose an email file', 'radio:device', 'Check it']);
    await page.keyboard.press('Enter');
    expect(await verdictOf(page)).toBe('No signs of a scam found');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('result-heading');

    // On to "Check something else" and press it with Space: back to an empty box.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (
        (await page.evaluate(() => document.activeElement?.textContent)) === 'Check something else'
      )
        break;
    }
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('check-text');
    expect(apiChecks).toEqual([]);
    expect(await problems()).toEqual([]);
  });

  it('200% zoom (640 CSS px at 2× on a 1280 px window): no sideways scrolling; screenshots', async () => {
    for (const { name, text, verdict } of [
      { name: 'scam', text: SCAM_TEXT, verdict: 'Scam' },
      { name: 'no-signs', text: GENUINE_TEXT, verdict: 'No signs of a scam found' },
      // A card check that asks only YES or NO: held at suspicious, with what to do (yesNoAlertAlone).
      { name: 'yes-no-alert', text: YES_NO_ALERT, verdict: 'Looks suspicious' },
    ]) {
      const { page, problems } = await open('/', {
        viewport: { width: 640, height: 900 },
        deviceScaleFactor: 2,
      });
      if (name === 'scam') {
        await page.screenshot({ path: join(shots, 'empty-zoom200.png'), fullPage: true });
      }
      await checkText(page, text);
      expect(await verdictOf(page)).toBe(verdict);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${name} result at 200%: wider than the screen`).toBeLessThanOrEqual(0);
      expect(await smallTargets(page, TARGETS)).toEqual([]);
      await page.screenshot({ path: join(shots, `${name}-result-zoom200.png`), fullPage: true });
      expect(await problems()).toEqual([]);
    }
  });

  it('dark mode and a phone: accessible colours, no sideways scrolling', async () => {
    const { page, problems } = await open('/', {
      colorScheme: 'dark',
      viewport: { width: 375, height: 800 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await expectAccessible(page, 'scam check (dark, empty)');
    await checkText(page, SCAM_TEXT);
    expect(await verdictOf(page)).toBe('Scam');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await smallTargets(page, TARGETS)).toEqual([]);
    await expectAccessible(page, 'scam result (dark, phone)');
    await page.screenshot({ path: join(shots, 'scam-result-phone-dark.png'), fullPage: true });
    expect(await problems()).toEqual([]);
  });
});
