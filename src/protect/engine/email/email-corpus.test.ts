/**
 * The parser and the signals against the whole scam data set
 * (../shared/data/scam, see its README): every .eml parses without a throw
 * and in time, no corpus artefact survives into emailText, and each signal's
 * fire rate on dev-split ham / spam / phishing is printed so we can see which
 * signals discriminate — and which merely tell 2002 mail from 2025 mail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMAIL_SIGNAL_CODES, type EmailSignalCode, emailSignals } from './email-signals.js';
import { CORPUS_ARTEFACTS, emailText } from './email-text.js';
import { parseEmail } from './parse-email.js';

const DATA = resolve(import.meta.dirname, '../../../../../shared/data/scam');
const present = existsSync(join(DATA, 'email.jsonl'));
if (!present)
  console.log(
    `[email-corpus] skipped: ${DATA} is absent (the scam data set lives beside the repo)`,
  );

interface IndexRecord {
  readonly file: string;
  readonly label: 'ham' | 'spam' | 'phishing';
  readonly split: 'train' | 'dev';
}

const LABELS = ['ham', 'spam', 'phishing'] as const;
/** The brief's bar: a signal firing on more than this share of ham is a false-positive machine. */
const MAX_HAM_RATE = 0.02;

function emlFiles(): string[] {
  const root = join(DATA, 'email');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.eml'))
    .map((e) => join(e.parentPath, e.name));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

describe.skipIf(!present)('email corpus', () => {
  it('parses every .eml without a throw, in time, with no corpus artefact left in emailText', () => {
    const files = emlFiles();
    expect(files.length).toBeGreaterThan(5_000);
    const times: number[] = [];
    let slowest = { ms: 0, file: '' };
    const leaks: string[] = [];
    for (const file of files) {
      const raw = readFileSync(file);
      const t = performance.now();
      const parsed = parseEmail(raw);
      emailSignals(parsed);
      const text = emailText(parsed);
      const ms = performance.now() - t;
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, file };
      expect(parsed.warnings.map((w) => w.code)).not.toContain('internal_error');
      const lower = text.toLowerCase();
      for (const a of CORPUS_ARTEFACTS)
        if (lower.includes(a.pattern)) leaks.push(`${file}: ${a.pattern}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    console.log(
      `[email-corpus] ${files.length} files parsed + scored in ${total.toFixed(0)} ms ` +
        `(mean ${(total / files.length).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms, ` +
        `slowest ${slowest.ms.toFixed(1)} ms: ${slowest.file.slice(DATA.length + 1)})`,
    );
    expect(leaks.slice(0, 10)).toEqual([]);
    expect(slowest.ms).toBeLessThan(1_000);
    expect(total).toBeLessThan(60_000);
  });

  it('prints how often each signal fires on dev ham / spam / phishing, and none fires on more than 2% of ham', () => {
    const index = readFileSync(join(DATA, 'email.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as IndexRecord)
      .filter((r) => r.split === 'dev');
    const totals = { ham: 0, spam: 0, phishing: 0 };
    const fired = new Map<EmailSignalCode, { ham: number; spam: number; phishing: number }>(
      EMAIL_SIGNAL_CODES.map((c) => [c, { ham: 0, spam: 0, phishing: 0 }]),
    );
    for (const r of index) {
      totals[r.label]++;
      for (const s of emailSignals(parseEmail(readFileSync(join(DATA, r.file))))) {
        const row = fired.get(s.code);
        if (row !== undefined) row[r.label]++;
      }
    }
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1).padStart(6)}%`;
    const lines = [
      `[email-corpus] signal fire rates on the dev split (ham n=${totals.ham}, spam n=${totals.spam}, phishing n=${totals.phishing})`,
      `${'code'.padEnd(38)}${LABELS.map((l) => l.padStart(9)).join('')}`,
      ...[...fired].map(
        ([code, row]) =>
          `${code.padEnd(38)}${LABELS.map((l) => pct(row[l], totals[l])).join('  ')}`,
      ),
    ];
    console.log(lines.join('\n'));
    const noisy = [...fired]
      .filter(([, row]) => row.ham / Math.max(1, totals.ham) > MAX_HAM_RATE)
      .map(([code]) => code);
    expect(noisy).toEqual([]);
  });
});
