/**
 * The pickle reader against the bypasses blocklist scanners have fallen to: memo tricks,
 * STACK_GLOBAL with computed names, getattr chains, nested pickle loads, allowed modules
 * used as gadgets, protocol-0 INST, the extension registry, and malformed streams.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickle, torchStateDict } from '../test-support/pickle-fixtures.js';
import { scanPickle } from './pickle-scanner.js';

const details = (b: Buffer) =>
  scanPickle(b).findings.map((f) => `${f.opcode}@${f.offset}: ${f.detail}`);

describe('pickle scanner', () => {
  it('passes a PyTorch state_dict and a scikit-learn estimator', () => {
    const sd = scanPickle(torchStateDict());
    expect(sd.findings).toEqual([]);
    expect(sd.globals).toContain('torch._utils._rebuild_tensor_v2');
    const sk = pickle()
      .proto(4)
      .global('sklearn.linear_model._logistic', 'LogisticRegression')
      .emptyTuple()
      .op(0x81) // NEWOBJ
      .emptyDict()
      .build()
      .stop()
      .bytes();
    expect(scanPickle(sk).findings).toEqual([]);
  });

  it('flags os.system via GLOBAL, with opcode and byte offset', () => {
    const evil = pickle()
      .proto(2)
      .global('os', 'system')
      .str('id')
      .tuple1()
      .reduce()
      .stop()
      .bytes();
    const [f] = scanPickle(evil).findings;
    expect(f).toMatchObject({ opcode: 'GLOBAL', offset: 2 });
    expect(f?.detail).toContain('os.system');
  });

  it('flags protocol-0 INST and builtins eval through STACK_GLOBAL', () => {
    const inst = pickle().mark().str0('id').inst('subprocess', 'check_output').stop().bytes();
    expect(details(inst).join()).toContain('INST');
    const sg = pickle()
      .proto(4)
      .str('builtins')
      .str('eval')
      .stackGlobal()
      .str('1+1')
      .tuple1()
      .reduce()
      .stop()
      .bytes();
    expect(details(sg).join()).toContain('builtins.eval');
  });

  it('resolves memo tricks: names hidden in the memo are still seen', () => {
    const b = pickle()
      .proto(4)
      .str('os')
      .memoize() // memo[0] = 'os'
      .pop()
      .str('torch') // a decoy
      .binput(5)
      .pop()
      .str('system')
      .binput(7)
      .pop()
      .binget(0)
      .binget(7)
      .stackGlobal()
      .str('id')
      .tuple1()
      .reduce()
      .stop()
      .bytes();
    expect(details(b).join()).toContain('os.system');
  });

  it('flags STACK_GLOBAL whose name is computed by a call', () => {
    // module name produced by calling an allowed function: the scanner cannot know it.
    const b = pickle()
      .proto(4)
      .global('_codecs', 'encode')
      .str('os')
      .str('latin1')
      .mark()
      .tuple()
      .reduce()
      .str('system')
      .stackGlobal()
      .stop()
      .bytes();
    expect(details(b).join()).toContain('computed');
  });

  it('flags getattr chains, nested loads and allowed modules used as gadgets', () => {
    for (const [m, n] of [
      ['builtins', 'getattr'],
      ['pickle', 'loads'],
      ['_pickle', 'loads'],
      ['torch', 'load'],
      ['torch.storage', '_load_from_bytes'],
      ['numpy', 'load'],
      ['numpy.testing._private.utils', 'runstring'],
      ['sklearn.utils', 'check_array'],
      ['importlib', 'import_module'],
      ['socket', 'create_connection'],
      ['runpy', '_run_code'],
    ] as const) {
      const b = pickle().proto(4).global(m, n).emptyTuple().reduce().stop().bytes();
      expect(details(b).join(), `${m}.${n}`).toContain(`${m}.${n}`);
    }
  });

  it('flags the copyreg extension registry', () => {
    expect(details(pickle().proto(2).ext1(1).stop().bytes()).join()).toContain('extension');
  });

  it('treats malformed and truncated streams as unsafe, and never throws or hangs', () => {
    const good = torchStateDict();
    for (let cut = 1; cut < good.length; cut += 7) {
      expect(scanPickle(good.subarray(0, cut)).findings.length).toBeGreaterThan(0);
    }
    expect(details(Buffer.from([0x80, 0x04, 0xff])).join()).toContain('unknown opcode');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const scan = scanPickle(bytes);
        // Anything that does not end cleanly is a finding.
        return scan.end >= 0 || scan.findings.length > 0;
      }),
      { numRuns: 2000 },
    );
  });
});
