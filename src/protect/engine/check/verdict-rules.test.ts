import { describe, expect, it } from 'vitest';
import type { Reason } from '../types.js';
import { lookalikeFloor, newNumberAlone } from './verdict-rules.js';

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
