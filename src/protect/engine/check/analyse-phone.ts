/** A phone number on its own: what its number range says (premium rate, UK "personal" numbers). */
import { extractIndicators } from '../indicators/extract-indicators.js';
import { phoneSignals } from '../indicators/phone.js';
import type { MessageRef } from '../types.js';
import type { Collector } from './collector.js';

export function analysePhone(number: string, into: Collector): MessageRef[] {
  const phones = extractIndicators(number, 'text').filter((i) => i.type === 'phone');
  into.indicator(...phones);
  for (const phone of phones) for (const r of phoneSignals(phone)) into.signal(r);
  return [
    { key: phones.length === 0 ? 'checked.phone_unreadable' : 'checked.phone_type' },
    { key: 'checked.phone_owner' },
  ];
}
