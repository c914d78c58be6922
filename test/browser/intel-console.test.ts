/**
 * The threat-intelligence console (/exchange) in a real browser against a real
 * server: objects are shared over TAXII with an organization's API key, then
 * an anonymous visitor searches them, opens one, and watches the live feed
 * receive an object posted during the test; an operator (signed in with a
 * session cookie) also sees federation status. axe-core on each page, and no
 * sideways scrolling at 200% zoom (a 1280 px window seen as 640 CSS px).
 * Screenshots go to /tmp/intel-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium, smallTargets } from './chromium-session.js';

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
        cookies: [
          {
            name: 'sw_session',
            value: session ?? '',
            domain: host.hostname,
            path: '/',
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: 'Lax',
          },
        ],
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
});
