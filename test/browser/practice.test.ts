/**
 * Practice mode (/protect/practice) and the practice inbox (/protect/exercises) in a real
 * Chromium against a real server: one practice message done with the keyboard only (Tab, Space,
 * Enter), the checker's answer shown beside the lessons, progress kept on the device, Spanish,
 * a member's inbox with "Report this message", and the teaching page a practice link opens.
 * axe-core on each state; screenshots at 100% and 200% zoom go to /tmp/practice-shots/.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium, sessionCookie } from './chromium-session.js';

const SHOTS = '/tmp/practice-shots';
const PASSWORD = 'Plum-Tractor-Velvet-93';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

requireChromium('practice');

describe.runIf(hasChromium)('practice in Chromium', () => {
  const suite = browserSuite(SHOTS);
  const open = (path: string, options: BrowserContextOptions = {}) =>
    suite.open(path, { reducedMotion: 'reduce', ...options });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await runAxe(page, label), `${label}: serious or critical axe violations`).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: wider than the screen`).toBeLessThanOrEqual(0);
  }

  /** Press Tab until the focused element's text matches, or fail after `limit` presses. */
  async function tabTo(page: Page, text: RegExp, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const label =
          el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el?.textContent;
        return label?.trim() ?? '';
      });
      if (text.test(focused)) return;
    }
    throw new Error(`never reached ${text} with Tab`);
  }

  it('completes one practice message with the keyboard only, and explains it with the checker', async () => {
    const { page, problems } = await open('/protect/practice');
    await page.getByRole('heading', { level: 1, name: 'Practice spotting scams' }).waitFor();
    await expectAccessible(page, 'practice list');
    await page.screenshot({ path: `${SHOTS}/practice-list.png`, fullPage: true });

    await tabTo(page, /Parcel delivery text/);
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 2, name: /The message: Parcel delivery text/ })
      .waitFor();

    // Focus moved to the message's heading; the first choice is a few Tab presses on.
    await tabTo(page, /Yes, it is a scam/, 5);
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Yes, it is a scam' }).isChecked()).toBe(true);

    // Point at two red flags and one innocent phrase.
    await tabTo(page, /^due to an unpaid redelivery fee/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Pay within 24 hours/);
    await page.keyboard.press('Enter');
    const pressed = page.locator('button.phrase[aria-pressed="true"]');
    expect(await pressed.count()).toBe(2);
    await page.getByText('2 parts marked').waitFor();
    await expectAccessible(page, 'practice message, two parts marked');
    await page.screenshot({ path: `${SHOTS}/practice-marking.png`, fullPage: true });

    await tabTo(page, /Check my answer/);
    await page.keyboard.press('Enter');
    const result = page.getByRole('heading', { level: 2, name: 'How you did' });
    await result.waitFor();
    await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText('Right: this is a scam.').waitFor();
    await page.getByText('You found 2 of 3 warning signs.').waitFor();
    // The checker ran on this device and its reasons are shown beside the lessons.
    await page
      .getByText('The checker says: this is very likely a scam.')
      .waitFor({ timeout: 30_000 });
    expect(
      await page.getByText('The checker also pointed at this.').count(),
    ).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'practice result');
    await page.screenshot({ path: `${SHOTS}/practice-result.png`, fullPage: true });

    // Progress is kept on this device.
    await page.reload();
    await page.getByText(/You have practised 1 of \d+ messages/).waitFor();
    expect(await problems()).toEqual([]);
  });

  it('stays readable and usable at 200% zoom and in Spanish', async () => {
    const { page, problems } = await open('/protect/practice', ZOOMED);
    await page.getByRole('button', { name: /Hi Mum, new number/ }).click();
    await page.getByRole('button', { name: /this is my new number/ }).click();
    await expectAccessible(page, 'practice at 200%');
    await page.screenshot({ path: `${SHOTS}/practice-200.png`, fullPage: true });

    await page.evaluate(() => window.localStorage.setItem('shieldwall.locale', 'es'));
    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Practique cómo detectar estafas' })
      .waitFor();
    await page.getByRole('button', { name: /Alerta de fraude del banco/ }).click();
    await page.getByRole('radio', { name: 'No, parece auténtico' }).check();
    await page.getByRole('button', { name: 'Comprobar mi respuesta' }).click();
    await page.getByText('Correcto: este mensaje es auténtico.').waitFor();
    await page.getByText('Señales de que es auténtico').waitFor();
    await expectAccessible(page, 'practice in Spanish at 200%');
    await page.screenshot({ path: `${SHOTS}/practice-es-200.png`, fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('asks for a decision before checking, without losing the marks', async () => {
    const { page } = await open('/protect/practice');
    await page.getByRole('button', { name: /Supplier banking update/ }).click();
    await page.getByRole('button', { name: 'we have new bank details' }).click();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await page
      .getByRole('alert')
      .getByText(/Choose “Yes, it is a scam”/)
      .waitFor();
    expect(
      await page
        .getByRole('radio', { name: 'Yes, it is a scam' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await page.locator('button.phrase[aria-pressed="true"]').count()).toBe(1);
  });

  it('a member reports a practice message in the inbox; a practice link opens the teaching page', async () => {
    const email = `pat-${Date.now()}@family-shop.example`;
    const signUp = await fetch(`${suite.server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: 'Pat', password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const access = await accessServices(suite.server.platform);
    const op = { id: 'operator:practice-test' };
    const userId = await access.directory.setStaffRoles(email, [], op);
    const org = await access.directory.createOrg({ name: `Pat's Shop ${Date.now()}`, tier: 0 }, op);
    await access.directory.addMember(org.id, userId, 'owner', op);
    const key = (await access.keys.create({ owner: { type: 'user', id: userId } }, op)).key;
    await access.close();
    const created = await fetch(`${suite.server.url}/api/protect/exercises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        orgId: org.id,
        name: 'Spring practice',
        messages: ['invoice-bank-change-email', 'delivery-fee-text'],
        days: 14,
      }),
    });
    expect(created.status).toBe(201);
    const signIn = await fetch(`${suite.server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const session = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeDefined();
    const host = new URL(suite.server.url);
    const { page, problems } = await open('/protect/exercises', {
      storageState: {
        cookies: [sessionCookie(host.hostname, session ?? '')],
        origins: [],
      },
    });
    await page.getByRole('heading', { level: 2, name: 'Your practice messages' }).waitFor();
    await page.getByRole('button', { name: /^Open\W+Updated banking details/ }).click();
    await page.getByRole('button', { name: 'Report this message' }).click();
    await page.getByText(/Thank you for reporting it/).waitFor();
    await page.getByText('You reported it').waitFor();
    // The admin view (this member owns the organization) counts the report after a reload.
    await page.reload();
    await page.locator('.exercise-metrics dd').getByText('100% (1/1)').waitFor();
    await expectAccessible(page, 'practice inbox with admin view');
    await page.screenshot({ path: `${SHOTS}/exercises-inbox.png`, fullPage: true });

    // The practice link: its own page says what happened, kindly, and the click is recorded.
    const inbox = (await (
      await fetch(`${suite.server.url}/api/protect/exercises/inbox`, {
        headers: { authorization: `Bearer ${key}` },
      })
    ).json()) as { items: { token: string }[] };
    const token = inbox.items[0]?.token ?? '';
    const caught = await open(`/protect/exercises#caught=${token}`, ZOOMED);
    await caught.page
      .getByRole('heading', { level: 1, name: 'This was a practice message' })
      .waitFor();
    await expectAccessible(caught.page, 'teaching page at 200%');
    await caught.page.screenshot({ path: `${SHOTS}/exercises-caught-200.png`, fullPage: true });
    const clicked = async () => {
      const res = await fetch(`${suite.server.url}/api/protect/exercises?orgId=${org.id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const body = (await res.json()) as { exercises: { metrics: { clicked: number } }[] };
      return body.exercises[0]?.metrics.clicked;
    };
    await expect.poll(clicked).toBe(1);
    expect(await problems()).toEqual([]);
    expect(await caught.problems()).toEqual([]);
  }, 120_000);

  it('asks a signed-out visitor to sign in', async () => {
    const { page } = await open('/protect/exercises');
    await page.getByText('Sign in to see your practice inbox.').waitFor();
    await expectAccessible(page, 'inbox signed out');
    await page.screenshot({ path: `${SHOTS}/exercises-signed-out.png`, fullPage: true });
  });
});
