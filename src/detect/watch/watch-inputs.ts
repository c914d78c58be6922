/**
 * The inputs of `detect watch`: files followed like `tail -F` (they wait when the detectors are
 * behind: the lines stay on disk) and syslog listeners (UDP and TCP senders do not wait, so an
 * event that finds the queue full is dropped and counted).
 */
import { isIP } from 'node:net';
import { platformErrors } from '../../platform/errors.js';
import type { LogEvent } from '../engine/event.js';
import {
  followLogEvents,
  type InputProblem,
  type LogFormat,
  listenSyslog,
  type SyslogListener,
} from '../inputs/index.js';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

const HOST_NAME = /^[A-Za-z0-9.-]{1,253}$/;

/** `127.0.0.1:5514`, `[::1]:5514`, `0.0.0.0:514` → host and port; a usage error otherwise. */
export function parseHostPort(text: string, option: string): HostPort {
  const bad = () =>
    platformErrors.create('usage', {
      message: `${option} must be HOST:PORT, like 127.0.0.1:5514 or [::]:514 (port 0 picks a free one); got ${JSON.stringify(text.slice(0, 100))}.`,
    });
  const colon = text.lastIndexOf(':');
  if (colon <= 0) throw bad();
  let host = text.slice(0, colon);
  const portText = text.slice(colon + 1);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw bad();
  if (isIP(host) === 0 && !HOST_NAME.test(host)) throw bad();
  return { host, port };
}

/** Follows one file until `signal` aborts; each event waits for room in the queue. */
export async function followFile(
  path: string,
  signal: AbortSignal,
  put: (event: LogEvent) => Promise<boolean>,
  options: {
    readonly format: Exclude<LogFormat, 'evtx'>;
    readonly onProblem: (p: InputProblem) => void;
    readonly pollMs?: number;
  },
): Promise<void> {
  for await (const event of followLogEvents(path, signal, {
    format: options.format,
    onProblem: options.onProblem,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  })) {
    if (signal.aborted || !(await put(event))) return;
  }
}

/** A syslog listener for one transport; events that find the queue full are dropped (counted there). */
export async function listenSyslogOn(
  transport: 'udp' | 'tcp',
  at: HostPort,
  offer: (event: LogEvent) => boolean,
  onProblem: (p: InputProblem) => void,
): Promise<SyslogListener> {
  try {
    return await listenSyslog(
      transport === 'udp'
        ? { host: at.host, udpPort: at.port }
        : { host: at.host, tcpPort: at.port },
      (event) => void offer(event),
      onProblem,
    );
  } catch (err) {
    throw platformErrors.create('usage', {
      message: `Cannot listen for syslog over ${transport.toUpperCase()} on ${at.host}:${at.port}: ${(err as Error).message}`,
      cause: err,
    });
  }
}
