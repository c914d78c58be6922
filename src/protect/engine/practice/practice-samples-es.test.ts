/**
 * The Spanish practice set: complete like the English one, annotated the same way, made up
 * under stricter rules (no Spanish-shaped phone number, no valid IBAN), offered to Spanish
 * readers only, and never silently at odds with the shipped checker.
 */
import { describe, expect, it } from 'vitest';
import { shippedChecker } from '../../checker.js';
import { CATEGORIES } from '../types.js';
import { lessons } from './lessons.js';
import {
  checkerInput,
  fieldText,
  flagSpans,
  PRACTICE_ORDER_ES,
  PRACTICE_SAMPLES,
  PRACTICE_SAMPLES_ES,
  practiceSample,
  practiceSet,
  redFlags,
  sampleFields,
  sampleLocale,
} from './practice-samples.js';

const allText = (id: string) => {
  const s = practiceSample(id);
  if (s === undefined) throw new Error(id);
  return [...sampleFields(s).map((f) => fieldText(f.phrases)), s.title, s.summary].join('\n');
};

describe('the Spanish practice set', () => {
  it('covers every scam category, genuine look-alikes and every kind, with its own ids', () => {
    expect(PRACTICE_SAMPLES_ES.length).toBeGreaterThanOrEqual(30);
    const ids = PRACTICE_SAMPLES_ES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^es-[a-z0-9-]{1,77}$/);
    const english = new Set(PRACTICE_SAMPLES.map((s) => s.id));
    expect(ids.filter((id) => english.has(id))).toEqual([]);
    const scamCategories = new Set(
      PRACTICE_SAMPLES_ES.filter((s) => s.scam).map((s) => s.category),
    );
    for (const c of CATEGORIES.filter((c) => c !== 'other')) expect(scamCategories, c).toContain(c);
    expect(PRACTICE_SAMPLES_ES.filter((s) => !s.scam).length).toBeGreaterThanOrEqual(6);
    expect([...new Set(PRACTICE_SAMPLES_ES.map((s) => s.kind))].sort()).toEqual([
      'email',
      'sms',
      'url',
    ]);
  });

  it('is what Spanish readers get, in its own order; English readers keep the English set', () => {
    expect(practiceSet('es').samples).toBe(PRACTICE_SAMPLES_ES);
    expect(practiceSet('en').samples).toBe(PRACTICE_SAMPLES);
    expect(new Set(PRACTICE_ORDER_ES)).toEqual(new Set(PRACTICE_SAMPLES_ES));
    // Mixed: the list does not start with every scam and end with every genuine message.
    const firstGenuine = PRACTICE_ORDER_ES.findIndex((s) => !s.scam);
    const lastScam = PRACTICE_ORDER_ES.findLastIndex((s) => s.scam);
    expect(firstGenuine).toBeLessThan(lastScam);
    // Exercises name samples by id: either set's ids are found, and say their language.
    for (const s of PRACTICE_SAMPLES_ES) {
      expect(practiceSample(s.id)).toBe(s);
      expect(sampleLocale(s.id)).toBe('es');
    }
    expect(sampleLocale('delivery-fee-text')).toBe('en');
    expect(sampleLocale('no-such-sample')).toBe('en');
  });

  it('gives every scam red flags and every genuine message none, with lessons that exist in Spanish', () => {
    const es = lessons.catalogs.es as Readonly<Record<string, string>>;
    const en = lessons.catalogs.en as Readonly<Record<string, string>>;
    for (const s of PRACTICE_SAMPLES_ES) {
      const flags = redFlags(s);
      if (s.scam) expect(flags.length, s.id).toBeGreaterThanOrEqual(1);
      else expect(flags, s.id).toEqual([]);
      if (!s.scam)
        expect(
          sampleFields(s).some((f) => f.phrases.some((ph) => ph.safe !== undefined)),
          s.id,
        ).toBe(true);
      for (const { phrases } of sampleFields(s))
        for (const phrase of phrases) {
          expect(phrase.text.length, s.id).toBeGreaterThan(0);
          for (const lesson of [phrase.flag, phrase.safe])
            if (lesson !== undefined) {
              expect(lessons.keys, s.id).toContain(lesson);
              expect(es[lesson], lesson).not.toBe(en[lesson]);
            }
        }
    }
  });

  it('derives spans that point at exactly the flagged phrase text', () => {
    for (const s of PRACTICE_SAMPLES_ES) {
      const spans = flagSpans(s);
      const flags = redFlags(s);
      expect(spans.length).toBe(flags.length);
      spans.forEach((span, i) => {
        const text = fieldText(
          span.field === 'subject' ? s.subject : span.field === 'from' ? s.from : s.body,
        );
        expect(text.slice(span.start, span.end)).toBe(flags[i]?.phrase.text);
      });
    }
  });

  it('only uses fictional contact details: reserved domains, 555-01xx, no real-shaped number or IBAN', () => {
    for (const s of PRACTICE_SAMPLES_ES) {
      const all = allText(s.id);
      for (const host of all.matchAll(/(?:https?:\/\/|@)([a-z0-9.-]+)/gi)) {
        const name = (host[1] ?? '').toLowerCase().replace(/\.$/, '');
        const ok =
          /\.(test|example|example\.top)$/.test(name) ||
          /^192\.0\.2\.\d+$/.test(name) ||
          name === 'bit.ly';
        expect(ok, `${s.id}: ${name}`).toBe(true);
      }
      for (const phone of all.matchAll(/555-(\d{4})/g)) expect(phone[1], s.id).toMatch(/^01\d\d$/);
      // A Spanish phone number is nine digits starting 6, 7, 8 or 9: none may appear, so nobody
      // practising can ring a real person. (Amounts, codes and dates are shorter or punctuated.)
      const digitRuns = all.replace(/(?<=\d)[ .-](?=\d)/g, '').match(/(?:\+34)?\d{9,}/g) ?? [];
      for (const run of digitRuns) expect(run, s.id).not.toMatch(/^(?:\+34)?[6-9]\d{8}$/);
      // An IBAN whose check digits are 00 is invalid by construction (ISO 13616: 02 to 98).
      for (const iban of all.matchAll(/\bES(\d\d)(?:\s?\d{4}){5}\b/g))
        expect(iban[1], `${s.id}: ${iban[0]}`).toBe('00');
    }
  });

  // That the messages read as Spanish is checked below: the checker detects their language.
  it('has titles and summaries of its own, not the English set’s', () => {
    const englishWords = new Set(PRACTICE_SAMPLES.flatMap((s) => [s.title, s.summary]));
    for (const s of PRACTICE_SAMPLES_ES) {
      expect(englishWords.has(s.title), s.id).toBe(false);
      expect(englishWords.has(s.summary), s.id).toBe(false);
    }
  });
});

describe('the Spanish practice set against the shipped checker', () => {
  const checker = shippedChecker();
  for (const sample of PRACTICE_SAMPLES_ES) {
    it(`${sample.id} (${sample.scam ? 'scam' : 'genuine'})`, () => {
      const result = checker.check({ ...checkerInput(sample), locale: 'es' });
      if (sample.scam) expect(result.verdict).not.toBe('no_signs');
      else expect(result.verdict).not.toBe('scam');
      const given = new Set(result.reasons.map((r) => r.code));
      for (const span of flagSpans(sample))
        for (const code of span.codes) expect(given, `${sample.id}: ${code}`).toContain(code);
      // The checker says it is less sure of messages that are not in English (links are not words).
      if (sample.kind !== 'url') expect(given, sample.id).toContain('language.not_english');
    });
  }
});
