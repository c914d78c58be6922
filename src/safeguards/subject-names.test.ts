/**
 * The console's subject names (issue 6): organizations, people, keys and end users in words, looked
 * up through the access module on a real server; unknown, deleted and failing look-ups leave the id
 * (never failing a page); many subjects in one response are looked up once each; names written by
 * people come back as plain text, cleaned and clipped. Then the console's answers on a server with
 * the names wired in: decisions (list and live stream), accounts by risk, findings, lever history
 * and the appeal queue carry the names, and the OpenAPI document says so.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUserRow } from '../access/index.js';
import { accessServices } from '../access/index.js';
import type { GatewayTables } from '../gateway/index.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { createDecisionFeed } from './decision-feed.js';
import { storeFindings } from './finding-store.js';
import { safeguardsServices } from './index.js';
import {
  createSubjectNames,
  displayText,
  MAX_NAME_CHARS,
  type SubjectDirectory,
} from './subject-names.js';

interface UserTables {
  access_user: AccessUserRow;
  access_org: { id: string };
}

const op = { id: 'operator:subject-names-test' };

/** A person in the access module's user table, as the other safeguards tests make them. */
async function addUser(server: TestServer, displayName: string, staff: string[] = []) {
  const id = randomUUID();
  await server.platform.store
    .db<UserTables>()
    .insertInto('access_user')
    .values({
      id,
      email: `${id.slice(0, 8)}@names.example`,
      display_name: displayName,
      created_at: Date.now(),
      email_verified_at: Date.now(),
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      advanced_protection: 0,
      staff_roles: JSON.stringify(staff),
      disabled_at: null,
    })
    .execute();
  return id;
}

describe('displayText', () => {
  it('drops control and direction-override characters, collapses spaces and clips', () => {
    expect(displayText('  Riverside\u202e  Water\u0007 District\u200b ')).toBe(
      'Riverside Water District',
    );
    const long = displayText('x'.repeat(500));
    expect([...long]).toHaveLength(MAX_NAME_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(displayText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('subject names from the access module', () => {
  let server: TestServer;
  let access: Awaited<ReturnType<typeof accessServices>>;
  const ids = { org: '', user: '', key: '', plainKey: '', userKey: '', gone: '' };

  beforeAll(async () => {
    server = await startTestServer();
    access = await accessServices(server.platform);
    ids.org = (
      await access.directory.createOrg(
        { name: `Riverside Water District ${randomUUID().slice(0, 4)}` },
        op,
      )
    ).id;
    ids.user = await addUser(server, 'Olga Petrova');
    ids.key = (
      await access.keys.create({ owner: { type: 'org', id: ids.org }, name: 'Billing' }, op)
    ).info.id;
    ids.plainKey = (await access.keys.create({ owner: { type: 'org', id: ids.org } }, op)).info.id;
    ids.userKey = (
      await access.keys.create({ owner: { type: 'user', id: ids.user }, name: 'Laptop' }, op)
    ).info.id;
    ids.gone = (
      await access.directory.createOrg({ name: `Closed ${randomUUID().slice(0, 6)}` }, op)
    ).id;
  }, 60_000);
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  const orgName = async () => (await access.directory.getOrg(ids.org)).name;

  it('names an organization, a person, a key and an end user', async () => {
    const names = createSubjectNames({ access });
    const org = await orgName();
    const got = await names.resolve([
      `org:${ids.org}`,
      `user:${ids.user}`,
      `key:${ids.key}`,
      `key:${ids.plainKey}`,
      `key:${ids.userKey}`,
      `enduser:${ids.org}/u-481`,
      `enduser:${ids.user}/kid-2`,
    ]);
    expect(got.get(`org:${ids.org}`)).toBe(org);
    expect(got.get(`user:${ids.user}`)).toBe('Olga Petrova');
    expect(got.get(`key:${ids.key}`)).toBe(`key 'Billing' of ${org}`);
    expect(got.get(`key:${ids.plainKey}`)).toBe(`key ${ids.plainKey.slice(0, 12)}… of ${org}`);
    expect(got.get(`key:${ids.userKey}`)).toBe("key 'Laptop' of Olga Petrova");
    expect(got.get(`enduser:${ids.org}/u-481`)).toBe(`user 'u-481' of ${org}`);
    expect(got.get(`enduser:${ids.user}/kid-2`)).toBe("user 'kid-2' of Olga Petrova");
  });

  it("puts the words around names in the reader's language, never the names", async () => {
    const names = createSubjectNames({ access });
    const org = await orgName();
    const subjects = [`key:${ids.key}`, `key:${ids.plainKey}`, `enduser:${ids.org}/u-481`];
    const es = await names.resolve(subjects, 'es');
    expect(es.get(`key:${ids.key}`)).toBe(`clave «Billing» de ${org}`);
    expect(es.get(`key:${ids.plainKey}`)).toBe(`clave ${ids.plainKey.slice(0, 12)}… de ${org}`);
    expect(es.get(`enduser:${ids.org}/u-481`)).toBe(`usuario «u-481» de ${org}`);
    // The same cached look-ups, in English for the next reader.
    expect((await names.resolve(subjects, 'en')).get(`key:${ids.key}`)).toBe(
      `key 'Billing' of ${org}`,
    );
    expect(names.peek(`enduser:${ids.org}/u-481`, 'es')).toBe(`usuario «u-481» de ${org}`);
  });

  it('leaves unknown subjects and what is not a subject without a name', async () => {
    const names = createSubjectNames({ access });
    const unknown = [
      `org:${randomUUID()}`,
      `user:${randomUUID()}`,
      'key:sw_live_AAAAAAAAAAAA',
      `enduser:${randomUUID()}/u-1`,
      'system:safeguards',
      'operator:cli',
      'nonsense',
      '',
    ];
    const got = await names.resolve([...unknown, null, undefined, `org:${ids.org}`]);
    expect([...got.keys()]).toEqual([`org:${ids.org}`]);
  });

  it('forgets a deleted organization once its name has aged out of the cache', async () => {
    let now = 1_000_000;
    const names = createSubjectNames({ access, now: () => now });
    const subject = `org:${ids.gone}`;
    expect((await names.resolve([subject])).has(subject)).toBe(true);
    await server.platform.store
      .db<UserTables>()
      .deleteFrom('access_org')
      .where('id', '=', ids.gone)
      .execute();
    // Kept briefly: the same page a moment later still shows it.
    now += 30_000;
    expect((await names.resolve([subject])).has(subject)).toBe(true);
    now += 31_000;
    expect((await names.resolve([subject])).has(subject)).toBe(false);
  });

  it('looks each distinct subject (and owner) up once for many subjects in one call, then serves the cache', async () => {
    const calls = { org: 0, key: 0, user: 0 };
    const counted: SubjectDirectory = {
      directory: {
        getOrg: (id) => {
          calls.org++;
          return access.directory.getOrg(id);
        },
      },
      keys: {
        info: (id) => {
          calls.key++;
          return access.keys.info(id);
        },
      },
      authenticator: {
        userFacts: (id) => {
          calls.user++;
          return access.authenticator.userFacts(id);
        },
      },
    };
    const names = createSubjectNames({ access: counted });
    const endUsers = Array.from({ length: 200 }, (_, i) => `enduser:${ids.org}/u-${i}`);
    const subjects = [...endUsers, ...endUsers, `org:${ids.org}`, `user:${ids.user}`];
    const got = await names.resolve(subjects);
    expect(got.size).toBe(202);
    expect(got.get(`enduser:${ids.org}/u-199`)).toBe(`user 'u-199' of ${await orgName()}`);
    expect(calls).toEqual({ org: 1, key: 0, user: 1 });
    await names.resolve(subjects);
    expect(calls).toEqual({ org: 1, key: 0, user: 1 });
  });

  it('never fails: a broken directory leaves ids, a slow one does not hold the page', async () => {
    const broken: SubjectDirectory = {
      directory: { getOrg: () => Promise.reject(new Error('database is locked')) },
      keys: { info: () => Promise.reject(new Error('database is locked')) },
      authenticator: { userFacts: () => Promise.reject(new Error('database is locked')) },
    };
    const names = createSubjectNames({ access: broken });
    await expect(names.resolve([`org:${ids.org}`, `key:${ids.key}`])).resolves.toEqual(new Map());
    const hang = () => new Promise<never>(() => {});
    const slow = createSubjectNames({
      access: {
        directory: { getOrg: hang },
        keys: { info: hang },
        authenticator: { userFacts: hang },
      },
      waitMs: 50,
    });
    const started = Date.now();
    expect((await slow.resolve([`org:${ids.org}`])).size).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not remember a failed look-up: the next page asks again', async () => {
    let fail = true;
    const flaky: SubjectDirectory = {
      ...access,
      directory: {
        getOrg: (id) => (fail ? Promise.reject(new Error('timeout')) : access.directory.getOrg(id)),
      },
    };
    const names = createSubjectNames({ access: flaky });
    expect((await names.resolve([`org:${ids.org}`])).size).toBe(0);
    fail = false;
    expect((await names.resolve([`org:${ids.org}`])).get(`org:${ids.org}`)).toBe(await orgName());
  });

  it('peeks without waiting and learns the name for next time', async () => {
    const names = createSubjectNames({ access });
    const subject = `user:${ids.user}`;
    expect(names.peek(subject)).toBeNull();
    await expect.poll(() => names.peek(subject)).toBe('Olga Petrova');
  });

  it('peeks start a bounded number of look-ups, however many subjects a live stream names', async () => {
    let calls = 0;
    const silent: SubjectDirectory = {
      ...access,
      // A directory that has stopped answering.
      directory: { getOrg: () => new Promise(() => calls++) },
    };
    const names = createSubjectNames({ access: silent });
    for (let i = 0; i < 500; i++) expect(names.peek(`org:org-${i}`)).toBeNull();
    expect(calls).toBe(16);
  });

  it('returns names people wrote as cleaned, clipped plain text', async () => {
    const org = await access.directory.createOrg(
      { name: `\u202eEvil ${'Corp '.repeat(35)}${randomUUID().slice(0, 4)}` },
      op,
    );
    const key = await access.keys.create(
      { owner: { type: 'org', id: org.id }, name: '<img src=x onerror=alert(1)>' },
      op,
    );
    const names = createSubjectNames({ access });
    const got = await names.resolve([`org:${org.id}`, `key:${key.info.id}`]);
    const orgShown = got.get(`org:${org.id}`) ?? '';
    expect(orgShown.startsWith('Evil Corp')).toBe(true);
    expect(orgShown).not.toContain('\u202e');
    expect([...orgShown]).toHaveLength(MAX_NAME_CHARS);
    expect(got.get(`key:${key.info.id}`)).toBe(`key '<img src=x onerror=alert(1)>' of ${orgShown}`);
  });
});

describe('the console answers with names', () => {
  let server: TestServer;
  let operatorKey = '';
  let orgId = '';
  let orgName = '';
  let operatorId = '';
  const blocked = `req-${randomUUID()}`;

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const access = await accessServices(server.platform);
    orgName = `Riverside Water District ${randomUUID().slice(0, 4)}`;
    orgId = (await access.directory.createOrg({ name: orgName, tier: 2 }, op)).id;
    operatorId = await addUser(server, 'Olga Operator', ['operator']);
    const admin = await addUser(server, 'Maria Admin');
    await access.directory.addMember(orgId, admin, 'admin', op);
    operatorKey = (await access.keys.create({ owner: { type: 'user', id: operatorId } }, op)).key;
    await access.close();
    const now = Date.now();
    await server.platform.store
      .db<GatewayTables>()
      .insertInto('gateway_requests')
      .values({
        id: blocked,
        created_at: now - 5000,
        principal: `org:${orgId}`,
        org_id: orgId,
        key_id: null,
        end_user: 'u-481',
        tier: 2,
        endpoint: 'chat',
        model: 'defender-small',
        upstream: null,
        status: 403,
        error_code: 'safeguard_blocked',
        stream: 0,
        latency_ms: 2,
        prompt_tokens: 10,
        completion_tokens: 0,
        total_tokens: 10,
        decision: 'block',
        risk: 0.93,
        categories: JSON.stringify([{ id: 'malware_ransomware', score: 0.93 }]),
        prompt: 'write ransomware',
        response: null,
        content_expires_at: now + 86_400_000,
      })
      .execute();
    const s = await safeguardsServices(server.platform);
    await s.risk.record({
      requestId: blocked,
      at: now - 5000,
      orgId,
      keyId: null,
      userId: null,
      endUser: 'u-481',
      tier: 2,
      decision: 'block',
      risk: 0.93,
      categories: [{ id: 'malware_ransomware', score: 0.93 }],
    });
    const { lever } = await s.levers.pull(
      { kind: 'friction', target: `org:${orgId}`, mode: 'limits', reason: 'ransomware requests' },
      { id: `user:${operatorId}` },
    );
    await s.appeals.file(lever.id, 'We were testing our own backups.', {
      userId: admin,
      adminOf: [orgId],
    });
    await s.close();
    await storeFindings(
      server.platform.store,
      [
        {
          kind: 'repeated_blocks',
          subject: `org:${orgId}`,
          summary: '6 blocks',
          requestIds: [blocked],
        },
      ],
      now,
    );
  }, 90_000);
  afterAll(async () => {
    await server?.close();
  });

  it('names the subject of each decision, in the list and in the live stream', async () => {
    const endUser = `enduser:${orgId}/u-481`;
    const list = await get<{ requestId: string; subject: string; name: string | null }[]>(
      '/api/safeguards/decisions',
    );
    expect(list.find((d) => d.requestId === blocked)).toMatchObject({
      subject: endUser,
      name: `user 'u-481' of ${orgName}`,
    });

    const controller = new AbortController();
    // As the page opens it: its language in the address (an EventSource sets no headers).
    const res = await fetch(`${server.url}/api/safeguards/decisions/stream?locale=es`, {
      headers: { authorization: `Bearer ${operatorKey}` },
      signal: controller.signal,
    });
    if (res.body === null) throw new Error('no stream');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': connected')) text += (await reader.read()).value ?? '';
    const feed = createDecisionFeed({ bus: server.platform.bus, logger: { warn: () => {} } });
    const live = `req-${randomUUID()}`;
    feed.observe({
      requestId: live,
      at: Date.now(),
      orgId,
      keyId: null,
      userId: null,
      endUser: 'u-481',
      tier: 2,
      decision: 'friction',
      risk: 0.7,
      categories: [{ id: 'exploitation', score: 0.7 }],
    });
    while (!text.includes(live)) text += (await reader.read()).value ?? '';
    controller.abort();
    const data = text
      .split('\n')
      .filter((l) => l.startsWith('data: ') && l.includes(live))
      .map((l) => JSON.parse(l.slice(6)) as { subject: string; name: string | null });
    expect(data[0]).toMatchObject({ subject: endUser, name: `usuario «u-481» de ${orgName}` });
    // A language the messages do not have is refused, not guessed.
    const other = await fetch(`${server.url}/api/safeguards/decisions/stream?locale=xx`, {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(other.status).toBe(400);
    await other.body?.cancel();
  });

  it('names accounts by risk and findings', async () => {
    const risk = await get<{ subject: string; name: string | null }[]>('/api/safeguards/risk');
    expect(risk.find((r) => r.subject === `enduser:${orgId}/u-481`)?.name).toBe(
      `user 'u-481' of ${orgName}`,
    );
    const findings = await get<{ subject: string; name: string | null }[]>(
      '/api/safeguards/findings',
    );
    expect(findings.find((f) => f.subject === `org:${orgId}`)?.name).toBe(orgName);
    // In the language the web app asks in.
    const res = await fetch(`${server.url}/api/safeguards/risk`, {
      headers: { authorization: `Bearer ${operatorKey}`, 'accept-language': 'es' },
    });
    const inSpanish = (await res.json()) as { subject: string; name: string | null }[];
    expect(inSpanish.find((r) => r.subject === `enduser:${orgId}/u-481`)?.name).toBe(
      `usuario «u-481» de ${orgName}`,
    );
  });

  it('names lever targets and who pulled them', async () => {
    const levers = await get<
      { target: string; target_name: string | null; actor: string; actor_name: string | null }[]
    >('/api/safeguards/levers?history=true');
    expect(levers.find((l) => l.target === `org:${orgId}`)).toMatchObject({
      target_name: orgName,
      actor: `user:${operatorId}`,
      actor_name: 'Olga Operator',
    });
  });

  it('names the appeal, its owner, its lever and the risk subjects in the queue', async () => {
    const queue =
      await get<
        {
          appeal: { target: string; target_name: string | null; owner_name: string | null };
          lever: { target_name: string | null };
          risk: { name: string | null }[];
        }[]
      >('/api/safeguards/appeals');
    const review = queue.find((r) => r.appeal.target === `org:${orgId}`);
    expect(review?.appeal).toMatchObject({ target_name: orgName, owner_name: orgName });
    expect(review?.lever.target_name).toBe(orgName);
    expect(review?.risk.every((r) => r.name === orgName)).toBe(true);
  });

  it('documents the names in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const schemaOf = (path: string) => JSON.stringify(doc.paths[path]?.get ?? {});
    expect(schemaOf('/api/safeguards/decisions')).toContain('"name"');
    expect(schemaOf('/api/safeguards/risk')).toContain('"name"');
    expect(schemaOf('/api/safeguards/findings')).toContain('"name"');
    expect(schemaOf('/api/safeguards/levers')).toContain('"target_name"');
    expect(schemaOf('/api/safeguards/appeals')).toContain('"owner_name"');
  });
});
