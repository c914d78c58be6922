/**
 * Leak tests for the exchange's sharing controls (issue 5, "Sharing controls"):
 * for each boundary — TLP level × caller (anonymous, tier 1, another
 * organization, the same organization, a sharing-group member, a non-member),
 * the collection ACL and the sharing group — every read path (TAXII objects,
 * one object, its versions, the manifest, the live stream, the CLI export) is
 * tried, and what each caller got is compared with what it may see: nothing
 * more, and (so the test can fail both ways) nothing less. On SQLite and on
 * PostgreSQL, through the real server and the real CLI.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, accessServices, type Principal } from '../access/index.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { mayRead, RECIPIENTS_PROPERTY } from './engine/sharing/index.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { DEFAULT_COLLECTION_ID, viewerOf } from './exchange-service.js';

const TAXII = 'application/taxii+json;version=2.1';
const ROOT = '/taxii2/default';

type Who = 'anon' | 'tier1' | 'source' | 'member' | 'recipient' | 'outsider';
const CALLERS: readonly Who[] = ['anon', 'tier1', 'source', 'member', 'recipient', 'outsider'];
type Obj = Record<string, unknown> & { id: string };

const indicator = (label: string, extra: Record<string, unknown> = {}): Obj => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${randomUUID()}`,
  created: '2026-12-01T10:00:00.000Z',
  modified: '2026-12-01T10:00:00.000Z',
  name: label,
  pattern: `[domain-name:value = '${label}-${randomUUID().slice(0, 8)}.example']`,
  pattern_type: 'stix',
  valid_from: '2026-12-01T10:00:00Z',
  ...extra,
});

function leakSuite(
  name: string,
  storeEnv: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>,
) {
  describe(name, () => {
    let server: TestServer;
    let access: Access;
    let env: { env: Record<string, string>; drop(): Promise<void> };
    const keys = {} as Record<Exclude<Who, 'anon'>, string>;
    const orgIds = {} as Record<Exclude<Who, 'anon'>, string>;
    let groupCollection = '';
    let ownerOnly = '';
    let groupName = '';
    /** Per collection: each object and who may see it. */
    const expected = new Map<string, { object: Obj; readers: readonly Who[] }[]>();
    /** What each caller's live stream delivered (object ids). */
    const streamed = new Map<Who, Set<string>>();
    const closeStreams: (() => void)[] = [];

    const taxii = async (method: string, path: string, who: Who, body?: unknown) => {
      const key = who === 'anon' ? undefined : keys[who];
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          accept: TAXII,
          ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
          ...(body === undefined ? {} : { 'content-type': TAXII }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        text,
        body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
      };
    };

    /** A live stream for a caller, recording every object id it is sent. */
    const subscribe = async (who: Who) => {
      const seen = new Set<string>();
      streamed.set(who, seen);
      const abort = new AbortController();
      const key = who === 'anon' ? undefined : keys[who];
      const res = await fetch(`${server.url}/api/intel/stream`, {
        headers: {
          accept: 'text/event-stream',
          ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
        },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      const connected = (async () => {
        while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);
      })();
      await connected;
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            text += decoder.decode(value, { stream: true });
            for (const m of text.matchAll(/"id":"([a-z-]+--[0-9a-f-]{36})"/g))
              seen.add(m[1] as string);
          }
        } catch {
          // closed
        }
      })();
      closeStreams.push(() => abort.abort());
    };

    beforeAll(async () => {
      env = await storeEnv();
      server = await startTestServer({ env: env.env });
      access = await accessServices(server.platform);
      const op = { id: 'test' };
      const tiers: Record<Exclude<Who, 'anon'>, number> = {
        tier1: 1,
        source: 2,
        member: 2,
        recipient: 4,
        outsider: 4,
      };
      for (const [who, tier] of Object.entries(tiers) as [Exclude<Who, 'anon'>, number][]) {
        const org = await access.directory.createOrg(
          { name: `Leak ${who} ${randomUUID().slice(0, 6)}`, tier },
          op,
        );
        orgIds[who] = org.id;
        keys[who] = (await access.keys.create({ owner: { type: 'org', id: org.id } }, op)).key;
      }
      // The sharing group and the collections, through the CLI on the same data.
      const cli = cliOn(server.dataDir, env.env);
      const run = async (...args: string[]) => {
        const r = await cli(...args);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        return r.stdout.trim();
      };
      const group = `partners-${randomUUID().slice(0, 6)}`;
      groupName = group;
      await run('intel', 'group', 'create', group);
      for (const who of ['tier1', 'member', 'recipient'] as const)
        await run('intel', 'group', 'add', group, orgIds[who]);
      groupCollection = await run(
        'intel',
        'collection',
        'create',
        'Partners',
        '--org',
        orgIds.source,
        '--group',
        group,
      );
      ownerOnly = JSON.parse(
        await run('--json', 'intel', 'collection', 'create', 'Source only', '--org', orgIds.source),
      ).id as string;
      expect(groupCollection).toMatch(/^[0-9a-f-]{36}$/);

      for (const who of CALLERS) await subscribe(who);

      const inGroup: Obj[] = [
        indicator('clear', { object_marking_refs: [TLP2_IDS.clear] }),
        indicator('unmarked'),
        indicator('green', { object_marking_refs: [TLP2_IDS.green] }),
        indicator('amber', { object_marking_refs: [TLP2_IDS.amber] }),
        indicator('strict', { object_marking_refs: [TLP2_IDS['amber+strict']] }),
        indicator('red', {
          object_marking_refs: [TLP2_IDS.red],
          [RECIPIENTS_PROPERTY]: [orgIds.recipient],
        }),
      ];
      const [clear, unmarked, green, amber, strict, red] = inGroup as [
        Obj,
        Obj,
        Obj,
        Obj,
        Obj,
        Obj,
      ];
      expected.set(groupCollection, [
        { object: clear, readers: ['tier1', 'source', 'member', 'recipient'] },
        { object: unmarked, readers: ['tier1', 'source', 'member', 'recipient'] },
        { object: green, readers: ['tier1', 'source', 'member', 'recipient'] },
        { object: amber, readers: ['source', 'member', 'recipient'] },
        { object: strict, readers: ['source'] },
        { object: red, readers: ['source', 'recipient'] },
      ]);
      const ownerClear = indicator('owner-clear', { object_marking_refs: [TLP2_IDS.clear] });
      expected.set(ownerOnly, [{ object: ownerClear, readers: ['source'] }]);
      const sharedGreen = indicator('shared-green', { object_marking_refs: [TLP2_IDS.green] });
      const sharedAmber = indicator('shared-amber', { object_marking_refs: [TLP2_IDS.amber] });
      const sharedRed = indicator('shared-red', { object_marking_refs: [TLP2_IDS.red] });
      expected.set(DEFAULT_COLLECTION_ID, [
        { object: sharedGreen, readers: ['tier1', 'source', 'member', 'recipient', 'outsider'] },
        // In the open collection the audience is the sharing organization alone.
        { object: sharedAmber, readers: ['source'] },
        { object: sharedRed, readers: ['source'] },
      ]);
      for (const [collection, list] of expected) {
        const posted = await taxii('POST', `${ROOT}/collections/${collection}/objects/`, 'source', {
          objects: list.map((e) => e.object),
        });
        expect(posted.status).toBe(202);
        expect(posted.body.failure_count).toBe(0);
      }
      // A last CLEAR object everyone receives: once it arrives, every earlier event has been judged.
      const sentinel = indicator('sentinel', { object_marking_refs: [TLP2_IDS.clear] });
      await taxii('POST', `${ROOT}/collections/${DEFAULT_COLLECTION_ID}/objects/`, 'source', {
        objects: [sentinel],
      });
      const deadline = Date.now() + 10_000;
      while ([...streamed.values()].some((s) => !s.has(sentinel.id)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      for (const s of streamed.values()) expect(s.has(sentinel.id)).toBe(true);
    }, 60_000);

    afterAll(async () => {
      for (const c of closeStreams) c();
      await access?.close();
      await server?.close();
      await env?.drop();
    });

    const cases = () =>
      [...expected].flatMap(([collection, list]) =>
        list.flatMap((e) =>
          CALLERS.map((who) => ({ collection, e, who, allowed: e.readers.includes(who) })),
        ),
      );

    it('TAXII objects and manifest list exactly what each caller may see', async () => {
      for (const [collection, list] of expected)
        for (const who of CALLERS) {
          const want = list
            .filter((e) => e.readers.includes(who))
            .map((e) => e.object.id)
            .sort();
          for (const path of ['objects/', 'manifest/']) {
            const res = await taxii(
              'GET',
              `${ROOT}/collections/${collection}/${path}?limit=1000`,
              who,
            );
            const got = ((res.body.objects ?? []) as { id: string }[])
              .map((o) => o.id)
              .filter((id) => list.some((e) => e.object.id === id))
              .sort();
            expect({ collection, who, path, got }).toEqual({ collection, who, path, got: want });
            for (const e of list)
              if (!e.readers.includes(who)) expect(res.text).not.toContain(e.object.id);
          }
        }
    });

    it('one object and its versions: 200 for a reader, 404 (never 403) for anyone else', async () => {
      for (const { collection, e, who, allowed } of cases())
        for (const suffix of ['', 'versions/']) {
          const res = await taxii(
            'GET',
            `${ROOT}/collections/${collection}/objects/${e.object.id}/${suffix}`,
            who,
          );
          if (allowed) {
            expect({ who, id: e.object.name, suffix, status: res.status }).toMatchObject({
              status: 200,
            });
            if (suffix === '') expect((res.body.objects as Obj[])[0]?.id).toBe(e.object.id);
          } else {
            expect({ who, id: e.object.name, suffix, status: res.status }).toMatchObject({
              status: 404,
            });
            expect(res.text).not.toContain(e.object.name as string);
          }
        }
    });

    it('the collection list shows a restricted collection only to its owner and groups, with their rights', async () => {
      for (const who of CALLERS) {
        const res = await taxii('GET', `${ROOT}/collections/`, who);
        const cols = (res.body.collections ?? []) as {
          id: string;
          can_read: boolean;
          can_write: boolean;
        }[];
        const group = cols.find((c) => c.id === groupCollection);
        const owner = cols.find((c) => c.id === ownerOnly);
        expect({ who, group: group !== undefined }).toEqual({
          who,
          group: ['tier1', 'source', 'member', 'recipient'].includes(who),
        });
        expect({ who, owner: owner !== undefined }).toEqual({ who, owner: who === 'source' });
        if (group !== undefined) {
          expect(group.can_read).toBe(true);
          // Writing needs intel.write (tier 2) as well as membership.
          expect({ who, w: group.can_write }).toEqual({ who, w: who !== 'tier1' });
        }
        const direct = await taxii('GET', `${ROOT}/collections/${groupCollection}/`, who);
        expect({ who, status: direct.status }).toEqual({
          who,
          status: group === undefined ? 404 : 200,
        });
      }
    });

    const rest = async (method: string, path: string, who: Who, body?: unknown) => {
      const key = who === 'anon' ? undefined : keys[who];
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        text,
        body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
      };
    };

    it('REST (/api/intel/collections/:id/objects) gives exactly what each caller may see', async () => {
      for (const [collection, list] of expected)
        for (const who of CALLERS) {
          const res = await rest(
            'GET',
            `/api/intel/collections/${collection}/objects?limit=1000`,
            who,
          );
          const want = list
            .filter((e) => e.readers.includes(who))
            .map((e) => e.object.id)
            .sort();
          const got = ((res.body.objects ?? []) as { id: string }[])
            .map((o) => o.id)
            .filter((id) => list.some((e) => e.object.id === id))
            .sort();
          expect({ collection, who, got }).toEqual({ collection, who, got: want });
          if (want.length === 0 && collection !== DEFAULT_COLLECTION_ID)
            expect(res.status).toBe(404);
          for (const e of list)
            if (!e.readers.includes(who)) expect(res.text).not.toContain(e.object.id);
        }
    });

    it('an organization manages its own sharing groups over REST, and no one else’s', async () => {
      const name = `source-circle-${randomUUID().slice(0, 6)}`;
      const made = await rest('POST', '/api/intel/groups', 'source', { name, org: orgIds.source });
      expect(made.status).toBe(201);
      const id = made.body.id as string;
      // Another organization (even a higher tier) can neither see nor change it.
      expect(
        (await rest('PUT', `/api/intel/groups/${id}/members/${orgIds.outsider}`, 'outsider'))
          .status,
      ).toBe(404);
      expect((await rest('GET', '/api/intel/groups', 'outsider')).text).not.toContain(name);
      // Nor create a group in its name.
      expect(
        (
          await rest('POST', '/api/intel/groups', 'outsider', {
            name: `${name}-x`,
            org: orgIds.source,
          })
        ).status,
      ).toBe(403);
      expect((await rest('POST', '/api/intel/groups', 'anon', { name: `${name}-y` })).status).toBe(
        401,
      );
      const added = await rest('PUT', `/api/intel/groups/${id}/members/${orgIds.member}`, 'source');
      expect(added.status).toBe(200);
      expect(added.body.members).toEqual([orgIds.member]);
      // The member now sees the group in its list, but may not manage it.
      expect((await rest('GET', '/api/intel/groups', 'member')).text).toContain(name);
      expect(
        (await rest('DELETE', `/api/intel/groups/${id}/members/${orgIds.member}`, 'member')).status,
      ).toBe(404);
      const removed = await rest(
        'DELETE',
        `/api/intel/groups/${id}/members/${orgIds.member}`,
        'source',
      );
      expect(removed.body.members).toEqual([]);
    });

    it('an owner shares its collection with a group read-only, and stops sharing it', async () => {
      const made = await rest('POST', '/api/intel/groups', 'source', {
        name: `readers-${randomUUID().slice(0, 6)}`,
        org: orgIds.source,
      });
      const group = made.body.id as string;
      await rest('PUT', `/api/intel/groups/${group}/members/${orgIds.member}`, 'source');
      const ownerClear = ((expected.get(ownerOnly) ?? [])[0] as { object: Obj }).object;
      const read = (who: Who) =>
        taxii('GET', `${ROOT}/collections/${ownerOnly}/objects/${ownerClear.id}/`, who);
      expect((await read('member')).status).toBe(404);
      // Only the owner's admins (or operators) may share it.
      const path = `/api/intel/collections/${ownerOnly}/groups/${group}`;
      expect((await rest('PUT', path, 'outsider', { write: true })).status).toBe(404);
      expect((await rest('PUT', path, 'member', { write: true })).status).toBe(404);
      expect((await rest('PUT', path, 'source', { write: false })).status).toBe(204);
      expect((await read('member')).status).toBe(200);
      expect((await read('outsider')).status).toBe(404);
      // Read-only: the member may not add.
      const post = await taxii('POST', `${ROOT}/collections/${ownerOnly}/objects/`, 'member', {
        objects: [indicator('read-only')],
      });
      expect(post.status).toBe(403);
      expect((await rest('DELETE', path, 'source')).status).toBe(204);
      expect((await read('member')).status).toBe(404);
      // The same from the command line (as an operator).
      const cli = cliOn(server.dataDir, env.env);
      expect(
        (await cli('intel', 'collection', 'share', ownerOnly, group, '--read-only')).code,
      ).toBe(0);
      expect((await read('member')).status).toBe(200);
      expect((await cli('intel', 'collection', 'unshare', ownerOnly, group)).code).toBe(0);
      expect((await read('member')).status).toBe(404);
      expect((await cli('intel', 'collection', 'unshare', ownerOnly, group)).code).not.toBe(0);
      const entries = (await server.platform.audit.entries({ limit: 1000 })).entries.map(
        (e) => e.action,
      );
      expect(entries).toEqual(
        expect.arrayContaining([
          'exchange.collection.group.attached',
          'exchange.collection.group.detached',
        ]),
      );
    });

    it('a non-member cannot write into a group collection', async () => {
      const res = await taxii(
        'POST',
        `${ROOT}/collections/${groupCollection}/objects/`,
        'outsider',
        {
          objects: [indicator('intruder')],
        },
      );
      expect(res.status).toBe(404);
      const ok = await taxii('POST', `${ROOT}/collections/${groupCollection}/objects/`, 'member', {
        objects: [indicator('member-post', { object_marking_refs: [TLP2_IDS.clear] })],
      });
      expect(ok.status).toBe(202);
    });

    it('the live stream (/api/intel/stream) sends each caller exactly what it may see', () => {
      for (const who of CALLERS) {
        const got = streamed.get(who) as Set<string>;
        for (const { e, who: w, allowed } of cases())
          if (w === who)
            expect({ who, object: e.object.name, sent: got.has(e.object.id) }).toEqual({
              who,
              object: e.object.name,
              sent: allowed,
            });
      }
    });

    it('the CLI export gives an organization exactly what it may see, and by default only what anyone may', async () => {
      const cli = cliOn(server.dataDir, env.env);
      for (const [collection, list] of expected)
        for (const who of CALLERS) {
          const args = ['--json', 'intel', 'export', '--collection', collection];
          if (who !== 'anon') args.push('--as-org', orgIds[who]);
          const run = await cli(...args);
          const ids =
            run.code === 0
              ? (JSON.parse(run.stdout) as { objects: { id: string }[] }).objects.map((o) => o.id)
              : [];
          const want = list
            .filter((e) => e.readers.includes(who))
            .map((e) => e.object.id)
            .sort();
          expect({
            collection,
            who,
            got: ids.filter((id) => list.some((e) => e.object.id === id)).sort(),
          }).toEqual({
            collection,
            who,
            got: want,
          });
          for (const e of list)
            if (!e.readers.includes(who)) expect(run.stdout).not.toContain(e.object.id);
        }
    }, 60_000);

    it('a stream resumed with Last-Event-ID and filtered by collection and type replays only what the caller may see', async () => {
      const list = expected.get(groupCollection) ?? [];
      for (const who of ['member', 'tier1'] as const) {
        const want = list.filter((e) => e.readers.includes(who)).map((e) => e.object.id);
        const abort = new AbortController();
        const res = await fetch(
          `${server.url}/api/intel/stream?collection=${groupCollection}&type=indicator`,
          {
            headers: { authorization: `Bearer ${keys[who]}`, 'last-event-id': '0' },
            signal: abort.signal,
          },
        );
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let text = '';
        const deadline = Date.now() + 5000;
        while (want.some((id) => !text.includes(id)) && Date.now() < deadline)
          text += decoder.decode((await reader.read()).value, { stream: true });
        abort.abort();
        for (const id of want) expect(text).toContain(id);
        for (const e of list) if (!e.readers.includes(who)) expect(text).not.toContain(e.object.id);
        // Nothing from other collections passes the collection filter.
        for (const e of expected.get(DEFAULT_COLLECTION_ID) ?? [])
          expect(text).not.toContain(e.object.id);
      }
      expect((await rest('GET', '/api/intel/stream?collection=not-a-uuid', 'member')).status).toBe(
        400,
      );
    });

    it('removing an organization from the group cuts it off on every path, the live stream too', async () => {
      const cli = cliOn(server.dataDir, env.env);
      expect((await cli('intel', 'group', 'remove', groupName, orgIds.member)).code).toBe(0);
      const one = (expected.get(groupCollection) ?? [])[0] as { object: Obj };
      expect(
        (
          await taxii(
            'GET',
            `${ROOT}/collections/${groupCollection}/objects/${one.object.id}/`,
            'member',
          )
        ).status,
      ).toBe(404);
      const list = await taxii('GET', `${ROOT}/collections/${groupCollection}/objects/`, 'member');
      expect(list.text).not.toContain(one.object.id);
      // Open streams reload their rules (on the change's announcement, at the latest within 5 s).
      await new Promise((r) => setTimeout(r, 6000));
      const after = indicator('after-removal', { object_marking_refs: [TLP2_IDS.clear] });
      await taxii('POST', `${ROOT}/collections/${groupCollection}/objects/`, 'source', {
        objects: [after],
      });
      const deadline = Date.now() + 5000;
      while (!streamed.get('recipient')?.has(after.id) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(streamed.get('recipient')?.has(after.id)).toBe(true);
      expect(streamed.get('member')?.has(after.id)).toBe(false);
      const entries = (await server.platform.audit.entries({ limit: 1000 })).entries.map(
        (e) => e.action,
      );
      expect(entries).toEqual(
        expect.arrayContaining([
          'exchange.group.created',
          'exchange.group.member.added',
          'exchange.group.member.removed',
          'exchange.collection.created',
        ]),
      );
    });
  });
}

leakSuite('sharing controls (SQLite)', async () => ({ env: {}, drop: async () => {} }));

const pgUrl = await requireService('postgres');
describe.skipIf(pgUrl === undefined)('on PostgreSQL', () => {
  leakSuite('sharing controls (PostgreSQL)', async () => {
    const db = await createTempDatabase(pgUrl as string);
    return { env: { SHIELDWALL_STORE: db.url }, drop: () => db.drop() };
  });
});

describe('the sharing rules for people (user principals)', () => {
  const user = (
    orgs: [string, 'owner' | 'admin' | 'analyst' | 'member'][],
    caps: string[],
    tier = 2,
  ): Principal => ({
    kind: 'user',
    userId: 'u1',
    tier,
    capabilities: new Set(caps),
    orgs: new Map(orgs),
    via: 'session',
  });
  const open = {
    ownerOrg: null,
    readCapability: 'intel.read:clear',
    writeCapability: 'intel.write',
    hasGroups: false,
    readOrgs: new Set<string>(),
    writeOrgs: new Set<string>(),
  };
  const owned = {
    ...open,
    ownerOrg: 'org-a',
    hasGroups: true,
    readOrgs: new Set(['org-b']),
    writeOrgs: new Set<string>(),
  };
  const amber = { tlp: 'amber', sourceOrg: 'org-a', recipients: [] };

  it('a member of the sharing organization reads its AMBER+STRICT; a member of another does not', () => {
    const strict = { tlp: 'amber+strict', sourceOrg: 'org-a', recipients: [] };
    expect(
      mayRead(viewerOf(user([['org-a', 'member']], ['intel.read:clear'])), owned, strict),
    ).toBe(true);
    expect(
      mayRead(
        viewerOf(
          user(
            [['org-b', 'owner']],
            ['intel.read:clear', 'intel.read:amber', 'intel.read:amber-strict'],
          ),
        ),
        owned,
        strict,
      ),
    ).toBe(false);
  });

  it('AMBER reaches a group member with intel.read:amber, not one without it', () => {
    expect(
      mayRead(
        viewerOf(user([['org-b', 'member']], ['intel.read:clear', 'intel.read:amber'])),
        owned,
        amber,
      ),
    ).toBe(true);
    expect(
      mayRead(
        viewerOf(user([['org-b', 'member']], ['intel.read:clear', 'intel.read:green'])),
        owned,
        amber,
      ),
    ).toBe(false);
    expect(
      mayRead(
        viewerOf(user([['org-c', 'admin']], ['intel.read:clear', 'intel.read:amber'])),
        owned,
        amber,
      ),
    ).toBe(false);
  });

  it('a minimum tier on a collection (tier:N) is checked against the tier', () => {
    const tiered = { ...open, readCapability: 'tier:3' };
    const clear = { tlp: 'clear', sourceOrg: null, recipients: [] };
    expect(mayRead(viewerOf(user([], ['intel.read:clear'], 2)), tiered, clear)).toBe(false);
    expect(mayRead(viewerOf(user([], ['intel.read:clear'], 3)), tiered, clear)).toBe(true);
  });

  it('an unknown TLP level is treated as RED; RED needs a named recipient with intel.read:red', () => {
    const weird = { tlp: 'purple', sourceOrg: 'org-x', recipients: ['org-b'] };
    expect(
      mayRead(
        viewerOf(user([['org-b', 'member']], ['intel.read:clear', 'intel.read:red'])),
        owned,
        weird,
      ),
    ).toBe(true);
    expect(
      mayRead(
        viewerOf(user([['org-b', 'member']], ['intel.read:clear', 'intel.read:amber'])),
        owned,
        weird,
      ),
    ).toBe(false);
    expect(
      mayRead(
        viewerOf(user([['org-d', 'member']], ['intel.read:clear', 'intel.read:red'])),
        owned,
        weird,
      ),
    ).toBe(false);
  });

  it('an anonymous caller never reads a restricted collection', () => {
    const anon: Principal = {
      kind: 'anonymous',
      tier: 0,
      capabilities: new Set(['intel.read:clear']),
    };
    expect(
      mayRead(viewerOf(anon), owned, { tlp: 'clear', sourceOrg: 'org-a', recipients: [] }),
    ).toBe(false);
    expect(
      mayRead(viewerOf(anon), open, { tlp: 'clear', sourceOrg: 'org-a', recipients: [] }),
    ).toBe(true);
    expect(
      mayRead(viewerOf(anon), open, { tlp: 'green', sourceOrg: 'org-a', recipients: [] }),
    ).toBe(false);
  });
});
