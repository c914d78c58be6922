/**
 * The whole checker in Spanish on the shipped models: the same verdict, codes,
 * weights and evidence as in English, with every sentence from the Spanish
 * catalog; and an English result said again in Spanish equals a Spanish check.
 */
import { describe, expect, it } from 'vitest';
import { loadScamModelFiles } from '../../load-models.js';
import { createScamChecker } from '../check/check.js';
import type { CheckInput, CheckResult } from '../types.js';
import { checkerMessages } from './checker-messages.js';
import { localizeResult } from './localize-result.js';

const checker = createScamChecker({
  models: loadScamModelFiles(),
  matcher: {
    match: (indicators) =>
      indicators
        .filter((i) => i.value.includes('royalmail-redelivery'))
        .map((indicator) => ({ indicator, source: 'Shieldwall reports', confidence: 0.9 })),
  },
});

const PARCEL =
  'Royal Mail: your parcel is held due to an unpaid fee of £1.99. Pay now at https://royalmail-redelivery.top/pay within 24 hours';
const SAMPLES: readonly CheckInput[] = [
  { kind: 'auto', content: PARCEL },
  {
    kind: 'auto',
    content: 'Hi Mum, I lost my phone, this is my new number. Can you send £200? Keep it secret.',
  },
  { kind: 'url', content: 'http://paypa1-secure-login.com/verify?email=a@b.c' },
  { kind: 'phone', content: '+44 909 876 5432' },
  { kind: 'phone', content: 'not a number' },
  {
    kind: 'email',
    content:
      'From: "PayPal" <service@paypa1-alerts.xyz>\nReply-To: help@gmail.com\nSubject: Account limited\n\nVerify your account now: https://paypa1-alerts.xyz/login',
  },
  {
    kind: 'auto',
    content: 'Hola, tu paquete está retenido. Paga 1,99 € aquí: https://correos-envio.top/pago',
  },
  { kind: 'auto', content: 'See you at 6 for dinner?' },
];

const ES = new Set(Object.values(checkerMessages.catalogs.es));

function sameExceptWords(en: CheckResult, es: CheckResult) {
  expect(es.verdict).toBe(en.verdict);
  expect(es.score).toBe(en.score);
  expect(es.category).toBe(en.category);
  expect(es.indicators).toEqual(en.indicators);
  expect(
    es.reasons.map(({ code, weight, evidence, params }) => ({ code, weight, evidence, params })),
  ).toEqual(
    en.reasons.map(({ code, weight, evidence, params }) => ({ code, weight, evidence, params })),
  );
  expect(es.nextSteps.map((s) => [s.code, s.priority])).toEqual(
    en.nextSteps.map((s) => [s.code, s.priority]),
  );
  expect(es.checked).toHaveLength(en.checked.length);
  expect(es.notes).toHaveLength(en.notes.length);
}

describe('check in Spanish', () => {
  it('keeps verdict, codes, weights and evidence, and changes every sentence', () => {
    for (const input of SAMPLES) {
      const en = checker.check(input);
      const es = checker.check({ ...input, locale: 'es' });
      expect(en.locale).toBe('en');
      expect(es.locale).toBe('es');
      sameExceptWords(en, es);
      for (const [i, r] of es.reasons.entries()) expect(r.message).not.toBe(en.reasons[i]?.message);
      for (const [i, s] of es.nextSteps.entries()) {
        expect(ES.has(s.message)).toBe(true);
        expect(s.message).not.toBe(en.nextSteps[i]?.message);
      }
      for (const [i, line] of es.checked.entries()) expect(line).not.toBe(en.checked[i]);
      for (const [i, note] of es.notes.entries()) expect(note).not.toBe(en.notes[i]);
      expect(JSON.stringify(es)).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });

  it('says a parcel scam in plain Spanish', () => {
    const r = checker.check({ kind: 'auto', content: PARCEL, locale: 'es' });
    expect(r.verdict).toBe('scam');
    const text = r.reasons.map((x) => x.message).join('\n');
    expect(text).toContain(
      'https://royalmail-redelivery.top/pay está en una lista de estafas conocidas (Shieldwall reports).',
    );
    expect(text).toContain('La dirección termina en ".top"');
    expect(r.nextSteps[0]?.message).toBe(
      'No haga clic en el enlace, no abra adjuntos y no responda.',
    );
    expect(r.checked).toContain('el enlace que contiene');
  });

  it('tells a Spanish reader, in Spanish, that the model was trained on English', () => {
    const r = checker.check({ kind: 'auto', content: SAMPLES[6]?.content ?? '', locale: 'es' });
    expect(r.language).toEqual({ code: 'es', supported: false });
    const notice = r.reasons.find((x) => x.code === 'language.not_english');
    expect(notice?.message).toBe(
      'Parece que esto está escrito en español. Shieldwall aprendió con mensajes en inglés, así que esta respuesta es menos segura.',
    );
    expect(notice?.params).toEqual({ language: 'es' });
    const en = checker.check({ kind: 'auto', content: SAMPLES[6]?.content ?? '' });
    expect(en.reasons.find((x) => x.code === 'language.not_english')?.message).toBe(
      'This seems to be written in Spanish. Shieldwall is trained on English, so this answer is less certain.',
    );
  });

  it('gives the same Spanish whether checked in Spanish or said again in Spanish afterwards', () => {
    for (const input of SAMPLES) {
      const es = checker.check({ ...input, locale: 'es' });
      expect(localizeResult(checker.check(input), 'es')).toEqual(es);
      expect(localizeResult(es, 'en')).toEqual(checker.check(input));
    }
  });

  it('answers in English for a locale it does not ship, rather than failing', () => {
    const input = { kind: 'auto', content: PARCEL, locale: 'xx' } as unknown as CheckInput;
    const r = checker.check(input);
    expect(r.locale).toBe('en');
    expect(r).toEqual(checker.check({ kind: 'auto', content: PARCEL }));
  });
});
