/** A phone number on its own: what its number range says (premium rate, UK "personal" numbers). */
import { extractIndicators } from '../indicators/extract-indicators.js';
import { phoneSignals } from '../indicators/phone.js';
import type { Collector } from './collector.js';

export function analysePhone(number: string, into: Collector): string[] {
  const phones = extractIndicators(number, 'text').filter((i) => i.type === 'phone');
  into.indicator(...phones);
  for (const phone of phones) for (const r of phoneSignals(phone)) into.signal(r);
  return [
    phones.length === 0
      ? 'whether it is a phone number we can read (we could not read this one)'
      : "the number's type: premium-rate and personal numbers cost you money",
    'we cannot tell who owns a number: a scammer can call from any number, even a real one',
  ];
}
