/**
 * The small-business checkup (/protect/checkup) in a real browser against a real server: someone
 * without an account takes the whole checkup with the keyboard-friendly radio answers, sees the
 * result (area bars with numbers, top five fixes) and downloads the Markdown and CSV made on the
 * device; the page in Spanish; a signed-in owner saves the checkup for their organization and sees
 * it in the history with a PDF export. axe-core on every screen, 44 px targets, no sideways
 * scrolling at 200% zoom. Screenshots go to /tmp/checkup-shots/.
 */

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import { runAxe } from './axe-check.js';
import {
  browserSuite,
  hasChromium,
  requireChromium,
  sessionCookie,
  smallTargets,
} from './chromium-session.js';

const SHOTS = '/tmp/checkup-shots';
const PASSWORD = 'Plum-Tractor-Velvet-93';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

requireChromium('checkup');

/** Answers every question of the current part with `pick(questionIndex)` and goes on. */
async function answerPart(page: Page, pick: (n: number) => string): Promise<void> {
  const fieldsets = page.locator('fieldset.checkup-question');
  const count = await fieldsets.count();
  for (let i = 0; i < count; i++)
    await fieldsets
      .nth(i)
      .getByRole('radio', { name: pick(i), exact: true })
      .check();
}

/** What a page complained about, minus the signed-out session probe (401 on purpose). */
async function unexpected(problems: () => Promise<string[]>): Promise<string[]> {
  return (await problems()).filter((p) => !p.includes('status of 401 (Unauthorized)'));
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe.runIf(hasChromium)('small-business checkup in Chromium', () => {
  const suite = browserSuite(SHOTS);
  const open = (path: string, options: BrowserContextOptions = {}) =>
    suite.open(path, { reducedMotion: 'reduce', acceptDownloads: true, ...options });

  it('without an account: every part, the result, and downloads made on the device', async () => {
    const { page, problems } = await open('/protect/checkup');
    await expect(page.locator('h1').textContent()).resolves.toBe('Small-business security checkup');
    expect(await runAxe(page, 'checkup intro')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/intro.png`, fullPage: true });
    await page.getByRole('button', { name: 'Start the checkup' }).click();

    // Part 1: focus moves to the part's heading; "Next" without answers explains what is missing.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Part 1 of 6: Backups');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Please answer every question',
    );
    expect(await smallTargets(page, '.checkup-choice, .checkup-actions .button')).toEqual([]);
    expect(await runAxe(page, 'checkup part 1')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/part-1.png`, fullPage: true });

    // Backups all "No", then "Yes" everywhere except one "I don’t know" in each later part.
    await answerPart(page, () => 'No');
    await page.getByRole('button', { name: 'Next' }).click();
    for (let part = 2; part <= 6; part++) {
      await page.getByRole('heading', { name: new RegExp(`^Part ${part} of 6`) }).waitFor();
      await answerPart(page, (n) => (n === 0 ? 'I don’t know' : 'Yes'));
      await page.getByRole('button', { name: part === 6 ? 'See my result' : 'Next' }).click();
    }

    await page.getByRole('heading', { name: 'Your result' }).waitFor();
    const areas = page.locator('.checkup-areas li');
    await expect(areas.count()).resolves.toBe(6);
    await expect(areas.first().textContent()).resolves.toBe('Backups0 out of 100');
    const fixes = page.locator('.checkup-fix h4');
    await expect(fixes.count()).resolves.toBe(5);
    // Backups (impact 5, effort 2) and the "don’t know" answers compete; the first fix is the
    // highest impact-over-effort one: mfa-email-banking was answered "I don't know".
    await expect(fixes.first().textContent()).resolves.toBe(
      'Turn on two-step sign-in for email, banking and accounting',
    );
    await expect(page.locator('.checkup-badge').first().textContent()).resolves.toBe(
      'Find out first',
    );
    await page.locator('.checkup-fix summary').first().click();
    expect(await runAxe(page, 'checkup result')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/result.png`, fullPage: true });

    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Report (Markdown)' }).click(),
    ]);
    const markdown = readFileSync((await md.path()) as string, 'utf8');
    expect(markdown).toContain('# Small-business security checkup');
    expect(markdown).toContain('- Backups: 0 out of 100');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Framework cross-reference (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^checkup-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync((await csv.path()) as string, 'utf8')).toContain(',2.R,No,');

    // Kept on the device: a reload offers to continue or see the result.
    await page.reload();
    await page.getByRole('button', { name: 'See my result' }).waitFor();
    expect(await unexpected(problems)).toEqual([]);
  });

  it('at 200% zoom and in Spanish', async () => {
    const { page, problems } = await open('/protect/checkup', ZOOMED);
    await page.evaluate(() => window.localStorage.setItem('shieldwall.locale', 'es'));
    await page.reload();
    await page.locator('h1').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Revisión de seguridad para pequeñas empresas',
    );
    await page.getByRole('button', { name: 'Empezar la revisión' }).click();
    await page.getByRole('heading', { name: 'Parte 1 de 6: Copias de seguridad' }).waitFor();
    await noSidewaysScroll(page);
    expect(await runAxe(page, 'checkup part 1, es, zoomed')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/part-1-es-zoom.png`, fullPage: true });
    for (let part = 1; part <= 6; part++) {
      await answerPart(page, () => 'En parte');
      await page
        .getByRole('button', { name: part === 6 ? 'Ver mi resultado' : 'Siguiente' })
        .click();
    }
    await page.getByRole('heading', { name: 'Su resultado' }).waitFor();
    await expect(page.locator('.checkup-overall').textContent()).resolves.toBe('Global: 50 de 100');
    await noSidewaysScroll(page);
    expect(await runAxe(page, 'checkup result, es, zoomed')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/result-es-zoom.png`, fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('signed in as an owner: saves for the organization and shows the history', async () => {
    const email = `owner-${randomUUID().slice(0, 8)}@bakery.example`;
    const signUp = await fetch(`${suite.server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: 'Olivia Owner', password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const signIn = await fetch(`${suite.server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const session = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const me = (await (
      await fetch(`${suite.server.url}/api/access/me`, {
        headers: { cookie: `sw_session=${session}` },
      })
    ).json()) as { id: string };
    const userId = me.id.replace(/^user:/, '');
    const access = await accessServices(suite.server.platform);
    const op = { id: 'operator:test' };
    const org = await access.directory.createOrg(
      { name: `Corner Bakery ${randomUUID().slice(0, 4)}` },
      op,
    );
    await access.directory.addMember(org.id, userId, 'owner', op);
    await access.close();

    const host = new URL(suite.server.url);
    const { page, problems } = await open('/protect/checkup', {
      storageState: {
        cookies: [sessionCookie(host.hostname, session)],
        origins: [],
      },
    });
    const select = page.getByLabel('Answer for');
    await select.waitFor();
    await select.selectOption(org.id);
    await page.getByRole('button', { name: 'Start the checkup' }).click();
    for (let part = 1; part <= 6; part++) {
      await page.getByRole('heading', { name: new RegExp(`^Part ${part} of 6`) }).waitFor();
      await answerPart(page, (n) => (n === 1 ? 'No' : 'Yes'));
      await page.getByRole('button', { name: part === 6 ? 'See my result' : 'Next' }).click();
    }
    await page.getByText(`${org.name} has not saved a checkup yet.`).waitFor();
    await page.getByRole('button', { name: `Save this checkup for ${org.name}` }).click();
    await page.getByText(`Saved for ${org.name} on`).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    const pdf = page.getByRole('link', { name: 'Report (PDF) of the last saved checkup' });
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    expect(
      readFileSync((await download.path()) as string)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(await runAxe(page, 'checkup result, saved')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/saved.png`, fullPage: true });
    expect(await problems()).toEqual([]);
  });
});
