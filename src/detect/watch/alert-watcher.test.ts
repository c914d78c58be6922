/**
 * `detect watch` end to end below the CLI (issue 9): a file being appended to (real file, real
 * timers), syslog over UDP and TCP, repeats joined into one alert, anomaly alerts only after the
 * warm-up and baselines that survive a restart, and a bounded queue that counts what it drops.
 */
import { createSocket } from 'node:dgram';
import { appendFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../platform/ports/bus.js';
import type { LogEvent } from '../engine/event.js';
import { parseTextLine } from '../engine/inputs/text-line-event.js';
import { createAlertStore } from './alert-store.js';
import { createAlertWatcher } from './alert-watcher.js';
import { ruleLicenses } from './rule-license.js';
import {
  FIXTURE_RULES,
  fixtureRules,
  type WatchFixture,
  waitFor,
  watchFixture,
} from './test-support/watch-fixture.js';
import { ALERT_CREATED, ALERT_UPDATED, type WatchAlert } from './watch-alert.js';
import { type RunningWatch, startWatch, type WatchPlan } from './watch-runner.js';

const MAC = (host: string, second: number) =>
  `Mar  3 10:00:${String(second).padStart(2, '0')} ${host} sshd[812]: error: Corrupted MAC on input.`;

let fx: WatchFixture;
let running: RunningWatch | undefined;
let busEvents: BusEvent[];

beforeEach(async () => {
  fx = await watchFixture();
  busEvents = [];
  await fx.bus.subscribe('detect.alert.*', (e) => void busEvents.push(e), { from: 'all' });
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await fx.close();
});

async function plan(overrides: Partial<WatchPlan> = {}): Promise<WatchPlan> {
  const { loadRules } = await import('../rules-loader.js');
  const { documents } = await loadRules([FIXTURE_RULES]);
  return {
    files: [],
    format: 'auto',
    rules: await fixtureRules(),
    licenseOf: await ruleLicenses(documents, [FIXTURE_RULES]),
    org: null,
    minLevel: 'informational',
    anomaly: null,
    pollMs: 50,
    ...overrides,
  };
}

const created = () =>
  busEvents.filter((e) => e.subject === ALERT_CREATED).map((e) => e.data as WatchAlert);

describe('detect watch over a file being appended to', () => {
  it('raises an alert within about a second of the line being written, with attribution', async () => {
    const file = join(fx.dir, 'auth.log');
    writeFileSync(
      file,
      'Mar  3 09:59:59 web1 sshd[811]: Accepted publickey for deploy from 10.0.0.5 port 52311 ssh2\n',
    );
    const seen: { alert: WatchAlert; at: number }[] = [];
    running = await startWatch(fx, await plan({ files: [file] }), {
      onAlert: (alert) => seen.push({ alert, at: Date.now() }),
    });
    // Let the follower reach the end of what is there.
    await waitFor(
      () => (running?.stats().events === 1 ? true : undefined),
      10_000,
      'the first line',
    );
    const written = Date.now();
    appendFileSync(file, `${MAC('web1', 2)}\n`);
    const first = await waitFor(() => seen[0], 5_000, 'an alert');
    const latency = first.at - written;
    expect(latency).toBeLessThan(2_000);
    const a = first.alert;
    expect(a).toMatchObject({
      source: 'sigma',
      title: 'Test SSH Corrupted MAC',
      level: 'high',
      host: 'web1',
      count: 1,
      status: 'new',
      org: null,
      matchedFields: ['message'],
    });
    expect(a.rule).toMatchObject({
      id: '6b0e6a4e-4c1b-4b43-9d1e-0a4f0c1d2e01',
      author: 'Shieldwall tests',
      license: 'DRL-1.1',
      references: ['https://example.org/sshd-corrupted-mac'],
    });
    expect(a.rule?.ruleSource).toContain('sshd-corrupted-mac.yml');
    expect(a.attack).toEqual([{ id: 'T1190', tactic: 'initial-access' }]);
    expect(a.events[0]?.origin).toEqual({ source: file, line: 2 });
    expect(a.advice.summary).toMatch(/^Look at this today/);
    expect(a.advice.steps.join(' ')).toContain('Broken network cards');
    // Published (after it was stored) as it was printed.
    await waitFor(() => created()[0], 2_000, 'the bus event');
    expect(created()[0]).toEqual(a);
    expect(await createAlertStore(fx.store).get(a.id)).toEqual(a);
  });

  it('joins repeats of a rule on a host into one alert and publishes the higher count', async () => {
    const file = join(fx.dir, 'auth.log');
    writeFileSync(file, '');
    running = await startWatch(fx, await plan({ files: [file] }));
    appendFileSync(
      file,
      `${[1, 2, 3, 4, 5].map((s) => MAC('web1', s)).join('\n')}\n${MAC('web2', 6)}\n`,
    );
    const updated = await waitFor(
      () =>
        busEvents
          .filter((e) => e.subject === ALERT_UPDATED)
          .map((e) => e.data as WatchAlert)
          .find((a) => a.host === 'web1' && a.count === 5),
      10_000,
      'the joined alert',
    );
    expect(updated.firstSeen).toMatch(/T10:00:01/);
    expect(updated.lastSeen).toMatch(/T10:00:05/);
    expect(updated.events).toHaveLength(5);
    // One alert per host, not one per line.
    expect(
      created()
        .map((a) => a.host)
        .sort(),
    ).toEqual(['web1', 'web2']);
    expect((await createAlertStore(fx.store).get(updated.id))?.count).toBe(5);
    expect(running.stats()).toMatchObject({ alertsCreated: 2, alertsUpdated: 4 });
  });

  it('starts a new alert once someone has acknowledged the open one', async () => {
    const file = join(fx.dir, 'auth.log');
    writeFileSync(file, '');
    running = await startWatch(fx, await plan({ files: [file] }));
    appendFileSync(file, `${MAC('web1', 1)}\n`);
    const first = await waitFor(() => created()[0], 10_000, 'the first alert');
    await fx.bus.publish(ALERT_UPDATED, { ...first, status: 'acknowledged' });
    await new Promise((r) => setTimeout(r, 100));
    appendFileSync(file, `${MAC('web1', 2)}\n`);
    const second = await waitFor(() => created()[1], 10_000, 'a second alert');
    expect(second.id).not.toBe(first.id);
  });
});

describe('detect watch listening for syslog', () => {
  it('raises alerts from UDP datagrams and TCP frames', async () => {
    running = await startWatch(
      fx,
      await plan({
        syslogUdp: { host: '127.0.0.1', port: 0 },
        syslogTcp: { host: '127.0.0.1', port: 0 },
      }),
    );
    const { udpPort, tcpPort } = running.syslog;
    expect(udpPort).toBeGreaterThan(0);
    expect(tcpPort).toBeGreaterThan(0);
    const udp = createSocket('udp4');
    await new Promise<void>((r) =>
      udp.send(`<38>${MAC('udp-host', 1)}`, udpPort, '127.0.0.1', () => r()),
    );
    udp.close();
    const tcp = connect(tcpPort as number, '127.0.0.1');
    await new Promise<void>((r) => tcp.once('connect', () => r()));
    // Octet counting (RFC 6587), then a non-transparent (newline) frame, then garbage.
    const framed = `<38>${MAC('tcp-host', 2)}`;
    tcp.write(`${Buffer.byteLength(framed)} ${framed}`);
    tcp.end();
    const hosts = await waitFor(
      () => {
        const h = created()
          .map((a) => a.host)
          .sort();
        return h.length === 2 ? h : undefined;
      },
      10_000,
      'two alerts',
    );
    expect(hosts).toEqual(['tcp-host', 'udp-host']);
    const udpAlert = created().find((a) => a.host === 'udp-host');
    expect(udpAlert?.events[0]?.origin.source).toMatch(/^syslog:udp:\/\//);
  });
});

describe('the event queue', () => {
  const line = (host: string): LogEvent => {
    const r = parseTextLine(MAC(host, 1), 'auth', { source: 'test', line: 1 });
    if (!r.ok) throw new Error(r.reason);
    return r.event;
  };

  it('drops and counts what does not fit when the input cannot wait', async () => {
    const alerts: WatchAlert[] = [];
    const w = createAlertWatcher(
      { rules: await fixtureRules(), anomaly: null, queueCapacity: 10 },
      { created: (a) => void alerts.push(a), updated: () => {} },
    );
    let accepted = 0;
    for (let i = 0; i < 1000; i++) if (w.offer(line(`h${i}`))) accepted += 1;
    expect(accepted).toBe(10);
    const stats = await w.stop();
    expect(stats.dropped).toBe(990);
    expect(stats.events).toBe(10);
    expect(alerts).toHaveLength(10);
  });

  it('holds back an input that can wait instead of dropping', async () => {
    const w = createAlertWatcher(
      { rules: await fixtureRules(), anomaly: null, queueCapacity: 4 },
      { created: () => {}, updated: () => {} },
    );
    await Promise.all(Array.from({ length: 200 }, (_, i) => w.put(line(`h${i % 7}`))));
    const stats = await w.stop();
    expect(stats).toMatchObject({ events: 200, dropped: 0, alertsCreated: 7, alertsUpdated: 193 });
  });
});

describe('anomaly scoring beside the rules', () => {
  const signIn = (day: number, from: string, hour = 9) =>
    `<38>Mar ${String(day).padStart(2, ' ')} ${String(hour).padStart(2, '0')}:15:00 web1 sshd[900]: Accepted password for alice from ${from} port 50000 ssh2`;
  const options = { warmupDays: 3, warmupEvents: { signin: 5 } };

  it('raises no anomaly during the warm-up; after a restart the saved baselines judge at once', async () => {
    const listen = async () =>
      startWatch(fx, await plan({ anomaly: options, syslogUdp: { host: '127.0.0.1', port: 0 } }));
    // Through a syslog socket, so the queue and the loop are the real ones.
    const send = async (run: RunningWatch, text: string) => {
      const udp = createSocket('udp4');
      await new Promise<void>((r) => udp.send(text, run.syslog.udpPort, '127.0.0.1', () => r()));
      udp.close();
    };
    const first = await listen();
    running = first;
    expect(first.anomalyResumed).toBe(false);
    await send(first, signIn(1, '10.1.1.5'));
    // A new place on day 1: still learning, so nothing is raised.
    await send(first, signIn(1, '198.51.100.7'));
    // Three sign-ins a day from the office network for 12 days: a settled baseline.
    for (let day = 2; day <= 12; day++)
      for (const hour of [9, 10, 11]) await send(first, signIn(day, '10.1.1.5', hour));
    await waitFor(() => (first.stats().events === 35 ? true : undefined), 10_000, '35 events');
    expect(first.stats().anomalies).toBe(0);
    await first.stop();
    running = undefined;

    // A fresh scorer would be warming up again and stay silent; the saved one knows alice.
    const second = await listen();
    running = second;
    expect(second.anomalyResumed).toBe(true);
    await send(second, signIn(13, '203.0.113.9', 10));
    const alert = await waitFor(
      () => created().find((a) => a.source === 'anomaly'),
      10_000,
      'an anomaly alert',
    );
    expect(alert.anomaly?.kind).toBe('new_signin_source');
    expect(alert.anomaly?.score).toBeGreaterThanOrEqual(0.6);
    expect(alert.anomaly?.explanation).toContain('203.0.113.9');
    expect(alert.title).toBe('Sign-in from a new place (user alice)');
    expect(alert.rule).toBeNull();
    expect(alert.user).toBe('alice');
    expect(alert.advice.steps.length).toBeGreaterThan(0);
    expect(alert.observables).toContainEqual({ type: 'ipv4-addr', value: '203.0.113.9' });
  });
});
