/**
 * Read a pickle opcode stream without executing it. The stack and memo are simulated just
 * enough to know exactly which global every GLOBAL, INST and STACK_GLOBAL imports, so memo
 * tricks (PUT/GET of the module and name strings) resolve like the real unpickler would.
 * Every import outside the allowlist is a finding with its opcode and byte offset; a name
 * that is not a literal string (computed by a call), extension-registry imports, and any
 * stream that cannot be parsed are findings too. Linear in the input; no recursion.
 */
import { isAllowedGlobal } from './pickle-allowlist.js';

export interface PickleFinding {
  /** Byte offset of the opcode in the scanned buffer. */
  readonly offset: number;
  readonly opcode: string;
  readonly detail: string;
}

export interface PickleScan {
  readonly findings: readonly PickleFinding[];
  /** Every global imported (allowed or not), `module.name`. */
  readonly globals: readonly string[];
  /** Offset just after STOP (where a following pickle would start), or -1 when unparsed. */
  readonly end: number;
}

type Value =
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'global'; readonly v: string }
  | { readonly t: 'other' };

const OTHER: Value = { t: 'other' };
/** Bounds on hostile input. */
export const MAX_OPS = 50_000_000;
const MAX_MEMO = 10_000_000;

class Truncated extends Error {}

/** Scan one pickle starting at `start`. */
export function scanPickle(data: Uint8Array, start = 0): PickleScan {
  const findings: PickleFinding[] = [];
  const globals: string[] = [];
  let stack: Value[] = [];
  const marks: Value[][] = [];
  const memo = new Map<number, Value>();
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let pos = start;
  let ops = 0;

  const need = (n: number) => {
    if (n < 0 || pos + n > data.length) throw new Truncated();
  };
  const u8 = () => {
    need(1);
    return data[pos++] as number;
  };
  const uint = (n: number) => {
    need(n);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + (data[pos + i] as number);
    pos += n;
    if (!Number.isSafeInteger(v)) throw new Truncated();
    return v;
  };
  const bytes = (n: number) => {
    need(n);
    const out = data.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const line = () => {
    const nl = data.indexOf(0x0a, pos);
    if (nl < 0) throw new Truncated();
    const out = latin1.decode(data.subarray(pos, nl));
    pos = nl + 1;
    return out;
  };
  const pop = (): Value => {
    const v = stack.pop();
    if (v === undefined) throw new Truncated();
    return v;
  };
  const popMark = (): Value[] => {
    const items = stack;
    const prev = marks.pop();
    if (prev === undefined) throw new Truncated();
    stack = prev;
    return items;
  };
  const flag = (offset: number, opcode: string, detail: string) => {
    if (findings.length < 1000) findings.push({ offset, opcode, detail });
  };
  const imported = (offset: number, opcode: string, module: string, name: string): Value => {
    const full = `${module}.${name}`;
    if (globals.length < 10_000) globals.push(full);
    if (!isAllowedGlobal(module, name))
      flag(offset, opcode, `imports ${full}, which is not on the allowlist`);
    return { t: 'global', v: full };
  };
  const store = (index: number) => {
    const top = stack[stack.length - 1];
    if (top === undefined || memo.size >= MAX_MEMO) throw new Truncated();
    memo.set(index, top);
  };
  const memoGet = (index: number) => {
    const v = memo.get(index);
    if (v === undefined) throw new Truncated();
    stack.push(v);
  };

  try {
    for (;;) {
      if (++ops > MAX_OPS) {
        flag(pos, 'limit', 'too many opcodes to scan');
        return { findings, globals, end: -1 };
      }
      const at = pos;
      const op = u8();
      switch (op) {
        case 0x2e: // STOP
          if (stack.length !== 1 || marks.length !== 0) throw new Truncated();
          return { findings, globals, end: pos };
        case 0x80: // PROTO
          if (u8() > 5) throw new Truncated();
          break;
        case 0x95: // FRAME
          uint(8);
          break;
        case 0x28: // MARK
          marks.push(stack);
          stack = [];
          break;
        case 0x30: // POP
          if (stack.length > 0) stack.pop();
          else popMark();
          break;
        case 0x31: // POP_MARK
          popMark();
          break;
        case 0x32: {
          // DUP
          const top = stack[stack.length - 1];
          if (top === undefined) throw new Truncated();
          stack.push(top);
          break;
        }
        case 0x4e: // NONE
        case 0x88: // NEWTRUE
        case 0x89: // NEWFALSE
        case 0x29: // EMPTY_TUPLE
        case 0x5d: // EMPTY_LIST
        case 0x7d: // EMPTY_DICT
        case 0x8f: // EMPTY_SET
          stack.push(OTHER);
          break;
        case 0x46: // FLOAT
        case 0x49: // INT
        case 0x4c: // LONG
          line();
          stack.push(OTHER);
          break;
        case 0x47: // BINFLOAT
          bytes(8);
          stack.push(OTHER);
          break;
        case 0x4a: // BININT
          bytes(4);
          stack.push(OTHER);
          break;
        case 0x4b: // BININT1
          bytes(1);
          stack.push(OTHER);
          break;
        case 0x4d: // BININT2
          bytes(2);
          stack.push(OTHER);
          break;
        case 0x8a: // LONG1
          bytes(u8());
          stack.push(OTHER);
          break;
        case 0x8b: // LONG4
          bytes(uint(4));
          stack.push(OTHER);
          break;
        case 0x53: {
          // STRING (protocol 0, quoted repr)
          const s = line();
          const m = /^(['"])(.*)\1$/s.exec(s);
          if (m === null) throw new Truncated();
          stack.push({ t: 'str', v: m[2] as string });
          break;
        }
        case 0x54: // BINSTRING
          stack.push({ t: 'str', v: latin1.decode(bytes(uint(4))) });
          break;
        case 0x55: // SHORT_BINSTRING
          stack.push({ t: 'str', v: latin1.decode(bytes(u8())) });
          break;
        case 0x56: // UNICODE (raw-unicode-escape, one line)
          stack.push({ t: 'str', v: line() });
          break;
        case 0x58: // BINUNICODE
          stack.push({ t: 'str', v: utf8.decode(bytes(uint(4))) });
          break;
        case 0x8c: // SHORT_BINUNICODE
          stack.push({ t: 'str', v: utf8.decode(bytes(u8())) });
          break;
        case 0x8d: // BINUNICODE8
          stack.push({ t: 'str', v: utf8.decode(bytes(uint(8))) });
          break;
        case 0x42: // BINBYTES
          bytes(uint(4));
          stack.push(OTHER);
          break;
        case 0x43: // SHORT_BINBYTES
          bytes(u8());
          stack.push(OTHER);
          break;
        case 0x8e: // BINBYTES8
        case 0x96: // BYTEARRAY8
          bytes(uint(8));
          stack.push(OTHER);
          break;
        case 0x97: // NEXT_BUFFER (out-of-band buffer)
          stack.push(OTHER);
          break;
        case 0x98: // READONLY_BUFFER
          if (stack.length === 0) throw new Truncated();
          break;
        case 0x50: // PERSID
          line();
          stack.push(OTHER);
          break;
        case 0x51: // BINPERSID
          pop();
          stack.push(OTHER);
          break;
        case 0x63: {
          // GLOBAL
          const module = line();
          const name = line();
          stack.push(imported(at, 'GLOBAL', module, name));
          break;
        }
        case 0x69: {
          // INST: imports and instantiates with the marked items
          const module = line();
          const name = line();
          imported(at, 'INST', module, name);
          popMark();
          stack.push(OTHER);
          break;
        }
        case 0x93: {
          // STACK_GLOBAL
          const name = pop();
          const module = pop();
          if (module.t !== 'str' || name.t !== 'str') {
            flag(
              at,
              'STACK_GLOBAL',
              'imports a global whose name is computed, not a literal string',
            );
            stack.push(OTHER);
          } else {
            stack.push(imported(at, 'STACK_GLOBAL', module.v, name.v));
          }
          break;
        }
        case 0x82: // EXT1
        case 0x83: // EXT2
        case 0x84: {
          // EXT4
          uint(op === 0x82 ? 1 : op === 0x83 ? 2 : 4);
          flag(at, 'EXT', 'imports a global through the copyreg extension registry');
          stack.push(OTHER);
          break;
        }
        case 0x52: // REDUCE: call(args)
          pop();
          pop();
          stack.push(OTHER);
          break;
        case 0x81: // NEWOBJ: cls.__new__(cls, *args)
          pop();
          pop();
          stack.push(OTHER);
          break;
        case 0x92: // NEWOBJ_EX
          pop();
          pop();
          pop();
          stack.push(OTHER);
          break;
        case 0x6f: {
          // OBJ: cls and args after the mark
          const items = popMark();
          if (items.length === 0) throw new Truncated();
          stack.push(OTHER);
          break;
        }
        case 0x62: // BUILD
          pop();
          if (stack.length === 0) throw new Truncated();
          break;
        case 0x61: // APPEND
          pop();
          if (stack.length === 0) throw new Truncated();
          break;
        case 0x73: // SETITEM
          pop();
          pop();
          if (stack.length === 0) throw new Truncated();
          break;
        case 0x65: // APPENDS
        case 0x75: // SETITEMS
        case 0x90: // ADDITEMS
          popMark();
          if (stack.length === 0) throw new Truncated();
          break;
        case 0x74: // TUPLE
        case 0x6c: // LIST
        case 0x64: // DICT
        case 0x91: // FROZENSET
          popMark();
          stack.push(OTHER);
          break;
        case 0x85: // TUPLE1
          pop();
          stack.push(OTHER);
          break;
        case 0x86: // TUPLE2
          pop();
          pop();
          stack.push(OTHER);
          break;
        case 0x87: // TUPLE3
          pop();
          pop();
          pop();
          stack.push(OTHER);
          break;
        case 0x70: // PUT
          store(Number.parseInt(line(), 10));
          break;
        case 0x71: // BINPUT
          store(u8());
          break;
        case 0x72: // LONG_BINPUT
          store(uint(4));
          break;
        case 0x94: // MEMOIZE
          store(memo.size);
          break;
        case 0x67: // GET
          memoGet(Number.parseInt(line(), 10));
          break;
        case 0x68: // BINGET
          memoGet(u8());
          break;
        case 0x6a: // LONG_BINGET
          memoGet(uint(4));
          break;
        default:
          flag(
            at,
            `0x${op.toString(16).padStart(2, '0')}`,
            'unknown opcode: the stream cannot be parsed',
          );
          return { findings, globals, end: -1 };
      }
    }
  } catch (err) {
    if (!(err instanceof Truncated) && !(err instanceof TypeError)) throw err;
    flag(pos, 'parse', 'the pickle is malformed or truncated and cannot be parsed');
    return { findings, globals, end: -1 };
  }
}
