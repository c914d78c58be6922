/**
 * `shieldwall check` through the real program (commander, the shared output
 * helpers, the one place that maps errors to exit statuses) with captured
 * streams and stdin as a PassThrough, checking with the shipped models.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { runCli } from '../platform/cli/program.js';
import { shippedChecker } from './checker.js';
import { boundedLines, formatResult, MAX_LINE_BYTES, MAX_STDIN_BYTES } from './cli.js';
import { localeFromEnvironment } from './cli-messages.js';
import type { CheckResult } from './engine/types.js';
import { protectModule } from './index.js';
import type { WireResult } from './wire-format.js';

const repo = join(import.meta.dirname, '../..');
const SCAM =
  'USPS: Your package is on hold due to an unpaid shipping fee of $1.99. Pay now at https://usps-redelivery.top/pay to avoid return.';
const GENUINE = 'Your Google verification code is 482913. Do not share it with anyone.';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `shieldwall …args` in-process; `stdin` is what is piped in (a TTY when `tty`). */
async function shieldwall(
  args: string[],
  options: { stdin?: string | Uint8Array | (() => Readable); tty?: boolean } = {},
): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const stdin =
    typeof options.stdin === 'function'
      ? options.stdin()
      : Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  if (options.tty === true) Object.assign(stdin, { isTTY: true });
  const code = await runCli({
    argv: args,
    env: {},
    stdin,
    stdout,
    stderr,
    cwd: repo,
    version: '0.0.0-test',
    webRoot: null,
    modules: [protectModule],
  });
  return {
    code,
    stdout: Buffer.concat(chunks.out).toString('utf8'),
    stderr: Buffer.concat(chunks.err).toString('utf8'),
  };
}

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('shieldwall check --lang', () => {
  it('speaks Spanish with --lang es: labels, reasons and advice, same verdict and exit code', async () => {
    const en = await shieldwall(['check', '--lang', 'en', SCAM]);
    const es = await shieldwall(['check', '--lang', 'es', SCAM]);
    expect(es.code).toBe(en.code);
    expect(es.stdout.split('\n')[0]).toBe('Estafa: no responda ni haga clic.');
    expect(es.stdout).toContain('Por qué:');
    expect(es.stdout).toContain('Qué hacer ahora:');
    expect(es.stdout).toContain('1. No haga clic en el enlace, no abra adjuntos y no responda.');
    expect(es.stdout).toContain('Qué revisamos (como un mensaje de texto):');
    expect(es.stdout).not.toContain('Why:');
    const json = JSON.parse((await shieldwall(['--json', 'check', '--lang', 'es', SCAM])).stdout);
    expect(json.locale).toBe('es');
  });

  it('answers a batch in the chosen language', async () => {
    const r = await shieldwall(['check', '--lang', 'es', '--jsonl', '-'], {
      stdin: `${JSON.stringify({ id: 'a', text: SCAM })}\n`,
    });
    const [line] = jsonLines(r.stdout) as { reasons: { message: string }[] }[];
    expect(line?.reasons.some((x) => x.message.startsWith('La dirección termina'))).toBe(true);
  });

  it('refuses a language it does not ship (exit 2), listing the ones it does', async () => {
    const r = await shieldwall(['check', '--lang', 'fr', SCAM]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/en, es/);
  });

  it('takes its default from LC_ALL, LC_MESSAGES, then LANG', () => {
    expect(localeFromEnvironment({})).toBe('en');
    expect(localeFromEnvironment({ LANG: 'es_MX.UTF-8' })).toBe('es');
    expect(localeFromEnvironment({ LANG: 'es_ES.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(localeFromEnvironment({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'es_AR@euro' })).toBe('es');
    expect(localeFromEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LC_ALL: '', LANG: 'es' })).toBe('es');
  });
});

describe('shieldwall check (one message)', () => {
  it('a scam text: the verdict in plain words first, then why, what to do, what was checked; exit 1', async () => {
    const r = await shieldwall(['check', SCAM]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Scam — do not reply or click.');
    expect(lines[1]).toBe('Scam score: over 99% · looks like a parcel or delivery scam.');
    const why = lines.indexOf('Why:');
    const todo = lines.indexOf('What to do now:');
    const checked = lines.indexOf('What was checked (as a text message):');
    expect(why).toBeGreaterThan(1);
    expect(todo).toBeGreaterThan(why);
    expect(checked).toBeGreaterThan(todo);
    expect(r.stdout).toContain('  - The website name usps-redelivery.top borrows the name USPS');
    expect(r.stdout).toContain('  1. Do not click the link');
    expect(r.stderr).toBe('');
  });

  it('a genuine 2FA text: no signs (and not a guarantee); exit 0', async () => {
    const r = await shieldwall(['check', GENUINE]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'No signs of a scam found (this is not a guarantee).',
      'Scam score: under 1%.',
    ]);
    expect(r.stdout).toContain('It warns you never to share the code');
  });

  it('does not print a "no signs" score that says "more likely a scam than not"', async () => {
    // A web address below the warning line can still score 0.78 on data that is mostly phishing.
    const real = shippedChecker().check({ kind: 'url', content: 'https://www.bbc.co.uk/news' });
    const lines = (r: CheckResult) => formatResult(r).split('\n').slice(0, 2);
    expect(lines({ ...real, verdict: 'no_signs', score: 0.78 })).toEqual([
      'No signs of a scam found (this is not a guarantee).',
      '',
    ]);
    expect(lines({ ...real, verdict: 'no_signs', score: 0.2 })[1]).toBe('Scam score: 20%.');
    expect(lines({ ...real, verdict: 'suspicious', score: 0.78 })[1]).toMatch(/^Scam score: 78%/);
  });

  it('--json prints the wire result as one JSON object', async () => {
    const r = await shieldwall(['--json', 'check', '--kind', 'sms', SCAM]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as WireResult;
    expect(Object.keys(result).sort()).toEqual(
      [
        'category',
        'checked',
        'checked_refs',
        'indicators',
        'kind',
        'language',
        'locale',
        'model_version',
        'note_refs',
        'next_steps',
        'notes',
        'reasons',
        'score',
        'truncated',
        'verdict',
      ].sort(),
    );
    expect(result).toMatchObject({ kind: 'sms', verdict: 'scam', category: 'delivery' });
    expect(result.indicators).toContainEqual(
      expect.objectContaining({ type: 'domain', value: 'usps-redelivery.top' }),
    );
    expect(result.next_steps[0]).toMatchObject({ code: 'dont_click', priority: 1 });
  });

  it('reads standard input for "-", or with no argument when something is piped in', async () => {
    const dash = await shieldwall(['--json', 'check', '-'], { stdin: SCAM });
    expect(dash.code).toBe(1);
    expect(JSON.parse(dash.stdout)).toMatchObject({ kind: 'sms', verdict: 'scam' });
    const piped = await shieldwall(['check'], { stdin: GENUINE });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^No signs of a scam found/);
  });

  it('an email on standard input is recognised and read as an email', async () => {
    const eml = readFileSync(join(repo, 'fixtures/scam/email/sw-email-0001.eml'));
    const r = await shieldwall(['check', '-'], { stdin: eml });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Scam — do not reply or click\./);
    expect(r.stdout).toContain('What was checked (as an email):');
    expect(r.stdout).toContain('it was sent from ms365-securemail.cfd, which is not Microsoft');
  });

  it('an 8-bit latin-1 email is decoded from its bytes, not mangled as UTF-8', async () => {
    const eml = Buffer.from(
      [
        'From: "Sparkasse Kundenservice" <service@sparkasse-sicherheit.top>',
        'To: kunde@example.de',
        'Subject: Ihr Konto wurde gesperrt',
        'Date: Tue, 16 Sep 2025 07:42:10 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Sehr geehrte Kundin, Ihr Konto wurde gesperrt. Bestätigen Sie Ihre Daten sofort unter https://sparkasse-sicherheit.top/login, sonst wird es gelöscht.',
      ].join('\r\n'),
      'latin1',
    );
    for (const args of [
      ['--json', 'check', '-'],
      ['--json', 'check', '--kind', 'email'],
    ]) {
      const r = await shieldwall(args, { stdin: eml });
      const result = JSON.parse(r.stdout) as WireResult;
      expect(result.kind).toBe('email');
      const excerpts = result.reasons.map((x) => x.evidence?.excerpt ?? '');
      expect(excerpts.some((e) => e.includes('Bestätigen'))).toBe(true);
      expect(r.stdout).not.toContain('\ufffd');
    }
  });

  it('wrong usage exits 2 with one readable line', async () => {
    const kind = await shieldwall(['check', '--kind', 'letter', 'hello']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("argument 'letter' is invalid");
    expect(kind.stdout).toBe('');
    const empty = await shieldwall(['check', '-'], { stdin: '  \n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('shieldwall: Nothing to check: the message is empty.\n');
    const tty = await shieldwall(['check'], { tty: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toMatch(/^shieldwall: Nothing to check\. Give the message as an argument/);
    const both = await shieldwall(['check', 'hello', '--jsonl', '-']);
    expect(both.code).toBe(2);
    const missing = await shieldwall(['check', '--jsonl', join(repo, 'no-such-dir', 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^shieldwall: Cannot read .*nope\.jsonl: ENOENT/);
  });

  it('refuses piped input over 30 MB (exit 2) without reading it all', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const big = () =>
      new Readable({
        read() {
          sent += 1;
          this.push(sent > 64 ? null : chunk);
        },
      });
    const r = await shieldwall(['check', '-'], { stdin: big });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`larger than ${MAX_STDIN_BYTES / 1024 / 1024} MB`);
    expect(sent).toBeLessThan(40);
  });
});

describe('shieldwall check --jsonl (batch)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('sw-cli-');
  });
  afterAll(() => removeDir(dir));

  it('answers every line in input order; a bad line gets an error and the batch goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: GENUINE }),
      '{"id": "b", not json',
      '',
      JSON.stringify({ id: 3, url: 'https://paypa1-login.top/verify' }),
      JSON.stringify({ id: 'd', kind: 'letter', text: 'hi' }),
      '[1, 2]',
      JSON.stringify({ id: 'f', phone: '+44 20 7946 0000' }),
      JSON.stringify({ text: 'See you at six, love Mum' }),
    ].join('\n');
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, input);
    const r = await shieldwall(['check', '--jsonl', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a', null, 3, 'd', null, 'f', null]);
    expect(out[0]).toMatchObject({ verdict: 'no_signs', category: 'other' });
    expect(Object.keys(out[0] ?? {}).sort()).toEqual(
      ['category', 'id', 'indicators', 'reasons', 'score', 'verdict'].sort(),
    );
    expect(out[1]).toEqual({
      id: null,
      error: {
        code: 'input_unreadable',
        message: expect.stringMatching(/^Line 2 is not valid JSON/),
      },
    });
    expect(out[2]).toMatchObject({ id: 3, verdict: 'scam' });
    expect(out[3]).toMatchObject({ id: 'd', error: { code: 'input_unreadable' } });
    expect(out[4]).toMatchObject({
      id: null,
      error: { code: 'input_unreadable', message: 'Line 6 is not a JSON object.' },
    });
    expect(out[5]).toMatchObject({ id: 'f', verdict: expect.any(String) });
    expect(out[6]).toMatchObject({ id: null, verdict: 'no_signs' });
  });

  it('reads standard input with "-", prints JSON Lines even with --json, exits 0 when all is well', async () => {
    const stdin = [
      { id: 1, text: GENUINE },
      { id: 2, text: 'Running 10 minutes late, order me a flat white?' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\r\n');
    for (const args of [
      ['check', '--jsonl', '-'],
      ['--json', 'check', '--jsonl', '-'],
    ]) {
      const r = await shieldwall(args, { stdin });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')).toHaveLength(3); // two records and the final newline
      expect(jsonLines(r.stdout).map((o) => [o.id, o.verdict])).toEqual([
        [1, 'no_signs'],
        [2, 'no_signs'],
      ]);
    }
  });

  it('--kind is the default kind of lines that do not say', async () => {
    const stdin = [
      { id: 'default', text: 'paypa1-login.top/verify' },
      { id: 'own', kind: 'url', text: 'paypa1-login.top/verify' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await shieldwall(['check', '--jsonl', '-', '--kind', 'sms'], { stdin });
    const fields = jsonLines(r.stdout).map((line) => [
      line.id,
      (line.reasons as { evidence?: { field: string } }[]).map((x) => x.evidence?.field)[0],
    ]);
    // Read as a text message, evidence points into the text; the line's own kind wins.
    expect(fields).toEqual([
      ['default', 'text'],
      ['own', 'url'],
    ]);
  });

  it(`a line over ${MAX_LINE_BYTES / 1024 / 1024} MB gets an error and the batch goes on`, async () => {
    const huge = () => {
      const parts: Buffer[] = [Buffer.from('{"id":"huge","text":"')];
      const mb = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i <= MAX_LINE_BYTES / mb.length; i++) parts.push(mb);
      parts.push(Buffer.from(`"}\n${JSON.stringify({ id: 'after', text: GENUINE })}\n`));
      return Readable.from(parts);
    };
    const r = await shieldwall(['check', '--jsonl', '-'], { stdin: huge });
    expect(r.code).toBe(1);
    expect(jsonLines(r.stdout)).toEqual([
      {
        id: null,
        error: { code: 'input_too_large', message: 'Line 1 is longer than 40 MB; it was skipped.' },
      },
      expect.objectContaining({ id: 'after', verdict: 'no_signs' }),
    ]);
  });

  it('an empty batch is nothing to check (exit 2)', async () => {
    const r = await shieldwall(['check', '--jsonl', '-'], { stdin: '\n\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shieldwall: Nothing to check: standard input has no lines.\n');
  });
});

describe('boundedLines', () => {
  const lines = async (chunks: string[], limit: number) => {
    const out: (string | undefined)[] = [];
    for await (const line of boundedLines(Readable.from(chunks.map((c) => Buffer.from(c))), limit))
      out.push(line.text);
    return out;
  };

  it('splits on LF and CRLF across chunk edges, and keeps a last line without a newline', async () => {
    expect(await lines(['ab', 'c\r', '\nde\n\nf', 'g'], 10)).toEqual(['abc', 'de', '', 'fg']);
  });

  it('drops a line longer than the limit without keeping it, and goes on', async () => {
    expect(await lines(['12345', '6\nok\n123', '45\n'], 5)).toEqual([undefined, 'ok', '12345']);
  });

  it('splits multi-byte characters safely', async () => {
    const bytes = Buffer.from('héllo\nwörld\n');
    const out: (string | undefined)[] = [];
    const stream = Readable.from([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]);
    for await (const line of boundedLines(stream, 100)) out.push(line.text);
    expect(out).toEqual(['héllo', 'wörld']);
  });
});
