/**
 * Compiles a regex syntax tree to a Thompson NFA program and runs it as a Pike VM: all threads
 * advance together one code point at a time, so a search costs O(text length × program size)
 * whatever the expression. `(a*)*b` against 30,000 `a`s is as cheap as `ab`. Only a yes/no
 * answer is needed, so threads carry no captures and thread priority (greedy vs lazy) is moot.
 */

import type { Assertion, CharSet, ParsedRegex, RegexNode } from './regex-ast.js';
import { isWordChar, setContains } from './regex-charsets.js';
import { REGEX_LIMITS, RegexError } from './regex-error.js';

const SET = 0;
const SPLIT = 1;
const JMP = 2;
const ASSERT = 3;
const MATCH = 4;

const ASSERTIONS: readonly Assertion[] = [
  'start',
  'line-start',
  'line-end',
  'end',
  'end-text',
  'word-boundary',
  'not-word-boundary',
];

export interface RegexProgram {
  readonly op: Uint8Array;
  /** SET: index into `sets`; SPLIT and JMP: first target; ASSERT: index into ASSERTIONS. */
  readonly a: Int32Array;
  /** SPLIT: second target. */
  readonly b: Int32Array;
  readonly sets: readonly CharSet[];
  readonly caseInsensitive: boolean;
  /** Membership of code points 0–127 in each set, precomputed: most indicator text is ASCII. */
  readonly ascii: Uint8Array;
}

export function compileRegex(parsed: ParsedRegex): RegexProgram {
  const size = programSize(parsed.node) + 1;
  const op = new Uint8Array(size);
  const a = new Int32Array(size);
  const b = new Int32Array(size);
  const sets: CharSet[] = [];
  let pc = 0;
  const emit = (code: number, x = 0, y = 0): number => {
    op[pc] = code;
    a[pc] = x;
    b[pc] = y;
    return pc++;
  };
  const gen = (node: RegexNode): void => {
    switch (node.kind) {
      case 'empty':
        return;
      case 'set':
        sets.push(node.set);
        emit(SET, sets.length - 1);
        return;
      case 'assert':
        emit(ASSERT, ASSERTIONS.indexOf(node.assertion));
        return;
      case 'concat':
        for (const item of node.items) gen(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          const last = i === node.options.length - 1;
          const split = last ? -1 : emit(SPLIT);
          if (split >= 0) a[split] = pc;
          gen(option);
          if (!last) jumps.push(emit(JMP));
          if (split >= 0) b[split] = pc;
        });
        for (const j of jumps) a[j] = pc;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) gen(node.node);
        if (node.max === null) {
          const loop = emit(SPLIT);
          a[loop] = pc;
          gen(node.node);
          emit(JMP, loop);
          b[loop] = pc;
          return;
        }
        const splits: number[] = [];
        for (let i = node.min; i < node.max; i++) {
          const split = emit(SPLIT);
          a[split] = pc;
          splits.push(split);
          gen(node.node);
        }
        for (const s of splits) b[s] = pc;
        return;
      }
    }
  };
  gen(parsed.node);
  emit(MATCH);
  const ascii = new Uint8Array(sets.length * 128);
  sets.forEach((set, i) => {
    for (let c = 0; c < 128; c++)
      ascii[i * 128 + c] = setContains(set, c, parsed.caseInsensitive) ? 1 : 0;
  });
  return { op, a, b, sets, caseInsensitive: parsed.caseInsensitive, ascii };
}

/** Instructions `node` compiles to; throws once the bound is passed, before anything is built. */
function programSize(node: RegexNode): number {
  const limit = REGEX_LIMITS.maxProgram;
  const check = (n: number): number => {
    if (n > limit) {
      throw new RegexError(
        `The regular expression is too large once its repetitions are expanded (limit ${limit} steps).`,
        0,
      );
    }
    return n;
  };
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'set':
    case 'assert':
      return 1;
    case 'concat':
      return check(node.items.reduce((sum, item) => check(sum + programSize(item)), 0));
    case 'alt':
      return check(node.options.reduce((sum, o) => check(sum + programSize(o) + 2), 0));
    case 'repeat': {
      const body = programSize(node.node);
      const optional = node.max === null ? body + 2 : (node.max - node.min) * (body + 1);
      return check(node.min * body + optional);
    }
  }
}

/** Sparse set of program counters with O(1) insert, membership and clear. */
class ThreadList {
  readonly dense: Int32Array;
  private readonly sparse: Int32Array;
  size = 0;

  constructor(n: number) {
    this.dense = new Int32Array(n);
    this.sparse = new Int32Array(n);
  }

  has(pc: number): boolean {
    const i = this.sparse[pc] as number;
    return i < this.size && this.dense[i] === pc;
  }

  add(pc: number): void {
    this.sparse[pc] = this.size;
    this.dense[this.size++] = pc;
  }
}

/** Is there a match anywhere in `text`? */
export function runRegex(program: RegexProgram, text: string): boolean {
  const n = program.op.length;
  let current = new ThreadList(n);
  let next = new ThreadList(n);
  // Each instruction enters a list once and pushes at most two successors.
  const stack = new Int32Array(2 * n + 2);
  let prev: number | undefined;
  let i = 0;
  for (;;) {
    const c = text.codePointAt(i);
    // Unanchored search: a new thread starts at every position.
    if (addThread(program, current, stack, 0, prev, c, text, i)) return true;
    if (c === undefined) return false;
    const width = c > 0xffff ? 2 : 1;
    const after = text.codePointAt(i + width);
    next.size = 0;
    for (let t = 0; t < current.size; t++) {
      const pc = current.dense[t] as number;
      if (program.op[pc] !== SET) continue;
      const setIndex = program.a[pc] as number;
      const hit =
        c < 128
          ? program.ascii[setIndex * 128 + c] === 1
          : setContains(program.sets[setIndex] as CharSet, c, program.caseInsensitive);
      if (hit) {
        if (addThread(program, next, stack, pc + 1, c, after, text, i + width)) return true;
      }
    }
    [current, next] = [next, current];
    prev = c;
    i += width;
  }
}

/** Adds `start` and everything reachable from it without consuming input; true on MATCH. */
function addThread(
  p: RegexProgram,
  list: ThreadList,
  stack: Int32Array,
  start: number,
  prev: number | undefined,
  c: number | undefined,
  text: string,
  at: number,
): boolean {
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const pc = stack[--top] as number;
    if (list.has(pc)) continue;
    list.add(pc);
    switch (p.op[pc]) {
      case MATCH:
        return true;
      case JMP:
        stack[top++] = p.a[pc] as number;
        break;
      case SPLIT:
        stack[top++] = p.b[pc] as number;
        stack[top++] = p.a[pc] as number;
        break;
      case ASSERT:
        if (assertionHolds(ASSERTIONS[p.a[pc] as number] as Assertion, prev, c, text, at)) {
          stack[top++] = pc + 1;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

function assertionHolds(
  assertion: Assertion,
  prev: number | undefined,
  c: number | undefined,
  text: string,
  at: number,
): boolean {
  switch (assertion) {
    case 'start':
      return at === 0;
    case 'line-start':
      return at === 0 || prev === 10;
    case 'line-end':
      return c === undefined || c === 10;
    case 'end-text':
      return c === undefined;
    case 'end':
      return c === undefined || (c === 10 && at === text.length - 1);
    case 'word-boundary':
      return isWordChar(prev) !== isWordChar(c);
    case 'not-word-boundary':
      return isWordChar(prev) === isWordChar(c);
  }
}
