/**
 * Data check against the shared URL set (../shared/data/scam/url.jsonl, see
 * its README): for every signal, how often it fires on dev benign hosts vs
 * dev phishing URLs (and on those phishing URLs cut to their host, which is
 * the fair comparison: the benign URLs are bare home pages). A signal with a
 * prior weight above 1 must not fire on more than 1% of benign hosts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { URL_SIGNAL_WEIGHTS, type UrlSignalCode, urlHostOnly, urlSignals } from './url-features.js';

const repoRoot = join(import.meta.dirname, '../../../..');
const dataFile = join(repoRoot, '../shared/data/scam/url.jsonl');

interface Row {
  readonly url: string;
  readonly label: string;
  readonly split: string;
}

function loadDev(): Row[] {
  return readFileSync(dataFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Row)
    .filter((r) => r.split === 'dev');
}

function fireRates(urls: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const url of urls) {
    for (const code of new Set(urlSignals(url).map((s) => s.code)))
      counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return new Map([...counts].map(([code, n]) => [code, n / Math.max(1, urls.length)]));
}

const pct = (x: number | undefined): string => `${((x ?? 0) * 100).toFixed(2)}%`.padStart(7);

describe.skipIf(!existsSync(dataFile))('URL signals on the shared dev set', () => {
  it('fire rarely on benign hosts when their weight is above 1', () => {
    const dev = loadDev();
    const benign = dev.filter((r) => r.label === 'benign').map((r) => r.url);
    const phishing = dev.filter((r) => r.label === 'phishing').map((r) => r.url);
    expect(benign.length).toBeGreaterThan(500);
    const b = fireRates(benign);
    const p = fireRates(phishing);
    const ph = fireRates(phishing.map(urlHostOnly));
    const lines = [
      `signal (weight)                         benign  phishing  phishing-host-only   n=${benign.length}/${phishing.length}`,
    ];
    for (const code of Object.keys(URL_SIGNAL_WEIGHTS) as UrlSignalCode[]) {
      const w = URL_SIGNAL_WEIGHTS[code];
      lines.push(
        `${`${code} (${w})`.padEnd(38)} ${pct(b.get(code))}  ${pct(p.get(code))}  ${pct(ph.get(code))}`,
      );
    }
    console.log(lines.join('\n'));
    const tooNoisy = (Object.keys(URL_SIGNAL_WEIGHTS) as UrlSignalCode[]).filter(
      (code) => URL_SIGNAL_WEIGHTS[code] > 1 && (b.get(code) ?? 0) > 0.01,
    );
    expect(tooNoisy).toEqual([]);
  });
});

if (!existsSync(dataFile)) {
  console.log(
    `url-dataset.test: skipped, ${dataFile} is absent (the shared data folder is optional)`,
  );
}
