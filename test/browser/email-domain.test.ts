/**
 * The email-domain page (/protect/email-domain) in Chromium against a real
 * server whose DNS resolver (SHIELDWALL_DNS) is a DNS server on 127.0.0.1 with
 * zone fixtures — never the internet. Keyboard only: type a domain, submit,
 * read findings grouped by record, copy a record, follow the plan; in Spanish
 * too; a bad domain gets a clear error. axe-core on each state, no sideways
 * scrolling at 200% zoom. Screenshots go to /tmp/email-domain-shots.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startZoneDnsServer } from '../../src/protect/domain/test-support/zone-dns-server.js';
import { healthyZone } from '../../src/protect/domain/test-support/zone-fixtures.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium, smallTargets } from './chromium-session.js';

const SHOTS = '/tmp/email-domain-shots';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

const dns = await startZoneDnsServer({
  ...healthyZone('good.example'),
  'bakery.example': {
    txt: ['v=spf1 include:servers.mcsv.net ptr ?all', 'v=spf1 include:_spf.google.com ~all'],
    mx: [{ priority: 1, exchange: 'aspmx.l.google.com' }],
  },
  'servers.mcsv.net': { txt: ['v=spf1 ip4:192.0.2.0/24 ?all'] },
  '_spf.google.com': { txt: ['v=spf1 ip4:198.51.100.0/24 ~all'] },
  '_dmarc.bakery.example': { txt: ['v=DMARC1; p=none'] },
});
afterAll(() => dns.close());

requireChromium('email domain');

describe.runIf(hasChromium)('email-domain page in Chromium', () => {
  const suite = browserSuite(SHOTS, { env: { SHIELDWALL_DNS: dns.address } });
  const open = (options: BrowserContextOptions = {}) =>
    suite.open('/protect/email-domain', { reducedMotion: 'reduce', ...options });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await runAxe(page, label), `${label}: serious or critical axe violations`).toEqual([]);
  }

  async function checkWithKeyboard(page: Page, domain: string): Promise<void> {
    await page.getByLabel(/^Your domain|^Su dominio/).focus();
    await page.keyboard.type(domain);
    await page.keyboard.press('Enter');
    await page.locator('#domain-results-heading').waitFor();
  }

  it('checks a domain with problems: findings by record, records to paste, the plan', async () => {
    const { page, problems } = await open();
    await expectAccessible(page, 'empty form');
    await checkWithKeyboard(page, 'bakery.example');
    // Focus moves to the results heading so screen readers start there.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('domain-results-heading');
    await expect
      .poll(() => page.locator('.domain-summary').textContent())
      .toMatch(/We found \d+ things to fix/);
    const spf = page.locator('section.domain-area', {
      has: page.getByRole('heading', { name: 'Who may send (SPF)' }),
    });
    await expect
      .poll(() => spf.textContent())
      .toContain('You have 2 SPF records; there must be only one');
    expect(await spf.textContent()).toContain('Your SPF uses "ptr"');
    const dmarc = page.locator('section.domain-area', {
      has: page.getByRole('heading', { name: 'Stopping fake senders (DMARC)' }),
    });
    expect(await dmarc.textContent()).toContain('DMARC is on "none" and sends reports nowhere');
    expect(await dmarc.textContent()).toContain(
      'Mail sent through Mailchimp will probably fail DMARC',
    );
    const records = page.locator('.records');
    expect(await records.textContent()).toContain(
      'v=spf1 include:servers.mcsv.net include:_spf.google.com ~all',
    );
    expect(await records.textContent()).toContain(
      'v=DMARC1; p=none; rua=mailto:dmarc-reports@bakery.example',
    );
    const steps = page.locator('.dmarc-plan__step');
    expect(await steps.count()).toBe(4);
    expect(await steps.nth(1).textContent()).toContain('p=quarantine; pct=25');
    await expectAccessible(page, 'results');
    // The tick box's target is its whole label (at least 44 px high), as on the checker's page.
    expect(
      await smallTargets(
        page,
        'main button, main a, main summary, main input:not([type=checkbox]), main .tick-option label',
      ),
    ).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/results.png`, fullPage: true });

    // Copy the first record's value with the keyboard; the status line says it worked.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const copy = page.locator('.record').first().getByRole('button', { name: 'Copy value' });
    await copy.focus();
    await page.keyboard.press('Enter');
    const status = copy.locator('xpath=..').getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'v=spf1 include:servers.mcsv.net include:_spf.google.com ~all',
    );
    expect(await problems()).toEqual([]);
  }, 90_000);

  it('says a healthy domain needs nothing, in Spanish', async () => {
    const { page, problems } = await open({ locale: 'es-ES' });
    expect(await page.locator('h1').textContent()).toBe('¿Es seguro el dominio de mi correo?');
    await checkWithKeyboard(page, 'good.example');
    await expect
      .poll(() => page.locator('.domain-summary').textContent())
      .toBe('No hay nada que corregir. Buen trabajo.');
    expect(await page.locator('.finding--good').first().textContent()).toContain('Está bien');
    await expectAccessible(page, 'healthy, Spanish');
    await page.screenshot({ path: `${SHOTS}/healthy-es.png`, fullPage: true });
    expect(await problems()).toEqual([]);
  });

  it('explains a bad domain next to the field, and a server refusal in an alert', async () => {
    const { page, problems } = await open();
    await page.getByRole('button', { name: 'Check my domain' }).press('Enter');
    const field = page.getByLabel('Your domain', { exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#domain-error').textContent()).toBe(
      'Type your domain first, for example yourshop.com.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('domain-name');
    await field.fill('https://bakery.example/shop');
    await page.keyboard.press('Enter');
    expect(await page.locator('#domain-error').textContent()).toContain('Type just the domain');
    // Passes the light check in the page, refused by the server's strict one (label over 63 characters).
    await field.fill(`${'a'.repeat(70)}.example`);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'We could not check this domain.',
    );
    await expectAccessible(page, 'errors');
    await page.screenshot({ path: `${SHOTS}/errors.png`, fullPage: true });
    expect((await problems()).filter((line) => !/status of 400/.test(line))).toEqual([]);
  });

  it('fits a 200% zoom without sideways scrolling', async () => {
    const { page } = await open(ZOOMED);
    await checkWithKeyboard(page, 'bakery.example');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'zoomed results');
    await page.screenshot({ path: `${SHOTS}/zoomed.png`, fullPage: true });
  }, 90_000);
});
