import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/engine-kit/i18n/messages.js';
import { CATEGORIES } from '../types.js';
import { buildChecklist } from './build-checklist.js';
import { recoveryMessages } from './recovery-messages.js';
import { RECOVERY_STEPS } from './recovery-steps.js';
import { PRIORITIES, WHAT_HAPPENED, type WhatHappened } from './recovery-types.js';

const ids = (
  what: WhatHappened[],
  extra: { country?: string; category?: (typeof CATEGORIES)[number] } = {},
) => buildChecklist({ what, ...extra }, 'en').steps.map((s) => s.id);

describe('recovery checklist', () => {
  it('a card number: call the bank first, then evidence and reporting, then watch and beware', () => {
    const steps = buildChecklist({ what: ['card'] }, 'en').steps;
    expect(steps[0]).toMatchObject({ id: 'call_bank', priority: 'now' });
    expect(steps[0]?.text).toContain('number on the back of your card');
    const list = steps.map((s) => s.id);
    expect(list).toContain('watch_statements');
    expect(list).toContain('recovery_scammers');
    expect(list).not.toContain('change_password');
  });

  it('password + one-time code merge without duplicates: sign out everywhere appears once', () => {
    const list = ids(['password', 'one_time_code']);
    expect(list.filter((id) => id === 'sign_out_everywhere')).toHaveLength(1);
    expect(list.filter((id) => id === 'change_password')).toHaveLength(1);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain('code_company');
    expect(list).toContain('turn_on_two_step');
  });

  it('remote access: disconnect first, then remove the tool, then change passwords elsewhere and get it checked', () => {
    const list = ids(['remote_access']);
    expect(list[0]).toBe('disconnect_device');
    expect(list.indexOf('remove_remote_tool')).toBeGreaterThan(0);
    expect(list).toContain('change_passwords_other_device');
    expect(list).toContain('device_checked');
  });

  it('gift card, crypto and wire each get their own company to contact, and the recovery-scam warning', () => {
    expect(ids(['gift_card'])).toEqual(
      expect.arrayContaining(['gift_card_company', 'stop_paying', 'recovery_scammers']),
    );
    expect(ids(['crypto'])).toEqual(
      expect.arrayContaining(['crypto_exchange', 'recovery_scammers']),
    );
    expect(ids(['bank_transfer'])).toEqual(expect.arrayContaining(['call_bank', 'payment_app']));
  });

  it('only opened: reassurance, no bank call; dropped as soon as something else happened', () => {
    const opened = ids(['only_opened']);
    expect(opened).toContain('only_opened_calm');
    expect(opened).not.toContain('call_bank');
    const both = buildChecklist({ what: ['only_opened', 'card'] }, 'en');
    expect(both.what).toEqual(['card']);
    expect(both.steps.map((s) => s.id)).not.toContain('only_opened_calm');
  });

  it('the credit freeze is said per country', () => {
    const us = buildChecklist({ what: ['personal_details'], country: 'us' }, 'en').steps.find(
      (s) => s.id === 'freeze_credit',
    );
    const gb = buildChecklist({ what: ['personal_details'], country: 'GB' }, 'en').steps.find(
      (s) => s.id === 'freeze_credit',
    );
    const fr = buildChecklist({ what: ['personal_details'], country: 'FR' }, 'en').steps.find(
      (s) => s.id === 'freeze_credit',
    );
    const none = buildChecklist({ what: ['personal_details'] }, 'en').steps.find(
      (s) => s.id === 'freeze_credit',
    );
    expect(us?.text).toContain('Equifax, Experian and TransUnion');
    expect(us?.link).toMatch(/^https:\/\/consumer\.ftc\.gov\//);
    expect(gb?.text).toContain('Cifas');
    expect(fr?.text).toContain('Ask your bank');
    expect(fr?.link).toBeUndefined();
    expect(none?.text).toBe(fr?.text);
  });

  it('category tailoring: invoice fraud at work alerts finance; a bank code calls the bank', () => {
    expect(ids(['bank_transfer'], { category: 'invoice_bec' })).toContain('tell_work_finance');
    expect(ids(['bank_transfer'], { category: 'delivery' })).not.toContain('tell_work_finance');
    expect(ids(['one_time_code'], { category: 'bank_payment' })).toContain('call_bank_code');
    expect(ids(['one_time_code'])).not.toContain('call_bank_code');
    expect(ids(['gift_card'], { category: 'government_impersonation' })).toContain('real_agencies');
  });

  it('speaks Spanish', () => {
    const steps = buildChecklist({ what: ['card'], country: 'ES' }, 'es').steps;
    expect(steps[0]?.text).toMatch(/^Llame a su banco ahora/);
  });

  it('every step of every situation is ordered now → today → this week, without duplicates, in every language', () => {
    fc.assert(
      fc.property(
        fc.subarray([...WHAT_HAPPENED], { minLength: 1 }),
        fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
        fc.option(fc.constantFrom('US', 'GB', 'CA', 'AU', 'FR', 'IN', 'ZZ'), { nil: undefined }),
        fc.constantFrom(...LOCALES),
        (what, category, country, locale) => {
          const { steps } = buildChecklist({ what, category, country }, locale);
          expect(steps.length).toBeGreaterThan(0);
          const ranks = steps.map((s) => PRIORITIES.indexOf(s.priority));
          expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
          expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
          for (const s of steps) {
            expect(s.text.length).toBeGreaterThan(20);
            expect(s.why.length).toBeGreaterThan(10);
            if (s.link !== undefined) expect(s.link).toMatch(/^(https:\/\/|\/protect\/)/);
          }
        },
      ),
    );
  });

  it('every step and variant has words in every language, and every choice has a label', () => {
    const keys = new Set<string>(recoveryMessages.keys);
    for (const step of RECOVERY_STEPS) {
      const bases =
        step.byCountry === undefined
          ? [`step.${step.id}`]
          : Object.values(step.byCountry).map((v) => `step.${step.id}.${v.variant}`);
      for (const base of bases) {
        expect(keys.has(`${base}.text`), base).toBe(true);
        expect(keys.has(`${base}.why`), base).toBe(true);
      }
      expect(step.byCountry === undefined || step.byCountry.default !== undefined).toBe(true);
    }
    for (const w of WHAT_HAPPENED) expect(keys.has(`what.${w}`)).toBe(true);
    for (const locale of LOCALES)
      for (const key of recoveryMessages.keys)
        expect(recoveryMessages.catalogs[locale][key].trim(), `${locale} ${key}`).not.toBe('');
  });
});
