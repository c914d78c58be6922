import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueSignals } from './cue-signals.js';
import { foldText } from './fold-text.js';
import { findCharge, premiumCharge } from './premium-charge.js';

const match = (text: string) => premiumCharge(text, foldText(text), 'text')?.params?.match;

describe('premium-rate charges (issue 3, round 3)', () => {
  it.each([
    ['Ur ringtone is ready! To order txt TONE to 87131. 150p/msg', '150p/msg'],
    ['Hot chat 24/7, just £1.50 per min from a landline', '£1.50 per min'],
    ['Win a trip! Text WIN to 80000. $2.99/msg, 3 msgs/wk', '$2.99/msg'],
    ['Chat to local singles now 50ppm', '50ppm'],
    ['Weekly horoscopes £3/wk until you send STOP', '£3/wk'],
    ['Questions cost 25p a text, answers from our experts', '25p a text'],
    ['Your daily tip is here. Msgs cost 150p, 18+ only', 'Msgs cost 150p'],
    ['Join now 1.50 GBP per msg rcvd', '1.50 GBP per msg'],
  ])('%j names a charge: %j', (text, found) => {
    expect(match(text)).toBe(found);
    expect(cueSignals(text, 'text').map((r) => r.code)).toContain('cue.premium_charge');
  });

  it.each([
    'Your code is 481 116. Msg&data rates may apply. Reply STOP to opt out',
    'Meet you at 3pm by the station',
    'Your plan costs £10/month from 1 April',
    'Tesco: your order of £42.10 will arrive 10am-11am',
    'It costs 5 per text, no currency given',
    'Reply STOP to end, HELP for help',
    'The deal is 2 for £5 a pack',
  ])('%j names no per-message or per-minute price', (text) => {
    expect(match(text)).toBeUndefined();
  });

  it('points at the words it found in the original text, whatever the case and spacing', () => {
    const text = 'Reply   NOW!  Each  TEXT  COSTS  £1.50 x';
    const reason = premiumCharge(text, foldText(text), 'text');
    const ev = reason?.evidence;
    expect(ev?.excerpt).toBe('TEXT  COSTS  £1.50');
    expect(text.slice(ev?.start, ev?.end)).toBe('TEXT  COSTS  £1.50');
  });

  it('never throws and keeps its span inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const text = `${s} 150p/msg ${s}`;
        const reason = premiumCharge(text, foldText(text), 'text');
        const ev = reason?.evidence;
        if (ev === undefined) return reason === undefined;
        return (
          ev.start >= 0 && ev.end <= text.length && ev.excerpt === text.slice(ev.start, ev.end)
        );
      }),
    );
  });

  /** The first version: each pattern run over the whole text, earliest match wins. */
  function referenceFindCharge(t: string): { start: number; end: number } | undefined {
    const price =
      '(?:[£$€]\\s?\\d{1,2}(?:\\.\\d{1,2})?|\\d{1,2}(?:\\.\\d{1,2})?\\s?(?:gbp|eur|usd)|\\d{1,3}(?:\\.\\d{1,2})?\\s?p(?:ence)?)';
    const unit =
      '(?:msgs?|messages?|txts?|texts?|sms|mins?|minutes?|calls?|tones?|wk|wks|week|rcvd|recd|received)';
    const patterns = [
      new RegExp(`(?<![\\w.])${price}\\s?(?:\\/|per\\s|a\\s|each\\s|x\\s)\\s?${unit}(?![a-z])`),
      /(?<![\w.])\d{1,3}(?:\.\d{1,2})?\s?ppm(?![a-z])/,
      new RegExp(`(?<![a-z])${unit}\\s(?:cost|costs|charged at|billed at)\\s${price}(?![\\w])`),
    ];
    let best: RegExpExecArray | undefined;
    for (const re of patterns) {
      const m = re.exec(t);
      if (m !== null && (best === undefined || m.index < best.index)) best = m;
    }
    return best === undefined ? undefined : { start: best.index, end: best.index + best[0].length };
  }

  it('finds what the first, slower version found, on random mixes of prices and words', () => {
    const price = fc.tuple(
      fc.constantFrom('', '£', '$', '€', '£ '),
      fc.constantFrom('1', '50', '150', '1.50', '0.5', '12.345', '1234'),
      fc.constantFrom('', 'p', ' p', 'pence', 'ppm', 'pm', 'gbp', ' usd'),
    );
    const unit = fc.tuple(
      fc.constantFrom('/', ' per ', ' a ', ' each ', ' x ', '', ' '),
      fc.constantFrom('msg', 'msgs', 'text', 'min', 'wk', 'week', 'call', 'rcvd', 'month', 'msgx'),
    );
    const piece = fc.oneof(
      price.map((p) => p.join('')),
      fc.tuple(price, unit).map(([p, u]) => p.join('') + u.join('')),
      fc.constantFrom('cost ', 'costs ', 'charged at ', 'msgs cost ', 'calls ', 'texts cost '),
      fc.constantFrom('.', '_', 'a', 'x', ' ', '/', 'v'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const t = foldText(parts.join('')).text;
        expect(findCharge(t)).toEqual(referenceFindCharge(t));
      }),
      { numRuns: 3000 },
    );
  });
});
