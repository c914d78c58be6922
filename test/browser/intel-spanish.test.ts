/**
 * The threat-intelligence console (/exchange) and the audit log (/audit) in Spanish, in a real
 * Chromium against a real server: a browser whose language is Spanish (es-ES) gets every word of
 * these pages in Spanish (search, results, live feed, collections, federation for an operator,
 * one object's page, the "not shared" page, the audit explainer, checkpoint and entries, the page
 * shown when the module list cannot be loaded), dates in Spanish, and no English left over;
 * switching language with the picker changes the console at once. axe-core on each page;
 * screenshots at 200% zoom go to /tmp/es-*.png.
 *
 * The catalogs behind these pages are checked first, without a browser: every key in every
 * language, the same {placeholders}, no untranslated copies.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import { auditMessages } from '../../web/src/i18n/audit-messages.js';
import { commonMessages } from '../../web/src/i18n/common-messages.js';
import { intelMessages } from '../../web/src/i18n/intel-messages.js';
import { runAxe } from './axe-check.js';
import { expectCompleteCatalog } from './catalog-check.js';
import { browserSuite, hasChromium, requireChromium, sessionCookie } from './chromium-session.js';

const TAXII = 'application/taxii+json;version=2.1';
const PASSWORD = 'Plum-Tractor-Velvet-93';
const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const TLP_AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
/** A Spanish-speaking browser (navigator.languages and Accept-Language). */
const SPANISH: BrowserContextOptions = { locale: 'es-ES' };
/** 200% zoom of a 1280×900 window, in Spanish. */
const ZOOMED: BrowserContextOptions = {
  ...SPANISH,
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

/**
 * Words that only English text has. Found in what a page shows (its code, raw JSON, web
 * addresses, STIX ids and anything marked lang="en" left out), they are an untranslated leftover.
 */
const ENGLISH =
  /\b(the|you|your|and|with|from|this|that|which|loading|search|results?|collections|newest|first|versions?|sightings?|score|marking|shared|back|copy|entries|latest|log|when|who|what|happened|result|never|none|live|feed|pause|seconds|failures?|other servers|try again|checkpoint|details)\b/i;

/** A page's visible words, minus machine text that is the same in every language. */
async function shownWords(page: Page, selector = 'main'): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('code, pre, [lang="en"]')) el.remove();
    return (copy.textContent ?? '')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\b[a-z][a-z-]*--[0-9a-f-]{36}\b/g, ' ');
  });
}

async function expectNoEnglish(page: Page, label: string, selector = 'main'): Promise<void> {
  const words = await shownWords(page, selector);
  expect(words.match(ENGLISH)?.[0], `${label}: English left over in “${words}”`).toBeUndefined();
}

describe('the catalogs of the console, the audit page and the shared pages', () => {
  const catalogs = { intelMessages, auditMessages, commonMessages } as const;
  /** Sentences that are the same in Spanish by nature: a pattern of placeholders, a loan word. */
  const same: Readonly<Record<string, ReadonlySet<string>>> = {
    intelMessages: new Set(['tlp.explained']),
  };

  for (const [name, messages] of Object.entries(catalogs)) {
    it(`${name}: every key in every language, same placeholders, nothing left in English`, () => {
      expectCompleteCatalog(messages, same[name]);
    });
  }

  it('keeps the TLP labels as the standard writes them and explains them in Spanish', () => {
    const es = intelMessages.catalogs.es as Readonly<Record<string, string>>;
    for (const level of ['clear', 'green', 'amber', 'amber+strict', 'red'])
      expect(es[`tlp.${level}`]).not.toMatch(/TLP/);
    expect(intelMessages.t('es', 'tlp.explained', { label: 'TLP:RED', who: 'x' })).toBe(
      'TLP:RED — x.',
    );
  });
});

requireChromium('intel and audit in Spanish');

describe.runIf(hasChromium)('the console and the audit page in Spanish, in Chromium', () => {
  const suite = browserSuite('/tmp/es-intel-shots');
  const unique = `esp${randomUUID().slice(0, 8)}`;
  const clearId = `indicator--${randomUUID()}`;
  const amberId = `indicator--${randomUUID()}`;
  let key = '';
  let collection = '';
  let session = '';

  const open = (path: string, options: BrowserContextOptions = SPANISH) =>
    suite.open(path, { reducedMotion: 'reduce', ...options });
  const signedIn = (options: BrowserContextOptions): BrowserContextOptions => {
    const host = new URL(suite.server.url);
    return {
      ...options,
      storageState: {
        cookies: [sessionCookie(host.hostname, session)],
        origins: [],
      },
    };
  };

  const indicator = (id: string, marking: string, modified: string, extra = {}) => ({
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-12-06T09:00:00.000Z',
    modified,
    name: `Web falsa de paquetería ${unique} ${marking === TLP_AMBER ? 'ámbar' : 'clara'}`,
    description: 'Mensajes sobre una entrega fallida enlazan aquí.',
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
    expect(((await res.json()) as { failure_count: number }).failure_count).toBe(0);
  }

  beforeAll(async () => {
    const access = await accessServices(suite.server.platform);
    const org = await access.directory.createOrg(
      { name: `Consola ${unique}`, tier: 2 },
      {
        id: 'test',
      },
    );
    key = (await access.keys.create({ owner: { type: 'org', id: org.id } }, { id: 'test' })).key;
    const email = `operadora-${unique}@example.org`;
    const signUp = await fetch(`${suite.server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: 'Olga Operadora', password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    await access.directory.setStaffRoles(email, ['operator'], { id: 'operator:test' });
    await access.close();
    const signIn = await fetch(`${suite.server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    session = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(session).not.toBe('');

    const listed = (await (
      await fetch(`${suite.server.url}/api/intel/collections`, {
        headers: { authorization: `Bearer ${key}` },
      })
    ).json()) as { collections: { id: string; owner_org: string | null; can_write: boolean }[] };
    collection = listed.collections.find((c) => c.owner_org === null && c.can_write)?.id ?? '';
    expect(collection).not.toBe('');
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
    // A federation subscription whose last sync failed (disabled: the server does not try it).
    const now = Date.now();
    await suite.server.platform.store
      .db<{ exchange_federation: Record<string, unknown> }>()
      .insertInto('exchange_federation')
      .values({
        id: randomUUID(),
        url: `https://socio-${unique}.example/taxii2/default/collections/${randomUUID()}/`,
        local_collection: collection,
        auth: 'none',
        username: null,
        secret_env: null,
        interval_s: 300,
        cursor: null,
        enabled: 0,
        objects_synced: 12345,
        last_attempt: now,
        last_success: now - 3_600_000,
        last_error: 'El servidor asociado respondió 503.',
        failures: 2,
        lease_until: null,
        created_at: now,
        created_by: 'test',
      })
      .execute();
  });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await runAxe(page, label), `${label}: serious or critical axe violations`).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: wider than the screen`).toBeLessThanOrEqual(0);
  }

  /** Console errors that matter: nothing here should fail except on purpose. */
  const unexpected = async (problems: () => Promise<string[]>) =>
    (await problems()).filter((line) => !/status of 40[134]/.test(line));

  it('console home: search, live feed, collections and federation in Spanish, nothing in English', async () => {
    const { page, problems } = await open('/exchange', signedIn(ZOOMED));
    await page.getByRole('heading', { level: 1, name: 'Inteligencia de amenazas' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect.poll(() => page.title()).toBe('Inteligencia de amenazas – Shieldwall');

    const box = page.getByLabel('Busque un indicador o un objeto');
    await box.fill('ab');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByText('Escriba al menos 3 caracteres.').waitFor();
    await box.fill(unique);
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    const results = page.getByRole('list', { name: `Resultados para ${unique}` });
    await results.waitFor();
    const item = (await results.getByRole('listitem').first().textContent()) ?? '';
    expect(item).toContain('Indicador');
    expect(item).toContain('TLP:CLEAR');
    expect(item).toContain('En Inteligencia de amenazas compartida · añadido el');
    expect(item).not.toContain('ámbar');
    expect(await page.getByRole('status').filter({ hasText: unique }).textContent()).toBe(
      `1 resultado para “${unique}”, primero lo más reciente.`,
    );
    await box.fill(`${unique} ámbar`);
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByText(`Nada de lo que puede leer contiene “${unique} ámbar”.`).waitFor();

    await page.getByText('En tiempo real: la información nueva aparece aquí').waitFor();
    await page.getByRole('button', { name: 'Pausar las novedades' }).click();
    await page.getByText('En pausa. 0 elementos nuevos en espera.').waitFor();
    await page.getByRole('button', { name: 'Reanudar las novedades' }).click();

    const collections = page.getByRole('list', { name: 'Colecciones que puede usar' });
    await collections.getByText('Inteligencia de amenazas compartida').waitFor();
    expect(await collections.textContent()).toContain(
      'Compartida con todas las personas de este servidor.',
    );

    const servers = page.getByRole('list', { name: 'Servidores que copia este servidor' });
    const ours = servers.getByRole('listitem').filter({ hasText: `socio-${unique}.example` });
    await ours.waitFor();
    const federation = (await ours.textContent()) ?? '';
    expect(federation).toContain('El servidor asociado respondió 503. (2 fallos seguidos)');
    expect(federation).toContain('Comprueba cada300 segundos');
    expect(federation).toContain('12.345');
    expect(federation).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);

    await expectNoEnglish(page, 'console home');
    await expectAccessible(page, 'console home in Spanish at 200%');
    await page.screenshot({ path: '/tmp/es-intel-home.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('one object: what it is, who may see it, its history, in Spanish with Spanish dates', async () => {
    const { page, problems } = await open(`/exchange/objects/${clearId}`, ZOOMED);
    await page
      .getByRole('heading', { level: 1, name: /^Indicador: Web falsa de paquetería/ })
      .waitFor();
    await page.getByRole('heading', { name: '2 versiones' }).waitFor();
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toContain('TLP:CLEAR — cualquiera puede verlo y compartirlo.');
    expect(main).toContain('Una señal de un ataque o una estafa');
    expect(main).toContain('80 de 100');
    expect(main).toContain('Qué cambió: confidence.');
    expect(main).toContain('La primera versión.');
    expect(main).toMatch(/6 dic 2026/);
    expect(main).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
    expect(await page.getByRole('region', { name: 'Avistamientos' }).textContent()).toContain(
      'Visto 4 veces en 1 informe.',
    );
    expect(await page.getByRole('region', { name: 'Puntuación' }).textContent()).toMatch(
      /\d+(\.\d)? de 100/,
    );
    await page.getByText('Mostrar el STIX original (JSON)').click();
    await page.getByText('"pattern_type": "stix"').waitFor();

    await expectNoEnglish(page, 'object page');
    await expectAccessible(page, 'object page in Spanish at 200%');
    await page.screenshot({ path: '/tmp/es-intel-object.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('an object not shared with you says so in Spanish', async () => {
    const { page } = await open(`/exchange/objects/${amberId}`);
    await page
      .getByRole('heading', { level: 1, name: 'No encontrado o no compartido con usted' })
      .waitFor();
    await page.getByRole('link', { name: 'Volver a Inteligencia de amenazas' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain(unique);
    await expectNoEnglish(page, 'not shared');
    await expectAccessible(page, 'not shared in Spanish');
  });

  it('switches the console to Spanish at once with the language picker', async () => {
    const { page, problems } = await open('/exchange', { locale: 'en-US' });
    await page.getByRole('heading', { level: 2, name: 'Search' }).waitFor();
    await page.getByLabel('Language / Idioma').selectOption('es');
    await page.getByRole('heading', { level: 2, name: 'Buscar' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inteligencia de amenazas' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'En tiempo real' }).waitFor();
    await expectNoEnglish(page, 'console after switching');
    // (unexpected() leaves out 401s: switching also tries to save the language on an account.)
    expect(await unexpected(problems)).toEqual([]);
  });

  it('audit log: explainer, checkpoint and entries in Spanish; copying says so in Spanish', async () => {
    const { page, problems } = await open('/audit', {
      ...ZOOMED,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    await expect.poll(() => page.title()).toBe('Registro de auditoría – Shieldwall');
    await page.getByRole('heading', { level: 2, name: 'Cómo le protege este registro' }).waitFor();
    expect(await page.locator('strong', { hasText: 'punto de control' }).count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Punto de control actual' }).waitFor();
    await page
      .getByText(/^Este punto de control cubre (las primeras )?\d+ entradas? del registro\.$/)
      .waitFor();

    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'N.º',
      'Cuándo',
      'Quién',
      'Qué pasó',
      'Resultado',
    ]);
    expect(await table.locator('caption').textContent()).toMatch(
      /de la más nueva a la más antigua|la única del registro/,
    );
    expect(await table.textContent()).toContain('platform.server.started');
    expect(await table.textContent()).toContain('Salió bien');
    // At 200% the table stacks into cards whose labels come from data-label: Spanish too.
    expect(await table.locator('td').first().getAttribute('data-label')).toBe('N.º');
    const when = (await table.locator('time').first().textContent()) ?? '';
    expect(when).toMatch(/\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/);

    await page.getByRole('button', { name: 'Copiar el punto de control' }).click();
    await expect
      .poll(() => page.locator('.copy [role="status"]').textContent())
      .toMatch(/^Punto de control copiado/);

    await expectNoEnglish(page, 'audit page');
    await expectAccessible(page, 'audit page in Spanish at 200%');
    await page.screenshot({ path: '/tmp/es-audit.png', fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('when the list of modules cannot be loaded, the page says so in Spanish', async () => {
    const { page } = await open('/audit', ZOOMED);
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    await page.route('**/api/modules', (route) => route.abort());
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'No podemos cargar esta página' }).waitFor();
    await page.getByText('Algo impidió que esta página se cargara.').waitFor();
    await page.getByRole('button', { name: 'Intentar de nuevo' }).waitFor();
    await expectAccessible(page, 'unreachable in Spanish at 200%');
    await page.screenshot({ path: '/tmp/es-unreachable.png', fullPage: true });
  });
});
