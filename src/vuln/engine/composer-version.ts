/**
 * Composer (Packagist) versions: up to four numeric parts and a stability suffix, ordered
 * dev < alpha < beta < RC < stable < patch (`1.2.3-beta2`, `v2.0.0-RC1`, `1.0.0-p1`), as
 * Composer's own version parser normalizes them. Branch names (`dev-main`) are not versions.
 */
import { compareNumeric } from './semver-version.js';

export type Stability = 'dev' | 'alpha' | 'beta' | 'RC' | 'stable' | 'patch';
export interface ComposerVersion {
  readonly parts: readonly string[];
  readonly stability: Stability;
  readonly n: string;
}

const MAX_LENGTH = 256;
const RANK: Record<Stability, number> = { dev: 0, alpha: 1, beta: 2, RC: 3, stable: 4, patch: 5 };
const WORDS: Record<string, Stability> = {
  dev: 'dev',
  a: 'alpha',
  alpha: 'alpha',
  b: 'beta',
  beta: 'beta',
  rc: 'RC',
  p: 'patch',
  pl: 'patch',
  patch: 'patch',
};
const COMPOSER =
  /^v?([0-9]+(?:\.[0-9]+){0,3})(?:[-._]?(stable|beta|b|rc|alpha|a|patch|pl|p|dev)(?:[.-]?([0-9]+))?)?$/;

/** Parse a Composer version; undefined for branches and anything else. */
export function parseComposerVersion(text: string): ComposerVersion | undefined {
  const t = text.trim().toLowerCase();
  if (t.length === 0 || t.length > MAX_LENGTH) return undefined;
  const m = COMPOSER.exec(t);
  if (m === null) return undefined;
  const parts = (m[1] as string).split('.').map((p) => p.replace(/^0+(?=.)/, ''));
  while (parts.length < 4) parts.push('0');
  const stability = m[2] === undefined ? 'stable' : (WORDS[m[2]] ?? 'stable');
  const n = stability === 'stable' ? '0' : (m[3] ?? '0').replace(/^0+(?=.)/, '');
  return { parts, stability, n };
}

/** Composer ordering: -1, 0 or 1. */
export function compareComposerVersion(a: ComposerVersion, b: ComposerVersion): number {
  for (let i = 0; i < 4; i++) {
    const c = compareNumeric(a.parts[i] ?? '0', b.parts[i] ?? '0');
    if (c !== 0) return c;
  }
  const r = RANK[a.stability] - RANK[b.stability];
  if (r !== 0) return Math.sign(r);
  return compareNumeric(a.n, b.n);
}

/** Print in Composer's normalized form (`1.2.3.0-beta2`). */
export function printComposerVersion(v: ComposerVersion): string {
  const suffix = v.stability === 'stable' ? '' : `-${v.stability}${v.n === '0' ? '' : v.n}`;
  return `${v.parts.join('.')}${suffix}`;
}
