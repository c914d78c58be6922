import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.js';
import { defineErrorCodes } from '../errors.js';
import type { ShieldwallModule } from '../module.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const testErrors = defineErrorCodes({
  thing_missing: {
    status: 404,
    message: 'There is no such thing.',
    es: 'No existe esa cosa.',
  },
});

/** Routes that exist only in this test: a module error, one with English detail, a schema. */
const i18nModule: ShieldwallModule = {
  id: 'i18n-edge',
  title: 'i18n edge test',
  summary: 'test routes',
  routes(app) {
    app.get('/api/i18n/missing', async () => {
      throw testErrors.create('thing_missing');
    });
    app.get('/api/i18n/detailed', async () => {
      throw testErrors.create('thing_missing', { message: 'Thing 12 was deleted yesterday.' });
    });
    app.post(
      '/api/i18n/echo',
      {
        schema: {
          body: Type.Object(
            { name: Type.String({ maxLength: 5 }), n: Type.Integer({ minimum: 1 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => ({ name: request.body.name }),
    );
  },
};

interface Answer {
  status: number;
  vary: string | null;
  body: {
    title: string;
    detail: string;
    code: string;
    errors?: { path: string; message: string }[];
  };
}

describe('problem details in the caller’s language', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ modules: [...modules, i18nModule] });
  });
  afterAll(async () => {
    await server.close();
  });

  const call = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const res = await fetch(`${server.url}${path}`, init);
    return {
      status: res.status,
      vary: res.headers.get('vary'),
      body: (await res.json()) as Answer['body'],
    };
  };
  const es = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' };

  it('answers a module error in Spanish for Accept-Language: es, English without, same code', async () => {
    const english = await call('/api/i18n/missing');
    const spanish = await call('/api/i18n/missing', { headers: es });
    expect(english.body).toMatchObject({
      code: 'thing_missing',
      title: 'Not found',
      detail: 'There is no such thing.',
    });
    expect(spanish.status).toBe(404);
    expect(spanish.body).toMatchObject({
      code: 'thing_missing',
      title: 'No encontrado',
      detail: 'No existe esa cosa.',
    });
    expect(english.vary).toContain('Accept-Language');
    expect(spanish.vary).toContain('Accept-Language');
  });

  it('keeps English for a language Shieldwall does not ship', async () => {
    const french = await call('/api/i18n/missing', { headers: { 'accept-language': 'fr-FR' } });
    expect(french.body.detail).toBe('There is no such thing.');
  });

  it('gives a Spanish reader the code’s Spanish and the throw’s English detail', async () => {
    const spanish = await call('/api/i18n/detailed', { headers: es });
    expect(spanish.body.detail).toBe(
      'No existe esa cosa. Detalle (en inglés): Thing 12 was deleted yesterday.',
    );
    expect((await call('/api/i18n/detailed')).body.detail).toBe('Thing 12 was deleted yesterday.');
  });

  it('names the field of a schema refusal in a Spanish sentence', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      call('/api/i18n/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const missing = await post({ name: 'Ana' }, es);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.detail).toBe('La solicitud no es válida: falta el campo «n».');
    expect(missing.body.errors).toEqual([{ path: 'body/n', message: 'Falta el campo «n».' }]);

    const tooLong = await post({ name: 'Ana María', n: 1 }, es);
    expect(tooLong.body.detail).toBe(
      'La solicitud no es válida: el campo «name» puede tener como máximo 5 caracteres.',
    );
    const extra = await post({ name: 'Ana', n: 1, admin: true }, es);
    expect(extra.body.errors?.[0]).toEqual({
      path: 'body/admin',
      message: 'El campo «admin» no se admite aquí: quítelo de la solicitud.',
    });
    const small = await post({ name: 'Ana', n: 0 }, es);
    expect(small.body.detail).toContain('el campo «n» debe ser como mínimo 1');

    // English stays Ajv's own wording, as before.
    const english = await post({ name: 'Ana' });
    expect(english.body.detail).toBe(
      "The request body is not valid: body must have required property 'n'",
    );
    expect(english.body.errors).toEqual([
      { path: 'body/n', message: "must have required property 'n'" },
    ]);
  });

  it('says Fastify’s own refusals and unknown routes in Spanish', async () => {
    const json = await call('/api/i18n/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...es },
      body: '{"name":',
    });
    expect(json.body).toMatchObject({
      code: 'malformed_json',
      detail: 'El cuerpo de la solicitud no es JSON válido.',
    });
    const nowhere = await call('/api/i18n/nowhere', { headers: es });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.detail).toBe('No hay nada en GET /api/i18n/nowhere.');
    expect((await call('/api/i18n/nowhere')).body.detail).toBe(
      'There is nothing at GET /api/i18n/nowhere.',
    );
  });

  it('answers a real module’s error in Spanish (wrong password on sign-in)', async () => {
    const signIn = (headers: Record<string, string>) =>
      call('/api/access/account/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'not the password 123' }),
      });
    const spanish = await signIn(es);
    expect(spanish.status).toBe(401);
    expect(spanish.body).toMatchObject({
      code: 'invalid_credentials',
      title: 'No ha iniciado sesión',
      detail: 'La dirección de correo o la contraseña no son correctas.',
    });
    expect((await signIn({})).body.detail).toBe('The email address or password is not right.');
  });
});
