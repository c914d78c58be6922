/**
 * `listenSyslog`: receive syslog over UDP (one message per datagram) and TCP (RFC 6587 framing).
 * Hostile senders are expected: messages are size-bounded, connections are capped and time out
 * when idle, binary garbage and unparsable messages are counted and reported through `onError`,
 * and nothing a sender does can crash the listener.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import type { LogEvent } from '../engine/event.js';
import { looksBinary, SyslogFramer } from '../engine/inputs/syslog-framer.js';
import { parseSyslogLine } from '../engine/inputs/syslog-parser.js';
import { syslogEvent } from '../engine/inputs/text-line-event.js';
import type { InputProblem } from './input-problems.js';

export interface SyslogListenOptions {
  readonly host: string;
  /** 0 picks a free port (see the returned listener's ports). */
  readonly udpPort?: number;
  readonly tcpPort?: number;
  /** Longest message kept (default 64 KiB); longer ones are skipped and reported. */
  readonly maxMessageBytes?: number;
  readonly maxConnections?: number;
  readonly idleTimeoutMs?: number;
  /** `auth` when the senders only forward auth logs (events get linux/auth). */
  readonly format?: 'syslog' | 'auth';
}

export interface SyslogStats {
  received: number;
  garbage: number;
  tooLong: number;
  unparsed: number;
}

export interface SyslogListener {
  readonly udpPort?: number;
  readonly tcpPort?: number;
  readonly stats: Readonly<SyslogStats>;
  close(): Promise<void>;
}

export async function listenSyslog(
  options: SyslogListenOptions,
  onEvent: (event: LogEvent) => void,
  onError: (problem: InputProblem) => void,
): Promise<SyslogListener> {
  const max = options.maxMessageBytes ?? 64 * 1024;
  const format = options.format ?? 'syslog';
  const stats: SyslogStats = { received: 0, garbage: 0, tooLong: 0, unparsed: 0 };
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let udpCount = 0;
  let tcpCount = 0;

  const report = (source: string, problem: Omit<InputProblem, 'source'>) => {
    // A throwing callback must not take the listener down with it.
    try {
      onError({ ...problem, source });
    } catch {}
  };
  const handle = (bytes: Uint8Array, source: string, line: number) => {
    if (looksBinary(bytes)) {
      stats.garbage += 1;
      report(source, {
        code: 'syslog_garbage',
        message: `binary data (${bytes.length} bytes) ignored`,
        line,
      });
      return;
    }
    const text = decoder.decode(bytes).replace(/\r?\n$/, '');
    const parsed = parseSyslogLine(text, { year: new Date().getUTCFullYear() });
    if (!parsed.ok) {
      stats.unparsed += 1;
      report(source, { code: 'syslog_garbage', message: parsed.reason, line });
      return;
    }
    stats.received += 1;
    try {
      onEvent(syslogEvent(parsed.value, format, { source, line }));
    } catch (err) {
      report(source, {
        code: 'line_unparsed',
        message: `event handler failed: ${String(err)}`,
        line,
      });
    }
  };

  let udp: Socket | undefined;
  if (options.udpPort !== undefined) {
    const socket = createSocket('udp4');
    udp = socket;
    const source = `syslog:udp://${options.host}`;
    socket.on('message', (msg) => {
      udpCount += 1;
      if (msg.length > max) {
        stats.tooLong += 1;
        report(source, {
          code: 'syslog_too_long',
          message: `datagram of ${msg.length} bytes skipped`,
          line: udpCount,
        });
        return;
      }
      handle(msg, source, udpCount);
    });
    socket.on('error', (err) =>
      report(source, { code: 'syslog_garbage', message: `UDP socket error: ${err.message}` }),
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.udpPort, options.host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
  }

  let tcp: Server | undefined;
  const open = new Set<TcpSocket>();
  if (options.tcpPort !== undefined) {
    const server = createServer((conn) => {
      open.add(conn);
      conn.on('close', () => open.delete(conn));
      const source = `syslog:tcp://${conn.remoteAddress ?? '?'}:${conn.remotePort ?? '?'}`;
      const framer = new SyslogFramer(max);
      conn.setTimeout(options.idleTimeoutMs ?? 5 * 60_000, () => conn.destroy());
      const frames = (list: ReturnType<SyslogFramer['push']>) => {
        for (const frame of list) {
          tcpCount += 1;
          if (frame.kind === 'message') handle(frame.bytes, source, tcpCount);
          else if (frame.kind === 'too_long') {
            stats.tooLong += 1;
            report(source, {
              code: 'syslog_too_long',
              message: `message of ${frame.bytes} bytes skipped`,
              line: tcpCount,
            });
          } else {
            stats.garbage += 1;
            report(source, { code: 'syslog_garbage', message: frame.reason, line: tcpCount });
          }
        }
      };
      conn.on('data', (chunk: Buffer) => frames(framer.push(chunk)));
      conn.on('end', () => frames(framer.end()));
      conn.on('error', () => conn.destroy());
    });
    server.maxConnections = options.maxConnections ?? 256;
    tcp = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.tcpPort, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) =>
      report('syslog:tcp', { code: 'syslog_garbage', message: `TCP server error: ${err.message}` }),
    );
  }

  const tcpAddress = tcp?.address();
  return {
    ...(udp === undefined ? {} : { udpPort: udp.address().port }),
    ...(tcpAddress !== undefined && tcpAddress !== null && typeof tcpAddress === 'object'
      ? { tcpPort: tcpAddress.port }
      : {}),
    stats,
    async close() {
      await Promise.all([
        udp === undefined ? undefined : new Promise<void>((r) => udp.close(() => r())),
        tcp === undefined
          ? undefined
          : new Promise<void>((r) => {
              tcp.close(() => r());
              // Close open connections too; server.close waits for them otherwise.
              for (const conn of open) conn.destroy();
            }),
      ]);
    },
  };
}
