/**
 * "After a scam" over HTTP on the real server (same composition as `serve`): the checklist and
 * reporting channels with good and bad input, and trusted-contact alerts end to end through the
 * access module's mail outbox — on SQLite with the in-memory limiter, and on PostgreSQL with
 * Redis when they answer. Each account comes from its own address (X-Forwarded-For).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { ALERTS_PER_DAY } from './contact-alert.js';

const PASSWORD = 'Plum-Tractor-Velvet-93';
const SCAM =
  'USPS: Your package is on hold due to an unpaid shipping fee of $1.99. Pay now at https://usps-redelivery.top/pay to avoid return.';
/** Parts of the checked message that must never reach the contact or the audit log. */
const SECRETS = ['usps-redelivery', '$1.99', 'package is on hold', 'shipping fee'];

interface Problem {
  code: string;
  detail: string;
  status: number;
}

function suite(
  name: string,
  setup: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>,
) {
  describe(name, () => {
    let server: TestServer;
    let drop: () => Promise<void> = async () => {};
    let people = 0;

    beforeAll(async () => {
      const s = await setup();
      drop = s.drop;
      server = await startTestServer({ env: { SHIELDWALL_TRUST_PROXY: 'true', ...s.env } });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await drop();
    });

    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, {
        headers: { 'x-forwarded-for': '203.0.113.200', ...headers },
      });
    const problem = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return (await res.json()) as Problem;
    };

    interface Person {
      email: string;
      ip: string;
      headers: Record<string, string>;
    }

    /** A new account, signed in: its cookie and CSRF token. */
    async function signedIn(language = 'en'): Promise<Person> {
      people += 1;
      const ip = `192.0.2.${people}`;
      const email = `person${people}-${Date.now()}@example.org`;
      const json = {
        'content-type': 'application/json',
        'x-forwarded-for': ip,
        'accept-language': language,
      };
      const up = await fetch(`${server.url}/api/access/account/sign-up`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, display_name: `Ann ${people}`, password: PASSWORD }),
      });
      expect(up.status).toBe(202);
      const signIn = await fetch(`${server.url}/api/access/account/sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrf_token } = (await signIn.json()) as { csrf_token: string };
      return { email, ip, headers: { ...json, cookie, 'x-csrf-token': csrf_token } };
    }

    async function nameContact(person: Person, contact: string, alerts: string[]) {
      const res = await fetch(`${server.url}/api/access/account/trusted-contact`, {
        method: 'PUT',
        headers: person.headers,
        body: JSON.stringify({ name: 'Sam Helper', email: contact, alerts }),
      });
      expect(res.status).toBe(200);
    }

    const mailTo = async (address: string) =>
      (
        await server.platform.store
          .db<{
            access_mail_outbox: {
              to_address: string;
              subject: string;
              body: string;
              created_at: number;
            };
          }>()
          .selectFrom('access_mail_outbox')
          .select(['subject', 'body'])
          .where('to_address', '=', address)
          .orderBy('created_at')
          .execute()
      ).map((m) => `${m.subject}\n${m.body}`);

    const auditText = async () =>
      JSON.stringify((await server.platform.audit.entries({ from: 0, limit: 1000 })).entries);

    const alertButton = (person: Person, body: unknown, headers = person.headers) =>
      fetch(`${server.url}/api/protect/contact-alert`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });

    it('GET /api/protect/recovery: merged steps, urgent first, in the asked language', async () => {
      const res = await get(
        '/api/protect/recovery?what=password,card,password&country=gb&locale=es',
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        what: string[];
        country: string;
        steps: { id: string; priority: string; text: string }[];
      };
      expect(body.what).toEqual(['password', 'card']);
      expect(body.country).toBe('GB');
      expect(body.steps[0]).toMatchObject({ id: 'call_bank', priority: 'now' });
      expect(body.steps[0]?.text).toMatch(/^Llame a su banco/);
      expect(body.steps.find((s) => s.id === 'freeze_credit')?.text).toContain('Cifas');
      const english = (await (
        await get('/api/protect/recovery?what=crypto', { 'accept-language': 'en-GB,en;q=0.9' })
      ).json()) as { locale: string };
      expect(english.locale).toBe('en');
      const spanish = (await (
        await get('/api/protect/recovery?what=crypto', { 'accept-language': 'es-MX,es;q=0.9' })
      ).json()) as { locale: string };
      expect(spanish.locale).toBe('es');
    });

    it('GET /api/protect/recovery refuses unknown choices, countries and parameters with a problem', async () => {
      const wrong = await problem(await get('/api/protect/recovery?what=password,lottery'), 400);
      expect(wrong.code).toBe('what_invalid');
      expect(wrong.detail).toContain('lottery');
      expect(wrong.detail).toContain('gift_card');
      expect((await problem(await get('/api/protect/recovery'), 400)).code).toBeTruthy();
      expect(
        (await problem(await get('/api/protect/recovery?what=card&country=GBR'), 400)).code,
      ).toBeTruthy();
      expect(
        (await problem(await get('/api/protect/recovery?what=card&category=nope'), 400)).code,
      ).toBeTruthy();
      expect(
        (await problem(await get('/api/protect/recovery?what=card&debug=1'), 400)).code,
      ).toBeTruthy();
      expect(
        (await problem(await get(`/api/protect/recovery?what=${'a'.repeat(5000)}`), 400)).code,
      ).toBeTruthy();
    });

    it('GET /api/protect/report-channels: a country’s channels; an unknown one lists the known ones', async () => {
      const res = await get('/api/protect/report-channels?country=us&category=investment_crypto');
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        country: string;
        channels: { id: string; value: string; reviewed: string }[];
      };
      expect(body.country).toBe('US');
      expect(body.channels[0]?.id).toBe('us-ic3');
      expect(body.channels.map((c) => c.value)).toContain('7726');
      const unknown = await problem(await get('/api/protect/report-channels?country=ZZ'), 400);
      expect(unknown.code).toBe('unknown_country');
      expect(unknown.detail).toContain('US');
      expect(unknown.detail).toContain('GB');
      expect((await problem(await get('/api/protect/report-channels'), 400)).code).toBeTruthy();
    });

    it('signed out: no button is offered, and the alert is refused', async () => {
      const offer = await get('/api/protect/contact-alert');
      expect(offer.status).toBe(200);
      expect(await offer.json()).toEqual({ signed_in: false, alerts: [] });
      const refused = await alertButton(
        {
          email: '',
          ip: '',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        },
        { kind: 'scam_high_risk', category: 'delivery' },
      );
      expect((await problem(refused, 401)).code).toBe('not_signed_in');
    });

    it('not opted in: nothing is offered, nothing reaches the contact, even after a scam verdict', async () => {
      const person = await signedIn();
      const contact = `sam-${people}@example.net`;
      await nameContact(person, contact, ['new_sign_in']);
      const before = await mailTo(contact);
      const offer = (await (await get('/api/protect/contact-alert', person.headers)).json()) as {
        signed_in: boolean;
        alerts: string[];
      };
      expect(offer).toEqual({ signed_in: true, alerts: [] });
      const check = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: person.headers,
        body: JSON.stringify({ text: SCAM }),
      });
      expect(((await check.json()) as { verdict: string }).verdict).toBe('scam');
      const refused = await alertButton(person, { kind: 'scam_recovery', what: ['gift_card'] });
      expect((await problem(refused, 409)).code).toBe('not_opted_in');
      await new Promise((r) => setTimeout(r, 300));
      expect(await mailTo(contact)).toEqual(before);
      expect(await auditText()).toContain('protect.contact_alert.not_opted_in');
    });

    it('opted in: a scam verdict and the recovery button reach the contact with the reason only, then the limit holds', async () => {
      const person = await signedIn();
      const contact = `kim-${people}@example.net`;
      await nameContact(person, contact, ['scam_high_risk', 'scam_recovery']);
      const named = (await mailTo(contact)).length;
      const offer = (await (await get('/api/protect/contact-alert', person.headers)).json()) as {
        alerts: string[];
      };
      expect(offer.alerts).toEqual(['scam_high_risk', 'scam_recovery']);

      const check = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: person.headers,
        body: JSON.stringify({ text: SCAM }),
      });
      expect(((await check.json()) as { verdict: string }).verdict).toBe('scam');
      await expect
        .poll(async () => (await mailTo(contact)).length, { timeout: 5000 })
        .toBe(named + 1);
      const verdictMail = (await mailTo(contact)).at(-1) ?? '';
      expect(verdictMail).toContain('very likely a scam: a fake parcel-delivery message');

      const button = await alertButton(person, {
        kind: 'scam_recovery',
        what: ['gift_card', 'password'],
        category: 'delivery',
      });
      expect(button.status).toBe(200);
      const recoveryMail = (await mailTo(contact)).at(-1) ?? '';
      expect(recoveryMail).toContain('they may have paid by gift card and typed a password');

      for (const mail of await mailTo(contact))
        for (const secret of SECRETS) expect(mail).not.toContain(secret);
      const audit = await auditText();
      expect(audit).toContain('protect.contact_alert.sent');
      expect(audit).toContain('"via":"api_check"');
      for (const secret of SECRETS) expect(audit).not.toContain(secret);

      // The per-day budget: the remaining alerts go through, the next is refused and audited.
      for (let i = 2; i < ALERTS_PER_DAY; i++)
        expect(
          (await alertButton(person, { kind: 'scam_high_risk', category: 'romance' })).status,
        ).toBe(200);
      const sent = (await mailTo(contact)).length;
      const limited = await alertButton(person, { kind: 'scam_high_risk', category: 'romance' });
      expect((await problem(limited, 429)).code).toBe('alert_rate_limited');
      expect(await mailTo(contact)).toHaveLength(sent);
      expect(await auditText()).toContain('protect.contact_alert.rate_limited');
    });

    it('a Spanish-speaking person’s contact is written to in Spanish, the reason only', async () => {
      const person = await signedIn('es-ES,es;q=0.9');
      const contact = `rosa-${people}@example.net`;
      await nameContact(person, contact, ['scam_recovery']);
      const named = (await mailTo(contact)).length;
      const button = await alertButton(person, {
        kind: 'scam_recovery',
        what: ['gift_card', 'password'],
        category: 'delivery',
      });
      expect(button.status).toBe(200);
      const mails = await mailTo(contact);
      expect(mails).toHaveLength(named + 1);
      const mail = mails.at(-1) ?? '';
      expect(mail).toContain(
        'después de un mensaje falso de entrega de paquetes: puede que haya pagado con tarjetas regalo y escrito una contraseña',
      );
      expect(mail).not.toContain('they may have');
    });

    it('a change without the session’s CSRF token, or with a bad body, sends nothing', async () => {
      const person = await signedIn();
      const contact = `lee-${people}@example.net`;
      await nameContact(person, contact, ['scam_high_risk', 'scam_recovery']);
      const before = await mailTo(contact);
      const { 'x-csrf-token': _dropped, ...noCsrf } = person.headers;
      const forged = await alertButton(
        person,
        { kind: 'scam_high_risk', category: 'delivery' },
        noCsrf,
      );
      expect(forged.status).toBe(403);
      const check = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: noCsrf,
        body: JSON.stringify({ text: SCAM }),
      });
      expect(check.status).toBe(200);
      for (const bad of [
        { kind: 'scam_high_risk' },
        { kind: 'scam_recovery', what: [] },
        { kind: 'scam_recovery', what: ['lottery'] },
        { kind: 'new_sign_in' },
        { kind: 'scam_high_risk', category: 'delivery', message: SCAM },
      ])
        expect((await alertButton(person, bad)).status).toBe(400);
      await new Promise((r) => setTimeout(r, 300));
      expect(await mailTo(contact)).toEqual(before);
    });
  });
}

suite('after-a-scam routes (SQLite)', async () => ({ env: {}, drop: async () => {} }));

const pgUrl = await requireService('postgres');
const redisUrl = await requireService('redis');
describe.skipIf(pgUrl === undefined || redisUrl === undefined)('on PostgreSQL and Redis', () => {
  suite('after-a-scam routes (PostgreSQL, Redis)', async () => {
    const db = await createTempDatabase(pgUrl as string);
    return {
      env: { SHIELDWALL_STORE: db.url, SHIELDWALL_LIMITER: redisUrl as string },
      drop: () => db.drop(),
    };
  });
});
