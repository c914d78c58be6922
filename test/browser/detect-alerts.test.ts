/**
 * The detection alerts page (/detect) in a real Chromium against a real server (issue 9):
 * signed out it asks to sign in; signed in, a member sees their organization's alerts newest
 * first in plain words (level as a word and an icon, computer, account, when, how many times,
 * what to do next), filters them, watches a new alert arrive live, acknowledges one with a large
 * button, and opens an alert's page with the matching events, the fields the rule looked at,
 * ATT&CK links and the rule's attribution. Another organization's alerts never show. axe-core on
 * each state; screenshots at 200% zoom in English and Spanish go to /tmp/detect-*.png.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIERS_YAML } from '../../src/access/engine/default-tiers.js';
import { accessServices } from '../../src/access/index.js';
import { ALERT_CREATED, type WatchAlert } from '../../src/detect/index.js';
import { createAlertStore } from '../../src/detect/watch/alert-store.js';
import { startTestServer, type TestServer } from '../../src/platform/test-support/test-server.js';
import { attackUrl, isWebLink, parseAlert } from '../../web/src/detect/detect-api.js';
import { detectMessages } from '../../web/src/i18n/detect-messages.js';
import { runAxe } from './axe-check.js';
import { expectCompleteCatalog } from './catalog-check.js';
import {
  hasChromium,
  launchChromium,
  openWatched,
  requireChromium,
  sessionCookie,
  smallTargets,
  type WatchedPage,
} from './chromium-session.js';

const PASSWORD = 'Plum-Tractor-Velvet-93';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

describe('the alerts page without a browser: its catalog and what it accepts from the server', () => {
  it('has every sentence in every language, with the same placeholders, none left in English', () => {
    expectCompleteCatalog(detectMessages);
  });

  it('reads a whole alert, and refuses one of another shape', () => {
    const alert = alertOf('org-1');
    expect(parseAlert(JSON.parse(JSON.stringify(alert)))).toMatchObject({
      id: alert.id,
      level: 'high',
      rule: { author: 'Florian Roth (Nextron Systems)', license: 'DRL-1.1' },
      events: [{ origin: { source: 'Security.evtx', line: 4711 } }],
    });
    expect(parseAlert({ ...alert, level: 'urgent' })).toBeNull();
    expect(parseAlert({ ...alert, status: 'closed' })).toBeNull();
    expect(parseAlert({ ...alert, rule: { id: 'x' } })).toBeNull();
    expect(parseAlert({ ...alert, events: [{ origin: {}, fields: {} }] })).toBeNull();
    expect(parseAlert({ ...alert, count: '3' })).toBeNull();
  });

  it('links ATT&CK techniques and web references only', () => {
    expect(attackUrl('T1059.001')).toBe('https://attack.mitre.org/techniques/T1059/001/');
    expect(attackUrl('t1110')).toBe('https://attack.mitre.org/techniques/T1110/');
    expect(attackUrl('T1059.001/../../evil')).toBeNull();
    expect(attackUrl('attack.t1059')).toBeNull();
    expect(isWebLink('https://example.org/a')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('https://example.org/a b')).toBe(false);
  });
});

requireChromium('detect alerts');

function alertOf(org: string | null, over: Partial<WatchAlert> = {}): WatchAlert {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    org,
    source: 'sigma',
    title: 'Suspicious Encoded PowerShell Command Line',
    level: 'high',
    rule: {
      id: 'ca2092a1-c273-4878-9b4b-0d60115bf5ea',
      title: 'Suspicious Encoded PowerShell Command Line',
      author: 'Florian Roth (Nextron Systems)',
      license: 'DRL-1.1',
      references: ['https://example.org/powershell-encoded', 'javascript:alert(1)'],
      ruleSource: 'rules/windows/process_creation/proc_creation_win_powershell_enc_cmd.yml',
      description: 'Detects suspicious powershell process starts with base64 encoded commands.',
    },
    anomaly: null,
    attack: [{ id: 'T1059.001', tactic: 'execution' }],
    host: 'FRONT-DESK-PC',
    user: 'maria',
    count: 3,
    firstSeen: '2026-12-06T09:00:00.000Z',
    lastSeen: '2026-12-06T09:05:00.000Z',
    events: [
      {
        origin: { source: 'Security.evtx', line: 4711 },
        time: '2026-12-06T09:00:00.000Z',
        fields: {
          CommandLine: 'powershell.exe -enc SQBFAFgA',
          Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
          Computer: 'FRONT-DESK-PC',
        },
      },
    ],
    matchedFields: ['CommandLine'],
    advice: {
      summary: 'Look at this today: it often means an attack.',
      steps: [
        'Ask the person who uses the computer whether they started this program on purpose.',
        'If nobody did, disconnect the computer from the network and keep it switched on for a specialist.',
      ],
    },
    observables: [{ type: 'process', value: 'powershell.exe' }],
    status: 'new',
    createdAt: now,
    ...over,
  };
}

describe.runIf(hasChromium)('detect alerts in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let session = '';
  let outsider = '';
  let tiersDir = '';

  /** A person who signs up with a password, joins `org` (as owner) when given, and signs in. */
  const signedIn = async (name: string, org: string | null): Promise<string> => {
    const email = `${name}-${randomUUID().slice(0, 8)}@small-clinic.example`;
    const signUp = await fetch(`${server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: name, password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const access = await accessServices(server.platform);
    const op = { id: 'operator:detect-test' };
    const userId = await access.directory.setStaffRoles(email, [], op);
    if (org !== null) await access.directory.addMember(org, userId, 'owner', op);
    await access.close();
    const res = await fetch(`${server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = /sw_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(cookie).not.toBe('');
    return cookie;
  };
  let orgId = '';
  let otherOrgId = '';
  const mine = alertOf(null);
  const older = alertOf(null, {
    title: 'Many failed sign-ins for one account',
    level: 'medium',
    host: 'mail-server',
    user: 'admin',
    count: 42,
    createdAt: new Date(Date.now() - 3_600_000).toISOString(),
    attack: [{ id: 'T1110', tactic: 'credential-access' }],
  });
  const theirs = alertOf(null, { title: 'Alert of another organization' });

  /** Store an alert and announce it, as `detect watch` does. */
  const raise = async (alert: WatchAlert) => {
    await createAlertStore(server.platform.store).insert(alert);
    await server.platform.bus.publish(ALERT_CREATED, alert);
  };

  beforeAll(async () => {
    // Verified individuals (detect.run) with a password only, so a test can sign in as one.
    tiersDir = mkdtempSync(join(tmpdir(), 'sw-detect-tiers-'));
    const tiersFile = join(tiersDir, 'tiers.yaml');
    writeFileSync(tiersFile, DEFAULT_TIERS_YAML.replace('security: mfa', 'security: none'));
    server = await startTestServer({ env: { SHIELDWALL_TIERS_FILE: tiersFile } });
    browser = await launchChromium();
    const access = await accessServices(server.platform);
    const op = { id: 'operator:detect-test' };
    const org = await access.directory.createOrg(
      { name: `Small Clinic ${randomUUID().slice(0, 6)}`, tier: 1 },
      op,
    );
    const other = await access.directory.createOrg(
      { name: `Other ${randomUUID().slice(0, 6)}`, tier: 1 },
      op,
    );
    await access.close();
    orgId = org.id;
    otherOrgId = other.id;
    session = await signedIn('maria', orgId);
    outsider = await signedIn('pat', null);
    await raise({ ...older, org: orgId });
    await raise({ ...mine, org: orgId });
    await raise({ ...theirs, org: otherOrgId });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tiersDir !== '') rmSync(tiersDir, { recursive: true, force: true });
  });

  const open = async (
    path: string,
    options: BrowserContextOptions & {
      as?: 'member' | 'outsider' | 'nobody';
      spanish?: boolean;
    } = {},
  ): Promise<WatchedPage> => {
    const { as = 'member', spanish = false, ...rest } = options;
    const host = new URL(server.url).hostname;
    const watched = await openWatched(browser, new URL(path, server.url).href, {
      reducedMotion: 'reduce',
      ...rest,
      storageState: {
        cookies: as !== 'nobody' ? [sessionCookie(host, as === 'member' ? session : outsider)] : [],
        origins: spanish
          ? [
              {
                origin: new URL(server.url).origin,
                localStorage: [{ name: 'shieldwall.locale', value: 'es' }],
              },
            ]
          : [],
      },
    });
    contexts.push(watched.context);
    return watched;
  };

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await runAxe(page, label), `${label}: serious or critical axe violations`).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: wider than the screen`).toBeLessThanOrEqual(0);
  }

  it('asks a signed-out visitor to sign in', async () => {
    const { page, problems } = await open('/detect', { as: 'nobody' });
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByText('Sign in to see the alerts of your organization.').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('list', { name: 'Alerts, newest first' }).count()).toBe(0);
    await expectAccessible(page, 'alerts signed out');
    // The session probe answers 401 when nobody is signed in; that is the point.
    expect((await problems()).filter((l) => !/status of 401/.test(l))).toEqual([]);
  }, 60_000);

  it('tells a signed-in person without detection access why there is nothing to see', async () => {
    const { page } = await open('/detect', { as: 'outsider' });
    await page.getByText(/^Your account cannot see detection alerts\./).waitFor();
    expect(await page.getByRole('list', { name: 'Alerts, newest first' }).count()).toBe(0);
    expect(await page.getByLabel('Level').count()).toBe(0);
    await expectAccessible(page, 'alerts forbidden');
  }, 60_000);

  it('lists the organization’s alerts in plain words, newest first, and filters them', async () => {
    const { page, problems } = await open('/detect');
    const list = page.getByRole('list', { name: 'Alerts, newest first' });
    await list.waitFor();
    const items = list.getByRole('listitem').filter({ has: page.getByRole('article') });
    await expect.poll(() => items.count()).toBe(2);
    const first = (await items.first().textContent()) ?? '';
    expect(first).toContain('Suspicious Encoded PowerShell Command Line');
    expect(first).toContain('Level: High');
    expect(first).toContain('Status: New');
    expect(first).toContain('FRONT-DESK-PC');
    expect(first).toContain('maria');
    expect(first).toContain('3 times');
    expect(first).toContain('What to do next');
    expect(first).toContain('Look at this today: it often means an attack.');
    expect(first).toContain('started this program on purpose');
    expect(await items.nth(1).textContent()).toContain('Many failed sign-ins for one account');
    expect(await items.nth(1).textContent()).toContain('42 times');
    // Never another organization's.
    expect(await list.textContent()).not.toContain('Alert of another organization');
    // The level is a word and an icon, not a colour alone.
    expect(await items.first().locator('.alert-level svg').count()).toBe(1);

    await page.getByLabel('Level').selectOption('medium');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Many failed sign-ins');
    await page.getByLabel('Level').selectOption('');
    await expect.poll(() => items.count()).toBe(2);

    expect(await smallTargets(page, 'main .button, main select')).toEqual([]);
    await expectAccessible(page, 'alerts list');
    await page.screenshot({ path: '/tmp/detect-alerts.png', fullPage: true });
    expect(await problems()).toEqual([]);
  }, 60_000);

  it('shows a new alert as it happens, and acknowledges it with a large button (audited)', async () => {
    const { page, problems } = await open('/detect');
    await page.getByText('Live: new alerts appear here as they happen.').waitFor();
    const list = page.getByRole('list', { name: 'Alerts, newest first' });
    const live = alertOf(orgId, {
      title: 'New service installed on a server',
      level: 'critical',
      attack: [{ id: 'T1543.003', tactic: 'persistence' }],
      advice: { summary: 'Act now.', steps: ['Look for what was added to start automatically.'] },
    });
    await raise(live);
    await raise(alertOf(otherOrgId, { title: 'Live alert of another organization' }));
    const item = list
      .getByRole('listitem')
      .filter({ hasText: 'New service installed on a server' });
    await item.waitFor();
    expect(await list.getByRole('listitem').first().textContent()).toContain(
      'New service installed on a server',
    );
    expect(await item.textContent()).toContain('Level: Critical');
    expect(await item.textContent()).toContain(
      'Act now: this is very likely an attack in progress.',
    );
    // Screen readers hear a count, politely.
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ new alerts?\.$/);

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await item.getByText('Acknowledged. It stays in the list until it is resolved.').waitFor();
    expect(await item.textContent()).toContain('Status: Acknowledged');
    // Focus went to the sentence saying what happened (the pressed button is gone).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Acknowledged.');
    expect(await item.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await item.getByRole('button', { name: 'Mark resolved' }).waitFor();
    expect(await list.textContent()).not.toContain('Live alert of another organization');

    const { entries } = await server.platform.audit.entries({ limit: 1000 });
    expect(
      entries.some(
        (e) => e.action === 'detect.alert.status_changed' && e.subject === `alert:${live.id}`,
      ),
    ).toBe(true);
    await expectAccessible(page, 'alerts after a live alert and an acknowledgement');
    expect(await problems()).toEqual([]);
  }, 60_000);

  it('an alert’s page: matched events and fields, ATT&CK links, the rule’s attribution', async () => {
    const { page, problems } = await open('/detect');
    await page.getByRole('link', { name: 'Many failed sign-ins for one account' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Many failed sign-ins for one account' })
      .waitFor();
    const main = page.getByRole('main');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain(
      'Rule by Florian Roth (Nextron Systems), DRL-1.1, from rules/windows/process_creation/proc_creation_win_powershell_enc_cmd.yml.',
    );
    expect(text).toContain('Event 1: From Security.evtx, line 4,711');
    const matched = page.getByRole('row', { name: /CommandLine \(matched by the rule\)/ });
    expect(await matched.textContent()).toContain('powershell.exe -enc SQBFAFgA');
    const technique = page.getByRole('link', { name: 'T1110' });
    expect(await technique.getAttribute('href')).toBe('https://attack.mitre.org/techniques/T1110/');
    expect(await main.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.getByRole('link', { name: 'https://example.org/powershell-encoded' }).waitFor();
    expect(await smallTargets(page, 'main .button, .alert-back a, .alert-attack a')).toEqual([]);
    await expectAccessible(page, 'alert page');
    await page.screenshot({ path: '/tmp/detect-alert-page.png', fullPage: true });

    // At 200% zoom: nothing wider than the screen.
    const zoomed = await open(page.url(), ZOOMED);
    await zoomed.page.getByRole('heading', { level: 2, name: 'Matching log events' }).waitFor();
    await expectAccessible(zoomed.page, 'alert page at 200%');
    await zoomed.page.screenshot({ path: '/tmp/detect-alert-page-zoom.png', fullPage: true });
    expect(await problems()).toEqual([]);
  }, 60_000);

  it('another organization’s alert is "not found" for this member', async () => {
    const { page } = await open(`/detect/alerts/${theirs.id}`);
    await page
      .getByRole('heading', { level: 1, name: 'Alert not found, or not one you may see' })
      .waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain(
      'Alert of another organization',
    );
    await expectAccessible(page, 'alert not found');
  }, 60_000);

  it('at 200% zoom, in English and in Spanish (usted)', async () => {
    const en = await open('/detect', ZOOMED);
    await en.page.getByRole('list', { name: 'Alerts, newest first' }).waitFor();
    await expectAccessible(en.page, 'alerts at 200%');
    await en.page.screenshot({ path: '/tmp/detect-alerts-zoom-en.png', fullPage: true });

    const es = await open('/detect', { ...ZOOMED, spanish: true });
    await es.page.getByRole('heading', { level: 1, name: 'Alertas' }).waitFor();
    const list = es.page.getByRole('list', { name: 'Alertas, las más recientes primero' });
    await list.waitFor();
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Qué hacer a continuación');
    expect(text).toContain('Nivel: Alto');
    expect(text).toContain('Revíselo hoy: a menudo indica un ataque.');
    expect(text).toContain('3 veces');
    // The rule's own words stay as written, marked as English for screen readers.
    expect(
      await list.locator('[lang="en"]', { hasText: 'Suspicious Encoded PowerShell' }).count(),
    ).toBeGreaterThan(0);
    await es.page.getByRole('button', { name: 'Marcar como vista' }).first().waitFor();
    await expectAccessible(es.page, 'alerts in Spanish at 200%');
    await es.page.screenshot({ path: '/tmp/detect-alerts-zoom-es.png', fullPage: true });
    expect(await es.problems()).toEqual([]);
  }, 60_000);
});
