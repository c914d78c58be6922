/**
 * The threat-intelligence console (/exchange) in a real browser against a real
 * server: objects are shared over TAXII with an organization's API key, then
 * an anonymous visitor searches them, opens one, and watches the live feed
 * receive an object posted during the test; an operator (signed in with a
 * session cookie) also sees federation status; an organization's admin adds,
 * checks and removes its webhooks, and no one else is offered them. axe-core on
 * each page, and no sideways scrolling at 200% zoom (a 1280 px window seen as
 * 640 CSS px). Screenshots go to /tmp/intel-*.png and /tmp/intel-console-shots.
 *
 * The webhook form's catalog is checked first, without a browser.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import { intelWebhookMessages } from '../../web/src/i18n/intel-webhook-messages.js';
import { runAxe } from './axe-check.js';
import { expectCompleteCatalog } from './catalog-check.js';
import {
  browserSuite,
  hasChromium,
  requireChromium,
  sessionCookie,
  smallTargets,
} from './chromium-session.js';

const TAXII = 'application/taxii+json;version=2.1';
const PASSWORD = 'Plum-Tractor-Velvet-93';
/** TLP 2.0 marking-definition ids (FIRST's, the same on every STIX producer). */
const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const TLP_AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
/** 200% zoom of a 1280×900 window. */
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

describe('the webhook form catalog', () => {
  it('has every sentence in every language, with the same placeholders, none left in English', () => {
    expectCompleteCatalog(intelWebhookMessages);
  });
});

requireChromium('intel console');

describe.runIf(hasChromium)('intel console in Chromium', () => {
  const suite = browserSuite('/tmp/intel-console-shots');
  const unique = `cons${randomUUID().slice(0, 8)}`;
  const clearId = `indicator--${randomUUID()}`;
  const amberId = `indicator--${randomUUID()}`;
  let key = '';
  let collection = '';

  const open = (path: string, options: BrowserContextOptions = {}) =>
    suite.open(path, { reducedMotion: 'reduce', ...options });

  const indicator = (id: string, marking: string, modified: string, extra = {}) => ({
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-12-06T09:00:00.000Z',
    modified,
    name: `Fake parcel site ${unique} ${marking === TLP_AMBER ? 'amber' : 'clear'}`,
    description: 'Texts about a missed delivery link here.',
    pattern: `[domain-name:value = '${unique}-${marking === TLP_AMBER ? 'amber' : 'clear'}.example']`,
    pattern_type: 'stix',
    valid_from: '2026-12-06T09:00:00Z',
    confidence: 70,
    object_marking_refs: [marking],
    ...extra,
  });

  async function share(objects: unknown[]): Promise<void> {
    const res = await fetch(
      `${suite.server.url}/taxii2/default/collections/${collection}/objects/`,
      {
        method: 'POST',
        headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${key}` },
        body: JSON.stringify({ objects }),
      },
    );
    expect(res.status).toBe(202);
    const status = (await res.json()) as { failure_count: number };
    expect(status.failure_count).toBe(0);
  }

  beforeAll(async () => {
    const access = await accessServices(suite.server.platform);
    const op = { id: 'test' };
    const org = await access.directory.createOrg({ name: `Console ${unique}`, tier: 2 }, op);
    key = (await access.keys.create({ owner: { type: 'org', id: org.id } }, op)).key;
    await access.close();
    const listed = (await (
      await fetch(`${suite.server.url}/api/intel/collections`, {
        headers: { authorization: `Bearer ${key}` },
      })
    ).json()) as { collections: { id: string; owner_org: string | null; can_write: boolean }[] };
    const shared = listed.collections.find((c) => c.owner_org === null && c.can_write);
    expect(shared).toBeDefined();
    collection = shared?.id ?? '';
    await share([
      indicator(clearId, TLP_CLEAR, '2026-12-06T09:00:00.000Z'),
      indicator(clearId, TLP_CLEAR, '2026-12-06T11:00:00.000Z', { confidence: 80 }),
      indicator(amberId, TLP_AMBER, '2026-12-06T09:00:00.000Z'),
      {
        type: 'sighting',
        spec_version: '2.1',
        id: `sighting--${randomUUID()}`,
        created: '2026-12-06T10:00:00.000Z',
        modified: '2026-12-06T10:00:00.000Z',
        sighting_of_ref: clearId,
        first_seen: '2026-12-06T08:00:00.000Z',
        last_seen: '2026-12-06T10:00:00.000Z',
        count: 4,
        object_marking_refs: [TLP_CLEAR],
      },
    ]);
  });

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

  /** Console errors that matter: the operators-only federation read answers 401 on purpose. */
  async function unexpected(problems: () => Promise<string[]>): Promise<string[]> {
    return (await problems()).filter((line) => !/status of 40[13]/.test(line));
  }

  it('home: search finds only what a visitor may read, with its marking; collections; no federation', async () => {
    const { page, problems } = await open('/exchange');
    await page.getByRole('heading', { name: 'Threat intelligence', level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Threat intelligence – Shieldwall');
    // In the main navigation now.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Threat intelligence' })
      .first()
      .waitFor();

    // Too short: said next to the field, nothing searched.
    const box = page.getByLabel('Look for an indicator or object');
    await box.fill('ab');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Type at least 3 characters.').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');

    await box.fill(unique);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: `Results for ${unique}` });
    await results.waitFor();
    const items = results.getByRole('listitem');
    expect(await items.count()).toBe(1);
    const text = (await items.first().textContent()) ?? '';
    expect(text).toContain(`Fake parcel site ${unique} clear`);
    expect(text).toContain('Indicator');
    expect(text).toContain('TLP:CLEAR');
    expect(text).not.toContain('amber');
    expect(await page.getByText('1 result for').textContent()).toContain(unique);
    expect(new URL(page.url()).searchParams.get('q')).toBe(unique);
    // The AMBER one's own words find nothing for a visitor.
    await box.fill(`${unique} amber`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(`Nothing you may read contains “${unique} amber”.`).waitFor();
    await box.fill(unique);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await items.first().waitFor();

    // Collections: the shared one, readable by anyone.
    const collections = page.getByRole('list', { name: 'Collections you may use' });
    await collections.getByText('You can read it.').first().waitFor();
    // Federation is for operators: no section at all for a visitor.
    expect(await page.getByRole('heading', { name: /federation/ }).count()).toBe(0);

    expect(await smallTargets(page, 'main .button, main input')).toEqual([]);
    await expectAccessible(page, 'intel home with results');
    await page.screenshot({ path: '/tmp/intel-home.png', fullPage: true });

    // A result opens the object's page, and the heading gets focus.
    await items.first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Indicator: Fake parcel site/, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/exchange/objects/${clearId}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await unexpected(problems)).toEqual([]);
  });

  it('home at 200% zoom: a search reloaded from its address, and no sideways scrolling', async () => {
    const { page, problems } = await open(`/exchange?q=${unique}`, ZOOMED);
    await page.getByRole('list', { name: `Results for ${unique}` }).waitFor();
    expect(await page.getByLabel('Look for an indicator or object').inputValue()).toBe(unique);
    await expectNoHorizontalScroll(page, 'intel home at 200%');
    await expectAccessible(page, 'intel home at 200%');
    await page.screenshot({ path: '/tmp/intel-home-zoom.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('live feed: an object shared during the test appears, newest first; pausing holds new ones', async () => {
    const { page, problems } = await open('/exchange');
    await page.getByText('Live: new intelligence appears').waitFor();
    await page.getByText('Nothing new since you opened this page.').waitFor();

    const first = `indicator--${randomUUID()}`;
    await share([
      indicator(first, TLP_CLEAR, '2026-12-06T12:00:00.000Z', { name: `Feed one ${unique}` }),
    ]);
    const feed = page.getByRole('list', { name: 'New intelligence, newest first' });
    const linkTo = (id: string) => feed.locator(`a[href="/exchange/objects/${id}"]`);
    await linkTo(first).waitFor();
    // The stream names only the id; the item then shows the object's name.
    await expect.poll(() => linkTo(first).textContent()).toBe(`Feed one ${unique}`);
    expect(await feed.getByRole('listitem').first().textContent()).toContain('TLP:CLEAR');
    // Not shared with a visitor: never in its feed.
    const hidden = `indicator--${randomUUID()}`;
    await share([indicator(hidden, TLP_AMBER, '2026-12-06T12:00:00.000Z')]);

    // Paused: the stream stays open, new items wait.
    const pause = page.getByRole('button', { name: 'Pause the feed' });
    await pause.click();
    const resume = page.getByRole('button', { name: 'Resume the feed' });
    expect(await resume.getAttribute('aria-pressed')).toBe('true');
    const second = `indicator--${randomUUID()}`;
    await share([
      indicator(second, TLP_CLEAR, '2026-12-06T12:30:00.000Z', { name: `Feed two ${unique}` }),
    ]);
    await page.getByText('Paused. 1 new item waiting.').waitFor();
    expect(await linkTo(second).count()).toBe(0);
    await resume.click();
    await linkTo(second).waitFor();
    const links = await feed
      .getByRole('link')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/exchange/objects/${second}`, `/exchange/objects/${first}`]);
    expect(links.join(' ')).not.toContain(hidden);

    // Screen readers hear a count, politely, not every item.
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ new items? of intelligence/);
    await expectAccessible(page, 'intel live feed');
    await page.screenshot({ path: '/tmp/intel-feed.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('object page: what it is, its marking, where it came from, every version, sightings and score', async () => {
    const { page, problems } = await open(`/exchange/objects/${clearId}`);
    await page.getByRole('heading', { name: /^Indicator: Fake parcel site/, level: 1 }).waitFor();
    const main = page.getByRole('main');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('Texts about a missed delivery link here.');
    expect(text).toContain(`${unique}-clear.example`);
    expect(text).toContain('TLP:CLEAR — anyone may see and share it.');
    expect(text).toContain('Organization ');
    await page.getByRole('heading', { name: '2 versions' }).waitFor();
    const versions = page
      .getByRole('list', { name: 'Versions, newest first' })
      .getByRole('listitem');
    expect(await versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('What changed: confidence.');
    expect(await versions.last().textContent()).toContain('The first version.');
    const sightings = page.getByRole('region', { name: 'Sightings' });
    expect(await sightings.textContent()).toContain('Seen 4 times in 1 report.');
    const score = page.getByRole('region', { name: 'Score' });
    expect(await score.textContent()).toMatch(/\d+(\.\d)? out of 100/);
    expect(await score.textContent()).toMatch(/Expires|Expired/);

    // The raw STIX is there but folded away.
    const raw = page.getByText('"pattern_type": "stix"');
    expect(await raw.isVisible()).toBe(false);
    await page.getByText('Show the raw STIX (JSON)').click();
    await raw.waitFor();

    expect(await smallTargets(page, 'main summary, main .intel-back a')).toEqual([]);
    await expectAccessible(page, 'intel object');
    await page.screenshot({ path: '/tmp/intel-object.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('object page at 200% zoom, in dark mode: no sideways scrolling, accessible colours', async () => {
    const { page } = await open(`/exchange/objects/${clearId}`, { ...ZOOMED, colorScheme: 'dark' });
    await page.getByRole('heading', { name: '2 versions' }).waitFor();
    await page.getByText('Show the raw STIX (JSON)').click();
    await expectNoHorizontalScroll(page, 'intel object at 200%');
    await expectAccessible(page, 'intel object at 200%, dark');
    await page.screenshot({ path: '/tmp/intel-object-zoom.png', fullPage: true });
  });

  it('an object not shared with you, or a bad address: "not found, or not shared with you"', async () => {
    for (const path of [`/exchange/objects/${amberId}`, '/exchange/objects/not-an-id']) {
      const { page, problems } = await open(path);
      await page
        .getByRole('heading', { name: 'Not found, or not shared with you', level: 1 })
        .waitFor();
      expect(await page.getByRole('main').textContent()).not.toContain(unique);
      await page.getByRole('link', { name: 'Back to Threat intelligence' }).waitFor();
      await expectAccessible(page, `intel not found ${path}`);
      expect((await problems()).filter((l) => !/status of 404/.test(l))).toEqual([]);
    }
  });

  it('operator: federation status with each subscription, its last sync and last error', async () => {
    const email = `operator-${unique}@example.org`;
    const signUp = await fetch(`${suite.server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: 'Olga Operator', password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const access = await accessServices(suite.server.platform);
    await access.directory.setStaffRoles(email, ['operator'], { id: 'operator:test' });
    await access.close();
    const signIn = await fetch(`${suite.server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const session = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeDefined();
    // A subscription whose last sync failed (disabled, so the server does not try it now).
    const now = Date.now();
    await suite.server.platform.store
      .db<{ exchange_federation: Record<string, unknown> }>()
      .insertInto('exchange_federation')
      .values({
        id: randomUUID(),
        url: `https://partner-${unique}.example/taxii2/default/collections/${randomUUID()}/`,
        local_collection: collection,
        auth: 'none',
        username: null,
        secret_env: null,
        interval_s: 300,
        cursor: null,
        enabled: 0,
        objects_synced: 1234,
        last_attempt: now,
        last_success: now - 3_600_000,
        last_error: 'The partner server answered 503.',
        failures: 2,
        lease_until: null,
        created_at: now,
        created_by: 'test',
      })
      .execute();

    const host = new URL(suite.server.url);
    const { page, problems } = await open('/exchange', {
      storageState: {
        cookies: [sessionCookie(host.hostname, session ?? '')],
        origins: [],
      },
    });
    const list = page.getByRole('list', { name: 'Servers this server copies' });
    await list.waitFor();
    const ours = list.getByRole('listitem').filter({ hasText: `partner-${unique}.example` });
    const text = (await ours.textContent()) ?? '';
    expect(text).toContain('The partner server answered 503. (2 failures in a row)');
    expect(text).toContain((1234).toLocaleString());
    expect(text).toContain('every300 seconds');
    await expectAccessible(page, 'intel federation');
    await page.screenshot({ path: '/tmp/intel-federation.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  /** Someone who signs up, gets `role` in `orgId` (or no organization), and signs in: their session cookie. */
  async function person(
    name: string,
    orgId: string | null,
    role: 'admin' | 'analyst',
  ): Promise<string> {
    const email = `${name}-${unique}@example.org`;
    const signUp = await fetch(`${suite.server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: name, password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const access = await accessServices(suite.server.platform);
    const op = { id: 'operator:test' };
    const userId = await access.directory.setStaffRoles(email, [], op);
    if (orgId !== null) await access.directory.addMember(orgId, userId, role, op);
    await access.close();
    const signIn = await fetch(`${suite.server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const session = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(session).not.toBe('');
    return session;
  }

  const as = (session: string, options: BrowserContextOptions = {}): BrowserContextOptions => {
    const host = new URL(suite.server.url);
    return {
      ...options,
      storageState: {
        cookies: [sessionCookie(host.hostname, session)],
        origins: [],
      },
    };
  };

  it('an org admin adds webhooks (secret shown once), checks their deliveries and removes one; no one else sees the form', async () => {
    const access = await accessServices(suite.server.platform);
    const org = await access.directory.createOrg(
      { name: `Water Co ${unique}`, tier: 2 },
      { id: 'test' },
    );
    await access.close();
    const admin = await person('ana', org.id, 'admin');
    const analyst = await person('ivan', org.id, 'analyst');
    const sectionName = 'Send new intelligence to your own systems';

    const { page, problems } = await open('/exchange', as(admin));
    const section = page.getByRole('region', { name: sectionName });
    const card = section.getByRole('article', { name: org.name });
    await card.getByText('No webhooks yet. New intelligence is shown only on this page.').waitFor();
    expect(await section.textContent()).toContain('It must start with https://');
    const field = card.getByLabel('Web address that receives new intelligence');
    const add = card.getByRole('button', { name: 'Add webhook' });
    const mistake = card.getByRole('alert');

    // Mistakes are said next to the field: the page's own check, then the server's refusal.
    await field.fill(`http://soc-${unique}.example.org/shieldwall`);
    await add.click();
    await mistake.filter({ hasText: 'The address must start with https://' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(
      (await mistake.getAttribute('id')) ?? 'missing',
    );
    await expectAccessible(page, 'webhook form with a mistake');
    await card.screenshot({ path: '/tmp/intel-console-shots/webhooks-mistake.png' });
    await field.fill('https://localhost/shieldwall');
    await add.click();
    await mistake
      .filter({
        hasText:
          /^We couldn't add the webhook\. The webhook URL is not acceptable: an internal address/,
      })
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await field.getAttribute('id'),
    );

    // Everything the organization may read (the server does not contact the address when saving).
    const everything = `https://soc-${unique}.example.org/shieldwall?team=it`;
    await field.fill(everything);
    await add.click();
    const secretBox = card.locator('.secret__text');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await card.getByText('We show it only this once.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Copy the secret code now');
    await card.getByRole('button', { name: 'Copy secret code' }).waitFor();
    await section.getByText('For your technical team').click();
    await section.getByRole('link', { name: 'Standard Webhooks' }).waitFor();
    await expectAccessible(page, 'webhook secret shown once');
    expect(await smallTargets(page, 'main .button, main input, main summary')).toEqual([]);
    await page.screenshot({ path: '/tmp/intel-console-shots/webhooks-secret.png', fullPage: true });
    await card.getByRole('button', { name: 'I have copied it' }).click();
    await card.getByText('The secret code is hidden now.').waitFor();
    expect(await secretBox.count()).toBe(0);

    // A second one, only for malware and vulnerabilities from the shared collection.
    const limited = `https://tickets-${unique}.example.org/hooks/intel`;
    await field.fill(limited);
    await card.getByText('Send only some of it (optional)').click();
    await card.getByRole('group', { name: 'Only these kinds of intelligence' }).waitFor();
    await card.getByLabel('Malware').check();
    await card.getByLabel('Vulnerability').check();
    await card
      .getByRole('group', { name: 'Only from these collections' })
      .getByLabel('Shared threat intelligence')
      .check();
    await add.click();
    await secretBox.waitFor();
    const second = (await secretBox.textContent()) ?? '';
    expect(second).not.toBe(secret);
    await card.getByRole('button', { name: 'I have copied it' }).click();
    await card.getByText('The secret code is hidden now.').waitFor();

    // The first one has delivered and failed before (recorded by the delivery worker).
    const first = await suite.server.platform.store
      .db<{ exchange_webhooks: { id: string; url: string } }>()
      .selectFrom('exchange_webhooks')
      .select(['id'])
      .where('url', '=', everything)
      .executeTakeFirst();
    expect(first).toBeDefined();
    const now = Date.now();
    const delivery = (
      id: string,
      at: number,
      status: string,
      attempts: number,
      error: string | null,
    ) => ({
      id,
      webhook_id: first?.id ?? '',
      body: '{}',
      status,
      attempts,
      next_attempt_at: at,
      lease_until: null,
      last_status: error === 'HTTP 503' ? 503 : null,
      last_error: error,
      created_at: at,
      delivered_at: status === 'delivered' ? at + 1000 : null,
    });
    await suite.server.platform.store
      .db<{ exchange_webhook_deliveries: Record<string, unknown> }>()
      .insertInto('exchange_webhook_deliveries')
      .values([
        delivery(`msg_${randomUUID()}`, now - 3_600_000, 'delivered', 1, null),
        delivery(`msg_${randomUUID()}`, now - 1_800_000, 'failed', 10, 'ETIMEDOUT'),
        delivery(`msg_${randomUUID()}`, now - 60_000, 'failed', 10, 'HTTP 503'),
      ])
      .execute();

    // After a reload: both listed with what they receive, never a secret.
    await page.reload();
    const list = card.getByRole('list', { name: `Webhooks of ${org.name}` });
    const item = (url: string) => list.getByRole('listitem').filter({ hasText: url });
    await item(limited).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.content()).not.toContain(second);
    const firstText = (await item(everything).textContent()) ?? '';
    expect(firstText).toContain('Everything your organization may read.');
    expect(firstText).toContain('Working: new intelligence is sent here.');
    expect(firstText).toMatch(/Added on.{3,20}\d{4}Latest deliveries/);
    const secondText = (await item(limited).textContent()) ?? '';
    expect(secondText).toContain('Only these kinds: Malware and Vulnerability.');
    expect(secondText).toContain('Only from these collections: Shared threat intelligence.');

    // Deliveries are folded away; the new one has none yet, the first shows each attempt.
    await item(limited).getByText('Latest deliveries').click();
    await item(limited)
      .getByText(
        'Nothing sent yet. Something is sent when intelligence your organization may read is added.',
      )
      .waitFor();
    await item(everything).getByText('Latest deliveries').click();
    const table = item(everything).getByRole('table', {
      name: `The latest deliveries to ${everything}, newest first`,
    });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(1).textContent()).toContain(
      'The receiving system answered with status 503.',
    );
    expect(await rows.nth(1).textContent()).toContain('Failed after every try');
    expect(await rows.nth(2).textContent()).toContain('No answer within 10 seconds. (ETIMEDOUT)');
    expect(await rows.nth(3).textContent()).toContain('Delivered');
    expect(await rows.nth(3).textContent()).toContain('New intelligence');
    await item(limited)
      .getByRole('button', { name: `Check again the deliveries to ${limited}` })
      .click();
    await item(limited).getByText('Nothing sent yet.', { exact: false }).waitFor();
    await expectAccessible(page, 'webhooks listed, deliveries open');
    // A tick box's target is its whole line (the box inside its label).
    await card.getByText('Send only some of it (optional)').click();
    expect(
      await smallTargets(
        page,
        'main .button, main input:not([type="checkbox"]), main summary, main .intel-tick',
      ),
    ).toEqual([]);
    await page.screenshot({ path: '/tmp/intel-console-shots/webhooks.png', fullPage: true });

    // Turned off by the delivery worker (5 messages in a row failed every try): the admin turns it
    // back on here, then sends a test message that shows in its deliveries.
    await suite.server.platform.store
      .db<{ exchange_webhooks: { id: string; enabled: number; failed_in_a_row: number } }>()
      .updateTable('exchange_webhooks')
      .set({ enabled: 0, failed_in_a_row: 5 })
      .where('id', '=', first?.id ?? '')
      .execute();
    await page.reload();
    await item(everything)
      .getByText('Turned off: nothing is sent here now.', { exact: false })
      .waitFor();
    expect(
      await item(everything)
        .getByRole('button', { name: `Send a test message to ${everything}` })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'a webhook that was turned off');
    await item(everything)
      .getByRole('button', { name: `Turn back on the webhook to ${everything}` })
      .click();
    await item(everything)
      .getByText(`Turned back on. New intelligence is sent to ${everything} again`, {
        exact: false,
      })
      .waitFor();
    await item(everything).getByText('Working: new intelligence is sent here.').waitFor();
    await item(everything).getByText('Latest deliveries').click();
    await table.waitFor();
    const before = await rows.count();
    await item(everything)
      .getByRole('button', { name: `Send a test message to ${everything}` })
      .click();
    await item(everything)
      .getByText(`A test message is on its way to ${everything}.`, { exact: false })
      .waitFor();
    // The open list loads again with the test message in it, newest first.
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(before + 1);
    expect(await rows.nth(1).textContent()).toContain('Test message');
    await expectAccessible(page, 'a test message sent');
    await page.screenshot({
      path: '/tmp/intel-console-shots/webhooks-test-sent.png',
      fullPage: true,
    });

    // In Spanish, at 200% zoom: the same, in Spanish words, and nothing wider than the screen.
    const es = await open('/exchange', as(admin, { ...ZOOMED, locale: 'es-ES' }));
    const esCard = es.page
      .getByRole('region', { name: 'Enviar la inteligencia nueva a sus propios sistemas' })
      .getByRole('article', { name: org.name });
    await esCard.getByText('Solo estos tipos: Programa malicioso y Vulnerabilidad.').waitFor();
    await esCard.getByText('Todo lo que su organización puede leer.').waitFor();
    await esCard.getByRole('button', { name: `Quitar el webhook a ${limited}` }).waitFor();
    await esCard
      .getByRole('button', { name: `Enviar un mensaje de prueba a ${everything}` })
      .waitFor();
    await esCard.getByLabel('Dirección web que recibe la inteligencia nueva').waitFor();
    await expectNoHorizontalScroll(es.page, 'webhooks in Spanish at 200%');
    await expectAccessible(es.page, 'webhooks in Spanish at 200%');
    await es.page.screenshot({
      path: '/tmp/intel-console-shots/webhooks-es-zoom.png',
      fullPage: true,
    });

    // Removing asks first, then says it is done; a reload shows it is gone.
    await item(limited)
      .getByRole('button', { name: `Remove the webhook to ${limited}` })
      .click();
    const dialog = page.getByRole('dialog', {
      name: `Stop sending new intelligence to ${limited}?`,
    });
    await dialog.waitFor();
    await expectAccessible(page, 'webhook removal dialog');
    await dialog.getByRole('button', { name: 'Yes, remove it' }).click();
    await card.getByText(`Removed. Nothing more is sent to ${limited}.`).waitFor();
    expect(await item(limited).count()).toBe(0);
    await page.reload();
    await item(everything).waitFor();
    expect(await item(limited).count()).toBe(0);

    // An analyst of the same organization, and a visitor, are not offered webhooks at all.
    const other = await open('/exchange', as(analyst));
    await other.page.getByRole('list', { name: 'Collections you may use' }).waitFor();
    await other.page.waitForLoadState('networkidle');
    expect(await other.page.getByRole('region', { name: sectionName }).count()).toBe(0);
    expect(await other.page.getByText('Add webhook').count()).toBe(0);
    const visitor = await open('/exchange');
    await visitor.page.getByRole('list', { name: 'Collections you may use' }).waitFor();
    expect(await visitor.page.getByRole('region', { name: sectionName }).count()).toBe(0);

    // The one failure logged is the server refusing the internal address (400), as it should.
    expect(await unexpected(problems)).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    expect(await unexpected(es.problems)).toEqual([]);
    expect(await unexpected(other.problems)).toEqual([]);
  }, 90_000);
});
