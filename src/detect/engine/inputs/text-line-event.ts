/**
 * A text log line (syslog, auth.log, web access log) to a LogEvent, with its logsources:
 * - `auth` (auth.log / secure): every line is product linux service auth; sshd lines also linux/sshd;
 * - `syslog`: every line is linux/syslog; known daemons add their own service (sshd, cron, …), and
 *   the auth programs (sshd, sudo, su, login) add linux/auth;
 * - `web`: category webserver.
 */
import type { EventOrigin, FieldValue, LogEvent, LogSource } from '../event.js';
import { authFields } from './auth-log-fields.js';
import { parseSyslogLine, type SyslogMessage } from './syslog-parser.js';
import { parseWebAccessLine } from './web-access-log.js';

export type TextFormat = 'syslog' | 'auth' | 'web';

export type TextLineResult =
  | { readonly ok: true; readonly event: LogEvent }
  | { readonly ok: false; readonly reason: string };

/** Programs with their own SigmaHQ linux service (rules/linux/builtin/<service>). */
const SERVICE_PROGRAMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    sshd: 'sshd',
    cron: 'cron',
    CRON: 'cron',
    crond: 'cron',
    vsftpd: 'vsftpd',
    clamd: 'clamav',
    freshclam: 'clamav',
    guacd: 'guacamole',
    sudo: 'sudo',
  }),
);

const AUTH_PROGRAMS = new Set([
  'sshd',
  'sudo',
  'su',
  'login',
  'systemd-logind',
  'passwd',
  'useradd',
  'usermod',
  'groupadd',
  'chpasswd',
]);

export interface TextLineOptions {
  /** Year for BSD syslog timestamps, which carry none; the I/O layer passes the current year. */
  readonly year?: number;
}

export function parseTextLine(
  text: string,
  format: TextFormat,
  origin: EventOrigin,
  options: TextLineOptions = {},
): TextLineResult {
  if (format === 'web') {
    const web = parseWebAccessLine(text);
    if (!web.ok) return web;
    const logsources = [{ category: 'webserver' }];
    const event: LogEvent =
      web.time === undefined
        ? { fields: web.fields, logsources, origin }
        : { fields: web.fields, logsources, time: web.time, origin };
    return { ok: true, event };
  }
  const parsed = parseSyslogLine(text, options.year === undefined ? {} : { year: options.year });
  if (!parsed.ok) return parsed;
  return { ok: true, event: syslogEvent(parsed.value, format, origin) };
}

/** A parsed syslog message as a LogEvent (also used by the syslog listener). */
export function syslogEvent(
  msg: SyslogMessage,
  format: 'syslog' | 'auth',
  origin: EventOrigin,
): LogEvent {
  const fields: Record<string, FieldValue> = Object.create(null);
  fields.message = msg.message;
  if (msg.host !== undefined) fields.host = msg.host;
  if (msg.program !== undefined) fields.program = msg.program;
  if (msg.pid !== undefined) fields.pid = msg.pid;
  if (msg.facility !== undefined) fields.facility = msg.facility;
  if (msg.severity !== undefined) fields.severity = msg.severity;
  if (msg.msgid !== undefined) fields.msgid = msg.msgid;
  for (const [id, params] of Object.entries(msg.structuredData ?? {})) {
    for (const [name, value] of Object.entries(params)) fields[`sd.${id}.${name}`] = value;
  }
  authFields(msg.program, msg.message, fields);
  const logsources: LogSource[] = [{ product: 'linux', service: format }];
  const service = msg.program === undefined ? undefined : SERVICE_PROGRAMS.get(msg.program);
  if (service !== undefined) logsources.push({ product: 'linux', service });
  if (format === 'syslog' && msg.program !== undefined && AUTH_PROGRAMS.has(msg.program)) {
    logsources.push({ product: 'linux', service: 'auth' });
  }
  // Built in one literal: spreading optional parts costs more than the parsing itself.
  return msg.time === undefined
    ? { fields, logsources, origin }
    : { fields, logsources, time: msg.time, origin };
}
