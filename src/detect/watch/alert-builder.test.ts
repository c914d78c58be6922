/**
 * The parts of an alert: ATT&CK from tags, advice that is never empty, bounded events and
 * observables from hostile logs, repeats merged within bounds, and the rule's licence.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../engine/event.js';
import { LEVELS } from '../engine/sigma/index.js';
import { sigmaAdvice } from './alert-advice.js';
import { AlertAggregation } from './alert-aggregation.js';
import { fromRuleMatch } from './alert-builder.js';
import { alertEvent, observablesOf } from './alert-events.js';
import { attackRefs, TACTICS } from './attack-tags.js';
import { ruleLicenses } from './rule-license.js';
import { FIXTURE_RULES, fixtureRules } from './test-support/watch-fixture.js';
import { ALERT_LIMITS } from './watch-alert.js';

const event = (fields: LogEvent['fields'], time = Date.UTC(2026, 2, 3, 10)): LogEvent => ({
  fields,
  logsources: [{ product: 'windows', category: 'process_creation' }],
  time,
  origin: { source: 'sysmon.jsonl', line: 7 },
});

describe('ATT&CK references', () => {
  it('pairs techniques with the rule tactic, or lists tactics alone', () => {
    expect(attackRefs(['execution', 'T1059.001', 'T1059.001'])).toEqual([
      { id: 'T1059.001', tactic: 'execution' },
    ]);
    expect(attackRefs(['T1190'])).toEqual([{ id: 'T1190', tactic: null }]);
    expect(attackRefs(['persistence', 'privilege_escalation'])).toEqual([
      { id: 'TA0003', tactic: 'persistence' },
      { id: 'TA0004', tactic: 'privilege-escalation' },
    ]);
    expect(attackRefs(['car.2016-04-005', 'not-a-tactic'])).toEqual([]);
  });
});

describe('advice', () => {
  it('is never empty, whatever the level, tactics and rule text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVELS),
        fc.subarray(Object.keys(TACTICS)),
        fc.array(fc.string(), { maxLength: 4 }),
        fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }),
        (level, tactics, falsepositives, description) => {
          const a = sigmaAdvice({ level, tactics, title: 'R', falsepositives, description });
          expect(a.summary.length).toBeGreaterThan(10);
          expect(a.summary.length).toBeLessThan(700);
          expect(a.steps.length).toBeGreaterThanOrEqual(2);
          expect(a.steps.length).toBeLessThanOrEqual(8);
        },
      ),
    );
  });

  it('says what the tactic calls for and what the rule fires on by mistake', () => {
    const a = sigmaAdvice({
      level: 'critical',
      tactics: ['credential-access'],
      title: 'Mimikatz',
      falsepositives: ['Unknown', 'Penetration tests'],
      description: 'Detects credential dumping. Long detail follows.',
    });
    expect(a.summary).toBe(
      'Act now: this is very likely an attack in progress. The rule "Mimikatz" matched: detects credential dumping.',
    );
    expect(a.steps[0]).toMatch(/Change the password/);
    expect(a.steps.join('\n')).toContain(
      'known to fire on harmless things too: Penetration tests.',
    );
    expect(a.steps.join('\n')).not.toContain('Unknown');
  });
});

describe('events and observables', () => {
  it('bounds what a hostile event can put into an alert', () => {
    const fields: Record<string, string | string[]> = { CommandLine: 'x'.repeat(100_000) };
    for (let i = 0; i < 500; i++) fields[`f${i}`] = ['a'.repeat(50), 'b'];
    fields.Many = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const shown = alertEvent(event(fields), ['CommandLine']);
    expect(Object.keys(shown.fields)).toHaveLength(ALERT_LIMITS.fieldsPerEvent);
    expect(Object.keys(shown.fields)[0]).toBe('CommandLine');
    expect(String(shown.fields.CommandLine).length).toBeLessThanOrEqual(
      ALERT_LIMITS.valueChars + 1,
    );
    expect(JSON.stringify(shown).length).toBeLessThan(64 * 1024);
    expect(shown).toMatchObject({
      origin: { source: 'sysmon.jsonl', line: 7 },
      time: '2026-03-03T10:00:00.000Z',
    });
  });

  it('finds addresses, names, URLs, hashes, accounts and programs in known fields', () => {
    const found = observablesOf([
      event({
        SourceIp: '203.0.113.9',
        DestinationIp: '2001:DB8::1',
        QueryName: 'Evil.Example.org',
        url: 'https://evil.example.org/payload?x=1',
        Hashes:
          'SHA1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA,SHA256=' +
          'b'.repeat(64) +
          ',IMPHASH=nothex',
        User: 'CORP\\ana',
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'not an observable 198.51.100.1',
      }),
      event({ SourceIp: 'not-an-ip', QueryName: 'no_tld', url: 'javascript:alert(1)' }),
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        { type: 'ipv4-addr', value: '203.0.113.9' },
        { type: 'ipv6-addr', value: '2001:db8::1' },
        { type: 'domain-name', value: 'evil.example.org' },
        { type: 'url', value: 'https://evil.example.org/payload?x=1' },
        { type: 'file-hash', value: 'a'.repeat(40) },
        { type: 'file-hash', value: 'b'.repeat(64) },
        { type: 'user-account', value: 'CORP\\ana' },
        { type: 'process', value: 'C:\\Windows\\System32\\cmd.exe' },
      ]),
    );
    expect(found).toHaveLength(8);
  });

  it('keeps at most the limit of observables however many events', () => {
    const many = Array.from({ length: 200 }, (_, i) => event({ SourceIp: `192.0.2.${i % 250}` }));
    expect(observablesOf(many)).toHaveLength(ALERT_LIMITS.observables);
  });
});

describe('aggregation', () => {
  it('joins matches of a rule on a host within the window, bounded, and starts afresh after it', async () => {
    const rules = await fixtureRules();
    const rule = rules.rules.find((r) => r.title === 'Test SSH Corrupted MAC');
    if (rule === undefined) throw new Error('fixture rule missing');
    const agg = new AlertAggregation({ windowMs: 60_000, maxOpen: 2 });
    let id = 0;
    const match = (host: string, time: number) =>
      fromRuleMatch(
        {
          rule,
          event: { ...event({ host, message: 'Corrupted MAC on input' }, time) },
          fields: {},
        },
        { org: null, licenseOf: () => null, now: time, id: `a${++id}` },
      );
    const t0 = Date.UTC(2026, 0, 1);
    expect(agg.add(match('h1', t0)).type).toBe('created');
    let last = agg.add(match('h1', t0));
    for (let i = 1; i <= 30; i++) last = agg.add(match('h1', t0 + i * 1000));
    expect(last.type).toBe('updated');
    expect(last.alert).toMatchObject({
      id: 'a1',
      count: 32,
      firstSeen: new Date(t0).toISOString(),
    });
    expect(last.alert.lastSeen).toBe(new Date(t0 + 30_000).toISOString());
    expect(last.alert.events).toHaveLength(ALERT_LIMITS.events);
    // Past the window: a new alert.
    expect(agg.add(match('h1', t0 + 30_000 + 61_000)).type).toBe('created');
    // Another host: its own alert; the map stays bounded.
    expect(agg.add(match('h2', t0)).type).toBe('created');
    expect(agg.add(match('h3', t0)).type).toBe('created');
    expect(agg.size).toBe(2);
  });
});

describe('rule licences', () => {
  it('takes the rule’s own licence, else the rule folder’s licence file', async () => {
    const { loadRules } = await import('../rules-loader.js');
    const { documents } = await loadRules([FIXTURE_RULES]);
    const licenseOf = await ruleLicenses(documents, [FIXTURE_RULES]);
    expect(
      licenseOf('6b0e6a4e-4c1b-4b43-9d1e-0a4f0c1d2e02', join(FIXTURE_RULES, 'sudo-root-shell.yml')),
    ).toBe('MIT');
    expect(
      licenseOf(
        '6b0e6a4e-4c1b-4b43-9d1e-0a4f0c1d2e01',
        join(FIXTURE_RULES, 'sshd-corrupted-mac.yml'),
      ),
    ).toBe('DRL-1.1');
    // SigmaHQ's layout: the licence sits two folders above rules/linux.
    const sigma = join(import.meta.dirname, '../../../../shared/data/detect/rules/linux');
    expect((await ruleLicenses([], [sigma]))('x', join(sigma, 'builtin/a.yml'))).toBe('DRL-1.1');
    const bare = mkdtempSync(join(tmpdir(), 'sw-rules-'));
    try {
      mkdirSync(join(bare, 'r'));
      writeFileSync(join(bare, 'r/a.yml'), 'title: x\n');
      expect((await ruleLicenses([], [join(bare, 'r')]))('x', join(bare, 'r/a.yml'))).toBeNull();
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
