/**
 * The model registry over HTTP on a real server, on SQLite and on PostgreSQL: uploads
 * and downloads stream through the blob port, access follows organization, grants,
 * tier and the key's environment, every step (refusals too) is in the audit log, and
 * signatures come back with inclusion proofs `shieldwall model verify --log` accepts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUserRow } from '../../access/index.js';
import { accessServices, DEFAULT_TIERS_YAML } from '../../access/index.js';
import type { AuditEntry } from '../../platform/audit/index.js';
import { cliOn } from '../../platform/test-support/in-process-cli.js';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { generateKeys, loadPrivateKey } from '../key-material.js';
import { buildMlBom } from '../ml-bom.js';
import { signModel } from '../model-signing.js';
import { INSIDER_FINDING, type InsiderFinding } from './insider-service.js';
import { checkSignatureInLog } from './log-check.js';
import { addSigningKeyAs, bindKeyAs } from './registry-admin.js';
import { blobKeyOf } from './registry-service.js';

const pgUrl = await requireService('postgres');
const operator = { id: 'operator:registry-test' };
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

interface UserTables {
  access_user: AccessUserRow;
}

/** The registry's world: three organizations, keys bound to environments, an operator. */
async function setUp(server: TestServer) {
  const access = await accessServices(server.platform);
  const { store, audit } = server.platform;
  const deps = { store, audit, now: Date.now };
  const orgA = await access.directory.createOrg(
    { name: `Model Lab ${randomUUID().slice(0, 6)}`, tier: 3 },
    operator,
  );
  const orgB = await access.directory.createOrg(
    { name: `Partner ${randomUUID().slice(0, 6)}`, tier: 1 },
    operator,
  );
  const orgC = await access.directory.createOrg(
    { name: `Outsider ${randomUUID().slice(0, 6)}`, tier: 3 },
    operator,
  );
  const key = async (orgId: string, env?: 'dev' | 'staging' | 'prod') => {
    const k = await access.keys.create({ owner: { type: 'org', id: orgId } }, operator);
    if (env !== undefined) await bindKeyAs(deps, operator.id, k.info.id, env);
    return { key: k.key, id: k.info.id };
  };
  const userId = randomUUID();
  await store
    .db<UserTables>()
    .insertInto('access_user')
    .values({
      id: userId,
      email: `op-${userId.slice(0, 8)}@operator.example`,
      display_name: 'op',
      created_at: Date.now(),
      email_verified_at: Date.now(),
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      advanced_protection: 0,
      staff_roles: JSON.stringify(['operator']),
      disabled_at: null,
    })
    .execute();
  const operatorKey = (await access.keys.create({ owner: { type: 'user', id: userId } }, operator))
    .key;
  const signing = generateKeys('ed25519');
  await addSigningKeyAs(deps, operator.id, orgA.id, {
    name: 'release',
    publicKeyPem: signing.publicPem,
  });
  const world = {
    orgA: orgA.id,
    orgB: orgB.id,
    orgC: orgC.id,
    aDev: await key(orgA.id, 'dev'),
    aProd: await key(orgA.id, 'prod'),
    aUnbound: await key(orgA.id),
    bDev: await key(orgB.id, 'dev'),
    cDev: await key(orgC.id, 'dev'),
    operatorKey,
    signing,
  };
  await access.close();
  return world;
}

function client(server: TestServer) {
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
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as Record<string, unknown> & { code?: string } };
  };
  const upload = async (id: string, key: string, bytes: Uint8Array) => {
    const res = await fetch(`${server.url}/api/models/artifacts/${id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { code?: string },
    };
  };
  const download = async (id: string, key: string) => {
    const res = await fetch(`${server.url}/api/models/artifacts/${id}/content`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return {
      status: res.status,
      headers: res.headers,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  return { call, upload, download };
}

async function auditEntries(server: TestServer): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const page = await server.platform.audit.entries({ from, limit: 1000 });
    out.push(...page.entries);
    from = page.next;
  }
  return out;
}

const variants: { name: string; store: () => Promise<{ url?: string; drop(): Promise<void> }> }[] =
  [
    { name: 'SQLite', store: async () => ({ drop: async () => undefined }) },
    ...(pgUrl === undefined
      ? []
      : [{ name: 'PostgreSQL', store: () => createTempDatabase(pgUrl, 'sw_registry') }]),
  ];

describe.each(variants)('/api/models on $name', ({ store: makeStore }) => {
  let server: TestServer;
  let db: { url?: string; drop(): Promise<void> };
  let w: Awaited<ReturnType<typeof setUp>>;
  let api: ReturnType<typeof client>;
  const dir = mkdtempSync(join(tmpdir(), 'sw-registry-'));
  const findings: InsiderFinding[] = [];

  beforeAll(async () => {
    db = await makeStore();
    const tiers = join(dir, 'tiers.yaml');
    // The one-line addition the default policy needs: operators see registry findings.
    writeFileSync(
      tiers,
      DEFAULT_TIERS_YAML.replace(
        'operator: [access.review,',
        'operator: [model.registry.findings, access.review,',
      ),
    );
    server = await startTestServer({
      env: {
        SHIELDWALL_TIERS_FILE: tiers,
        ...(db.url === undefined ? {} : { SHIELDWALL_STORE: db.url }),
      },
    });
    await server.platform.bus.subscribe(INSIDER_FINDING, async (event) => {
      findings.push(event.data as InsiderFinding);
    });
    w = await setUp(server);
    api = client(server);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const describeArtifact = (
    over: Record<string, unknown> = {},
    bytes = Buffer.from('weights v1'),
  ) => ({
    orgId: w.orgA,
    name: 'tiny-llm',
    version: `1.0.${randomUUID().slice(0, 8)}`,
    environment: 'dev',
    sha256: sha(bytes),
    size: bytes.length,
    ...over,
  });

  it('uploads and downloads an artifact, auditing each step', async () => {
    const bytes = Buffer.from('model weights, version 1');
    const created = await api.call(
      'POST',
      '/api/models/artifacts',
      w.aDev.key,
      describeArtifact({}, bytes),
    );
    expect(created.status).toBe(201);
    const id = (created.body.artifact as { id: string }).id;
    expect(created.body.uploadUrl).toBe(`/api/models/artifacts/${id}/content`);
    expect((await api.download(id, w.aDev.key)).status).toBe(409);
    const up = await api.upload(id, w.aDev.key, bytes);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ready', sha256: sha(bytes), size: bytes.length });
    const again = await api.upload(id, w.aDev.key, bytes);
    expect(again.body.code).toBe('artifact_not_pending');
    const down = await api.download(id, w.aDev.key);
    expect(down.status).toBe(200);
    expect(down.bytes.equals(bytes)).toBe(true);
    expect(down.headers.get('x-artifact-sha256')).toBe(sha(bytes));
    expect(down.headers.get('content-disposition')).toMatch(/^attachment; filename="tiny-llm-/);
    const actions = (await auditEntries(server))
      .filter((e) => e.subject === `artifact:${id}`)
      .map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual([
      'provenance.registry.artifact.created:success',
      'provenance.registry.artifact.upload:success',
      // Every upload is scanned (a name like tiny-llm-1.0.x is not a model format: not_scanned).
      'provenance.registry.artifact.scanned:success',
      'provenance.registry.artifact.download:success',
    ]);
  });

  it('keeps nothing when the bytes do not match the declared digest or size', async () => {
    const declared = Buffer.from('the real weights');
    const created = await api.call(
      'POST',
      '/api/models/artifacts',
      w.aDev.key,
      describeArtifact({}, declared),
    );
    const id = (created.body.artifact as { id: string }).id;
    const forged = Buffer.from('backdoored weights');
    const wrong = await api.upload(id, w.aDev.key, forged.subarray(0, declared.length));
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('blob_digest_mismatch');
    const longer = await api.upload(id, w.aDev.key, Buffer.concat([declared, Buffer.from('!')]));
    expect(longer.status).toBe(413);
    expect(await server.platform.blob.stat(blobKeyOf(sha(declared)))).toBeUndefined();
    expect((await api.call('GET', `/api/models/artifacts/${id}`, w.aDev.key)).body.status).toBe(
      'pending',
    );
    const failed = (await auditEntries(server)).filter(
      (e) => e.subject === `artifact:${id}` && e.outcome === 'failure',
    );
    expect(failed.map((e) => e.data?.error)).toEqual(['blob_digest_mismatch', 'blob_too_large']);
    // The right bytes are still accepted afterwards.
    expect((await api.upload(id, w.aDev.key, declared)).status).toBe(200);
  });

  it('refuses names that could escape, at the edge', async () => {
    for (const over of [
      { name: '../../etc/passwd' },
      { name: '.hidden' },
      { version: '1.0/../../x' },
      { fileName: '../evil.bin' },
      { environment: 'production' },
      { sha256: 'A'.repeat(64) },
      { extra: true },
    ]) {
      const r = await api.call('POST', '/api/models/artifacts', w.aDev.key, describeArtifact(over));
      expect(r.status, JSON.stringify(over)).toBe(400);
    }
    const r = await fetch(`${server.url}/api/models/artifacts/..%2F..%2Fetc/content`, {
      headers: { authorization: `Bearer ${w.aDev.key}` },
    });
    expect(r.status).toBe(400);
  });

  it('hides an artifact from other organizations and from keys of other environments', async () => {
    const bytes = Buffer.from('org A only');
    const created = await api.call(
      'POST',
      '/api/models/artifacts',
      w.aDev.key,
      describeArtifact({}, bytes),
    );
    const id = (created.body.artifact as { id: string }).id;
    await api.upload(id, w.aDev.key, bytes);
    // Another organization: not found, whatever it asks.
    expect((await api.call('GET', `/api/models/artifacts/${id}`, w.cDev.key)).status).toBe(404);
    expect((await api.download(id, w.cDev.key)).status).toBe(404);
    expect(
      ((await api.call('GET', '/api/models/artifacts', w.cDev.key)).body as unknown as unknown[])
        .length,
    ).toBe(0);
    expect(
      (
        await api.call('POST', `/api/models/artifacts/${id}/grants`, w.cDev.key, {
          grantee: `org:${w.orgC}`,
        })
      ).status,
    ).toBe(404);
    // Its own organization's prod key cannot reach the dev artifact; an unbound key reaches nothing.
    expect((await api.download(id, w.aProd.key)).status).toBe(404);
    const unbound = await api.download(id, w.aUnbound.key);
    expect(unbound.status).toBe(403);
    expect(JSON.parse(unbound.bytes.toString()).code).toBe('environment_unbound');
    const wrongEnv = await api.call(
      'POST',
      '/api/models/artifacts',
      w.aProd.key,
      describeArtifact(),
    );
    expect(wrongEnv.status).toBe(403);
    expect(wrongEnv.body.code).toBe('environment_mismatch');
    const listed = (await api.call('GET', '/api/models/artifacts?environment=dev', w.aProd.key))
      .body;
    expect(listed.code).toBe('environment_mismatch');
    // Every refusal is in the audit log.
    const denied = (await auditEntries(server)).filter(
      (e) => e.subject === `artifact:${id}` && e.outcome === 'denied',
    );
    expect(denied.map((e) => e.data?.reason)).toEqual(
      expect.arrayContaining(['not_visible', 'environment_unbound']),
    );
    expect(denied.some((e) => e.actor === `key:${w.cDev.id}`)).toBe(true);
    expect(denied.some((e) => e.actor === `key:${w.aProd.id}`)).toBe(true);
  });

  it('grants another organization read access, down to its tier, and takes it back', async () => {
    const bytes = Buffer.from('shared weights');
    const made = async (minTier: number) => {
      const c = await api.call(
        'POST',
        '/api/models/artifacts',
        w.aDev.key,
        describeArtifact({ minTier }, bytes),
      );
      const id = (c.body.artifact as { id: string }).id;
      await api.upload(id, w.aDev.key, bytes);
      return id;
    };
    const open = await made(1);
    const strict = await made(3);
    expect((await api.download(open, w.bDev.key)).status).toBe(404);
    const g = await api.call('POST', `/api/models/artifacts/${open}/grants`, w.aDev.key, {
      grantee: `org:${w.orgB}`,
    });
    expect(g.status).toBe(201);
    await api.call('POST', `/api/models/artifacts/${strict}/grants`, w.aDev.key, {
      grantee: `org:${w.orgB}`,
    });
    expect((await api.download(open, w.bDev.key)).bytes.equals(bytes)).toBe(true);
    const low = await api.download(strict, w.bDev.key);
    expect(low.status).toBe(403);
    expect(JSON.parse(low.bytes.toString()).code).toBe('tier_too_low');
    // A grantee cannot pass the grant on (and cannot tell which ids exist: same answer for none).
    expect(
      (
        await api.call('POST', `/api/models/artifacts/${open}/grants`, w.bDev.key, {
          grantee: `org:${w.orgC}`,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call('POST', `/api/models/artifacts/${randomUUID()}/grants`, w.bDev.key, {
          grantee: `org:${w.orgC}`,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call('POST', `/api/models/artifacts/${open}/grants`, w.aDev.key, {
          grantee: 'everyone',
        })
      ).status,
    ).toBe(400);
    const revoked = await api.call(
      'DELETE',
      `/api/models/artifacts/${open}/grants/${(g.body as { id: string }).id}`,
      w.aDev.key,
    );
    expect(revoked.status).toBe(204);
    expect((await api.download(open, w.bDev.key)).status).toBe(404);
    const actions = (await auditEntries(server))
      .filter((e) => e.subject === `artifact:${open}`)
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'provenance.registry.grant.added',
        'provenance.registry.grant.revoked',
      ]),
    );
  });

  it('needs a signature by a registered key for prod, logs it, and proves it is in the log', async () => {
    const file = join(dir, `model-${randomUUID().slice(0, 6)}.safetensors`);
    const bytes = Buffer.from(`prod weights ${randomUUID()}`);
    writeFileSync(file, bytes);
    const sign = async (pem: string) =>
      (
        await signModel({
          model: file,
          key: loadPrivateKey(pem),
          signaturePath: `${file}.sig`,
          ignore: [],
        })
      ).bundle;
    const base = describeArtifact({ environment: 'prod' }, bytes);
    const unsigned = await api.call('POST', '/api/models/artifacts', w.aProd.key, base);
    expect(unsigned.body.code).toBe('signature_required');
    const stranger = await sign(generateKeys('ed25519').privatePem);
    const foreign = await api.call('POST', '/api/models/artifacts', w.aProd.key, {
      ...base,
      signature: stranger,
    });
    expect(foreign.body.code).toBe('signature_rejected');
    const bundle = await sign(w.signing.privatePem);
    const otherFile = await api.call('POST', '/api/models/artifacts', w.aProd.key, {
      ...base,
      sha256: sha('something else'),
      signature: bundle,
    });
    expect(otherFile.body.code).toBe('signature_rejected');
    const created = await api.call('POST', '/api/models/artifacts', w.aProd.key, {
      ...base,
      signature: bundle,
    });
    expect(created.status).toBe(201);
    const sig = created.body.signature as {
      auditIndex: number;
      bundleSha256: string;
      proof: { index: number };
    };
    expect(sig.bundleSha256).toBe(sha(bundle));
    expect(sig.proof.index).toBe(sig.auditIndex);
    const entry = await server.platform.audit.get(sig.auditIndex);
    expect(entry.action).toBe('provenance.registry.signature');
    expect(entry.data?.bundleSha256).toBe(sha(bundle));

    const pinned = server.platform.audit.publicKey().verifierKey;
    const inLog = await checkSignatureInLog({
      server: server.url,
      bundle: Buffer.from(bundle),
      logKey: pinned,
    });
    expect(inLog).toMatchObject({ inLog: true, index: sig.auditIndex, keySource: 'pinned' });
    const tampered = await checkSignatureInLog({
      server: server.url,
      bundle: Buffer.from(`${bundle} `),
      logKey: pinned,
    });
    expect(tampered.inLog).toBe(false);
    const otherLog = await checkSignatureInLog({
      server: server.url,
      bundle: Buffer.from(bundle),
      logKey: pinned.replace(/^[^+]+/, 'someone.else.example'),
    });
    expect(otherLog.inLog).toBe(false);

    // The same check through the CLI: exit 0 with the log, 1 when the signature is not in it.
    writeFileSync(`${file}.sig`, bundle);
    writeFileSync(`${file}.pub`, w.signing.publicPem);
    const shieldwall = cliOn(dir);
    const ok = await shieldwall(
      '--json',
      'model',
      'verify',
      file,
      '--sig',
      `${file}.sig`,
      '--pub',
      `${file}.pub`,
      '--log',
      server.url,
      '--log-key',
      pinned,
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      valid: true,
      log: { inLog: true, index: sig.auditIndex },
    });
    writeFileSync(`${file}.sig`, stranger);
    writeFileSync(`${file}.pub`, generateKeys('ed25519').publicPem);
    const stray = await shieldwall(
      '--json',
      'model',
      'verify',
      file,
      '--sig',
      `${file}.sig`,
      '--pub',
      `${file}.pub`,
      '--log',
      server.url,
    );
    expect(stray.code).toBe(1);
  });

  it('turns bulk reads of restricted artifacts into one operator finding, and not normal use', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const bytes = Buffer.from(`restricted ${i} ${randomUUID()}`);
      const c = await api.call(
        'POST',
        '/api/models/artifacts',
        w.aDev.key,
        describeArtifact({ restricted: true }, bytes),
      );
      const id = (c.body.artifact as { id: string }).id;
      await api.upload(id, w.aDev.key, bytes);
      ids.push(id);
    }
    await api.call('POST', `/api/models/artifacts/${ids[0]}/grants`, w.aDev.key, {
      grantee: `org:${w.orgB}`,
    });
    // Normal use: the partner reads one restricted artifact a few times.
    for (let i = 0; i < 3; i++)
      expect((await api.download(ids[0] as string, w.bDev.key)).status).toBe(200);
    const quiet = await api.call(
      'GET',
      `/api/models/findings?account=key:${w.bDev.id}`,
      w.operatorKey,
    );
    expect(quiet.status).toBe(200);
    expect(quiet.body).toEqual([]);
    // A burst: one key reads every restricted artifact within minutes.
    for (const id of ids) expect((await api.download(id, w.aDev.key)).status).toBe(200);
    const found = (
      await api.call('GET', `/api/models/findings?account=key:${w.aDev.id}`, w.operatorKey)
    ).body as unknown as InsiderFinding[];
    expect(found.map((f) => f.kind)).toEqual(['bulk_restricted']);
    expect(found[0]?.explanation).toMatch(
      /^Read 5 different restricted artifacts within 60 minutes\./,
    );
    expect(found[0]?.suggestedLever).toContain(`lever friction key:${w.aDev.id} --step-up`);
    const audited = await server.platform.audit.get(found[0]?.auditIndex as number);
    expect(audited).toMatchObject({
      action: 'provenance.insider.finding',
      subject: `key:${w.aDev.id}`,
    });
    for (let i = 0; i < 50 && !findings.some((f) => f.id === found[0]?.id); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(findings.map((f) => f.id)).toContain(found[0]?.id);
    // Findings are for operators only.
    expect((await api.call('GET', '/api/models/findings', w.aDev.key)).status).toBe(403);
    expect((await api.call('GET', '/api/models/findings', null)).status).toBe(401);
  });

  it('pushes, lists and pulls with the CLI, the key read from a file', async () => {
    const file = join(dir, 'cli-model.bin');
    const bytes = Buffer.from(`cli weights ${randomUUID()}`.repeat(5000));
    writeFileSync(file, bytes);
    const keyFile = join(dir, 'a-dev.key');
    writeFileSync(keyFile, `${w.aDev.key}\n`, { mode: 0o600 });
    const shieldwall = cliOn(dir);
    const server_ = ['--server', server.url, '--key-file', keyFile];
    const version = randomUUID().slice(0, 8);
    const push = await shieldwall(
      '--json',
      'model',
      'push',
      file,
      ...server_,
      '--org',
      w.orgA,
      '--name',
      'cli-model',
      '--artifact-version',
      version,
      '--env',
      'dev',
    );
    expect(push.code, push.stderr).toBe(0);
    const id = (JSON.parse(push.stdout) as { artifact: { id: string; status: string } }).artifact
      .id;
    // With an ML-BOM attached in the same command; a file that is not JSON, or too big, is
    // refused before anything is uploaded.
    const modelDir = join(dir, 'cli-bom-model');
    mkdirSync(modelDir, { recursive: true });
    writeFileSync(join(modelDir, 'cli-model.bin'), bytes);
    const bomFile = join(dir, 'cli-model.cdx.json');
    writeFileSync(
      bomFile,
      JSON.stringify(
        await buildMlBom({
          model: modelDir,
          name: 'cli-model',
          version: '1.0',
          license: 'Apache-2.0',
          modelCard: { modelParameters: { task: 'text-classification' } },
          datasets: [],
          ignore: [],
          serialNumber: `urn:uuid:${randomUUID()}`,
          timestamp: new Date(),
        }),
      ),
    );
    const pushArgs = (v: string, bom: string) => [
      '--json',
      'model',
      'push',
      file,
      ...server_,
      '--org',
      w.orgA,
      '--name',
      'cli-model',
      '--artifact-version',
      v,
      '--env',
      'dev',
      '--bom',
      bom,
    ];
    const withBom = await shieldwall(...pushArgs(`${version}b`, bomFile));
    expect(withBom.code, withBom.stderr).toBe(0);
    const bomId = (JSON.parse(withBom.stdout) as { artifact: { id: string } }).artifact.id;
    const details = await api.call('GET', `/api/models/artifacts/${bomId}/details`, w.aDev.key);
    expect((details.body.bom as { summary: unknown } | null)?.summary).toBeTruthy();
    const notJson = join(dir, 'not-a-bom.json');
    writeFileSync(notJson, 'not json');
    const big = join(dir, 'big-bom.json');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x20));
    for (const bad of [notJson, big, join(dir, 'missing.json')]) {
      const refused = await shieldwall(...pushArgs(`${version}x`, bad));
      expect(refused.code).toBe(2);
    }
    const versions = (
      (await api.call('GET', '/api/models/artifacts?environment=dev', w.aDev.key))
        .body as unknown as { version: string }[]
    ).map((a) => a.version);
    expect(versions).not.toContain(`${version}x`);
    const list = await shieldwall('--json', 'model', 'list', ...server_, '--env', 'dev');
    expect((JSON.parse(list.stdout) as { id: string }[]).map((a) => a.id)).toContain(id);
    const out = join(dir, 'pulled.bin');
    const pull = await shieldwall('--json', 'model', 'pull', id, ...server_, '--out', out);
    expect(pull.code, pull.stderr).toBe(0);
    expect(sha(readFileSync(out))).toBe(sha(bytes));
    const refused = await shieldwall(
      'model',
      'pull',
      id,
      '--server',
      server.url,
      '--key-file',
      join(dir, 'nope.key'),
      '--out',
      out,
    );
    expect(refused.code).toBe(2);
  });

  it('honours the operators’ levers: step-up friction on a key pauses it here too', async () => {
    const bytes = Buffer.from(`lever ${randomUUID()}`);
    const c = await api.call(
      'POST',
      '/api/models/artifacts',
      w.aDev.key,
      describeArtifact({}, bytes),
    );
    const id = (c.body.artifact as { id: string }).id;
    await api.upload(id, w.aDev.key, bytes);
    await api.call('POST', `/api/models/artifacts/${id}/grants`, w.aDev.key, {
      grantee: `key:${w.bDev.id}`,
    });
    expect((await api.download(id, w.bDev.key)).status).toBe(200);
    const pulled = await api.call('POST', '/api/safeguards/levers', w.operatorKey, {
      kind: 'friction',
      mode: 'step-up',
      target: `key:${w.bDev.id}`,
      reason: 'registry finding under review',
    });
    expect(pulled.status).toBe(201);
    let status = 200;
    for (let i = 0; i < 100 && status === 200; i++) {
      status = (await api.download(id, w.bDev.key)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(403);
    // Other keys are not affected.
    expect((await api.download(id, w.aDev.key)).status).toBe(200);
    await api.call('POST', '/api/safeguards/levers/lift', w.operatorKey, {
      target: `key:${w.bDev.id}`,
      reason: 'reviewed',
    });
  });

  it('binds keys only for signed-in people, not with a key', async () => {
    const r = await api.call('PUT', `/api/models/keys/${w.aUnbound.id}/environment`, w.aDev.key, {
      environment: 'dev',
    });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('session_required');
  });
});
