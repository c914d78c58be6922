/**
 * The Sigma engine's benchmark workload (issue 9), shared by bench/suites/detect.bench.ts and
 * bench/detect-profile.ts: the whole active SigmaHQ rule set (every rule folder in
 * ../shared/data/detect), the 202 regression captures, and a mixed stream — every regression
 * (attack) event once per 20 benign events of the kinds a real stream is mostly made of: varied
 * Sysmon process creations, Security logons, sshd lines and web access lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEvent } from '../src/detect/engine/event.js';
import { windowsEventFromJson } from '../src/detect/engine/mapping/index.js';

export const DETECT_DATA = join(import.meta.dirname, '../../shared/data/detect');
export const RULE_FOLDERS = [
  'rules',
  'rules-emerging-threats',
  'rules-threat-hunting',
  'rules-compliance',
  'rules-dfir',
  'rules-placeholder',
].map((f) => join(DETECT_DATA, f));

/** Benign events per attack event in the mixed stream. */
export const BENIGN_PER_ATTACK = 20;

export interface RegressionCase {
  readonly rule_id: string;
  readonly rule_path: string;
  readonly expected_match_count: number | null;
  /** The capture's events, mapped (records that are not Windows events left out). */
  readonly events: readonly LogEvent[];
}

export function regressionCases(): RegressionCase[] {
  return readFileSync(join(DETECT_DATA, 'sigma-regression/cases.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const c = JSON.parse(l) as Omit<RegressionCase, 'events'> & { events: unknown[] };
      const events: LogEvent[] = [];
      c.events.forEach((json, i) => {
        const e = windowsEventFromJson(json, { source: c.rule_id, line: i + 1 });
        if (e !== null) events.push(e);
      });
      return { ...c, events };
    });
}

/** Benign and noisy events of the kinds a real stream is mostly made of. */
export function syntheticEvents(n: number): LogEvent[] {
  const proc = [
    { product: 'windows', category: 'process_creation' },
    { product: 'windows', service: 'sysmon' },
  ];
  const images = [
    'svchost.exe',
    'chrome.exe',
    'explorer.exe',
    'conhost.exe',
    'OneDrive.exe',
    'python.exe',
    'git.exe',
    'node.exe',
  ];
  const out: LogEvent[] = [];
  for (let i = 0; i < n; i++) {
    const origin = { source: 'synthetic', line: i + 1 };
    const img = images[i % images.length] as string;
    switch (i % 4) {
      case 0:
        out.push({
          fields: {
            EventID: 1,
            Channel: 'Microsoft-Windows-Sysmon/Operational',
            Image: `C:\\Program Files\\App${i % 97}\\${img}`,
            OriginalFileName: img,
            CommandLine: `"C:\\Program Files\\App${i % 97}\\${img}" --type=renderer --field-trial-handle=${i} --lang=en-US /prefetch:${i % 9}`,
            ParentImage: 'C:\\Windows\\explorer.exe',
            ParentCommandLine: 'C:\\Windows\\Explorer.EXE',
            User: 'CORP\\alice',
            IntegrityLevel: 'Medium',
            Hashes: `SHA256=${(i * 2654435761).toString(16).padStart(64, '0')}`,
            CurrentDirectory: 'C:\\Users\\alice\\',
          },
          logsources: proc,
          time: 1_700_000_000_000 + i,
          origin,
        });
        break;
      case 1:
        out.push({
          fields: {
            EventID: 4624,
            Channel: 'Security',
            Provider_Name: 'Microsoft-Windows-Security-Auditing',
            LogonType: 3,
            TargetUserName: `user${i % 50}`,
            IpAddress: `10.0.${i % 255}.${(i * 7) % 255}`,
            WorkstationName: `WS${i % 300}`,
            AuthenticationPackageName: 'Kerberos',
          },
          logsources: [{ product: 'windows', service: 'security' }],
          time: 1_700_000_000_000 + i,
          origin,
        });
        break;
      case 2:
        out.push({
          fields: {
            message: `Accepted publickey for deploy from 10.0.0.${i % 255} port ${40000 + (i % 20000)} ssh2: ED25519 SHA256:abc${i}`,
            program: 'sshd',
            host: 'web1',
          },
          logsources: [
            { product: 'linux', service: 'sshd' },
            { product: 'linux', service: 'auth' },
          ],
          time: 1_700_000_000_000 + i,
          origin,
        });
        break;
      default:
        out.push({
          fields: {
            'c-ip': `203.0.113.${i % 255}`,
            'cs-method': 'GET',
            'cs-uri-query': `/products/${i % 1000}?page=${i % 7}&sort=price`,
            'cs-user-agent':
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0',
            'sc-status': 200,
          },
          logsources: [{ category: 'webserver' }],
          time: 1_700_000_000_000 + i,
          origin,
        });
    }
  }
  return out;
}

/** Every attack event once, each followed by BENIGN_PER_ATTACK benign ones. */
export function mixedStream(cases: readonly RegressionCase[]): {
  stream: LogEvent[];
  attacks: number;
} {
  const windows = cases.flatMap((c) => c.events);
  const benign = syntheticEvents(windows.length * BENIGN_PER_ATTACK);
  const stream: LogEvent[] = [];
  windows.forEach((w, i) => {
    stream.push(w, ...benign.slice(i * BENIGN_PER_ATTACK, (i + 1) * BENIGN_PER_ATTACK));
  });
  return { stream, attacks: windows.length };
}
