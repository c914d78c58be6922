/**
 * Which parser reads which file (by name), and byte decoding with BOM detection (UTF-8,
 * UTF-16 LE/BE), so a lockfile saved by an editor in UTF-16 is still read.
 */
import type { LockfileParse, LockfileParser } from './lockfile-types.js';
import { parseBunLock, parsePackageLock, parsePnpmLock, parseYarnLock } from './npm-lockfiles.js';
import {
  parseCargoLock,
  parseComposerLock,
  parseGemfileLock,
  parseGoMod,
  parseGoSum,
} from './other-lockfiles.js';
import { parsePipfileLock, parsePoetryLock, parseRequirements } from './python-lockfiles.js';
import { parseCycloneDxJson } from './sbom-reader.js';

export type LockfileKind =
  | 'package-lock.json'
  | 'yarn.lock'
  | 'pnpm-lock.yaml'
  | 'bun.lock'
  | 'requirements.txt'
  | 'poetry.lock'
  | 'uv.lock'
  | 'Pipfile.lock'
  | 'go.mod'
  | 'go.sum'
  | 'Cargo.lock'
  | 'Gemfile.lock'
  | 'composer.lock'
  | 'cyclonedx.json';

export const PARSERS: Record<LockfileKind, LockfileParser> = {
  'package-lock.json': parsePackageLock,
  'yarn.lock': parseYarnLock,
  'pnpm-lock.yaml': parsePnpmLock,
  'bun.lock': parseBunLock,
  'requirements.txt': parseRequirements,
  'poetry.lock': parsePoetryLock,
  'uv.lock': parsePoetryLock,
  'Pipfile.lock': parsePipfileLock,
  'go.mod': parseGoMod,
  'go.sum': parseGoSum,
  'Cargo.lock': parseCargoLock,
  'Gemfile.lock': parseGemfileLock,
  'composer.lock': parseComposerLock,
  'cyclonedx.json': parseCycloneDxJson,
};

/**
 * The kind of lockfile a file name is, or undefined. Accepts the usual names and the
 * variants people use (`my-package-lock.json`, `requirements-dev.txt`, `bom.cdx.json`).
 */
export function lockfileKind(fileName: string): LockfileKind | undefined {
  const n = fileName.toLowerCase();
  if (n.endsWith('package-lock.json') || n === 'npm-shrinkwrap.json') return 'package-lock.json';
  if (n.endsWith('yarn.lock')) return 'yarn.lock';
  if (n === 'pnpm-lock.yaml') return 'pnpm-lock.yaml';
  if (n === 'bun.lock') return 'bun.lock';
  if (n.endsWith('.txt') && n.includes('requirements')) return 'requirements.txt';
  if (n === 'poetry.lock') return 'poetry.lock';
  if (n === 'uv.lock') return 'uv.lock';
  if (n === 'pipfile.lock') return 'Pipfile.lock';
  if (n === 'go.mod') return 'go.mod';
  if (n === 'go.sum') return 'go.sum';
  if (n === 'cargo.lock') return 'Cargo.lock';
  if (n.endsWith('gemfile.lock') || n === 'gems.locked') return 'Gemfile.lock';
  if (n.endsWith('composer.lock')) return 'composer.lock';
  if (n.endsWith('.cdx.json') || n === 'bom.json' || n.endsWith('.cyclonedx.json'))
    return 'cyclonedx.json';
  return undefined;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** Decode lockfile bytes: a BOM picks UTF-16 LE/BE or UTF-8; otherwise strict UTF-8. */
export function decodeLockfile(bytes: Uint8Array): DecodeResult {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
    if (text.includes('\u0000'))
      return { ok: false, reason: 'binary data (NUL bytes), not a lockfile' };
    return { ok: true, text };
  } catch {
    return { ok: false, reason: `not valid ${encoding.toUpperCase()} text` };
  }
}

/** Decode and parse one lockfile. */
export function parseLockfile(kind: LockfileKind, bytes: Uint8Array): LockfileParse {
  const decoded = decodeLockfile(bytes);
  if (!decoded.ok) return decoded;
  return PARSERS[kind](decoded.text);
}
