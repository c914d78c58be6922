import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventOrigin, LogEvent } from '../event.js';
import { extendFieldMap } from './ecs-field-map.js';
import { jsonTextToEvent } from './json-event.js';
import { SyslogFramer } from './syslog-framer.js';
import { parseSyslogLine } from './syslog-parser.js';
import { parseTextLine } from './text-line-event.js';
import { parseWebAccessLine } from './web-access-log.js';

const origin = { source: 't', line: 1 };

describe('syslog lines', () => {
  it('parses RFC 5424 with structured data and escapes', () => {
    const r = parseSyslogLine(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 42 ID47 [exampleSDID@32473 iut="3" eventSource="Appl\\"ication"][b x="\\]"] \uFEFFAn application event',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        facility: 20,
        severity: 5,
        time: Date.UTC(2003, 9, 11, 22, 14, 15, 3),
        host: 'mymachine.example.com',
        program: 'evntslog',
        pid: 42,
        msgid: 'ID47',
        structuredData: expect.anything(),
        message: 'An application event',
      },
    });
    const sd = (r as { value: { structuredData: Record<string, Record<string, string>> } }).value
      .structuredData;
    expect({ ...sd['exampleSDID@32473'] }).toEqual({ iut: '3', eventSource: 'Appl"ication' });
    expect({ ...sd.b }).toEqual({ x: ']' });
  });

  it('parses RFC 3164 with and without PRI, and ISO file timestamps', () => {
    expect(
      parseSyslogLine("<34>Oct 11 22:14:15 mymachine su: 'su root' failed", { year: 2024 }),
    ).toEqual({
      ok: true,
      value: {
        facility: 4,
        severity: 2,
        time: Date.UTC(2024, 9, 11, 22, 14, 15),
        host: 'mymachine',
        program: 'su',
        message: "'su root' failed",
      },
    });
    const iso = parseSyslogLine(
      '2024-05-01T10:00:00.123456+02:00 web1 sshd[77]: Accepted publickey for bob from 10.0.0.5 port 50000 ssh2',
    );
    expect(iso).toMatchObject({
      ok: true,
      value: { time: Date.UTC(2024, 4, 1, 8, 0, 0, 123), host: 'web1', program: 'sshd', pid: 77 },
    });
  });

  it('refuses garbage with a reason', () => {
    expect(parseSyslogLine('<999>x')).toEqual({
      ok: false,
      reason: 'syslog priority <PRI> is not valid',
    });
    expect(parseSyslogLine('hello world').ok).toBe(false);
    expect(parseSyslogLine('<13>1 2003-10-11T22:14:15Z host app - - [unclosed x="1"').ok).toBe(
      false,
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        parseSyslogLine(s);
        parseSyslogLine(`<13>1 ${s}`);
        parseWebAccessLine(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('auth.log lines', () => {
  const auth = (line: string) => {
    const r = parseTextLine(line, 'auth', origin, { year: 2024 });
    if (!r.ok) throw new Error(r.reason);
    return r.event;
  };

  it('sshd failures: user, source, result; logsources auth and sshd', () => {
    const e = auth(
      'Mar  3 04:05:06 bastion sshd[4242]: Failed password for invalid user admin from 203.0.113.9 port 52311 ssh2',
    );
    expect({ ...e.fields }).toMatchObject({
      host: 'bastion',
      program: 'sshd',
      pid: 4242,
      user: 'admin',
      invalid_user: true,
      src_ip: '203.0.113.9',
      src_port: 52311,
      auth_result: 'failure',
      auth_method: 'password',
    });
    expect(e.logsources).toEqual([
      { product: 'linux', service: 'auth' },
      { product: 'linux', service: 'sshd' },
    ]);
    expect(e.time).toBe(Date.UTC(2024, 2, 3, 4, 5, 6));
  });

  it('sudo commands and su switches', () => {
    const sudo = auth(
      'Mar  3 04:05:06 box sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/cat /etc/shadow',
    );
    expect({ ...sudo.fields }).toMatchObject({
      program: 'sudo',
      user: 'alice',
      target_user: 'root',
      command: '/bin/cat /etc/shadow',
      tty: 'pts/0',
    });
    const su = auth('Mar  3 04:05:07 box su[99]: FAILED SU (to root) mallory on pts/1');
    expect({ ...su.fields }).toMatchObject({
      user: 'mallory',
      target_user: 'root',
      auth_result: 'failure',
    });
    const pam = auth(
      'Mar  3 04:05:08 box su[99]: pam_unix(su:session): session opened for user root(uid=0) by alice(uid=1000)',
    );
    expect({ ...pam.fields }).toMatchObject({
      pam_service: 'su:session',
      session: 'opened',
      target_user: 'root',
      user: 'alice',
    });
  });
});

describe('web access lines (combined format)', () => {
  it('names fields as SigmaHQ webserver rules do', () => {
    const r = parseWebAccessLine(
      '198.51.100.7 - bob [10/Oct/2000:13:55:36 -0700] "GET /cgi-bin/../../etc/passwd?q=%27or%201=1 HTTP/1.1" 404 512 "http://ref.example/" "Mozilla/5.0 \\"sqlmap\\""',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect({ ...r.fields }).toEqual({
      'c-ip': '198.51.100.7',
      'cs-username': 'bob',
      'cs-method': 'GET',
      'cs-version': 'HTTP/1.1',
      'cs-uri': '/cgi-bin/../../etc/passwd?q=%27or%201=1',
      'cs-uri-query': '/cgi-bin/../../etc/passwd?q=%27or%201=1',
      'cs-uri-stem': '/cgi-bin/../../etc/passwd',
      'sc-status': 404,
      'sc-bytes': 512,
      'cs-referer': 'http://ref.example/',
      'cs-user-agent': 'Mozilla/5.0 "sqlmap"',
    });
    expect(r.time).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
  });

  it('keeps a garbage request line whole (common format, no referer)', () => {
    const r = parseWebAccessLine(
      '10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "\\x16\\x03\\x01" 400 -',
    );
    // Apache's \xNN escapes stay as written; only \" and \\ are unescaped.
    expect(r.ok && { ...r.fields }).toEqual({
      'c-ip': '10.0.0.1',
      'cs-uri-query': '\\x16\\x03\\x01',
      'cs-uri': '\\x16\\x03\\x01',
      'sc-status': 400,
    });
  });
});

describe('JSON Lines', () => {
  // A stand-in for the rule engine's Windows mapping: it reads System.EventID / Channel.
  const windows = (json: unknown, o: EventOrigin): LogEvent => {
    const system = (json as { Event: { System: { EventID: unknown; Channel: unknown } } }).Event
      .System;
    return {
      fields: { EventID: String(system.EventID), Channel: String(system.Channel) },
      logsources: [{ product: 'windows' }],
      origin: o,
    };
  };

  it('maps ECS names through the table and keeps the rest under ECS paths', () => {
    const r = jsonTextToEvent(
      JSON.stringify({
        '@timestamp': '2024-01-01T00:00:00Z',
        event: { dataset: 'system.auth' },
        process: { name: 'sshd', command_line: 'sshd -D' },
        source: { ip: '1.2.3.4' },
        __proto__x: 1,
      }),
      origin,
      { windows },
    );
    expect(r.ok && { ...r.event.fields }).toMatchObject({
      CommandLine: 'sshd -D',
      SourceIp: '1.2.3.4',
      'process.name': 'sshd',
      'event.dataset': 'system.auth',
    });
    expect(r.ok && r.event.logsources).toEqual([
      { product: 'linux', service: 'auth' },
      { product: 'linux', service: 'sshd' },
    ]);
    expect(r.ok && r.event.time).toBe(Date.UTC(2024, 0, 1));
  });

  it('user extensions of the table apply', () => {
    const map = extendFieldMap({ 'app.actor': 'User' });
    const r = jsonTextToEvent('{"app":{"actor":"eve"}}', origin, { windows, fieldMap: map });
    expect(r.ok && r.event.fields.User).toBe('eve');
  });

  it('Winlogbeat goes through the Windows mapping; winlog.event_data is flattened', () => {
    const r = jsonTextToEvent(
      JSON.stringify({
        winlog: {
          event_id: '1',
          channel: 'Microsoft-Windows-Sysmon/Operational',
          event_data: { Image: 'C:\\x.exe' },
        },
      }),
      origin,
      { windows },
    );
    expect(r.ok && r.event.logsources).toEqual([{ product: 'windows' }]);
    expect(r.ok && { ...r.event.fields }).toMatchObject({
      Image: 'C:\\x.exe',
      EventID: '1',
      Channel: 'Microsoft-Windows-Sysmon/Operational',
    });
  });

  it('bad JSON and non-objects are refused with a reason', () => {
    expect(jsonTextToEvent('{oops', origin, { windows })).toEqual({
      ok: false,
      reason: 'not valid JSON',
    });
    expect(jsonTextToEvent('[1]', origin, { windows })).toEqual({
      ok: false,
      reason: 'a JSON line must be an object',
    });
  });
});

describe('RFC 6587 framing', () => {
  it('mixes octet counting and newlines, skips oversize and survives garbage', () => {
    const f = new SyslogFramer(20);
    const enc = new TextEncoder();
    const frames = [
      ...f.push(enc.encode('5 hello<13>x\n99 ')),
      ...f.push(new Uint8Array(99).fill(0x41)),
      ...f.push(enc.encode('3 abc')),
      ...f.end(),
    ];
    expect(
      frames.map((x) => (x.kind === 'message' ? new TextDecoder().decode(x.bytes) : x.kind)),
    ).toEqual(['hello', '<13>x', 'too_long', 'abc']);
  });
});
