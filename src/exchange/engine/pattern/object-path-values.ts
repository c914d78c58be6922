/**
 * Selects the values an object path names within one SCO, following `_ref` / `_refs`
 * properties to other SCOs of the same observation and `[*]` into every list element.
 * Properties ending in `_hex` or `_bin` come back as bytes, so they compare with h'…' / b'…'.
 */
import { decodeBase64, decodeHex } from './binary-codec.js';
import type { Sco } from './observation-input.js';
import type { PathStep } from './pattern-ast.js';

/**
 * Most values one path may select. Reference lists can point at the same object many times, so
 * `a_refs[*].b_refs[*]…` on hostile data could otherwise multiply without bound.
 */
export const MAX_PATH_VALUES = 10_000;

interface Selected {
  readonly value: unknown;
  /** The value is an object id reached through a `_ref` / `_refs` property. */
  readonly isReference: boolean;
  readonly key: string;
}

export function selectPathValues(
  root: Sco,
  steps: readonly PathStep[],
  objects: Readonly<Record<string, Sco>>,
): unknown[] {
  let current: Selected[] = [{ value: root, isReference: false, key: '' }];
  for (const step of steps) {
    const next: Selected[] = [];
    for (const item of current) {
      if (next.length >= MAX_PATH_VALUES) break;
      if (step.kind === 'key') stepKey(item, step.name, objects, next);
      else stepIndex(item, step.index, next);
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current.map(decodeSuffixed);
}

function stepKey(
  item: Selected,
  name: string,
  objects: Readonly<Record<string, Sco>>,
  out: Selected[],
): void {
  let target = item.value;
  if (item.isReference && typeof target === 'string') {
    target = Object.hasOwn(objects, target) ? objects[target] : undefined;
  }
  if (!isRecord(target) || !Object.hasOwn(target, name)) return;
  out.push({ value: target[name], isReference: /_refs?$/.test(name), key: name });
}

function stepIndex(item: Selected, index: number | '*', out: Selected[]): void {
  if (!Array.isArray(item.value)) return;
  const list: readonly unknown[] = item.value;
  if (index === '*') {
    const room = MAX_PATH_VALUES - out.length;
    for (const value of list.slice(0, room)) out.push({ ...item, value });
  } else if (index < list.length) {
    out.push({ ...item, value: list[index] });
  }
}

function decodeSuffixed(item: Selected): unknown {
  if (typeof item.value !== 'string') return item.value;
  if (item.key.endsWith('_hex')) return decodeHex(item.value) ?? item.value;
  if (item.key.endsWith('_bin')) return decodeBase64(item.value) ?? item.value;
  return item.value;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
