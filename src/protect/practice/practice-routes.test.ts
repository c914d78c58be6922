/**
 * The practice and exercise API on a real server with the real access module: admins (and only
 * admins of that organization) start, list, read and end exercises; members see only their own
 * inbox; the token endpoints work without an account; bad bodies get 400 and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUserRow } from '../../access/index.js';
import { accessServices } from '../../access/index.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';

interface UserTables {
  access_user: AccessUserRow;
}

const operator = { id: 'operator:practice-routes-test' };

describe('/api/protect/exercises', () => {
  let server: TestServer;
  const keys: Record<string, string> = {};
  let orgId = '';
  let otherOrgId = '';

  const api = async (method: string, path: string, key: string | null, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const access = await accessServices(server.platform);
    const addUser = async (name: string) => {
      const id = randomUUID();
      await server.platform.store
        .db<UserTables>()
        .insertInto('access_user')
        .values({
          id,
          email: `${name}@family-shop.example`,
          display_name: name,
          created_at: Date.now(),
          email_verified_at: Date.now(),
          password_hash: null,
          totp_secret: null,
          totp_enabled_at: null,
          advanced_protection: 0,
          staff_roles: '[]',
          disabled_at: null,
        })
        .execute();
      keys[name] = (await access.keys.create({ owner: { type: 'user', id } }, operator)).key;
      return id;
    };
    orgId = (await access.directory.createOrg({ name: 'Corner Bakery', tier: 0 }, operator)).id;
    otherOrgId = (await access.directory.createOrg({ name: 'Other Shop', tier: 0 }, operator)).id;
    await access.directory.addMember(orgId, await addUser('owner'), 'owner', operator);
    await access.directory.addMember(orgId, await addUser('clerk'), 'member', operator);
    await access.directory.addMember(otherOrgId, await addUser('stranger'), 'owner', operator);
    await access.close();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const valid = () => ({ orgId, name: 'Spring', messages: ['delivery-fee-text'], days: 7 });

  it('lists the practice messages to anyone', async () => {
    const r = await api('GET', '/api/protect/practice/samples', null);
    expect(r.status).toBe(200);
    expect((r.body?.samples as unknown[] | undefined)?.length).toBeGreaterThanOrEqual(30);
  });

  it('refuses bad bodies and callers who are not admins of the organization, changing nothing', async () => {
    for (const body of [
      { ...valid(), days: 0 },
      { ...valid(), days: 365 },
      { ...valid(), messages: [] },
      { ...valid(), messages: ['Not An Id!'] },
      { ...valid(), name: '' },
      { ...valid(), extra: true },
      { ...valid(), orgId: 'x'.repeat(200) },
    ])
      expect(
        (await api('POST', '/api/protect/exercises', keys.owner ?? '', body)).status,
        JSON.stringify(body),
      ).toBe(400);
    expect((await api('POST', '/api/protect/exercises', null, valid())).status).toBe(401);
    expect((await api('POST', '/api/protect/exercises', keys.clerk ?? '', valid())).status).toBe(
      403,
    );
    expect((await api('POST', '/api/protect/exercises', keys.stranger ?? '', valid())).status).toBe(
      404,
    );
    const unknown = await api('POST', '/api/protect/exercises', keys.owner ?? '', {
      ...valid(),
      messages: ['no-such-one'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body?.code).toBe('unknown_message');
    const list = await api('GET', `/api/protect/exercises?orgId=${orgId}`, keys.owner ?? '');
    expect(list.body?.exercises).toEqual([]);
    expect(list.body?.showIndividuals).toBe(false);
  });

  it('runs an exercise end to end: inbox, report by button and by token, results, end', async () => {
    const created = await api('POST', '/api/protect/exercises', keys.owner ?? '', valid());
    expect(created.status).toBe(201);
    const id = created.body?.id as string;

    // One message, so every member gets it within the first slot; the first member at once.
    const inboxes = await Promise.all(
      ['owner', 'clerk'].map(async (who) =>
        api('GET', '/api/protect/exercises/inbox', keys[who] ?? ''),
      ),
    );
    const items = inboxes.flatMap((r) => r.body?.items as { id: string; token: string }[]);
    expect(items.length).toBeGreaterThanOrEqual(1);
    const item = items[0];
    if (item === undefined) throw new Error('no delivery');
    const mine = inboxes.findIndex(
      (r) => ((r.body?.items as unknown[] | undefined)?.length ?? 0) > 0,
    );
    const who = mine === 0 ? 'owner' : 'clerk';
    const notWho = mine === 0 ? 'clerk' : 'owner';

    expect(
      (await api('POST', `/api/protect/exercises/inbox/${item.id}/report`, keys[notWho] ?? ''))
        .status,
    ).toBe(404);
    expect(
      (await api('POST', `/api/protect/exercises/inbox/${item.id}/open`, keys[who] ?? '')).status,
    ).toBe(204);
    expect(
      (await api('POST', '/api/protect/exercises/report', null, { token: item.token })).status,
    ).toBe(200);
    expect((await api('POST', '/api/protect/exercises/report', null, { token: 'x' })).status).toBe(
      400,
    );
    expect(
      (await api('POST', '/api/protect/exercises/click', null, { token: 'B'.repeat(32) })).status,
    ).toBe(404);

    const results = await api(
      'GET',
      `/api/protect/exercises/${id}/results?orgId=${orgId}`,
      keys.owner ?? '',
    );
    expect(results.status).toBe(200);
    expect(
      (results.body?.exercise as { metrics: { reported: number } } | undefined)?.metrics.reported,
    ).toBe(1);
    expect(results.body?.people).toBeNull();
    expect(
      (await api('GET', `/api/protect/exercises/${id}/results?orgId=${orgId}`, keys.clerk ?? ''))
        .status,
    ).toBe(403);
    expect(
      (
        await api(
          'GET',
          `/api/protect/exercises/${id}/results?orgId=${otherOrgId}`,
          keys.stranger ?? '',
        )
      ).status,
    ).toBe(404);

    const set = await api('PUT', '/api/protect/exercises/settings', keys.owner ?? '', {
      orgId,
      showIndividuals: true,
    });
    expect(set.status).toBe(200);
    const withPeople = await api(
      'GET',
      `/api/protect/exercises/${id}/results?orgId=${orgId}`,
      keys.owner ?? '',
    );
    expect((withPeople.body?.people as unknown[] | undefined)?.length).toBe(2);

    expect(
      (await api('POST', `/api/protect/exercises/${id}/end`, keys.clerk ?? '', { orgId })).status,
    ).toBe(403);
    const ended = await api('POST', `/api/protect/exercises/${id}/end`, keys.owner ?? '', {
      orgId,
    });
    expect(ended.status).toBe(200);
    expect(
      (await api('POST', '/api/protect/exercises/report', null, { token: item.token })).status,
    ).toBe(404);

    const audit = await server.platform.audit.entries({ from: 0, limit: 500 });
    const actions = audit.entries.map((e) => e.action);
    for (const a of [
      'protect.exercise.created',
      'protect.exercise.individuals_changed',
      'protect.exercise.ended',
    ])
      expect(actions).toContain(a);
    expect(JSON.stringify(audit.entries)).not.toContain(item.token);
  });
});
