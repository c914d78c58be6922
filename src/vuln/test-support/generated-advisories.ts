/**
 * Generated data for the speed bench and the fast-path test: `advisories` OSV records over
 * about advisories/2 npm packages (advisory i names `pkg-(i mod P)`, so every package gets
 * about two), and a package-lock.json of `lockPackages` packages spread over that space,
 * each at 1.m.0.
 * `expected` is the number of findings the generator planted, computed independently of
 * the scanner (from the same arithmetic that wrote the ranges).
 */
export interface VulnBenchData {
  readonly jsonl: string;
  readonly lock: string;
  readonly expected: number;
}

export function generateVulnBench(advisories: number, lockPackages: number): VulnBenchData {
  const packages = Math.ceil(advisories / 2);
  const lines: string[] = [];
  for (let i = 0; i < advisories; i++) {
    const p = i % packages;
    const fixedMinor = (i * 7) % 10;
    lines.push(
      JSON.stringify({
        id: `GHSA-bench-${i}`,
        modified: '2024-01-01T00:00:00Z',
        aliases: [`CVE-2024-${100000 + i}`],
        summary: `generated advisory ${i}`,
        affected: [
          {
            package: { ecosystem: 'npm', name: `pkg-${p}` },
            ranges: [
              {
                type: 'ECOSYSTEM',
                events: [{ introduced: '1.0.0' }, { fixed: `1.${fixedMinor}.0` }],
              },
            ],
          },
        ],
        database_specific: { severity: 'HIGH' },
      }),
    );
  }
  const entries: Record<string, { version: string }> = {};
  let expected = 0;
  for (let j = 0; j < lockPackages; j++) {
    const p = (j * 37) % packages;
    const minor = j % 10;
    entries[`node_modules/pkg-${p}`] = { version: `1.${minor}.0` };
    for (const i of [p, p + packages]) {
      if (i >= advisories) continue;
      if (minor < (i * 7) % 10) expected++;
    }
  }
  const lock = JSON.stringify({
    lockfileVersion: 3,
    packages: { '': { name: 'bench' }, ...entries },
  });
  return { jsonl: `${lines.join('\n')}\n`, lock, expected };
}
