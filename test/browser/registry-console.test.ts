/**
 * The model registry's pages (/provenance) in a real Chromium against a real server (issue 7,
 * "Console"): signed out they ask to sign in; an organization's owner sees its models with
 * environment, size, who signed each and the safety scan, filters them by environment, and
 * opens a model's page: the signature and its transparency-log entry, where it came from
 * (training data → run → model), the AI-BOM summary with a download, the scanner's findings in
 * plain words, and who used it and when (from the audit log). Another organization's model is
 * "not found"; the findings page tells non-operators it is for operators. axe-core on each
 * state; screenshots in English and Spanish (and at 200% zoom) go to /tmp/shots/registry-*.png.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIERS_YAML } from '../../src/access/engine/default-tiers.js';
import { accessServices } from '../../src/access/index.js';
import { startTestServer, type TestServer } from '../../src/platform/test-support/test-server.js';
import { attestTraining } from '../../src/provenance/attestation.js';
import { generateKeys, loadPrivateKey } from '../../src/provenance/key-material.js';
import { buildMlBom } from '../../src/provenance/ml-bom.js';
import { signModel } from '../../src/provenance/model-signing.js';
import { addSigningKeyAs, bindKeyAs } from '../../src/provenance/registry/registry-admin.js';
import { pickle } from '../../src/provenance/test-support/pickle-fixtures.js';
import { registryMessages } from '../../web/src/i18n/registry-messages.js';
import { parseArtifact, parseDetails } from '../../web/src/provenance/registry-api.js';
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
const ZOOMED: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('the registry pages without a browser: catalog and what they accept', () => {
  it('has every sentence in every language, with the same placeholders, none left in English', () => {
    expectCompleteCatalog(registryMessages);
  });

  it('refuses answers of another shape', () => {
    const artifact = {
      id: randomUUID(),
      orgId: 'o',
      name: 'm',
      version: '1',
      environment: 'prod',
      sha256: 'a'.repeat(64),
      size: 3,
      fileName: 'm.bin',
      minTier: 1,
      restricted: false,
      status: 'ready',
      createdBy: 'key:k',
      createdAt: new Date().toISOString(),
      signed: true,
      scan: 'unsafe',
    };
    expect(parseArtifact(artifact)).toMatchObject({ scan: 'unsafe' });
    expect(parseArtifact({ ...artifact, environment: 'qa' })).toBeNull();
    expect(parseArtifact({ ...artifact, size: '3' })).toBeNull();
    const scan = { verdict: 'safe', format: 'pickle', findings: [] };
    expect(
      parseDetails({ artifact, signature: null, scan, bom: null, attestation: null }),
    ).not.toBeNull();
    expect(
      parseDetails({
        artifact,
        signature: null,
        scan: { ...scan, verdict: 'fine' },
        bom: null,
        attestation: null,
      }),
    ).toBeNull();
    expect(
      parseDetails({ artifact, signature: { keyHint: 1 }, scan, bom: null, attestation: null }),
    ).toBeNull();
  });
});

requireChromium('registry console');

describe.runIf(hasChromium)('the registry pages in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'sw-registry-web-'));
  let owner = '';
  let outsider = '';
  let prodId = '';
  let unsafeId = '';
  let theirsId = '';

  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res;
  };
  const push = async (key: string, orgId: string, bytes: Buffer, over: Record<string, unknown>) => {
    const res = await call('POST', '/api/models/artifacts', key, {
      orgId,
      version: '1.0',
      environment: 'dev',
      sha256: sha(bytes),
      size: bytes.length,
      ...over,
    });
    const id = ((await res.json()) as { artifact: { id: string } }).artifact.id;
    const up = await fetch(`${server.url}/api/models/artifacts/${id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    expect(up.status).toBe(200);
    return id;
  };
  const signedIn = async (name: string, org: string | null): Promise<string> => {
    const email = `${name}-${randomUUID().slice(0, 8)}@model-lab.example`;
    const signUp = await fetch(`${server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, display_name: name, password: PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    const access = await accessServices(server.platform);
    const op = { id: 'operator:registry-web-test' };
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

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const tiersFile = join(dir, 'tiers.yaml');
    // Members who sign in with a password only reach tier 1 (model.registry.read).
    writeFileSync(tiersFile, DEFAULT_TIERS_YAML.replace('security: mfa', 'security: none'));
    server = await startTestServer({ env: { SHIELDWALL_TIERS_FILE: tiersFile } });
    browser = await launchChromium();
    const access = await accessServices(server.platform);
    const op = { id: 'operator:registry-web-test' };
    const deps = { store: server.platform.store, audit: server.platform.audit, now: Date.now };
    const orgA = (
      await access.directory.createOrg(
        { name: `Model Lab ${randomUUID().slice(0, 6)}`, tier: 3 },
        op,
      )
    ).id;
    const orgB = (
      await access.directory.createOrg({ name: `Partner ${randomUUID().slice(0, 6)}`, tier: 1 }, op)
    ).id;
    const orgC = (
      await access.directory.createOrg({ name: `Other ${randomUUID().slice(0, 6)}`, tier: 3 }, op)
    ).id;
    const key = async (org: string, env: 'dev' | 'prod') => {
      const k = await access.keys.create({ owner: { type: 'org', id: org } }, op);
      await bindKeyAs(deps, op.id, k.info.id, env);
      return { key: k.key, id: k.info.id };
    };
    const aDev = await key(orgA, 'dev');
    const aProd = await key(orgA, 'prod');
    const bProd = await key(orgB, 'prod');
    const cDev = await key(orgC, 'dev');
    const signing = generateKeys('ed25519');
    await addSigningKeyAs(deps, op.id, orgA, {
      name: 'release-2026',
      publicKeyPem: signing.publicPem,
    });
    await access.close();

    // A signed production model with its AI-BOM and training record.
    const model = join(dir, 'support-bot');
    const data = join(dir, 'support-tickets');
    mkdirSync(model);
    mkdirSync(data);
    const weights = (() => {
      const json = Buffer.from(
        JSON.stringify({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }),
      );
      const len = Buffer.alloc(8);
      len.writeBigUInt64LE(BigInt(json.length));
      return Buffer.concat([len, json, Buffer.alloc(16)]);
    })();
    writeFileSync(join(model, 'model.safetensors'), weights);
    writeFileSync(join(data, 'tickets.csv'), 'text,label\nmy card was stolen,fraud\n');
    const privateKey = loadPrivateKey(signing.privatePem);
    const { bundle } = await signModel({
      model: join(model, 'model.safetensors'),
      key: privateKey,
      signaturePath: join(dir, 'model.sig'),
      ignore: [],
    });
    prodId = await push(aProd.key, orgA, weights, {
      name: 'support-bot',
      environment: 'prod',
      fileName: 'model.safetensors',
      signature: bundle,
    });
    const bom = await buildMlBom({
      model,
      name: 'support-bot',
      version: '1.0',
      license: 'Apache-2.0',
      modelCard: {
        modelParameters: { task: 'text-classification', architectureFamily: 'logistic regression' },
        considerations: { useCases: ['Sort customer messages by topic'] },
      },
      datasets: [data],
      ignore: [],
      serialNumber: `urn:uuid:${randomUUID()}`,
      timestamp: new Date(),
    });
    await call('PUT', `/api/models/artifacts/${prodId}/bom`, aProd.key, bom);
    const run = await attestTraining({
      model,
      datasets: [data],
      repository: 'https://git.model-lab.example/support-bot',
      commit: 'c0ffee'.padEnd(40, '0'),
      builderId: 'https://ci.model-lab.example/runner-1',
      key: privateKey,
      ignore: [],
    });
    await call(
      'PUT',
      `/api/models/artifacts/${prodId}/attestation`,
      aProd.key,
      JSON.parse(run.bundle),
    );
    // A partner reads it; a stranger tries to.
    await call('POST', `/api/models/artifacts/${prodId}/grants`, aProd.key, {
      grantee: `org:${orgB}`,
    });
    await call('GET', `/api/models/artifacts/${prodId}/content`, bProd.key);
    // A dangerous development model (a pickle that runs a shell command on load).
    const evil = pickle()
      .proto(2)
      .global('os', 'system')
      .str('id')
      .tuple1()
      .reduce()
      .stop()
      .bytes();
    unsafeId = await push(aDev.key, orgA, Buffer.from(evil), {
      name: 'old-checkpoint',
      fileName: 'weights.bin',
    });
    theirsId = await push(cDev.key, orgC, Buffer.from('other weights'), {
      name: 'their-model',
      fileName: 'w.txt',
    });
    owner = await signedIn('ana', orgA);
    outsider = await signedIn('pat', null);
  }, 90_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (
    path: string,
    options: BrowserContextOptions & {
      as?: 'owner' | 'outsider' | 'nobody';
      spanish?: boolean;
    } = {},
  ): Promise<WatchedPage> => {
    const { as = 'owner', spanish = false, ...rest } = options;
    const host = new URL(server.url).hostname;
    const watched = await openWatched(browser, new URL(path, server.url).href, {
      reducedMotion: 'reduce',
      ...rest,
      storageState: {
        cookies: as === 'nobody' ? [] : [sessionCookie(host, as === 'owner' ? owner : outsider)],
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

  /**
   * What the page complained about, less the grants list's 403: a password-only owner lacks the
   * write level grants need, and the page says so in words (checked where it matters).
   */
  const complaints = async (w: WatchedPage) =>
    (await w.problems()).filter((l) => !/status of 403/.test(l));

  async function expectAccessible(page: Page, label: string): Promise<void> {
    expect(await runAxe(page, label), `${label}: serious or critical axe violations`).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: wider than the screen`).toBeLessThanOrEqual(0);
  }

  it('asks a signed-out visitor to sign in, and tells an outsider why there is nothing', async () => {
    const { page, problems } = await open('/provenance', { as: 'nobody' });
    await page.getByRole('heading', { level: 1, name: 'Your AI models' }).waitFor();
    await page.getByText('Sign in to see your organization’s AI models.').waitFor();
    await expectAccessible(page, 'models signed out');
    expect((await problems()).filter((l) => !/status of 401/.test(l))).toEqual([]);

    const out = await open('/provenance', { as: 'outsider' });
    await out.page.getByText(/^Your account cannot see the model registry\./).waitFor();
    expect(await out.page.getByLabel('Environment').count()).toBe(0);
    await expectAccessible(out.page, 'models forbidden');
    expect(await out.page.getByRole('main').textContent()).not.toContain('support-bot');
  }, 60_000);

  it('lists the organization’s models with who signed them and the safety scan, by environment', async () => {
    const { page, problems } = await open('/provenance');
    const list = page.getByRole('list', { name: 'Models, newest first' });
    await list.waitFor();
    const items = list.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    const text = (await list.textContent()) ?? '';
    expect(text).not.toContain('their-model');
    const prod = items.filter({ hasText: 'support-bot' });
    expect(await prod.textContent()).toContain('Production');
    expect(await prod.textContent()).toContain('Signed with the key “release-2026”, checked');
    expect(await prod.textContent()).toContain('Safe to load');
    const bad = items.filter({ hasText: 'old-checkpoint' });
    expect(await bad.textContent()).toContain('Dangerous: do not load');
    expect(await bad.textContent()).toContain('Not signed');
    await page.getByLabel('Environment').selectOption('prod');
    await expect.poll(() => items.count()).toBe(1);
    await page.getByLabel('Environment').selectOption('staging');
    await page.getByText('No models in this environment.').waitFor();
    await page.getByLabel('Environment').selectOption('');
    await expect.poll(() => items.count()).toBe(2);
    expect(await smallTargets(page, 'main select, .registry-nav a')).toEqual([]);
    await expectAccessible(page, 'models list');
    await page.screenshot({ path: `${SHOTS}/registry-list.png`, fullPage: true });
    expect(await problems()).toEqual([]);
  }, 60_000);

  it('a model’s page: signature, where it came from, AI-BOM, scan, and who used it', async () => {
    const watched = await open('/provenance');
    const { page } = watched;
    await page.getByRole('link', { name: /support-bot/ }).click();
    await page.getByRole('heading', { level: 1, name: 'support-bot version 1.0' }).waitFor();
    const main = page.getByRole('main');
    await page.getByRole('heading', { level: 2, name: 'Who used it, and when' }).waitFor();
    await page.getByRole('table').waitFor();
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('signed with the key “release-2026” registered by its organization');
    expect(text).toMatch(/The signature is entry \d+ of the public, tamper-evident log/);
    expect(text).toContain('Safe to load');
    expect(text).toContain('https://git.model-lab.example/support-bot');
    expect(text).toContain('support-tickets');
    expect(text).toContain('This is the model you are looking at: its fingerprint matches.');
    expect(text).toContain('Apache-2.0');
    expect(text).toContain('text-classification');
    expect(text).toContain('Sort customer messages by topic');
    const bom = page.getByRole('link', { name: 'Download the AI-BOM' });
    expect(await bom.getAttribute('href')).toBe(`/api/models/artifacts/${prodId}/bom`);
    const proof = page.getByRole('link', { name: 'See the proof that it is in the log' });
    expect(await proof.getAttribute('href')).toMatch(/^\/api\/audit\/proof\/inclusion\?index=\d+$/);
    // Who used it: the partner's download, newest first, then the attachments and the upload.
    const rows = page.getByRole('table').getByRole('row');
    const history = (await page.getByRole('table').textContent()) ?? '';
    expect(history).toContain('Downloaded it');
    expect(history).toContain('Attached the training record');
    expect(history).toContain('Uploaded the file');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    // Grants need the write level, which a password-only account does not reach: it says so.
    await page
      .getByText('Your organization’s admins see and change who else may read it.')
      .waitFor();
    expect(await smallTargets(page, 'main .button, .registry-back a')).toEqual([]);
    await expectAccessible(page, 'model page');
    await page.screenshot({ path: `${SHOTS}/registry-model.png`, fullPage: true });
    const zoomed = await open(page.url(), ZOOMED);
    await zoomed.page.getByRole('heading', { level: 2, name: 'Who used it, and when' }).waitFor();
    await zoomed.page.getByRole('table').waitFor();
    await expectAccessible(zoomed.page, 'model page at 200%');
    await zoomed.page.screenshot({ path: `${SHOTS}/registry-model-zoom.png`, fullPage: true });
    expect(await complaints(watched)).toEqual([]);
  }, 60_000);

  it('says plainly that a dangerous file must not be loaded, and why', async () => {
    const watched = await open(`/provenance/artifacts/${unsafeId}`);
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: 'old-checkpoint version 1.0' }).waitFor();
    const scan = page.getByRole('region', { name: 'Safety scan' });
    await scan.getByText('Dangerous: do not load').waitFor();
    const text = (await scan.textContent()) ?? '';
    expect(text).toContain('Loading it would run code on the computer that loads it.');
    expect(text).toMatch(/os\.system/);
    expect(await page.getByRole('main').textContent()).toContain('This file is not signed.');
    await expectAccessible(page, 'unsafe model page');
    await page.screenshot({ path: `${SHOTS}/registry-unsafe.png`, fullPage: true });
    expect(await complaints(watched)).toEqual([]);
  }, 60_000);

  it('another organization’s model is "not found"; findings are for operators', async () => {
    const { page } = await open(`/provenance/artifacts/${theirsId}`);
    await page
      .getByRole('heading', { level: 1, name: 'Model not found, or not one you may see' })
      .waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('their-model');
    await expectAccessible(page, 'model not found');
    const findings = await open('/provenance/findings');
    await findings.page
      .getByText('Only Shieldwall’s operators see unusual access to AI models.')
      .waitFor();
    await expectAccessible(findings.page, 'findings forbidden');
  }, 60_000);

  it('in Spanish (usted), at 200% zoom', async () => {
    const es = await open('/provenance', { ...ZOOMED, spanish: true });
    await es.page.getByRole('heading', { level: 1, name: 'Sus modelos de IA' }).waitFor();
    const list = es.page.getByRole('list', { name: 'Modelos, los más recientes primero' });
    await list.waitFor();
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Producción');
    expect(text).toContain('Peligroso: no lo cargue');
    await expectAccessible(es.page, 'models in Spanish at 200%');
    await es.page.screenshot({ path: `${SHOTS}/registry-list-es.png`, fullPage: true });

    const model = await open(`/provenance/artifacts/${prodId}`, { spanish: true });
    await model.page.getByRole('heading', { level: 2, name: 'Quién lo usó, y cuándo' }).waitFor();
    await model.page.getByRole('table').waitFor();
    const main = (await model.page.getByRole('main').textContent()) ?? '';
    expect(main).toContain('De dónde viene');
    expect(main).toContain('Lo descargó');
    await expectAccessible(model.page, 'model page in Spanish');
    await model.page.screenshot({ path: `${SHOTS}/registry-model-es.png`, fullPage: true });
    expect(await es.problems()).toEqual([]);
    expect(await complaints(model)).toEqual([]);
  }, 60_000);
});
