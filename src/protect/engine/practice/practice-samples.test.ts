import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../types.js';
import { lessons } from './lessons.js';
import {
  checkerInput,
  fieldText,
  flagSpans,
  PRACTICE_SAMPLES,
  redFlags,
  sampleFields,
} from './practice-samples.js';

describe('the practice set', () => {
  it('has at least 30 messages with unique ids, covering every scam category and genuine look-alikes', () => {
    expect(PRACTICE_SAMPLES.length).toBeGreaterThanOrEqual(30);
    const ids = PRACTICE_SAMPLES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,80}$/);
    const scamCategories = new Set(PRACTICE_SAMPLES.filter((s) => s.scam).map((s) => s.category));
    for (const c of CATEGORIES.filter((c) => c !== 'other')) expect(scamCategories, c).toContain(c);
    expect(PRACTICE_SAMPLES.filter((s) => !s.scam).length).toBeGreaterThanOrEqual(6);
    const kinds = new Set(PRACTICE_SAMPLES.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['email', 'sms', 'url']);
  });

  it('gives every scam red flags and every genuine message none, with lessons that exist', () => {
    for (const s of PRACTICE_SAMPLES) {
      const flags = redFlags(s);
      if (s.scam) expect(flags.length, s.id).toBeGreaterThanOrEqual(1);
      else expect(flags, s.id).toEqual([]);
      for (const { phrase } of sampleFields(s).flatMap((f) =>
        f.phrases.map((phrase) => ({ phrase })),
      )) {
        for (const lesson of [phrase.flag, phrase.safe])
          if (lesson !== undefined) expect(lessons.keys, s.id).toContain(lesson);
        expect(phrase.text.length, s.id).toBeGreaterThan(0);
      }
    }
  });

  it('derives spans that point at exactly the flagged phrase text', () => {
    for (const s of PRACTICE_SAMPLES) {
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

  it('only uses fictional contact details: reserved domains and 555-01xx numbers', () => {
    for (const s of PRACTICE_SAMPLES) {
      const all = sampleFields(s)
        .map((f) => fieldText(f.phrases))
        .join('\n');
      for (const host of all.matchAll(/(?:https?:\/\/|@)([a-z0-9.-]+)/gi)) {
        const name = (host[1] ?? '').toLowerCase().replace(/\.$/, '');
        const ok =
          /\.(test|example|example\.top)$/.test(name) ||
          /^192\.0\.2\.\d+$/.test(name) ||
          name === 'bit.ly';
        expect(ok, `${s.id}: ${name}`).toBe(true);
      }
      for (const phone of all.matchAll(/555-(\d{4})/g)) expect(phone[1], s.id).toMatch(/^01\d\d$/);
    }
  });

  it('builds an email the checker can read with the visible text unchanged', () => {
    const email = PRACTICE_SAMPLES.find((s) => s.kind === 'email');
    if (email === undefined) throw new Error('no email sample');
    const input = checkerInput(email);
    expect(input.kind).toBe('email');
    expect(input.content).toContain(`Subject: ${fieldText(email.subject)}`);
    expect(input.content.endsWith(fieldText(email.body))).toBe(true);
  });
});
