/**
 * Which licence a rule is under, for attribution in alerts. A rule may say so itself (`license:`);
 * otherwise the rule folder's licence file decides: SigmaHQ ships its rules with the Detection Rule
 * License 1.1, which requires crediting the author and source wherever a rule's alert is shown.
 */
import { open, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { SourcedDocument } from '../engine/sigma/index.js';

const LICENSE_FILE = /^(licen[cs]e|copying)/i;
/** Folders above a rules path searched for a licence file (SigmaHQ: rules/windows/… → repo root). */
const PARENTS = 4;

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The SPDX-like name of a licence text, when it is one rules are commonly under. */
export function licenseFromText(text: string): string | null {
  if (/Detection Rule License/i.test(text)) return /\b1\.1\b/.test(text) ? 'DRL-1.1' : 'DRL';
  if (/Apache License/i.test(text)) return 'Apache-2.0';
  if (/\bMIT License\b/i.test(text)) return 'MIT';
  if (/GNU GENERAL PUBLIC LICENSE/i.test(text)) return 'GPL';
  return null;
}

async function folderLicense(start: string): Promise<string | null> {
  let dir = start;
  for (let i = 0; i <= PARENTS; i++) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names.filter((x) => LICENSE_FILE.test(x)).sort()) {
      const found = licenseFromText(await head(join(dir, n)).catch(() => ''));
      if (found !== null) return found;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/**
 * A function from rule id (and source file) to licence.
 *
 * @example
 * const licenseOf = await ruleLicenses(documents, ['/srv/sigma/rules']);
 * licenseOf('e76b413a-…', '/srv/sigma/rules/linux/x.yml'); // 'DRL-1.1'
 */
export async function ruleLicenses(
  documents: readonly SourcedDocument[],
  roots: readonly string[],
): Promise<(ruleId: string, source: string) => string | null> {
  const own = new Map<string, string>();
  for (const { document } of documents) {
    if (typeof document !== 'object' || document === null) continue;
    const d = document as Record<string, unknown>;
    if (typeof d.id === 'string' && typeof d.license === 'string' && d.license.trim() !== '')
      own.set(d.id, d.license.trim().slice(0, 64));
  }
  const byRoot: { root: string; license: string | null }[] = [];
  for (const r of roots) {
    const abs = resolve(r);
    // A rules path may be a file: its folder holds (or sits below) the licence.
    const start = /\.ya?ml$/i.test(abs) ? dirname(abs) : abs;
    byRoot.push({ root: abs, license: await folderLicense(start) });
  }
  return (ruleId, source) => {
    const explicit = own.get(ruleId);
    if (explicit !== undefined) return explicit;
    const abs = resolve(source);
    return byRoot.find((b) => abs === b.root || abs.startsWith(`${b.root}/`))?.license ?? null;
  };
}
