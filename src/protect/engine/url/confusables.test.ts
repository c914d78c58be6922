import { describe, expect, it } from 'vitest';
import { foldAsciiTricks, latinLookalike, scriptsOf, skeleton } from './confusables.js';

describe('skeleton (TR39-style subset)', () => {
  it.each([
    ['\u0430pple', 'apple'], // Cyrillic а
    ['раураl', 'paypal'], // Cyrillic р а у р а + Latin l
    ['ｐａｙｐａｌ', 'paypal'], // fullwidth
    ['𝐩𝐚𝐲𝐩𝐚𝐥', 'paypal'], // mathematical bold
    ['𝓅𝒶𝓎𝓅𝒶𝓁', 'paypal'], // mathematical script
    ['pàypál', 'paypal'], // diacritics
    ['αmαzοn', 'amazon'], // Greek alpha and omicron
    ['ΑΡΡLΕ', 'apple'], // Greek capitals (and Latin L)
    ['gооgle', 'google'], // Cyrillic о
    ['netflіx', 'netflix'], // Cyrillic і
    ['ıcloud', 'icloud'], // dotless i
    ['օutlօօk', 'outlook'], // Armenian օ
  ])('%s → %s', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });

  it('folds ASCII tricks separately', () => {
    expect(foldAsciiTricks('paypa1')).toBe('paypal');
    expect(foldAsciiTricks('g00gle')).toBe('google');
    expect(foldAsciiTricks('arnazon')).toBe('amazon');
    expect(foldAsciiTricks('vvellsfargo')).toBe('wellsfargo');
    expect(skeleton('paypa1')).toBe('paypa1');
  });

  it('leaves ordinary letters alone', () => {
    expect(skeleton('example')).toBe('example');
    expect(skeleton('日本語')).toBe('日本語');
    expect(latinLookalike(0x61)).toBeUndefined();
    expect(latinLookalike(0x0430)).toBe('a');
    expect(latinLookalike(0x1d7ce)).toBe('0'); // mathematical bold digit zero
    expect(latinLookalike(0x1d7e2)).toBe('0'); // mathematical sans-serif digit zero
  });

  it('names the scripts in a label', () => {
    expect([...scriptsOf('раураl')].sort()).toEqual(['cyrillic', 'latin']);
    expect([...scriptsOf('paypal-2024')]).toEqual(['latin']);
    expect([...scriptsOf('αmαzοn')].sort()).toEqual(['greek', 'latin']);
  });
});
