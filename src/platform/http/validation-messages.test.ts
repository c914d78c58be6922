import { describe, expect, it } from 'vitest';
import { validationDetailEs, validationSentenceEs } from './validation-messages.js';

describe('schema refusals in Spanish', () => {
  it('names the field, nested ones by their path', () => {
    expect(
      validationSentenceEs('body', {
        keyword: 'format',
        instancePath: '/contacts/0/email',
        params: { format: 'email' },
      }),
    ).toBe('El campo «contacts.0.email» debe ser una dirección de correo electrónico.');
    expect(
      validationSentenceEs('body', {
        keyword: 'type',
        instancePath: '/n',
        params: { type: 'integer' },
      }),
    ).toBe('El campo «n» debe ser un número entero.');
  });

  it('says where outside the body the problem is', () => {
    expect(
      validationSentenceEs('querystring', {
        keyword: 'required',
        instancePath: '',
        params: { missingProperty: 'q' },
      }),
    ).toBe('Falta el parámetro «q» en la consulta.');
    expect(
      validationSentenceEs('params', { keyword: 'pattern', instancePath: '/id', params: {} }),
    ).toBe('El parámetro «id» de la dirección no tiene la forma esperada.');
    expect(
      validationSentenceEs('body', {
        keyword: 'type',
        instancePath: '',
        params: { type: 'object' },
      }),
    ).toBe('El cuerpo de la solicitud debe ser un objeto.');
  });

  it('lists allowed values, bounded, and has a sentence for any keyword', () => {
    const many = Array.from({ length: 30 }, (_, i) => `v${i}`);
    const sentence = validationSentenceEs('body', {
      keyword: 'enum',
      instancePath: '/kind',
      params: { allowedValues: many },
    });
    expect(sentence).toContain('v0, v1');
    expect(sentence).not.toContain('v29');
    expect(sentence).toContain('…');
    expect(
      validationSentenceEs('body', { keyword: 'somethingNew', instancePath: '/x', params: {} }),
    ).toBe('El campo «x» tiene un valor que no es válido.');
  });

  it('starts the detail with the request and lowercases the sentence after it', () => {
    expect(
      validationDetailEs('body', [
        { keyword: 'minItems', instancePath: '/alerts', params: { limit: 1 } },
      ]),
    ).toBe('La solicitud no es válida: el campo «alerts» debe tener al menos 1 elemento.');
    expect(validationDetailEs('body', [])).toBe('La solicitud no es válida.');
  });
});
