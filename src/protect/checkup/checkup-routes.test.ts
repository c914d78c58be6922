/**
 * The checkup API and CLI against a real server (SQLite, and PostgreSQL when it answers): who may
 * save and read an organization's checkups, bad input (unknown questions, bad answers, another
 * organization's snapshots, an oversized body, an unknown language), history, exports and audit.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUserRow } from '../../access/index.js';
import { accessServices } from '../../access/index.js';
import { cliOn } from '../../platform/test-support/in-process-cli.js';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { QUESTIONS } from '../engine/checkup/index.js';

/** Just what these tests insert into the access module's user table (as the access tests do). */
interface UserTables {
  access_user: AccessUserRow;
}

const all = (answer: string) => Object.fromEntries(QUESTIONS.map((q) => [q.id, answer]));

function checkupSuite(
  name: string,
  storeEnv: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>,
) {
  describe(name, () => {
    let server: TestServer;
    let env: { env: Record<string, string>; drop(): Promise<void> };
    const keys: Record<'owner' | 'member' | 'otherAdmin' | 'orgKey', string> = {
      owner: '',
      member: '',
      otherAdmin: '',
      orgKey: '',
    };
    let orgA = '';
    let orgAName = '';
    let orgB = '';
    let orgBName = '';

    const api = async (
      method: string,
      path: string,
      key: string | null,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(key === null ? {} : { authorization: `Bearer ${key}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const buffer = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      return {
        status: res.status,
        type,
        buffer,
        body: (type.includes('json') ? JSON.parse(buffer.toString('utf8')) : undefined) as Record<
          string,
          unknown
        >,
      };
    };
    const snapshots = (org: string) => `/api/protect/checkup/orgs/${org}/snapshots`;

    beforeAll(async () => {
      env = await storeEnv();
      server = await startTestServer({ env: env.env });
      const access = await accessServices(server.platform);
      const op = { id: 'operator:test' };
      const suffix = randomUUID().slice(0, 6);
      orgAName = `Corner Bakery ${suffix}`;
      orgBName = `Other Shop ${suffix}`;
      orgA = (await access.directory.createOrg({ name: orgAName }, op)).id;
      orgB = (await access.directory.createOrg({ name: orgBName }, op)).id;
      const user = async (role: 'owner' | 'member' | 'admin', org: string) => {
        const id = randomUUID();
        await server.platform.store
          .db<UserTables>()
          .insertInto('access_user')
          .values({
            id,
            email: `${role}-${id.slice(0, 8)}@shop.example`,
            display_name: role,
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
        await access.directory.addMember(org, id, role, op);
        return (await access.keys.create({ owner: { type: 'user', id } }, op)).key;
      };
      keys.owner = await user('owner', orgA);
      keys.member = await user('member', orgA);
      keys.otherAdmin = await user('admin', orgB);
      keys.orgKey = (await access.keys.create({ owner: { type: 'org', id: orgA } }, op)).key;
      await access.close();
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await env?.drop();
    });

    it('serves the questions in the asked language, English for an unknown one', async () => {
      const es = await api('GET', '/api/protect/checkup/questions?locale=es', null);
      expect(es.status).toBe(200);
      expect(es.body.locale).toBe('es');
      const questions = es.body.questions as { id: string; text: string; frameworks: unknown }[];
      expect(questions).toHaveLength(25);
      expect(questions.find((q) => q.id === 'password-manager')?.text).toContain('contraseña');
      const unknown = await api('GET', '/api/protect/checkup/questions?locale=xx-YY', null);
      expect(unknown.body.locale).toBe('en');
      const header = await api('GET', '/api/protect/checkup/questions', null, undefined, {
        'accept-language': 'es-MX,es;q=0.9',
      });
      expect(header.body.locale).toBe('es');
    });

    it('scores answers for anyone without saving them', async () => {
      const res = await api('POST', '/api/protect/checkup/score', null, {
        answers: { ...all('yes'), firewall: 'no' },
      });
      expect(res.status).toBe(200);
      expect(res.body.overall).toBeLessThan(100);
      expect((res.body.topFixes as { id: string }[])[0]?.id).toBe('firewall');
    });

    it('lets owners save, refuses members (403), strangers (401) and other organizations (404)', async () => {
      const body = { answers: all('partly') };
      expect((await api('POST', snapshots(orgA), null, body)).status).toBe(401);
      expect((await api('POST', snapshots(orgA), keys.member, body)).status).toBe(403);
      expect((await api('POST', snapshots(orgA), keys.otherAdmin, body)).status).toBe(404);
      const saved = await api('POST', snapshots(orgA), keys.owner, body);
      expect(saved.status).toBe(201);
      expect(saved.body.overall).toBe(50);
      expect((saved.body.areas as Record<string, number>).backups).toBe(50);
      // An organization's own API key may save too (it is the organization).
      expect(
        (await api('POST', snapshots(orgA), keys.orgKey, { answers: all('yes') })).status,
      ).toBe(201);

      const { entries } = await server.platform.audit.entries({ from: 0, limit: 1000 });
      const audited = entries.filter((e) => e.action === 'protect.checkup.saved');
      expect(audited).toHaveLength(2);
      expect(audited[0]?.subject).toBe(`org:${orgA}`);
      expect(audited[0]?.actor).toMatch(/^user:/);
      expect(audited[0]?.data).toMatchObject({ overall: 50 });
      // Who, which organization and the score — never the answers.
      expect(JSON.stringify(audited)).not.toContain('partly');
    });

    it('refuses bad input with a clear error and saves nothing', async () => {
      const before = (await api('GET', snapshots(orgA), keys.owner)).body.snapshots as unknown[];
      const unknownId = await api('POST', snapshots(orgA), keys.owner, {
        answers: { ...all('yes'), 'made-up-question': 'yes' },
      });
      expect(unknownId.status).toBe(400);
      expect(unknownId.body.code).toBe('answers_invalid');
      expect(unknownId.body.detail).toContain('made-up-question');
      const badValue = await api('POST', snapshots(orgA), keys.owner, {
        answers: { ...all('yes'), logging: 'maybe' },
      });
      expect(badValue.status).toBe(400);
      expect(badValue.body.code).toBe('validation_failed');
      const extra = await api('POST', snapshots(orgA), keys.owner, {
        answers: all('yes'),
        org: orgB,
      });
      expect(extra.status).toBe(400);
      const { logging: _l, ...incomplete } = all('yes');
      const partial = await api('POST', snapshots(orgA), keys.owner, { answers: incomplete });
      expect(partial.status).toBe(400);
      expect(partial.body.code).toBe('answers_incomplete');
      expect(partial.body.detail).toContain('logging');
      const huge = await api('POST', snapshots(orgA), keys.owner, {
        answers: all('yes'),
        pad: 'x'.repeat(20_000),
      });
      expect(huge.status).toBe(413);
      expect((await api('POST', snapshots(orgA), keys.owner, '{"answers":')).status).toBe(400);
      expect(
        (await api('POST', snapshots('../../etc'), keys.owner, { answers: all('yes') })).status,
      ).toBe(404);
      const after = (await api('GET', snapshots(orgA), keys.owner)).body.snapshots as unknown[];
      expect(after).toHaveLength(before.length);
    });

    it('shows members the history, newest first, and keeps other organizations out', async () => {
      const list = await api('GET', snapshots(orgA), keys.member);
      expect(list.status).toBe(200);
      const items = list.body.snapshots as { id: string; overall: number; created_at: string }[];
      expect(items.map((s) => s.overall)).toEqual([100, 50]);
      expect((await api('GET', snapshots(orgA), keys.otherAdmin)).status).toBe(404);
      expect((await api('GET', snapshots(orgA), null)).status).toBe(401);
      const one = await api('GET', `${snapshots(orgA)}/${items[1]?.id}`, keys.member);
      expect(one.status).toBe(200);
      expect((one.body.answers as Record<string, string>).firewall).toBe('partly');
      // A's snapshot id asked for through B's path (by B's admin) is not found.
      expect((await api('GET', `${snapshots(orgB)}/${items[1]?.id}`, keys.otherAdmin)).status).toBe(
        404,
      );
    });

    it('exports Markdown, CSV and PDF in the asked language; 404 when there is nothing', async () => {
      const md = await api(
        'GET',
        `/api/protect/checkup/orgs/${orgA}/export?format=md&locale=es`,
        keys.member,
      );
      expect(md.status).toBe(200);
      expect(md.type).toContain('text/markdown');
      const text = md.buffer.toString('utf8');
      expect(text).toContain('# Revisión de seguridad para pequeñas empresas');
      expect(text).toContain(`Organización: Corner Bakery`);
      expect(text).toContain('Puntuación global: 100 de 100');
      const csv = await api(
        'GET',
        `/api/protect/checkup/orgs/${orgA}/export?format=csv&locale=zz`,
        keys.member,
      );
      expect(csv.type).toContain('text/csv');
      expect(csv.buffer.toString('utf8').split('\r\n')[0]).toBe(
        'question_id,question,area,framework,control_id,answer,note',
      );
      const older = (await api('GET', snapshots(orgA), keys.member)).body.snapshots as {
        id: string;
      }[];
      const oldCsv = await api(
        'GET',
        `/api/protect/checkup/orgs/${orgA}/export?format=csv&snapshot=${older[1]?.id}`,
        keys.member,
      );
      expect(oldCsv.buffer.toString('utf8')).toContain(',Partly,');
      const pdf = await api(
        'GET',
        `/api/protect/checkup/orgs/${orgA}/export?format=pdf`,
        keys.owner,
      );
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const none = await api('GET', `/api/protect/checkup/orgs/${orgB}/export`, keys.otherAdmin);
      expect(none.status).toBe(404);
      expect(none.body.code).toBe('no_snapshot');
      expect(
        (await api('GET', `/api/protect/checkup/orgs/${orgA}/export?format=docx`, keys.member))
          .status,
      ).toBe(400);
      expect(
        (await api('GET', `/api/protect/checkup/orgs/${orgA}/export`, keys.otherAdmin)).status,
      ).toBe(404);
    });

    it('CLI: questions, answer from a file, export; exit 1 when the organization has none', async () => {
      const cli = cliOn(server.dataDir, env.env);
      const questions = await cli('--json', 'checkup', 'questions', '--locale', 'es');
      expect(questions.code).toBe(0);
      const lines = questions.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; text: string });
      expect(lines).toHaveLength(25);
      expect(lines[0]?.text).toMatch(/^¿/);

      const dir = mkdtempSync(join(tmpdir(), 'sw-checkup-'));
      const file = join(dir, 'answers.json');
      writeFileSync(
        file,
        JSON.stringify({ answers: { ...all('no'), 'mfa-email-banking': 'yes' } }),
      );
      const saved = await cli('--json', 'checkup', 'answer', '--org', orgBName, '--file', file);
      expect(saved.stderr).not.toContain('shieldwall:');
      expect(saved.code).toBe(0);
      expect(JSON.parse(saved.stdout)).toMatchObject({ overall: expect.any(Number) });
      expect(JSON.parse(saved.stdout).top_fixes[0]).toBe('updates-automatic');

      const out = join(dir, 'report.csv');
      const exported = await cli(
        'checkup',
        'export',
        '--org',
        orgBName,
        '--format',
        'csv',
        '--out',
        out,
      );
      expect(exported.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('mfa-email-banking,');
      const md = await cli('checkup', 'export', '--org', orgBName);
      expect(md.stdout).toContain('# Small-business security checkup');
      expect((await cli('checkup', 'export', '--org', orgBName, '--format', 'pdf')).code).toBe(2);

      const access = await accessServices(server.platform);
      const empty = `Empty ${randomUUID().slice(0, 6)}`;
      await access.directory.createOrg({ name: empty }, { id: 'operator:test' });
      await access.close();
      const none = await cli('checkup', 'export', '--org', empty);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('has not completed a checkup');

      writeFileSync(file, JSON.stringify({ answers: { nope: 'yes' } }));
      const bad = await cli('checkup', 'answer', '--org', orgBName, '--file', file);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('there is no question "nope"');
      writeFileSync(file, 'not json');
      expect((await cli('checkup', 'answer', '--org', orgBName, '--file', file)).code).toBe(2);
      expect((await cli('checkup', 'questions', '--locale', 'fr')).code).toBe(2);
    });
  });
}

checkupSuite('checkup API and CLI (SQLite)', async () => ({ env: {}, drop: async () => {} }));

const pgUrl = await requireService('postgres');
describe.skipIf(pgUrl === undefined)('on PostgreSQL', () => {
  checkupSuite('checkup API and CLI (PostgreSQL)', async () => {
    const db = await createTempDatabase(pgUrl as string);
    return { env: { SHIELDWALL_STORE: db.url }, drop: () => db.drop() };
  });
});
