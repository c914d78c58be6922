/**
 * The reads behind the registry's web pages, on a real server, on SQLite and PostgreSQL:
 * uploads are scanned (a malicious pickle is unsafe with its import named, a safetensors
 * file safe, a text file not scanned); an ML-BOM and a training attestation can be attached
 * once each, checked with the module's own validators; and an artifact's access history is
 * read back from the audit log for its organization's admins and operators only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices, DEFAULT_TIERS_YAML } from '../../access/index.js';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { attestTraining } from '../attestation.js';
import { generateKeys, loadPrivateKey } from '../key-material.js';
import { buildMlBom } from '../ml-bom.js';
import { signModel } from '../model-signing.js';
import { pickle } from '../test-support/pickle-fixtures.js';
import { addSigningKeyAs, bindKeyAs } from './registry-admin.js';

const pgUrl = await requireService('postgres');
const op = { id: 'operator:registry-page-test' };
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
type Json = Record<string, unknown> & { code?: string };

const evil = pickle().proto(2).global('os', 'system').str('id').tuple1().reduce().stop().bytes();
function safetensors(): Buffer {
  const json = Buffer.from(
    JSON.stringify({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }),
  );
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, Buffer.alloc(8)]);
}

const variants = [
  {
    name: 'SQLite',
    store: async (): Promise<{ url?: string; drop(): Promise<void> }> => ({
      drop: async () => undefined,
    }),
  },
  ...(pgUrl === undefined
    ? []
    : [{ name: 'PostgreSQL', store: () => createTempDatabase(pgUrl, 'sw_regpage') }]),
];

describe.each(variants)('registry pages on $name', ({ store: makeStore }) => {
  let server: TestServer;
  let db: { url?: string; drop(): Promise<void> };
  const dir = mkdtempSync(join(tmpdir(), 'sw-regpage-'));
  const w = {
    orgA: '',
    aDev: '',
    aProd: '',
    bDev: '',
    bDevId: '',
    cDev: '',
    memberKey: '',
    operatorKey: '',
    signing: generateKeys('ed25519'),
  };

  const call = async (method: string, path: string, key: string | null, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let answer: Json = {};
    try {
      answer = JSON.parse(text) as Json;
    } catch {
      // bytes, not JSON
    }
    return { status: res.status, text, body: answer };
  };
  /** Describe and upload an artifact as org A's key for `env`; returns its id. */
  const push = async (
    fileName: string,
    bytes: Buffer,
    over: Record<string, unknown> = {},
    key = w.aDev,
  ) => {
    const c = await call('POST', '/api/models/artifacts', key, {
      orgId: w.orgA,
      name: 'page-model',
      version: randomUUID().slice(0, 8),
      environment: 'dev',
      sha256: sha(bytes),
      size: bytes.length,
      fileName,
      ...over,
    });
    expect(c.status, c.text).toBe(201);
    const id = (c.body.artifact as { id: string }).id;
    const up = await fetch(`${server.url}/api/models/artifacts/${id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    expect(up.status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    db = await makeStore();
    const tiers = join(dir, 'tiers.yaml');
    // Members who sign in with a password reach tier 1 (model.registry.read).
    writeFileSync(tiers, DEFAULT_TIERS_YAML.replace('security: mfa', 'security: none'));
    server = await startTestServer({
      env: {
        SHIELDWALL_TIERS_FILE: tiers,
        ...(db.url === undefined ? {} : { SHIELDWALL_STORE: db.url }),
      },
    });
    const access = await accessServices(server.platform);
    const deps = { store: server.platform.store, audit: server.platform.audit, now: Date.now };
    const org = async (name: string, tier: number) =>
      (await access.directory.createOrg({ name: `${name} ${randomUUID().slice(0, 6)}`, tier }, op))
        .id;
    const ids = new Map<string, string>();
    const key = async (type: 'org' | 'user', id: string, env?: 'dev' | 'prod') => {
      const k = await access.keys.create({ owner: { type, id } }, op);
      if (env !== undefined) await bindKeyAs(deps, op.id, k.info.id, env);
      ids.set(k.key, k.info.id);
      return k.key;
    };
    const person = async (name: string, roles: string[]) => {
      const email = `${name}-${randomUUID().slice(0, 8)}@lab.example`;
      const res = await fetch(`${server.url}/api/access/account/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, display_name: name, password: 'Plum-Tractor-Velvet-93' }),
      });
      expect(res.status).toBe(202);
      return access.directory.setStaffRoles(email, roles, op);
    };
    w.orgA = await org('Model Lab', 3);
    const orgB = await org('Partner', 1);
    const orgC = await org('Outsider', 3);
    w.aDev = await key('org', w.orgA, 'dev');
    w.aProd = await key('org', w.orgA, 'prod');
    w.bDev = await key('org', orgB, 'dev');
    w.bDevId = ids.get(w.bDev) ?? '';
    w.cDev = await key('org', orgC, 'dev');
    const member = await person('member', []);
    await access.directory.addMember(w.orgA, member, 'member', op);
    w.memberKey = await key('user', member, 'dev');
    w.operatorKey = await key('user', await person('operator', ['operator']));
    await addSigningKeyAs(deps, op.id, w.orgA, {
      name: 'release',
      publicKeyPem: w.signing.publicPem,
    });
    await access.close();
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans uploads: a malicious pickle is unsafe, safetensors safe, a text file not scanned', async () => {
    // Named .bin, and once more with a name that hides it: the first bytes give it away.
    const bad = await push('weights.bin', Buffer.from(evil));
    const hidden = await push('README', Buffer.from(evil));
    const good = await push('model.safetensors', safetensors());
    const text = await push('notes.txt', Buffer.from('just some notes'));
    const details = async (id: string) =>
      (await call('GET', `/api/models/artifacts/${id}/details`, w.aDev)).body as {
        scan: { verdict: string; format: string; findings: { detail: string; opcode: string }[] };
      };
    for (const id of [bad, hidden]) {
      const d = await details(id);
      expect(d.scan.verdict).toBe('unsafe');
      expect(d.scan.findings[0]?.detail).toMatch(/os\.system/);
    }
    expect((await details(good)).scan).toMatchObject({ verdict: 'safe', format: 'safetensors' });
    expect((await details(text)).scan).toMatchObject({ verdict: 'not_scanned', findings: [] });
    const list = (await call('GET', '/api/models/artifacts?environment=dev', w.aDev))
      .body as unknown as {
      id: string;
      scan: string;
    }[];
    expect(list.find((a) => a.id === bad)?.scan).toBe('unsafe');
    expect(list.find((a) => a.id === good)?.scan).toBe('safe');
    const { entries } = await server.platform.audit.entries({ limit: 1000 });
    expect(
      entries.find(
        (e) =>
          e.action === 'provenance.registry.artifact.scanned' && e.subject === `artifact:${bad}`,
      )?.data,
    ).toMatchObject({ verdict: 'unsafe', findings: 1 });
  });

  it('attaches an ML-BOM and a signed training attestation once each, and shows them', async () => {
    const model = join(dir, 'model');
    const data = join(dir, 'dataset');
    mkdirSync(model);
    mkdirSync(data);
    const bytes = Buffer.from(`prod weights ${randomUUID()}`);
    writeFileSync(join(model, 'model.safetensors'), bytes);
    writeFileSync(join(data, 'train.csv'), 'text,label\nhello,0\n');
    const file = join(model, 'model.safetensors');
    const sigPath = join(dir, 'model.sig');
    const key = loadPrivateKey(w.signing.privatePem);
    const { bundle } = await signModel({ model: file, key, signaturePath: sigPath, ignore: [] });
    const id = await push(
      'model.safetensors',
      bytes,
      { environment: 'prod', signature: bundle },
      w.aProd,
    );

    const bom = await buildMlBom({
      model,
      name: 'page-model',
      version: '1.0',
      license: 'Apache-2.0',
      modelCard: { modelParameters: { task: 'text-classification' } },
      datasets: [data],
      ignore: [],
      serialNumber: `urn:uuid:${randomUUID()}`,
      timestamp: new Date(),
    });
    const put = (kind: string, doc: unknown, k = w.aProd) =>
      call('PUT', `/api/models/artifacts/${id}/${kind}`, k, doc);
    expect((await put('bom', { bomFormat: 'CycloneDX', specVersion: '1.4' })).status).toBe(422);
    // Another organization cannot attach, and learns nothing.
    expect((await put('bom', bom, w.cDev)).status).toBe(404);
    const added = await put('bom', bom);
    expect(added.status, added.text).toBe(201);
    expect(added.body.summary).toMatchObject({ matchesArtifact: true, licenses: ['Apache-2.0'] });
    expect((await put('bom', bom)).body.code).toBe('attachment_exists');

    const run = {
      model,
      datasets: [data],
      repository: 'https://git.example.org/lab/train',
      commit: 'a'.repeat(40),
      builderId: 'https://ci.example.org/runner',
      ignore: [],
    };
    const stranger = await attestTraining({
      ...run,
      key: loadPrivateKey(generateKeys('ed25519').privatePem),
    });
    const refused = await put('attestation', JSON.parse(stranger.bundle));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('attachment_invalid');
    const signed = await attestTraining({ ...run, key });
    expect((await put('attestation', JSON.parse(signed.bundle))).status).toBe(201);

    const d = (await call('GET', `/api/models/artifacts/${id}/details`, w.aProd)).body as Json & {
      signature: { keyName: string; auditIndex: number; proof: { index: number } };
      bom: { summary: { modelCard: unknown[]; datasets: { name: string }[] } };
      attestation: {
        keyName: string;
        summary: {
          matchesArtifact: boolean;
          run: { datasets: unknown[]; code: { commit: string } };
        };
      };
    };
    expect(d.signature).toMatchObject({ keyName: 'release' });
    expect(d.signature.proof.index).toBe(d.signature.auditIndex);
    expect(d.bom.summary.modelCard).toContainEqual({ field: 'task', value: 'text-classification' });
    expect(d.bom.summary.datasets.map((x) => x.name)).toEqual(['dataset']);
    expect(d.attestation.keyName).toBe('release');
    expect(d.attestation.summary.matchesArtifact).toBe(true);
    expect(d.attestation.summary.run.code.commit).toBe('a'.repeat(40));
    const download = await fetch(`${server.url}/api/models/artifacts/${id}/bom`, {
      headers: { authorization: `Bearer ${w.aProd}` },
    });
    expect(download.headers.get('content-disposition')).toMatch(/ai-bom\.cdx\.json/);
    expect(JSON.parse(await download.text())).toEqual(bom);
    // Readers of other organizations, and keys of other environments, see nothing.
    expect((await call('GET', `/api/models/artifacts/${id}/details`, w.cDev)).status).toBe(404);
    expect((await call('GET', `/api/models/artifacts/${id}/bom`, w.aDev)).status).toBe(404);
  });

  it('shows who accessed an artifact, from the audit log, to its admins and operators only', async () => {
    const id = await push('model.safetensors', safetensors());
    const history = (key: string | null, q = '') =>
      call('GET', `/api/models/artifacts/${id}/history${q}`, key);
    await call('POST', `/api/models/artifacts/${id}/grants`, w.aDev, {
      grantee: `key:${w.bDevId}`,
    });
    expect((await call('GET', `/api/models/artifacts/${id}/content`, w.bDev)).status).toBe(200);
    expect((await call('GET', `/api/models/artifacts/${id}/content`, w.cDev)).status).toBe(404);

    const mine = await history(w.aDev);
    expect(mine.status, mine.text).toBe(200);
    const entries = mine.body.entries as {
      index: number;
      actor: string;
      action: string;
      outcome: string;
      detail: string | null;
    }[];
    expect(entries.map((e) => e.action)).toEqual([
      'provenance.registry.artifact.download',
      'provenance.registry.artifact.download',
      'provenance.registry.grant.added',
      'provenance.registry.artifact.scanned',
      'provenance.registry.artifact.upload',
      'provenance.registry.artifact.created',
    ]);
    expect(entries[0]).toMatchObject({ outcome: 'denied', detail: 'not_visible' });
    expect(entries[1]).toMatchObject({ outcome: 'success', actor: `key:${w.bDevId}` });
    // The organization's own keys are named; another organization's grantee stays an id.
    expect((entries[1] as { actorName?: string }).actorName).toBeUndefined();
    expect(entries.at(-1)).toMatchObject({
      action: 'provenance.registry.artifact.created',
      actorName: 'API key',
    });
    // Each entry is the audit log's own.
    for (const e of entries) {
      const logged = await server.platform.audit.get(e.index);
      expect([logged.action, logged.actor, logged.subject]).toEqual([
        e.action,
        e.actor,
        `artifact:${id}`,
      ]);
    }
    // Pages, newest first.
    const first = await history(w.aDev, '?limit=2');
    expect((first.body.entries as unknown[]).length).toBe(2);
    const rest = await history(w.aDev, `?before=${first.body.next}`);
    expect((rest.body.entries as { index: number }[]).map((e) => e.index)).toEqual(
      entries.slice(2).map((e) => e.index),
    );

    // A grantee and a plain member read the artifact but not who else did; others get 404.
    expect((await history(w.bDev)).body.code).toBe('history_forbidden');
    expect((await history(w.memberKey)).status).toBe(403);
    expect((await call('GET', `/api/models/artifacts/${id}`, w.memberKey)).status).toBe(200);
    expect((await history(w.cDev)).status).toBe(404);
    expect((await history(null)).status).toBe(401);
    // Operators investigate across organizations; their look is itself on the record.
    const ops = await history(w.operatorKey);
    expect(ops.status, ops.text).toBe(200);
    const after = (await history(w.aDev)).body.entries as {
      action: string;
      outcome: string;
      detail: string | null;
    }[];
    expect(after[0]).toMatchObject({
      action: 'provenance.registry.history.read',
      outcome: 'success',
    });
    expect(after.filter((e) => e.detail === 'history_forbidden').length).toBe(2);
  });
});
