import { describe, expect, it } from 'vitest';
import { parsePattern } from './pattern-parser.js';
import { simpleIndicators } from './simple-indicators.js';

const triples = (text: string) => simpleIndicators(parsePattern(text));

describe('simpleIndicators', () => {
  it('lists the values of one-observation OR-of-equality patterns', () => {
    expect(triples("[url:value = 'http://x4z9arb.cn/4712']")).toEqual([
      { type: 'url', property: 'value', value: 'http://x4z9arb.cn/4712' },
    ]);
    expect(
      triples(
        "[domain-name:value = 'mf.ddns.info' OR ipv4-addr:value = '60.2.148.167' OR file:hashes.'SHA-256' = 'ab' OR domain-name:value = 'mf.ddns.info']",
      ),
    ).toEqual([
      { type: 'domain-name', property: 'value', value: 'mf.ddns.info' },
      { type: 'ipv4-addr', property: 'value', value: '60.2.148.167' },
      { type: 'file', property: "hashes.'SHA-256'", value: 'ab' },
    ]);
    expect(triples("[file:hashes.md5 = '00dbb9e1c09dbdafb360f3163ba5a3de']")).toEqual([
      { type: 'file', property: 'hashes.md5', value: '00dbb9e1c09dbdafb360f3163ba5a3de' },
    ]);
  });

  it('takes observations joined by OR like tests joined by OR', () => {
    expect(triples("[url:value = 'a'] OR [domain-name:value = 'b' OR url:value = 'a']")).toEqual([
      { type: 'url', property: 'value', value: 'a' },
      { type: 'domain-name', property: 'value', value: 'b' },
    ]);
  });

  it.each([
    "[url:value = 'a'] WITHIN 5 SECONDS",
    "[url:value = 'a'] AND [url:value = 'b']",
    "[url:value = 'a'] OR [url:value = 'b'] WITHIN 5 SECONDS",
    "[url:value = 'a' AND url:value = 'b']",
    "[url:value != 'a']",
    "[url:value NOT = 'a']",
    "[url:value LIKE 'a%']",
    "[url:value IN ('a', 'b')]",
    '[file:size = 5]',
    "[network-traffic:dst_ref.value = '1.2.3.4']",
    "[file:names[0] = 'a']",
    '[EXISTS url:value]',
  ])('returns null for %s', (text) => {
    expect(triples(text)).toBeNull();
  });
});
