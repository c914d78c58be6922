import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEvent } from '../engine/event.js';
import { type InputProblem, listenSyslog, type SyslogListener } from './index.js';

let listener: SyslogListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe('listenSyslog on real sockets', () => {
  it('UDP: parses messages, counts binary garbage and oversize datagrams, keeps running', async () => {
    const events: LogEvent[] = [];
    const problems: InputProblem[] = [];
    listener = await listenSyslog(
      { host: '127.0.0.1', udpPort: 0, maxMessageBytes: 2048 },
      (e) => events.push(e),
      (p) => problems.push(p),
    );
    const sock = createSocket('udp4');
    const send = (b: Buffer) =>
      new Promise<void>((r) => sock.send(b, listener?.udpPort, '127.0.0.1', () => r()));
    await send(
      Buffer.from('<38>Mar  3 04:05:06 gw sshd[7]: Invalid user test from 192.0.2.1 port 4000'),
    );
    await send(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x00, 0x10]));
    await send(Buffer.alloc(4000, 0x41));
    await send(Buffer.from('<13>1 2024-01-01T00:00:00Z host app - - [x@1 a="1"] after garbage'));
    await until(() => events.length >= 2 && problems.length >= 2);
    sock.close();
    expect(events.map((e) => e.fields.message)).toEqual([
      'Invalid user test from 192.0.2.1 port 4000',
      'after garbage',
    ]);
    expect(events[0]?.fields).toMatchObject({
      user: 'test',
      src_ip: '192.0.2.1',
      host: 'gw',
      facility: 4,
      severity: 6,
    });
    expect(events[0]?.logsources).toContainEqual({ product: 'linux', service: 'sshd' });
    expect(events[1]?.fields['sd.x@1.a']).toBe('1');
    expect(listener.stats).toMatchObject({ received: 2, garbage: 1, tooLong: 1 });
    expect(problems.map((p) => p.code).sort()).toEqual(['syslog_garbage', 'syslog_too_long']);
  });

  it('TCP: octet counting and newline framing, garbage and oversize in between', async () => {
    const events: LogEvent[] = [];
    const problems: InputProblem[] = [];
    listener = await listenSyslog(
      { host: '127.0.0.1', tcpPort: 0, maxMessageBytes: 1024 },
      (e) => events.push(e),
      (p) => problems.push(p),
    );
    const msg = '<13>1 2024-01-01T00:00:00Z h app 1 - - counted';
    const conn = connect(listener.tcpPort as number, '127.0.0.1');
    await new Promise((r) => conn.once('connect', r));
    conn.write(`${Buffer.byteLength(msg)} ${msg}`);
    conn.write('<13>Mar  3 04:05:06 h cron[2]: newline framed\n');
    conn.write(Buffer.concat([Buffer.from([0x00, 0x9f, 0x92, 0x96, 0x01]), Buffer.from('\n')]));
    conn.write(`${'B'.repeat(3000)}\n`);
    conn.write('99999 ');
    conn.write(Buffer.alloc(99999, 0x43));
    conn.end('<13>Mar  3 04:05:07 h cron[2]: last one without newline');
    await until(() => events.length >= 3);
    expect(events.map((e) => e.fields.message)).toEqual([
      'counted',
      'newline framed',
      'last one without newline',
    ]);
    expect(listener.stats).toMatchObject({ received: 3, garbage: 1, tooLong: 2 });
    expect(problems.every((p) => p.source.startsWith('syslog:tcp://127.0.0.1'))).toBe(true);
    // Still accepting after all that.
    const again = connect(listener.tcpPort as number, '127.0.0.1');
    again.end('<13>Mar  3 04:05:08 h cron[2]: still here\n');
    await until(() => events.length >= 4);
    expect(events[3]?.fields.message).toBe('still here');
  });
});
