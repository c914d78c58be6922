/**
 * `shieldwall detect scan` and `detect rules check` end to end, with the SigmaHQ rules for sshd
 * and generic web servers over small synthetic logs (issue 9): alerts as JSON Lines with the
 * rule's attribution and the matching events, exit 1 on alerts, 0 on clean logs, 2 on usage.
 * `detect watch` as a real process: follows a file, prints alerts as JSON Lines, stops on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../platform/test-support/in-process-cli.js';

const sigma = join(import.meta.dirname, '../../../shared/data/detect');
const sshdRules = join(sigma, 'rules/linux/builtin/sshd');
const webRules = join(sigma, 'rules/web/webserver_generic');

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sw-detect-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('shieldwall detect scan', () => {
  const work = tmp();
  const data = tmp();
  const shieldwall = cliOn(data);
  const auth = join(work, 'auth.log');
  writeFileSync(
    auth,
    [
      'Mar  3 10:00:01 web1 sshd[811]: Accepted publickey for deploy from 10.0.0.5 port 52311 ssh2',
      'Mar  3 10:00:02 web1 sshd[812]: error: Corrupted MAC on input.',
      'Mar  3 10:00:03 web1 sshd[813]: fatal: buffer_get_string: bad string',
      'Mar  3 10:00:04 web1 sshd[814]: Disconnected from 10.0.0.5 port 52311',
    ].join('\n'),
  );
  const cleanAuth = join(work, 'clean-auth.log');
  writeFileSync(
    cleanAuth,
    'Mar  3 10:00:01 web1 sshd[811]: Accepted publickey for deploy from 10.0.0.5 port 52311 ssh2\n',
  );
  const access = join(work, 'access.log');
  writeFileSync(
    access,
    [
      '203.0.113.9 - - [03/Mar/2025:10:00:01 +0000] "GET /index.html HTTP/1.1" 200 512 "-" "Mozilla/5.0"',
      '203.0.113.9 - - [03/Mar/2025:10:00:02 +0000] "GET /item?id=1%20UNION%20SELECT%20password%20FROM%20users HTTP/1.1" 200 88 "-" "sqlmap/1.7"',
      '203.0.113.9 - - [03/Mar/2025:10:00:03 +0000] "GET /item?id=1%20UNION%20SELECT%20x HTTP/1.1" 404 12 "-" "curl/8"',
      '203.0.113.9 - - [03/Mar/2025:10:00:04 +0000] "GET /../../../../etc/passwd HTTP/1.1" 400 0 "-" "curl/8"',
      '203.0.113.9 - - [03/Mar/2025:10:00:05 +0000] "GET /Basic/Command/Base64/d2hvYW1p HTTP/1.1" 200 5 "-" "curl/8"',
    ].join('\n'),
  );

  it('finds sshd protocol attacks and names the rule with its author and references', async () => {
    const run = await shieldwall('--json', 'detect', 'scan', auth, '--rules', sshdRules);
    expect(run.code).toBe(1);
    const alerts = jsonLines(run.stdout);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] as Record<string, unknown>;
    expect(alert).toMatchObject({
      type: 'alert',
      rule_id: 'e76b413a-83d0-4b94-8e4c-85db4a5b8bdc',
      level: 'medium',
      count: 2,
    });
    expect(alert.author).toEqual(expect.any(String));
    expect(alert.references).toEqual(expect.arrayContaining([expect.stringMatching(/^https?:/)]));
    expect(alert.rule_source).toMatch(/lnx_sshd_susp_ssh\.yml$/);
    const events = alert.events as { source: string; line: number }[];
    expect(events.map((e) => e.line)).toEqual([2, 3]);
    expect(events[0]?.source).toBe(auth);
  });

  it('exits 0 with no alerts on a clean log', async () => {
    const run = await shieldwall('--json', 'detect', 'scan', cleanAuth, '--rules', sshdRules);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('');
  });

  it('keeps the parsed rules in a cache under the data directory, and gives the same alerts from it', async () => {
    const first = await shieldwall('--json', 'detect', 'scan', auth, '--rules', sshdRules);
    const cached = readdirSync(join(data, 'cache', 'detect'));
    expect(cached.some((f) => /^sigma-rules-.*\.json$/.test(f))).toBe(true);
    const again = await shieldwall('--json', 'detect', 'scan', auth, '--rules', sshdRules);
    expect(again.code).toBe(first.code);
    expect(again.stdout).toBe(first.stdout);
  });

  it('finds SQL injection, path traversal and JNDI in a web access log', async () => {
    const run = await shieldwall('--json', 'detect', 'scan', access, '--rules', webRules);
    expect(run.code).toBe(1);
    const byTitle = new Map(jsonLines(run.stdout).map((a) => [a.rule_title as string, a]));
    // The 404 line is filtered out by the SQL injection rule (`not 1 of filter_main_*`).
    expect(byTitle.get('SQL Injection Strings In URI')).toMatchObject({ count: 1 });
    expect([...byTitle.keys()]).toEqual(
      expect.arrayContaining([
        'SQL Injection Strings In URI',
        'Path Traversal Exploitation Attempts',
        'JNDIExploit Pattern',
      ]),
    );
    const sqli = byTitle.get('SQL Injection Strings In URI') as {
      attack: string[];
      events: { line: number }[];
    };
    expect(sqli.events.map((e) => e.line)).toEqual([2]);
    expect(sqli.attack).toContain('T1190');
  });

  it('prints a readable alert without --json', async () => {
    const run = await shieldwall('detect', 'scan', auth, '--rules', sshdRules);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^MEDIUM\s+Suspicious OpenSSH Daemon Error\s+\(2 events\)/m);
    expect(run.stdout).toContain(`${auth}:2`);
  });

  it('loads the good rules when one file is broken, and says which and why', async () => {
    const rules = tmp();
    writeFileSync(
      join(rules, 'bad.yml'),
      'title: broken\ndetection:\n  sel: {a|nope: x}\n  condition: sel\n',
    );
    writeFileSync(join(rules, 'worse.yml'), 'title: [unclosed\n');
    writeFileSync(
      join(rules, 'good.yml'),
      "title: ssh error\nid: 11111111-1111-4111-8111-111111111111\nlogsource: {product: linux, service: sshd}\ndetection:\n  k: ['Corrupted MAC']\n  condition: k\nlevel: low\n",
    );
    const check = await shieldwall('--json', 'detect', 'rules', 'check', rules);
    expect(check.code).toBe(1);
    const records = jsonLines(check.stdout);
    expect(records).toContainEqual(
      expect.objectContaining({
        type: 'problem',
        source: join(rules, 'bad.yml'),
        message: expect.stringMatching(/\|nope/),
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        type: 'problem',
        source: join(rules, 'worse.yml'),
        message: expect.stringMatching(/YAML/),
      }),
    );
    expect(records.at(-1)).toMatchObject({ type: 'summary', rules: 1, errors: 2 });
    const scan = await shieldwall('--json', 'detect', 'scan', auth, '--rules', rules);
    expect(scan.code).toBe(1);
    expect(jsonLines(scan.stdout)[0]).toMatchObject({ rule_title: 'ssh error', count: 1 });
  });

  it('is wrong usage (exit 2) to scan a missing file or without usable rules', async () => {
    expect(
      (await shieldwall('detect', 'scan', join(work, 'nope.log'), '--rules', sshdRules)).code,
    ).toBe(2);
    expect((await shieldwall('detect', 'scan', auth, '--rules', join(work, 'nope'))).code).toBe(2);
    expect((await shieldwall('detect', 'scan', auth)).code).toBe(2);
    expect(
      (await shieldwall('detect', 'scan', auth, '--rules', sshdRules, '--min-level', 'huge')).code,
    ).toBe(2);
  });
});

describe('shieldwall detect watch', () => {
  const work = tmp();
  const shieldwall = cliOn(tmp());
  const rules = join(import.meta.dirname, 'watch/fixtures/rules');
  const log = join(work, 'auth.log');
  writeFileSync(log, '');

  it('follows a file, prints each alert as a JSON line as it happens, and stops cleanly on SIGTERM', async () => {
    const data = tmp();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../cli.ts'),
        '--data',
        data,
        '--json',
        'detect',
        'watch',
        log,
        '--rules',
        rules,
        '--no-anomaly',
      ],
      { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    );
    const until = async (check: () => boolean, ms: number, what: string) => {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      // Starting tsx and compiling the rules is slow on a busy machine; the alert itself is not.
      await until(() => stderr.includes('Watching 1 file(s)'), 90_000, 'start');
      appendFileSync(
        log,
        'Mar  3 10:00:02 web1 sshd[812]: error: Corrupted MAC on input.\nMar  3 10:00:03 web1 sudo: ana : TTY=pts/0 ; PWD=/home/ana ; USER=root ; COMMAND=/bin/bash\n',
      );
      await until(() => jsonLines(stdout).length >= 2, 10_000, 'alerts');
      const alerts = jsonLines(stdout);
      expect(alerts.map((a) => a.title).sort()).toEqual([
        'Test SSH Corrupted MAC',
        'Test Sudo Root Shell',
      ]);
      const sudo = alerts.find((a) => a.title === 'Test Sudo Root Shell');
      expect(sudo).toMatchObject({
        source: 'sigma',
        level: 'low',
        user: 'ana',
        attack: [{ id: 'T1548.003', tactic: 'privilege-escalation' }],
        rule: { license: 'MIT', author: 'Shieldwall tests' },
      });
      expect(JSON.stringify(sudo?.advice)).toContain('administrator rights');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/Stopped: 2 events, 2 alert\(s\)/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);

  it('is wrong usage (exit 2) without rules, without input, or with a bad address or webhook', async () => {
    const noRules = await shieldwall('detect', 'watch', log);
    expect(noRules.code).toBe(2);
    expect(noRules.stderr).toContain('--rules');
    expect((await shieldwall('detect', 'watch', '--rules', rules)).code).toBe(2);
    expect((await shieldwall('detect', 'watch', log, '--rules', join(work, 'nope'))).code).toBe(2);
    for (const address of ['nowhere', '127.0.0.1:99999', 'bad host:514', ':514'])
      expect(
        (await shieldwall('detect', 'watch', '--syslog-udp', address, '--rules', rules)).code,
        address,
      ).toBe(2);
    const webhook = await shieldwall(
      'detect',
      'watch',
      log,
      '--rules',
      rules,
      '--webhook',
      'http://127.0.0.1:8080/x',
    );
    expect(webhook.code).toBe(2);
    expect(webhook.stderr).toContain('internal address');
    expect(
      (await shieldwall('detect', 'watch', log, '--rules', rules, '--min-level', 'huge')).code,
    ).toBe(2);
    expect(
      (await shieldwall('detect', 'watch', log, '--rules', rules, '--format', 'evtx')).code,
    ).toBe(2);
  });
});
