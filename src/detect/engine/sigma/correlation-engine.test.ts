/** Sigma v2 correlation rules over event time: counts, distinct values, aggregates, temporal. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FieldValue, LogEvent } from '../event.js';
import { compileRuleSet, type SigmaRuleSet } from './index.js';

const auth = [{ product: 'linux', service: 'sshd' }];
const ev = (time: number, fields: Record<string, FieldValue>): LogEvent => ({
  fields,
  logsources: auth,
  time,
  origin: { source: 'auth.log', line: time },
});

const base = (id: string, name: string, message: string) =>
  parse(`title: ${name}
id: ${id}
name: ${name}
level: low
logsource: {product: linux, service: sshd}
detection:
  s: {message|contains: '${message}'}
  condition: s`);

function setOf(correlation: string): SigmaRuleSet {
  const set = compileRuleSet([
    { source: 'fail.yml', document: base('f1', 'ssh_failed', 'Failed password') },
    { source: 'ok.yml', document: base('o1', 'ssh_ok', 'Accepted password') },
    {
      source: 'c.yml',
      document: parse(`title: corr\nid: c1\nlevel: high\ncorrelation:\n${correlation}`),
    },
  ]);
  expect(set.problems).toEqual([]);
  return set;
}

function run(set: SigmaRuleSet, events: LogEvent[]) {
  const matches: string[] = [];
  const fired = [];
  for (const e of events) {
    const r = set.feed(e);
    matches.push(...r.matches.map((m) => m.rule.id));
    fired.push(...r.correlations);
  }
  fired.push(...set.flush());
  return { matches, fired };
}

const fail = (t: number, ip: string, user = 'root') =>
  ev(t, { message: `Failed password for ${user} from ${ip}`, ip, user });
const ok = (t: number, ip: string) =>
  ev(t, { message: `Accepted password for root from ${ip}`, ip });

describe('correlation rules', () => {
  it('event_count: 3 failures from one address within a minute, per address', () => {
    const set = setOf(`  type: event_count
  rules: [ssh_failed]
  group-by: [ip]
  timespan: 1m
  condition: {gte: 3}`);
    const { fired, matches } = run(set, [
      fail(0, '1.1.1.1'),
      fail(10_000, '2.2.2.2'),
      fail(20_000, '1.1.1.1'),
      fail(70_000, '1.1.1.1'), // the first fell out of the window: 2 in it
      fail(75_000, '1.1.1.1'),
      fail(101_000, '2.2.2.2'),
    ]);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ type: 'event_count', group: { ip: '1.1.1.1' }, value: 3 });
    expect(fired[0]?.events.map((e) => e.time)).toEqual([20_000, 70_000, 75_000]);
    // Base rules of a correlation do not alert on their own unless `generate: true`.
    expect(matches).toEqual([]);
  });

  it('value_count: one address trying many user names', () => {
    const set = setOf(`  type: value_count
  rules: [ssh_failed]
  group-by: [ip]
  timespan: 5m
  condition: {field: user, gt: 2}`);
    const few = run(set, [
      fail(0, '1.1.1.1', 'a'),
      fail(1, '1.1.1.1', 'a'),
      fail(2, '1.1.1.1', 'b'),
    ]);
    expect(few.fired).toEqual([]);
    const many = run(
      setOf(`  type: value_count
  rules: [ssh_failed]
  group-by: [ip]
  timespan: 5m
  condition: {field: user, gt: 2}`),
      [fail(0, '1.1.1.1', 'a'), fail(1, '1.1.1.1', 'b'), fail(2, '1.1.1.1', 'c')],
    );
    expect(many.fired[0]).toMatchObject({ type: 'value_count', value: 3 });
  });

  it('temporal_ordered: failures then a success from the same address, in order', () => {
    const spec = `  type: temporal_ordered
  rules: [ssh_failed, ssh_ok]
  group-by: [ip]
  timespan: 10m`;
    expect(run(setOf(spec), [ok(0, '1.1.1.1'), fail(1000, '1.1.1.1')]).fired).toEqual([]);
    expect(run(setOf(spec), [fail(0, '1.1.1.1'), ok(1000, '9.9.9.9')]).fired).toEqual([]);
    expect(run(setOf(spec), [fail(0, '1.1.1.1'), ok(11 * 60_000, '1.1.1.1')]).fired).toEqual([]);
    const hit = run(setOf(spec), [fail(0, '1.1.1.1'), ok(1000, '1.1.1.1')]).fired;
    expect(hit[0]).toMatchObject({ type: 'temporal_ordered', group: { ip: '1.1.1.1' } });
  });

  it('temporal: both in any order, with an alias naming the field per rule', () => {
    const set = setOf(`  type: temporal
  rules: [ssh_failed, ssh_ok]
  group-by: [src]
  timespan: 10m
  aliases:
    src: {ssh_failed: ip, ssh_ok: ip}`);
    const { fired } = run(set, [ok(0, '1.1.1.1'), fail(1000, '1.1.1.1')]);
    expect(fired[0]).toMatchObject({ group: { src: '1.1.1.1' } });
  });

  it('value_sum and value_avg over a numeric field; lt waits for the window to close', () => {
    const bytes = (t: number, n: number) =>
      ev(t, { message: 'Failed password x', ip: '1.1.1.1', bytes: n });
    const sum = run(
      setOf(`  type: value_sum
  rules: [ssh_failed]
  group-by: [ip]
  timespan: 1h
  condition: {field: bytes, gt: 1000}`),
      [bytes(0, 600), bytes(1, 600)],
    );
    expect(sum.fired[0]).toMatchObject({ type: 'value_sum', value: 1200 });
    const avg = run(
      setOf(`  type: value_avg
  rules: [ssh_failed]
  group-by: [ip]
  timespan: 1h
  condition: {field: bytes, lt: 100}`),
      [bytes(0, 50), bytes(1, 70)],
    );
    expect(avg.fired[0]).toMatchObject({ type: 'value_avg', value: 60 });
  });

  it('keeps memory bounded: the least recently seen group is evicted', () => {
    const set = compileRuleSet(
      [
        { source: 'f', document: base('f1', 'ssh_failed', 'Failed password') },
        {
          source: 'c',
          document: parse(
            `title: c\nid: c1\ncorrelation: {type: event_count, rules: [f1], group-by: [ip], timespan: 1h, condition: {gte: 2}}`,
          ),
        },
      ],
      { correlationLimits: { maxGroups: 2, maxEventsPerGroup: 5 } },
    );
    const { fired } = run(set, [fail(0, 'a'), fail(1, 'b'), fail(2, 'c'), fail(3, 'a')]);
    expect(fired).toEqual([]); // 'a' was evicted when 'c' arrived
  });

  it('reports a correlation that names a rule that is not loaded', () => {
    const set = compileRuleSet([
      {
        source: 'c.yml',
        document: parse(
          'title: c\ncorrelation: {type: event_count, rules: [nope], group-by: [ip], timespan: 1h, condition: {gte: 2}}',
        ),
      },
      {
        source: 'd.yml',
        document: parse(
          'title: d\ncorrelation: {type: event_count, rules: [x], timespan: forever, condition: {gte: 2}}',
        ),
      },
    ]);
    expect(set.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/timespan/),
      'correlation names rules that are not loaded: nope',
    ]);
  });
});
