/**
 * Build models/warninglists.txt.gz, the known-benign values the indicator
 * matcher keeps from matching (see src/exchange/warninglists.ts and
 * models/warninglists.md), from the MISP warninglists (CC0 1.0):
 *
 *   node --import tsx scripts/build-warninglists.ts [--from=../shared/data/intel/misp-warninglists] [--out=models/warninglists.txt.gz]
 *
 * Only values the matcher can use are kept (host names, IP addresses and
 * ranges, MD5/SHA-1/SHA-256 hashes), in their canonical form, sorted, so the
 * same lists give the same bytes. A clone of the repository needs only the
 * output file, not the source lists.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ipText,
  normalizeDomain,
  normalizeHash,
  parseIp,
} from '../src/exchange/engine/matcher/value-normalizer.js';
import { formatWarninglists } from '../src/exchange/engine/matcher/warninglist-format.js';
import type {
  WarninglistSpec,
  WarninglistType,
} from '../src/exchange/engine/matcher/warninglist-index.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=', 2);
    return [key ?? '', value ?? ''];
  }),
);
const from = resolve(args.get('from') ?? '../shared/data/intel/misp-warninglists');
const out = resolve(args.get('out') ?? 'models/warninglists.txt.gz');

const lists: WarninglistSpec[] = [];
let dropped = 0;
for (const file of readdirSync(from).sort()) {
  if (!file.endsWith('.json') || file === 'schema.json') continue;
  const raw = JSON.parse(readFileSync(join(from, file), 'utf8')) as {
    name?: unknown;
    type?: unknown;
    list?: unknown;
  };
  const type = raw.type === 'cidr' ? 'cidr' : raw.type === 'hostname' ? 'hostname' : raw.type;
  if ((type !== 'string' && type !== 'hostname' && type !== 'cidr') || !Array.isArray(raw.list)) {
    process.stderr.write(`skipped ${file}: type ${String(raw.type)} is not used by the matcher\n`);
    continue;
  }
  const values = new Set<string>();
  for (const v of raw.list) {
    const c = typeof v === 'string' ? canonical(type, v) : null;
    if (c === null) dropped++;
    else values.add(c);
  }
  lists.push({
    name: file.replace(/\.json$/, ''),
    type: type as WarninglistType,
    description: typeof raw.name === 'string' ? raw.name : file,
    values: [...values].sort(),
  });
}

function canonical(type: WarninglistType, v: string): string | null {
  if (type === 'cidr') {
    const ip = parseIp(v);
    return ip === null ? null : ipText(ip);
  }
  const hash = normalizeHash(v);
  if (hash !== null) return hash;
  const below = v.trim().startsWith('.');
  const d = normalizeDomain(below ? v.trim().slice(1) : v);
  return d === null ? null : below ? `.${d}` : d;
}

const text = formatWarninglists(
  [
    'Known-benign values for the Shieldwall indicator matcher. Built by scripts/build-warninglists.ts.',
    'Source: MISP/misp-warninglists (lists/<name>/list.json @ 84f0610), CC0 1.0. See models/warninglists.md.',
  ],
  lists,
);
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
writeFileSync(out, gz);
const total = lists.reduce((n, l) => n + l.values.length, 0);
process.stdout.write(
  `${out}: ${lists.length} lists, ${total} values (${dropped} unusable dropped), ${gz.length} bytes\n`,
);
for (const l of lists) process.stdout.write(`  ${l.name} (${l.type}): ${l.values.length}\n`);
