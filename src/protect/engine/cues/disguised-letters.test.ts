import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueSignals } from './cue-signals.js';
import { disguisedLetters } from './disguised-letters.js';

const found = (text: string) => disguisedLetters(text, 'text')?.params?.match;

describe('disguisedLetters', () => {
  it('finds account and brand words spelt with look-alike characters', () => {
    expect(found('Someone tried to Iog in To Your Account')).toBe('Iog');
    expect(found('User lD : 58210')).toBe('lD');
    expect(found('Your Amaz0n order is on hold')).toBe('Amaz0n');
    expect(found('Micros0ft 365 password expires')).toBe('Micros0ft');
    expect(found('Update your PaypaI details')).toBe('PaypaI');
    expect(found('Your Netf1ix membership')).toBe('Netf1ix');
  });

  it('finds a run of styled maths letters', () => {
    expect(found('𝐘𝐎𝐔𝐑 𝐏𝐇𝐎𝐓𝐎𝐒 on canvas')).toBe('𝐘𝐎𝐔𝐑 𝐏𝐇𝐎𝐓𝐎𝐒 on canvas');
    expect(found('one 𝐱 styled letter')).toBeUndefined();
  });

  it('leaves words written plainly alone', () => {
    for (const text of [
      'Your ID is ready. Log in to see it.',
      'I think I can log in later. Is it OK?',
      'iPhone, LinkedIn, B2B, 2FA, IOU, IBM, Ionic, Io, 100%, 0800',
      'Login with Apple ID or Google',
      'Instant access, Illinois, Idaho, Iceland',
      'call 0161 496 0000 after 10',
    ]) {
      expect(found(text), text).toBeUndefined();
    }
  });

  it('is one cue reason, with evidence pointing at the word', () => {
    const text = 'Hi, someone tried to Iog in. Secure it now.';
    const r = cueSignals(text, 'text').find((x) => x.code === 'cue.disguised_letters');
    expect(r?.evidence).toMatchObject({ excerpt: 'Iog' });
    expect(text.slice(r?.evidence?.start, r?.evidence?.end)).toBe('Iog');
    expect(r?.message).toContain('Iog');
  });

  it('never throws and its evidence is always in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const r = disguisedLetters(text, 'text');
        if (r?.evidence !== undefined) {
          expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.excerpt);
        }
      }),
    );
  });
});
