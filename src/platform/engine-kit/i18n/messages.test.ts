import { describe, expect, it } from 'vitest';
import { defineMessages, fill, negotiateLocale } from './messages.js';

const messages = defineMessages({
  en: {
    hello: 'Hello {name}',
    only_en: 'English only',
    items_one: '{count} item',
    items_other: '{count} items',
  },
  es: {
    hello: 'Hola {name}',
    only_en: 'Solo inglés',
    items_one: '{count} elemento',
    items_other: '{count} elementos',
  },
});

describe('message catalogs', () => {
  it('fills placeholders in the chosen language', () => {
    expect(messages.t('es', 'hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(messages.t('en', 'hello', { name: 'Ana' })).toBe('Hello Ana');
  });

  it('chooses plural forms by the language rules', () => {
    expect(messages.plural('en', 'items', 1)).toBe('1 item');
    expect(messages.plural('es', 'items', 3)).toBe('3 elementos');
  });

  it('leaves an unknown placeholder visible and never evaluates it', () => {
    expect(fill('{a} {b} {constructor}', { a: 1 })).toBe('1 {b} {constructor}');
  });

  it('negotiates Accept-Language with weights and falls back to English', () => {
    expect(negotiateLocale('fr-FR,es-MX;q=0.9,en;q=0.8')).toBe('es');
    expect(negotiateLocale('de,fr')).toBe('en');
    expect(negotiateLocale(['es-419', 'en'])).toBe('es');
    expect(negotiateLocale('en;q=0,es;q=0.1')).toBe('es');
    expect(negotiateLocale(undefined)).toBe('en');
  });
});
