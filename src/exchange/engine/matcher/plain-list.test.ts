import { describe, expect, it } from 'vitest';
import { parsePattern, simpleIndicators } from '../pattern/index.js';
import { validateStixObject } from '../stix/index.js';
import { patternFor, plainListToStix } from './plain-list.js';

const options = {
  now: '2026-12-06T01:00:00.000Z',
  idFor: (_kind: string, value: string) =>
    `indicator--${value.length.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
  listName: 'feed.txt',
};

describe('plain lists', () => {
  it('reads one value per line and CSV feeds, skipping comments and saying what it skipped', () => {
    const text = [
      '# abuse.ch style header',
      'first_seen_utc,dst_ip,dst_port,c2_status',
      '"2024-04-04 10:00:00","45.137.21.9","443","online"',
      'https://Evil.example/login',
      'evil.example',
      'evil.example', // a duplicate
      'd41d8cd98f00b204e9800998ecf8427e',
      'just words',
      '',
    ].join('\r\n');
    const { indicators, skipped } = plainListToStix(text, options);
    expect(indicators.map((i) => i.pattern)).toEqual([
      "[ipv4-addr:value = '45.137.21.9']",
      "[url:value = 'https://evil.example/login']",
      "[domain-name:value = 'evil.example']",
      "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
    ]);
    expect(skipped.map((s) => s.line)).toEqual([2, 8]);
  });

  it('makes valid STIX indicators whose patterns are plain lookups', () => {
    const { indicators } = plainListToStix(
      [
        "http://x.example/it's",
        '2001:db8::1',
        '+44 20 7946 0958',
        '0x52908400098527886E0F7030069857D2E4169EE7',
        'a@b.example',
        'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f',
      ].join('\n'),
      options,
    );
    expect(indicators).toHaveLength(6);
    for (const o of indicators) {
      const v = validateStixObject(o);
      expect(v.ok, JSON.stringify(v)).toBe(true);
      expect(simpleIndicators(parsePattern(o.pattern as string))).toHaveLength(1);
    }
    expect(patternFor('url', "http://x.example/it's\\")).toBe(
      "[url:value = 'http://x.example/it\\'s\\\\']",
    );
  });
});
