/**
 * PEP 440 versions (PyPI): epochs, release segments, pre-, post- and dev-releases and local
 * versions, with the ordering of the reference implementation (`packaging.version`).
 * The parser is a hand-written scanner over bounded input: linear time.
 */
import { compareNumeric } from './semver-version.js';

export interface Pep440 {
  readonly epoch: string;
  /** Release numbers without leading zeros (trailing zeros kept for printing). */
  readonly release: readonly string[];
  readonly pre: { readonly kind: 'a' | 'b' | 'rc'; readonly n: string } | undefined;
  readonly post: string | undefined;
  readonly dev: string | undefined;
  readonly local: readonly string[];
}

const MAX_LENGTH = 256;
const PRE_WORDS: Record<string, 'a' | 'b' | 'rc'> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

// One linear regex over lowercase, bounded text: no nested quantifiers over overlapping classes.
const PEP440 =
  /^v?(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)(?:[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?([0-9]+)?)?(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?(?:[-_.]?(dev)[-_.]?([0-9]+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/;

function num(s: string | undefined): string {
  const t = (s ?? '0').replace(/^0+/, '');
  return t === '' ? '0' : t;
}

/** Parse a PEP 440 version; undefined when it is not one. */
export function parsePep440(text: string): Pep440 | undefined {
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  const m = PEP440.exec(text.trim().toLowerCase());
  if (m === null) return undefined;
  const [, epoch, release, preWord, preN, postImplicit, postWord, postN, dev, devN, local] = m;
  const preKind = preWord === undefined ? undefined : PRE_WORDS[preWord];
  return {
    epoch: num(epoch),
    release: (release as string).split('.').map((p) => num(p)),
    pre: preKind === undefined ? undefined : { kind: preKind, n: num(preN) },
    post:
      postImplicit !== undefined
        ? num(postImplicit)
        : postWord !== undefined
          ? num(postN)
          : undefined,
    dev: dev === undefined ? undefined : num(devN),
    local: local === undefined ? [] : local.split(/[-_.]/),
  };
}

const PRE_RANK = { a: 0, b: 1, rc: 2 } as const;

function compareRelease(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareNumeric(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
}

/** Rank of the pre-release part: a dev-only release sorts before every pre-release. */
function preKey(v: Pep440): [number, number, string] {
  if (v.pre === undefined && v.post === undefined && v.dev !== undefined) return [-1, 0, '0'];
  if (v.pre === undefined) return [1, 0, '0'];
  return [0, PRE_RANK[v.pre.kind], v.pre.n];
}

function compareLocal(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    let c: number;
    if (xn && yn) c = compareNumeric(num(x), num(y));
    else if (xn !== yn) c = xn ? 1 : -1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** PEP 440 ordering: -1, 0 or 1. */
export function comparePep440(a: Pep440, b: Pep440): number {
  let c = compareNumeric(a.epoch, b.epoch) || compareRelease(a.release, b.release);
  if (c !== 0) return c;
  const [ar, ak, an] = preKey(a);
  const [br, bk, bn] = preKey(b);
  c = ar - br || ak - bk || compareNumeric(an, bn);
  if (c !== 0) return Math.sign(c);
  // No post-release sorts before any post-release.
  if (a.post !== b.post) {
    if (a.post === undefined) return -1;
    if (b.post === undefined) return 1;
    c = compareNumeric(a.post, b.post);
    if (c !== 0) return c;
  }
  // No dev-release sorts after any dev-release.
  if (a.dev !== b.dev) {
    if (a.dev === undefined) return 1;
    if (b.dev === undefined) return -1;
    c = compareNumeric(a.dev, b.dev);
    if (c !== 0) return c;
  }
  return compareLocal(a.local, b.local);
}

/** Print in normalized PEP 440 form (`1!2.0rc1.post2.dev3+local.1`). */
export function printPep440(v: Pep440): string {
  const epoch = v.epoch === '0' ? '' : `${v.epoch}!`;
  const pre = v.pre === undefined ? '' : `${v.pre.kind}${v.pre.n}`;
  const post = v.post === undefined ? '' : `.post${v.post}`;
  const dev = v.dev === undefined ? '' : `.dev${v.dev}`;
  const local = v.local.length === 0 ? '' : `+${v.local.join('.')}`;
  return `${epoch}${v.release.join('.')}${pre}${post}${dev}${local}`;
}
