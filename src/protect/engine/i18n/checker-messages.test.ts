import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/engine-kit/i18n/messages.js';
import { NEXT_STEP_CODES } from '../advice/next-steps.js';
import { CUE_CODES } from '../cues/cue-signals.js';
import { EMAIL_SIGNAL_CODES } from '../email/index.js';
import { URL_SIGNAL_CODES } from '../url/url-signal-table.js';
import { checkerMessages, renderMessage, stepKey } from './checker-messages.js';

const placeholders = (text: string) =>
  [...text.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('the checker catalogs', () => {
  it('gives every key a non-empty sentence in every language, with the same placeholders', () => {
    const en = checkerMessages.catalogs.en as Readonly<Record<string, string>>;
    for (const locale of LOCALES) {
      const catalog = checkerMessages.catalogs[locale] as Readonly<Record<string, string>>;
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        const text = catalog[key] ?? '';
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key] ?? ''));
      }
    }
  });

  it('has a sentence for every code the engine can emit', () => {
    const keys = new Set<string>(checkerMessages.keys);
    for (const code of [...CUE_CODES, ...EMAIL_SIGNAL_CODES, ...URL_SIGNAL_CODES]) {
      expect(keys.has(code), code).toBe(true);
    }
    for (const code of NEXT_STEP_CODES) expect(keys.has(stepKey(code)), code).toBe(true);
  });

  it('keeps Spanish different from English where it should be (no untranslated copies)', () => {
    const en = checkerMessages.catalogs.en as Readonly<Record<string, string>>;
    const es = checkerMessages.catalogs.es as Readonly<Record<string, string>>;
    // Names and fragments that are the same in both languages by nature.
    const same = new Set(['language_name.hi', 'language_name.ta']);
    const copies = Object.keys(en).filter((k) => !same.has(k) && en[k] === es[k]);
    expect(copies).toEqual([]);
  });
});

describe('renderMessage', () => {
  it('turns codes in params into words of the reader’s language', () => {
    expect(renderMessage('es', { key: 'language.not_english', params: { language: 'fr' } })).toBe(
      'Parece que esto está escrito en francés. Shieldwall aprendió con mensajes en inglés, así que esta respuesta es menos segura.',
    );
    expect(
      renderMessage('en', { key: 'language.not_english', params: { language: 'xx' } }),
    ).toContain('written in another language.');
    expect(
      renderMessage('es', { key: 'url.mixed_scripts', params: { scripts: 'latin,cyrillic' } }),
    ).toContain('(latino y cirílico)');
    expect(
      renderMessage('en', {
        key: 'phone.premium_rate',
        params: { phone: '+449098765432', premium: '+449' },
      }),
    ).toBe(
      '+449098765432 is a UK premium-rate (09) number: calling it can cost a lot per minute, and the money goes to whoever runs it.',
    );
    expect(renderMessage('es', { key: 'url.credentials', params: { destination: '' } })).toContain(
      'va a otro sitio.',
    );
  });

  it('picks plural forms by count', () => {
    expect(renderMessage('en', { key: 'checked.links', params: { count: 1 } })).toBe(
      'the link in it',
    );
    expect(renderMessage('es', { key: 'checked.links', params: { count: 3 } })).toBe(
      'los 3 enlaces que contiene',
    );
  });

  it('says nothing rather than show a bare placeholder or an unknown key', () => {
    expect(renderMessage('es', { key: 'url.shortener' })).toBeUndefined();
    expect(renderMessage('es', { key: 'no.such_code' })).toBeUndefined();
    expect(
      renderMessage('es', { key: 'checked.links', params: { count: 'many' } }),
    ).toBeUndefined();
  });

  it('inserts found text literally, even with $ patterns that String.replace would expand', () => {
    const phrases = '"pay $$5 now $\' $&"';
    expect(renderMessage('en', { key: 'model.text_scam_wording', params: { phrases } })).toBe(
      `The wording is like scam messages we have seen: ${phrases}.`,
    );
  });
});
