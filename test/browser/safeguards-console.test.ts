/**
 * The AI safeguards pages (/safeguards) in a real Chromium against a real server (issue 6):
 * signed out they ask to sign in; an org admin sees "Limits on your account" with the limit in
 * plain words and its reason, appeals it once with a written reason, and reads the message they
 * were sent; an operator's console shows live decisions (a new one arrives while the page is
 * open), accounts by risk, findings, the lever history and the appeal queue with the evidence,
 * where a granted appeal lifts the limit; an org admin sets where the messages are also posted
 * (webhook), sees its secret once, and removes it. Every subject shows who it is (the
 * organization's name, "user '…' of …" for an end user) with its id below, and a name that looks
 * like HTML stays text. An owner never sees the console. axe-core on each state; screenshots in
 * English and Spanish (200% zoom) go to /tmp/shots/safeguards-*.png.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import type { GatewayTables } from '../../src/gateway/index.js';
import { startTestServer, type TestServer } from '../../src/platform/test-support/test-server.js';
import { createDecisionFeed } from '../../src/safeguards/decision-feed.js';
import { safeguardsServices, storeFindings } from '../../src/safeguards/index.js';
import { noticeMessages } from '../../src/safeguards/notice-text.js';
import { PAUSE_AFTER, PAUSED_ERROR } from '../../src/safeguards/owner-webhooks.js';
import type { SafeguardsTables } from '../../src/safeguards/safeguards-tables.js';
import { safeguardsMessages } from '../../web/src/i18n/safeguards-messages.js';
import { safeguardsWebhookMessages } from '../../web/src/i18n/safeguards-webhook-messages.js';
import { PAUSED_ERROR as PAGE_PAUSED_ERROR } from '../../web/src/safeguards/safeguards-api.js';
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
const SHOTS = '/tmp/shots';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

describe('the safeguards pages without a browser: their catalogs', () => {
  it('have every sentence in every language, with the same placeholders, none left in English', () => {
    for (const messages of [safeguardsMessages, safeguardsWebhookMessages, noticeMessages]) {
      expectCompleteCatalog(messages, new Set(['risk_percent']));
    }
  });
});

requireChromium('safeguards console');

describe.runIf(hasChromium)('safeguards pages in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sessions = { owner: '', operator: '' };
  let orgId = '';
  let orgName = '';
  const blocked = `req-${randomUUID()}`;
  /** A request from an end user whose identifier looks like HTML: it must stay text. */
  const hostile = `req-${randomUUID()}`;
  const HOSTILE_END_USER = '<img/src=x/onerror=window.__pwned=1>';

  /** A person who signs up with a password, gets staff roles, joins `org` as owner, and signs in. */
  const signedIn = async (name: string, staff: string[], org: string | null): Promise<string> => {
    const email = `${name}-${randomUUID().slice(0, 8)}@small-clinic.example`;
    const signUp = await fetch(`${server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: name, password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const access = await accessServices(server.platform);
    const op = { id: 'operator:safeguards-test' };
    const userId = await access.directory.setStaffRoles(email, staff, op);
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

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    const access = await accessServices(server.platform);
    const org = await access.directory.createOrg(
      { name: `Small Clinic ${randomUUID().slice(0, 6)}`, tier: 2 },
      { id: 'operator:safeguards-test' },
    );
    await access.close();
    orgId = org.id;
    orgName = org.name;
    sessions.owner = await signedIn('maria', [], orgId);
    sessions.operator = await signedIn('olga', ['operator'], null);
    const now = Date.now();
    await server.platform.store
      .db<GatewayTables>()
      .insertInto('gateway_requests')
      .values({
        id: blocked,
        created_at: now - 60_000,
        principal: `org:${orgId}`,
        org_id: orgId,
        key_id: null,
        end_user: null,
        tier: 2,
        endpoint: 'chat',
        model: 'defender-small',
        upstream: null,
        status: 403,
        error_code: 'safeguard_blocked',
        stream: 0,
        latency_ms: 2,
        prompt_tokens: 12,
        completion_tokens: 0,
        total_tokens: 12,
        decision: 'block',
        risk: 0.94,
        categories: JSON.stringify([{ id: 'malware_ransomware', score: 0.94 }]),
        prompt: 'Write ransomware that encrypts every file on the clinic file server.',
        response: null,
        content_expires_at: now + 86_400_000,
      })
      .execute();
    await server.platform.store
      .db<GatewayTables>()
      .insertInto('gateway_requests')
      .values({
        id: hostile,
        created_at: now - 120_000,
        principal: `org:${orgId}`,
        org_id: orgId,
        key_id: null,
        end_user: HOSTILE_END_USER,
        tier: 2,
        endpoint: 'chat',
        model: 'defender-small',
        upstream: null,
        status: 200,
        error_code: null,
        stream: 0,
        latency_ms: 2,
        prompt_tokens: 8,
        completion_tokens: 4,
        total_tokens: 12,
        decision: 'monitor',
        risk: 0.41,
        categories: JSON.stringify([{ id: 'exploitation', score: 0.41 }]),
        prompt: 'How do attackers usually get into file servers?',
        response: null,
        content_expires_at: now + 86_400_000,
      })
      .execute();
    const s = await safeguardsServices(server.platform);
    await s.risk.record({
      requestId: blocked,
      at: now - 60_000,
      orgId,
      keyId: null,
      userId: null,
      endUser: null,
      tier: 2,
      decision: 'block',
      risk: 0.94,
      categories: [{ id: 'malware_ransomware', score: 0.94 }],
    });
    await s.levers.pull(
      {
        kind: 'restrict',
        target: `org:${orgId}`,
        tier: 1,
        forMs: 7 * 86_400_000,
        reason: 'Requests to build ransomware',
        automatic: true,
        evidence: [`request:${blocked} block malware_ransomware`],
      },
      { id: 'system:safeguards' },
    );
    await s.close();
    await storeFindings(
      server.platform.store,
      [
        {
          kind: 'repeated_blocks',
          subject: `org:${orgId}`,
          summary: '6 blocked prompts from org in 24 h',
          requestIds: [blocked],
        },
      ],
      now,
    );
  }, 90_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (
    path: string,
    options: BrowserContextOptions & {
      as?: 'owner' | 'operator' | 'nobody';
      spanish?: boolean;
    } = {},
  ): Promise<WatchedPage> => {
    const { as = 'owner', spanish = false, ...rest } = options;
    const host = new URL(server.url).hostname;
    const watched = await openWatched(browser, new URL(path, server.url).href, {
      reducedMotion: 'reduce',
      ...rest,
      storageState: {
        cookies: as === 'nobody' ? [] : [sessionCookie(host, sessions[as])],
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
    const { page, problems } = await open('/safeguards', { as: 'nobody' });
    await page.getByRole('heading', { level: 1, name: 'AI safeguards' }).waitFor();
    await page.getByText('Sign in to see whether there are limits on your account.').waitFor();
    await expectAccessible(page, 'safeguards signed out');
    expect((await problems()).filter((l) => !/status of 401/.test(l))).toEqual([]);
  }, 60_000);

  it('an owner sees the limit in plain words, appeals it once, and reads the message', async () => {
    const { page, problems } = await open('/safeguards');
    const limits = page.getByRole('region', { name: 'Limits on your account' });
    await limits
      .getByRole('heading', {
        level: 3,
        name: /AI requests from your organization are served at access level 1 at most until/,
      })
      .waitFor();
    const text = (await limits.textContent()) ?? '';
    expect(text).toContain('Our safeguards did this automatically: Requests to build ransomware');
    expect(text).toMatch(/Organization: Small Clinic/);
    // The operators' evidence is not shown to the owner.
    expect(text).not.toContain(blocked);
    // No console for an owner.
    expect(await page.getByRole('navigation', { name: 'Safeguards pages' }).count()).toBe(0);
    const messages = page.getByRole('region', { name: 'Messages about limits' });
    await messages.getByRole('heading', { name: 'A limit was put on your organization' }).waitFor();
    await expectAccessible(page, 'owner limits');
    await page.screenshot({ path: `${SHOTS}/safeguards-owner.png`, fullPage: true });

    await page.getByRole('button', { name: 'Appeal this limit' }).click();
    const box = page.getByLabel('Why should this limit be lifted?');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.getByRole('button', { name: 'Send appeal' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Write why the limit should be lifted.' })
      .waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'owner appeal form with a mistake');
    expect(await smallTargets(page, 'main .button, main textarea')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/safeguards-owner-appeal.png`, fullPage: true });
    await box.fill('We test our own detection rules; these prompts were for our malware lab.');
    await page.getByRole('button', { name: 'Send appeal' }).click();
    await limits.getByText(/Appeal sent on .*A reviewer has not decided yet\./).waitFor();
    expect(await page.getByRole('button', { name: 'Appeal this limit' }).count()).toBe(0);

    await messages.getByRole('button', { name: 'Mark as read' }).first().click();
    await expect.poll(() => messages.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);

    const { page: console } = await open('/safeguards/appeals');
    await console.getByText(/^This part is for the people who run this Shieldwall/).waitFor();
    expect(await problems()).toEqual([]);
  }, 60_000);

  it('the operators’ console: live decisions, accounts by risk, findings, lever history', async () => {
    const { page, problems } = await open('/safeguards/decisions', { as: 'operator' });
    await page.getByRole('heading', { level: 1, name: 'Live decisions' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Safeguards pages' });
    expect(
      await nav.getByRole('link', { name: 'Live decisions' }).getAttribute('aria-current'),
    ).toBe('page');
    await page.getByText('Live: new decisions appear here as they happen.').waitFor();
    const list = page.getByRole('main').getByRole('list').last();
    await list.getByText(blocked).waitFor();
    expect(await list.textContent()).toContain('Malware or ransomware');
    // Who it is at a glance, with the id below it for the CLI.
    const first = list.getByRole('listitem').filter({ hasText: blocked });
    expect(await first.locator('.sg-who__name').textContent()).toBe(orgName);
    expect(await first.locator('.sg-who__id').textContent()).toBe(`org:${orgId}`);
    const odd = list.getByRole('listitem').filter({ hasText: hostile });
    expect(await odd.locator('.sg-who__name').textContent()).toBe(
      `user '${HOSTILE_END_USER}' of ${orgName}`,
    );
    expect(await odd.locator('img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    const feed = createDecisionFeed({ bus: server.platform.bus, logger: { warn: () => {} } });
    feed.observe({
      requestId: 'req-live-1',
      at: Date.now(),
      orgId,
      keyId: null,
      userId: null,
      endUser: null,
      tier: 2,
      decision: 'friction',
      risk: 0.61,
      categories: [{ id: 'credential_theft_phishing', score: 0.61 }],
    });
    const live = list.getByRole('listitem').filter({ hasText: 'req-live-1' });
    await live.waitFor();
    expect(await live.textContent()).toContain('Slowed down');
    expect(await live.textContent()).toContain('Stealing passwords or phishing');
    expect(await live.locator('.sg-who__name').textContent()).toBe(orgName);
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ new decisions?\.$/);
    expect(await smallTargets(page, '.sg-nav__link')).toEqual([]);
    await expectAccessible(page, 'live decisions');
    await page.screenshot({ path: `${SHOTS}/safeguards-decisions.png`, fullPage: true });

    await nav.getByRole('link', { name: 'Accounts by risk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts by risk' }).waitFor();
    await page.getByText('Risk score: 5').waitFor();
    await page.getByText('1 blocked request recently').waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(`^${orgName}`) }).waitFor();
    await expectAccessible(page, 'risk');
    await page.screenshot({ path: `${SHOTS}/safeguards-risk.png`, fullPage: true });

    await nav.getByRole('link', { name: 'Findings' }).click();
    await page.getByRole('heading', { level: 3, name: 'Repeated blocked attempts' }).waitFor();
    expect(await page.locator('.sg-card .sg-who__name').first().textContent()).toBe(orgName);
    await expectAccessible(page, 'findings');
    await page.screenshot({ path: `${SHOTS}/safeguards-findings.png`, fullPage: true });

    await nav.getByRole('link', { name: 'Lever history' }).click();
    await page.getByRole('heading', { level: 3, name: 'Access level lowered to 1' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'Put automatically by the safeguards',
    );
    expect(await page.getByRole('main').textContent()).toContain(`On: ${orgName}org:${orgId}`);
    await expectAccessible(page, 'lever history');
    await page.screenshot({ path: `${SHOTS}/safeguards-levers.png`, fullPage: true });
    expect(await problems()).toEqual([]);
  }, 90_000);

  it('the appeal queue shows the evidence; granting lifts the limit and tells the owner', async () => {
    const { page, problems } = await open('/safeguards/appeals', { as: 'operator' });
    await page.getByRole('heading', { level: 1, name: 'Appeals' }).waitFor();
    const item = page.getByRole('article').filter({ hasText: 'malware lab' });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Requests to build ransomware');
    expect(text).toContain('Write ransomware that encrypts every file');
    expect(text).toContain(blocked);
    expect(text).toContain('Still in force.');
    expect(await item.getByRole('heading', { level: 3 }).first().textContent()).toBe(
      `${orgName}org:${orgId}`,
    );
    await expectAccessible(page, 'appeal queue');
    await page.screenshot({ path: `${SHOTS}/safeguards-appeals.png`, fullPage: true });
    await item.getByRole('button', { name: 'Grant: lift the limit' }).click();
    await item.getByRole('alert').filter({ hasText: 'Write a reason first.' }).waitFor();
    await item
      .getByLabel('Your reason (the owner reads it)')
      .fill('Confirmed with the clinic: a malware lab.');
    await item.getByRole('button', { name: 'Grant: lift the limit' }).click();
    await item.getByText('Granted. The limit was lifted and the owner was told.').waitFor();
    expect(await item.textContent()).toContain('No longer in force.');
    await expectAccessible(page, 'appeal granted');
    await page.screenshot({ path: `${SHOTS}/safeguards-appeal-granted.png`, fullPage: true });

    const owner = await open('/safeguards');
    await owner.page
      .getByRole('region', { name: 'Messages about limits' })
      .getByRole('heading', { name: 'Your appeal was accepted' })
      .waitFor();
    await owner.page
      .getByText(
        'There are no limits on your account or on the organizations you manage. AI requests work normally.',
      )
      .waitFor();
    expect(await problems()).toEqual([]);
  }, 60_000);

  it('an org admin sends the messages to their own system: sets the address, sees the secret once, removes it', async () => {
    const { page, problems } = await open('/safeguards');
    const sectionName = 'Send these messages to your own system';
    const section = page.getByRole('region', { name: sectionName });
    const card = section.getByRole('article', { name: orgName });
    await card
      .getByText('Not set up. Messages about this organization are shown only on this page.')
      .waitFor();
    expect(await section.textContent()).toContain('The address must start with https://');
    const field = card.getByLabel('Web address that receives the messages');
    const save = card.getByRole('button', { name: 'Save address' });
    const mistake = card.getByRole('alert');

    // Mistakes are said next to the field, in the page's words or the server's.
    await save.click();
    await mistake.filter({ hasText: 'Write the web address first.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('http://alerts.small-clinic.example/shieldwall');
    await save.click();
    await mistake.filter({ hasText: 'The address must start with https://' }).waitFor();
    await field.fill('https://localhost/shieldwall');
    await save.click();
    await mistake
      .filter({
        hasText:
          /^We couldn't save the address\. The webhook address cannot be used: an internal address/,
      })
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await field.getAttribute('id'),
    );
    await expectAccessible(page, 'webhook form with a mistake');
    await card.screenshot({ path: `${SHOTS}/safeguards-webhook-mistake.png` });

    const address = 'https://alerts.small-clinic.example/shieldwall?team=it';
    await field.fill(address);
    await save.click();
    const secretBox = card.locator('.secret__text');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await card.getByText('We show it only this once.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Copy the secret code now');
    expect(await card.textContent()).toContain(`Messages are also sent to ${address}`);
    await card.getByRole('button', { name: 'Copy secret code' }).waitFor();
    await section.getByText('For your technical team').click();
    await section.getByRole('link', { name: 'Standard Webhooks' }).waitFor();
    await expectAccessible(page, 'webhook secret shown once');
    expect(await smallTargets(page, 'main .button, main input, main summary')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/safeguards-webhook.png`, fullPage: true });
    await card.getByRole('button', { name: 'I have copied it' }).click();
    await card.getByText('The secret code is hidden now.').waitFor();
    expect(await secretBox.count()).toBe(0);

    // After a reload: the address and its date, never the secret again.
    await page.reload();
    await card.getByText(`Messages are also sent to ${address}`).waitFor();
    await card.getByText(/^Set up on .*\d{4}\.$/).waitFor();
    expect(await page.content()).not.toContain(secret);
    await card.getByLabel('New web address').waitFor();
    await card.getByText('Saving a new address also makes a new secret code').waitFor();
    await card.getByRole('button', { name: 'Replace address' }).waitFor();

    // A test message, sent now and signed: no computer has this address's name (names under .example never
    // resolve), and the page says so beside the button, in plain words.
    await card
      .getByRole('button', { name: `Send a test message to the address of ${orgName}` })
      .click();
    const answer = card.locator('.sg-webhook__test');
    await answer.getByText('Not delivered:', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await answer.textContent()).toMatch(
      /^Not delivered: (no computer has that address name\.|the connection failed \(EAI_AGAIN\)\.) Check the address with whoever runs the receiving system/,
    );
    await expectAccessible(page, 'a test message not delivered');
    await card.screenshot({ path: `${SHOTS}/safeguards-webhook-test.png` });

    // A limit put on the organization and lifted: both messages go to the address, which fails; the
    // admin sees each one, its tries and the problem, under "Latest messages sent".
    const s = await safeguardsServices(server.platform);
    const { lever } = await s.levers.pull(
      { kind: 'restrict', target: `org:${orgId}`, tier: 1, reason: 'Checking the webhook list' },
      { id: 'user:operator' },
    );
    await s.levers.lift({ id: lever.id }, 'Checked', { id: 'user:operator' });
    await s.close();
    await card.getByText('Latest messages sent').click();
    const sent = card.getByRole('table', {
      name: `The latest messages sent about ${orgName}, newest first`,
    });
    const sentRows = sent.getByRole('row');
    const again = card.getByRole('button', {
      name: `Check again the messages sent about ${orgName}`,
    });
    // The worker tries each within a second or so: check again until both have been tried.
    await expect
      .poll(
        async () => {
          if ((await sent.count()) === 0 || (await sentRows.count()) < 3) {
            if ((await again.count()) > 0) await again.click();
            return '';
          }
          const text = (await sent.textContent()) ?? '';
          if (!/Failed; trying again later.*Failed; trying again later/s.test(text))
            await again.click();
          return text;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatch(
        /A limit was lifted.*Failed; trying again later.*A limit was put on.*Failed; trying again later/s,
      );
    expect(await sent.textContent()).toContain('No computer has that address name.');
    await expectAccessible(page, 'messages sent, with problems');
    await card.screenshot({ path: `${SHOTS}/safeguards-webhook-deliveries.png` });

    // Failing for days: the address is paused (owner-webhooks.ts, PAUSE_AFTER notices in a row that
    // failed every retry). The card says so, and what brings it back.
    await server.platform.store
      .db<SafeguardsTables>()
      .updateTable('safeguards_webhook')
      .set({ paused_at: Date.now(), failed_in_a_row: PAUSE_AFTER })
      .where('org_id', '=', orgId)
      .execute();
    await page.reload();
    await card.getByText(/^Paused on .*: the last three messages could not be delivered/).waitFor();
    // Not "are also sent" while nothing is sent.
    await card
      .getByText(`Messages would also be sent to ${address}, but sending is paused.`)
      .waitFor();
    expect(await card.textContent()).not.toContain('Messages are also sent to');
    await card
      .getByText('When the receiving system works again, send a test message', { exact: false })
      .waitFor();
    // A notice skipped while paused is worded by this string (webhook-section.tsx statusWords).
    expect(PAGE_PAUSED_ERROR).toBe(PAUSED_ERROR);
    await expectAccessible(page, 'webhook paused');
    await card.screenshot({ path: `${SHOTS}/safeguards-webhook-paused.png` });

    // The same in Spanish, at 200% zoom.
    const es = await open('/safeguards', { ...ZOOMED, spanish: true });
    const esCard = es.page
      .getByRole('region', { name: 'Enviar estos mensajes a su propio sistema' })
      .getByRole('article', { name: orgName });
    await esCard
      .getByText(`Los mensajes también se enviarían a ${address}, pero el envío está en pausa.`)
      .waitFor();
    await esCard.getByText(/^En pausa desde el .*: los tres últimos mensajes/).waitFor();
    await esCard
      .getByRole('button', { name: `Dejar de enviar los mensajes sobre ${orgName}` })
      .waitFor();
    await esCard
      .getByRole('button', { name: `Enviar un mensaje de prueba a la dirección de ${orgName}` })
      .waitFor();
    await expectAccessible(es.page, 'webhook set, in Spanish at 200%');
    await es.page.screenshot({ path: `${SHOTS}/safeguards-webhook-zoom-es.png`, fullPage: true });

    // Removing asks first, then says it is done; a reload shows it is gone.
    await card.getByRole('button', { name: `Stop sending messages about ${orgName}` }).click();
    const dialog = page.getByRole('dialog', {
      name: `Stop sending messages about ${orgName} to this address?`,
    });
    await dialog.waitFor();
    await expectAccessible(page, 'webhook removal dialog');
    await page.screenshot({ path: `${SHOTS}/safeguards-webhook-remove.png` });
    await dialog.getByRole('button', { name: 'Yes, stop sending' }).click();
    await card
      .getByText(`Stopped. Messages about ${orgName} are no longer sent to another system.`)
      .waitFor();
    await card.getByText('Not set up.', { exact: false }).waitFor();
    await page.reload();
    await card
      .getByText('Not set up. Messages about this organization are shown only on this page.')
      .waitFor();
    await card.getByRole('button', { name: 'Save address' }).waitFor();
    // Someone who administers no organization is not offered the form.
    const other = await open('/safeguards', { as: 'operator' });
    await other.page.getByRole('region', { name: 'Messages about limits' }).waitFor();
    expect(await other.page.getByRole('region', { name: sectionName }).count()).toBe(0);
    // The one failure logged is the server refusing the internal address (400), as it should.
    expect(await problems()).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    expect(await es.problems()).toEqual([]);
  }, 90_000);

  it('at 200% zoom, in Spanish (usted), for an owner and an operator', async () => {
    const s = await safeguardsServices(server.platform);
    await s.levers.pull(
      {
        kind: 'friction',
        target: `org:${orgId}`,
        mode: 'step-up',
        reason: 'Clave vista desde 30 redes',
      },
      { id: 'user:operator' },
    );
    await s.close();
    const owner = await open('/safeguards', { ...ZOOMED, spanish: true });
    await owner.page.getByRole('heading', { level: 1, name: 'Salvaguardas de IA' }).waitFor();
    const limits = owner.page.getByRole('region', { name: 'Límites en su cuenta' });
    await limits
      .getByRole('heading', {
        level: 3,
        name: /Las solicitudes de IA de su organización están en pausa/,
      })
      .waitFor();
    expect(await limits.textContent()).toContain(
      'Motivo indicado por quien lo revisó: Clave vista desde 30 redes',
    );
    await limits.getByRole('button', { name: 'Apelar este límite' }).waitFor();
    await expectAccessible(owner.page, 'owner in Spanish at 200%');
    await owner.page.screenshot({ path: `${SHOTS}/safeguards-owner-zoom-es.png`, fullPage: true });

    const op = await open('/safeguards/decisions', { ...ZOOMED, spanish: true, as: 'operator' });
    await op.page.getByRole('heading', { level: 1, name: 'Decisiones en directo' }).waitFor();
    await op.page.getByText('Bloqueada').first().waitFor();
    // The words around a name are Spanish too; the name stays as it was written.
    await op.page.getByText(`usuario «${HOSTILE_END_USER}» de ${orgName}`).first().waitFor();
    await expectAccessible(op.page, 'decisions in Spanish at 200%');
    await op.page.screenshot({ path: `${SHOTS}/safeguards-decisions-zoom-es.png`, fullPage: true });
    const appeals = await open('/safeguards/appeals', { ...ZOOMED, spanish: true, as: 'operator' });
    await appeals.page.getByRole('heading', { level: 1, name: 'Apelaciones' }).waitFor();
    await appeals.page.getByText('No hay apelaciones aquí.').waitFor();
    await expectAccessible(appeals.page, 'appeals in Spanish at 200%');
    expect(await owner.problems()).toEqual([]);
    expect(await op.problems()).toEqual([]);
  }, 60_000);
});
