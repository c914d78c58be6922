/**
 * The web shell in a real browser against a real server: pages, navigation,
 * keyboard use, accessibility (axe-core, WCAG 2.x A/AA and 2.2), layout on
 * phones and at 200% zoom, dark mode, and that nothing breaks the strict CSP.
 *
 * Uses Debian's Chromium (never downloads one). Without /usr/bin/chromium the
 * suite is skipped with a visible line, except in CI (CI=true) where it fails.
 * Needs the built UI: `npm run build:web`.
 *
 * Screenshots go to test-results/web-shell/ for people to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/platform/test-support/test-server.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium } from './chromium-session.js';

const shots = join(repoRoot, 'test-results', 'web-shell');

requireChromium('web shell');

describe.runIf(hasChromium)('web shell in Chromium', () => {
  const { open } = browserSuite(shots);

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const serious = await runAxe(page, label);
    expect(serious, `${label}: serious or critical axe violations (printed above)`).toEqual([]);
  }

  /** Wide enough for nothing to be cut off, and no sideways scrolling. */
  async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0);
  }

  it('about page: heading, description, navigation from /api/modules, title', async () => {
    const { page, problems } = await open('/about');
    await expect.poll(() => page.title()).toBe('About Shieldwall – Shieldwall');
    expect(await page.locator('h1').textContent()).toBe('About Shieldwall');
    expect(await page.locator('header').textContent()).toContain('stay safe from scams');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    // "Is this a scam?" (the protect module) is the home page and comes first.
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
      await nav.getByRole('link', { name: 'About Shieldwall' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: 'About Shieldwall' })
        .getAttribute('href'),
    ).toBe('/about');
    // The six parts of the plan, and the installed modules offered to open.
    expect(await page.locator('.plan-list h3').count()).toBe(6);
    const installed = page.getByRole('region', { name: 'What you can use here' });
    await installed.getByRole('link', { name: 'Audit log' }).waitFor();
    expect(
      await installed.getByRole('link', { name: 'Is this a scam?' }).getAttribute('href'),
    ).toBe('/');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('18px');
    await expectAccessible(page, 'about (light)');
    await page.screenshot({ path: join(shots, 'about-desktop.png'), fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('keyboard: Tab reaches the skip link first, Enter moves focus to main', async () => {
    const { page, problems } = await open('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .waitFor();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const box = active?.getBoundingClientRect();
      return { text: active?.textContent, top: box?.top ?? -1, height: box?.height ?? 0 };
    });
    expect(skip.text).toBe('Skip to main content');
    // Visible once focused, and a comfortable target.
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.height).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).pathname).toBe('/');

    // From the top again, on through the header: brand, the language picker (named by its label),
    // Is this a scam?, Your account, Threat intelligence, Alerts from your logs, Audit log; Enter opens
    // the page and focus lands on its heading.
    await page.reload();
    const order: string[] = [];
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .waitFor();
    // Tab until the last link of the main menu (bounded: a focus trap must not hang the test).
    for (let i = 0; i < 20 && order.at(-1) !== 'Audit log'; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          const named = active instanceof HTMLSelectElement ? active.labels[0] : active;
          return named?.textContent?.trim() ?? '';
        }),
      );
    }
    expect(order).toEqual([
      'Skip to main content',
      'Shieldwall',
      'Language / Idioma',
      'Is this a scam?',
      'Your account',
      'Threat intelligence',
      'AI safeguards',
      'Your AI models',
      'Alerts from your logs',
      'Audit log',
    ]);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/audit');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Audit log');
    expect(await problems()).toEqual([]);
  });

  it('audit page: checkpoint, entries table, copy with a polite confirmation', async () => {
    const { page, problems } = await open('/audit', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await expect.poll(() => page.title()).toBe('Audit log – Shieldwall');
    expect(await page.locator('h1').textContent()).toBe('Audit log');
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Audit log' })
        .getAttribute('aria-current'),
    ).toBe('page');

    const checkpoint = page.locator('pre.checkpoint');
    await checkpoint.waitFor();
    const text = (await checkpoint.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(20);

    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toMatch(/newest first/);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'No.',
      'When',
      'Who',
      'What happened',
      'Result',
    ]);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    // The server records its own start, so that entry is always there.
    expect(await table.textContent()).toContain('platform.server.started');

    const status = page.locator('.copy [role="status"]');
    expect(await status.textContent()).toBe('');
    await page.getByRole('button', { name: 'Copy checkpoint' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Checkpoint copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    await expectAccessible(page, 'audit (light)');
    await page.screenshot({ path: join(shots, 'audit-desktop.png'), fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('navigation uses real URLs: links, back button, titles and focus', async () => {
    const { page, problems } = await open('/about');
    await page
      .getByRole('region', { name: 'What you can use here' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.waitForURL('**/audit');
    await expect.poll(() => page.title()).toBe('Audit log – Shieldwall');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Audit log');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/about');
    await expect.poll(() => page.title()).toBe('About Shieldwall – Shieldwall');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await problems()).toEqual([]);
  });

  it('unknown address: a kind "not found" page with a way home', async () => {
    const { page, problems } = await open('/no-such-page');
    await expect.poll(() => page.locator('h1').textContent()).toBe("We can't find that page");
    await expect.poll(() => page.title()).toBe("We can't find that page – Shieldwall");
    expect(await page.locator('main').textContent()).toContain(
      'Nothing is wrong with your computer',
    );
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/no-such-page');
    await expect.poll(() => page.locator('h1').textContent()).toBe("We can't find that page");
    await expectAccessible(page, 'not found (light)');
    await page.screenshot({ path: join(shots, 'not-found-desktop.png'), fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('when /api/modules cannot be reached: says so plainly and offers Try again', async () => {
    const { page } = await open('/about');
    const context = page.context();
    await context.route('**/api/modules', (route) => route.abort('connectionrefused'));
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("We can't reach the Shieldwall server");
    await expectAccessible(page, 'modules failed');
    await page.screenshot({ path: join(shots, 'modules-failed-desktop.png'), fullPage: true });
    await context.unroute('**/api/modules');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  for (const { name, width } of [
    { name: 'phone', width: 375 },
    { name: 'narrow', width: 320 },
  ]) {
    it(`${name} (${width} px): no sideways scrolling, tap targets at least 44×44`, async () => {
      for (const path of ['/', '/about', '/audit', '/no-such-page']) {
        const { page, problems } = await open(path, {
          viewport: { width, height: 800 },
          isMobile: true,
          hasTouch: true,
          deviceScaleFactor: 2,
        });
        if (path === '/audit')
          await page.getByRole('button', { name: 'Copy checkpoint' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Audit log' })
          .waitFor();
        await expectNoHorizontalScroll(page, `${path} at ${width}px`);
        const small = await page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLElement>(
              'nav a, main a.button, button, summary, .card__link',
            ),
          ]
            .map((el) => {
              // A card's link is made large by its ::after overlay: measure the card.
              const box = (el.closest('.card') ?? el).getBoundingClientRect();
              return { text: el.textContent?.trim() ?? '', width: box.width, height: box.height };
            })
            .filter((box) => box.width > 0 && (box.width < 44 || box.height < 44)),
        );
        expect(small, `${path} at ${width}px: targets smaller than 44×44`).toEqual([]);
        if (width === 375) {
          const file = path === '/' ? 'home' : path.slice(1);
          await page.screenshot({ path: join(shots, `${file}-phone.png`), fullPage: true });
        }
        expect(await problems()).toEqual([]);
      }
    });
  }

  it('200% zoom (640 CSS px on a 1280 px window): no sideways scrolling', async () => {
    for (const path of ['/', '/about', '/audit']) {
      const { page } = await open(path, {
        viewport: { width: 640, height: 450 },
        deviceScaleFactor: 2,
      });
      if (path === '/audit') await page.getByRole('table').waitFor();
      await expectNoHorizontalScroll(page, `${path} at 200%`);
    }
  });

  it('dark mode: accessible colours on every page', async () => {
    for (const path of ['/', '/about', '/audit', '/no-such-page']) {
      const { page, problems } = await open(path, { colorScheme: 'dark' });
      if (path === '/audit') await page.getByRole('table').waitFor();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Audit log' })
        .waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
        'rgb(255, 255, 255)',
      );
      await expectAccessible(page, `${path} (dark)`);
      const file = path === '/' ? 'home' : path.slice(1);
      await page.screenshot({ path: join(shots, `${file}-dark.png`), fullPage: true });
      if (path === '/audit') {
        await page.setViewportSize({ width: 375, height: 800 });
        await page.screenshot({ path: join(shots, 'audit-phone-dark.png'), fullPage: true });
      }
      expect(await problems()).toEqual([]);
    }
  });

  it('reduced motion: no animations or transitions', async () => {
    const { page } = await open('/', { reducedMotion: 'reduce' });
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll('a, button')].map((el) =>
        Number.parseFloat(getComputedStyle(el).transitionDuration),
      ),
    );
    expect(durations.every((seconds) => seconds <= 0.001)).toBe(true);
  });
});
