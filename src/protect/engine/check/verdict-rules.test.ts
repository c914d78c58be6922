import { describe, expect, it } from 'vitest';
import type { Indicator, Reason } from '../types.js';
import {
  bankChangeFloor,
  extortionFloor,
  lookalikeFloor,
  nameOpenerAlone,
  newNumberAlone,
  officialChannelOnly,
  yesNoAlertAlone,
} from './verdict-rules.js';

const reason = (code: string, weight = 1): Reason => ({
  code,
  message: code,
  source: 'cue',
  weight,
});
const alone = [reason('cue.new_number'), reason('model.text_scam_wording')];
const t = { scam: 0.5 };

describe('newNumberAlone', () => {
  it('holds a new-number note that asks for nothing just under the scam threshold', () => {
    const text = "Hey, it's Omar. Got a new phone so this is my new number. See you at the quiz";
    expect(newNumberAlone(0.93, t, 'sms', alone, text)).toBeCloseTo(0.5, 5);
    expect(newNumberAlone(0.93, t, 'sms', alone, text)).toBeLessThan(0.5);
  });

  it('leaves the score alone when the text asks for something or is written to a parent', () => {
    for (const text of [
      'New number! Can you send me £40 for the train?',
      'this is my new number, can you do me a favour',
      'my new number, I need to ask you something',
      'new number, the code is on its way, tell me when it comes',
      'Hi Mum, this is my new number, save it x',
      'Grandad it is me, new number',
    ]) {
      expect(newNumberAlone(0.93, t, 'sms', alone, text), text).toBe(0.93);
    }
  });

  it('leaves it alone when another sign fired, below the threshold, or not a text', () => {
    const text = 'this is my new number, save it';
    expect(newNumberAlone(0.93, t, 'sms', [...alone, reason('cue.urgency')], text)).toBe(0.93);
    // a reason in the message's favour is not a sign against it
    expect(newNumberAlone(0.93, t, 'sms', [...alone, reason('cue.x', -1)], text)).toBeLessThan(0.5);
    expect(newNumberAlone(0.3, t, 'sms', alone, text)).toBe(0.3);
    expect(newNumberAlone(0.93, t, 'email', alone, text)).toBe(0.93);
    expect(newNumberAlone(0.93, t, 'sms', [reason('model.text_scam_wording')], text)).toBe(0.93);
    expect(newNumberAlone(0.93, t, 'sms', alone, `${text} ${'la '.repeat(300)}`)).toBe(0.93);
  });
});

describe('lookalikeFloor', () => {
  const th = { suspicious: 0.85, scam: 0.96 };
  it('raises a look-alike of a brand to suspicious, never further', () => {
    expect(lookalikeFloor(0.45, th, [reason('url.brand_lookalike')])).toBe(0.85);
    expect(lookalikeFloor(0.2, th, [reason('url.homograph_brand')])).toBe(0.85);
    expect(lookalikeFloor(0.9, th, [reason('url.brand_lookalike')])).toBe(0.9);
  });
  it('leaves other addresses alone', () => {
    expect(lookalikeFloor(0.45, th, [reason('url.brand_combosquat')])).toBe(0.45);
    expect(lookalikeFloor(0.45, th, [reason('url.brand_lookalike', 0)])).toBe(0.45);
  });
});

describe('officialChannelOnly', () => {
  const th = { suspicious: 0.3, scam: 0.5 };
  const wording = [reason('model.text_scam_wording')];
  const held = (text: string, reasons: readonly Reason[] = wording, indicators: Indicator[] = []) =>
    officialChannelOnly(0.45, th, 'sms', reasons, text, indicators);

  it('clears an account alert whose "if it was not you" step is a way the reader already has', () => {
    for (const text of [
      'HDFC Bank: Rs.1250.00 debited from A/c XX4417 to SWIGGY. Not you? Report via the HDFC Bank app or your branch.',
      "Santander: You've set up a standing order of £425.00. Don't recognise this? Call us using the number on your card.",
      'Kraken: Your withdrawal of 250 USDC has been processed. If you did not request this, lock your account in the Kraken app.',
      'Halifax: A new device was added. If this wasn’t you, call us on the number on the back of your card.',
      'BBVA: Compra de 45,00 EUR con su tarjeta. Si no ha sido usted, llame al número que aparece en el reverso de su tarjeta.',
    ]) {
      const r = held(text);
      expect(r.score, text).toBeLessThan(0.3);
      expect(r.score, text).toBeCloseTo(0.3, 5);
      const span = r.notice;
      expect(span, text).toBeDefined();
      // The span is of the original text: it starts at the "not you" step and ends at the channel.
      expect(text.slice(span?.start, span?.end), text).toMatch(/(?:app|branch|card|tarjeta)$/i);
    }
  });

  it('keeps offers, pitches and scams that borrow the words', () => {
    for (const text of [
      // offers and pitches say no "if it was not you"
      'Pizza Planet: 2 large pizzas for £19.99 this Tuesday only! Order in the app. Txt STOP to opt out',
      "My aunt's team gives signals for a gold trading window. Open an account on their app",
      'Barclays Fraud Team: your account has been compromised by a member of staff at your branch. Do not speak to branch staff.',
      // the text itself is the channel
      'Wells Fargo: A Zelle payment of $960.00 is pending. If you did not authorize it, reply NO and use the app to cancel.',
      // "not you" far from any channel
      `Not you? ${'We are looking into it and will be in touch soon. '.repeat(4)}See the app.`,
    ]) {
      expect(held(text).score, text).toBe(0.45);
    }
    const alert = 'Monzo: You sent £40.00. Not you? Freeze your card in the app.';
    expect(held(alert).score).toBeLessThan(0.3);
    // a link, a number or an address of its own, another sign, or a long text: kept
    const link: Indicator = {
      type: 'url',
      value: 'https://monzo-help.example/',
      evidence: { field: 'text', start: 0, end: 1, excerpt: 'x' },
    };
    expect(held(alert, wording, [link]).score).toBe(0.45);
    expect(held(alert, [...wording, reason('cue.urgency')]).score).toBe(0.45);
    expect(held(alert, [...wording, reason('model.genuine', -1)]).score).toBeLessThan(0.3);
    expect(held(`${alert} ${'la '.repeat(300)}`).score).toBe(0.45);
    // below the threshold, or not a text
    expect(officialChannelOnly(0.2, th, 'sms', wording, alert, []).score).toBe(0.2);
    expect(officialChannelOnly(0.45, th, 'email', wording, alert, []).score).toBe(0.45);
  });
});

describe('yesNoAlertAlone', () => {
  const th = { suspicious: 0.3, scam: 0.5 };
  const wording = [reason('model.text_scam_wording')];
  const held = (text: string, reasons: readonly Reason[] = wording, indicators: Indicator[] = []) =>
    yesNoAlertAlone(0.9, th, 'sms', reasons, text, indicators);

  it('holds a card alert that asks only YES or NO just under scam, and says so', () => {
    for (const text of [
      'Chase Fraud Alert: Did you attempt a $642.18 purchase at BESTBUY on card ending 3391? Reply YES or NO. Msg&data rates may apply.',
      'Capital One: Please reply YES if you made a $672.41 purchase at NIKE.COM on 3/9, or NO if you did not.',
      'Barclays: Did you try to spend £84.20 at TESCO STORES? Reply Y if it was you or N if not.',
      'Santander: ¿Reconoce una compra de 89,00 EUR con su tarjeta? Responda SI o NO.',
    ]) {
      const r = held(text);
      expect(r.score, text).toBeLessThan(0.5);
      expect(r.score, text).toBeCloseTo(0.5, 5);
      expect(r.notice?.code, text).toBe('notice.yes_no_alert');
      expect(text.slice(r.notice?.start, r.notice?.end), text).toMatch(/^(?:reply|responda)/i);
    }
  });

  it('keeps a text with anything more: another sign, a link or number, no payment, or not asked', () => {
    const alert = 'Did you attempt a $950 Zelle payment to Marcus R.? Reply YES or NO.';
    expect(held(alert).notice).toBeDefined();
    // another sign (a callback, a code request), or a link or number of its own
    expect(held(alert, [...wording, reason('cue.callback')]).score).toBe(0.9);
    const link: Indicator = {
      type: 'url',
      value: 'https://zelle-review.example/',
      evidence: { field: 'text', start: 0, end: 1, excerpt: 'x' },
    };
    expect(held(alert, wording, [link]).score).toBe(0.9);
    for (const text of [
      // no payment asked about: a job lure, a prize
      'Part-time remote role, $300-$800 daily. Reply YES to learn more or NO to skip.',
      // a yes alone is not a yes-or-no
      'Your card ending 4417 was used for £1,150 at CURRYS. Reply YES to confirm it was you.',
    ])
      expect(held(text).score, text).toBe(0.9);
    // below the scam threshold, or not a text
    expect(yesNoAlertAlone(0.4, th, 'sms', wording, alert, []).score).toBe(0.4);
    expect(yesNoAlertAlone(0.9, th, 'email', wording, alert, []).score).toBe(0.9);
  });
});

describe('nameOpenerAlone', () => {
  const opener = (excerpt: string): Reason => ({
    ...reason('cue.stranger_opener', 1.2),
    evidence: { field: 'text', start: 0, end: excerpt.length, excerpt },
  });
  const wording = reason('model.text_scam_wording');

  it('holds an "Is this …?" note that asks for nothing just under the scam threshold', () => {
    const text = "Is this still Mike's number? It's Dave from uni, been ages!";
    const held = nameOpenerAlone(
      0.77,
      t,
      'sms',
      [opener("Is this still Mike's number?"), wording],
      text,
    );
    expect(held).toBeLessThan(0.5);
    expect(held).toBeCloseTo(0.5, 5);
  });

  it('leaves it alone for the phrase cues, another sign, a request, or not a text', () => {
    const text = 'Is this Jenny? Sorry, wrong number… but you seem nice';
    // the phrase "you seem nice", not the question, fired the cue
    expect(nameOpenerAlone(0.77, t, 'sms', [opener('you seem nice'), wording], text)).toBe(0.77);
    const q = [opener('Is this Jenny?'), wording];
    expect(nameOpenerAlone(0.77, t, 'sms', [...q, reason('cue.urgency')], text)).toBe(0.77);
    expect(nameOpenerAlone(0.77, t, 'sms', q, 'Is this Jenny? Can you send me $40?')).toBe(0.77);
    expect(nameOpenerAlone(0.77, t, 'email', q, 'Is this Jenny? Long time')).toBe(0.77);
    expect(nameOpenerAlone(0.3, t, 'sms', q, 'Is this Jenny? Long time')).toBe(0.3);
  });
});

describe('extortionFloor', () => {
  const th = { suspicious: 0.3, scam: 0.5 };
  const wallet: Indicator = {
    type: 'crypto_wallet',
    value: 'bc1qexample',
    evidence: { field: 'text', start: 0, end: 1, excerpt: 'x' },
  };
  it('raises a webcam claim with a crypto demand to scam, and nothing less than both', () => {
    expect(
      extortionFloor(0.2, th, [reason('cue.sextortion'), reason('cue.crypto_payment')], []),
    ).toBe(0.5);
    expect(extortionFloor(0.2, th, [reason('cue.sextortion')], [wallet])).toBe(0.5);
    expect(extortionFloor(0.2, th, [reason('cue.sextortion')], [])).toBe(0.2);
    expect(extortionFloor(0.2, th, [reason('cue.crypto_payment')], [wallet])).toBe(0.2);
    expect(
      extortionFloor(0.9, th, [reason('cue.sextortion'), reason('cue.crypto_payment')], []),
    ).toBe(0.9);
  });
});

describe('bankChangeFloor', () => {
  const th = { suspicious: 0.3, scam: 0.5 };
  it('keeps a request to pay new bank details at least suspicious, never more', () => {
    expect(bankChangeFloor(0.1, th, [reason('cue.bank_details_change')])).toBe(0.3);
    expect(bankChangeFloor(0.45, th, [reason('cue.bank_details_change')])).toBe(0.45);
    expect(bankChangeFloor(0.1, th, [reason('cue.wire_payment')])).toBe(0.1);
    expect(bankChangeFloor(0.1, th, [reason('cue.bank_details_change', 0)])).toBe(0.1);
  });
});
