/**
 * Build models/common-passwords.bin, the Bloom filter of common passwords the
 * accounts part refuses (see src/access/accounts/password-filter.ts for the format).
 *
 *   node --import tsx scripts/build-password-filter.ts [--fpr=0.001] [--out=models/common-passwords.bin]
 *
 * Source: the "passwords-common" list of @zxcvbn-ts/language-common (MIT), a
 * frequency-ranked list of passwords seen in public breach corpora, shipped
 * compressed with @zxcvbn-ts/dictionary-compression; importing the package
 * decompresses it. Every entry goes in, also those shorter than the 8-character
 * minimum: the checker also looks up a password with a short trailing run of
 * digits or symbols removed ("dragon2024!" → "dragon"). Deterministic: the same
 * list gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dictionary } from '@zxcvbn-ts/language-common';
import { buildPasswordFilter } from '../src/access/accounts/password-filter.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=', 2);
    return [key ?? '', value ?? ''];
  }),
);
const fpr = Number(args.get('fpr') ?? '0.001');
if (!(fpr > 0 && fpr < 0.5)) throw new Error('--fpr must be between 0 and 0.5');
const out = resolve(args.get('out') ?? 'models/common-passwords.bin');

const list = dictionary['passwords-common'];
if (!Array.isArray(list) || list.some((e) => typeof e !== 'string'))
  throw new Error('@zxcvbn-ts/language-common: passwords-common is not a list of strings');
const entries = list as string[];

const { filter, bytes } = buildPasswordFilter(entries, fpr);
writeFileSync(out, bytes);

// Measured false-positive rate: strings that are surely not in the list.
let hits = 0;
const trials = 200_000;
for (let i = 0; i < trials; i++)
  if (filter.has(`fpr-probe-${createHash('sha256').update(String(i)).digest('hex').slice(0, 20)}`))
    hits++;

process.stdout.write(
  `${out}: ${entries.length} entries (${filter.n} unique), m=${filter.m} bits, k=${filter.k}, ` +
    `${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}\n` +
    `measured false-positive rate ${((hits / trials) * 100).toFixed(3)}% over ${trials} probes (target ${(fpr * 100).toFixed(3)}%)\n`,
);
