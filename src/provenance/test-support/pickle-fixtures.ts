/**
 * A tiny pickle writer for test fixtures (no Python needed): opcodes as bytes, so tests
 * can build exactly the malicious streams scanners have been bypassed with.
 */
export class PickleWriter {
  private readonly parts: Buffer[] = [];

  /** Raw opcode bytes. */
  op(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }
  private raw(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
  proto(n = 4) {
    return this.op(0x80, n);
  }
  /** GLOBAL: `c module\nname\n`. */
  global(module: string, name: string) {
    return this.raw(Buffer.from(`c${module}\n${name}\n`, 'latin1'));
  }
  /** INST: `i module\nname\n` (instantiates with the marked items). */
  inst(module: string, name: string) {
    return this.raw(Buffer.from(`i${module}\n${name}\n`, 'latin1'));
  }
  str(s: string) {
    const b = Buffer.from(s, 'utf8');
    return this.op(0x8c, b.length).raw(b);
  }
  /** Protocol 0 STRING. */
  str0(s: string) {
    return this.raw(Buffer.from(`S'${s}'\n`, 'latin1'));
  }
  int(n: number) {
    return this.op(0x4b, n);
  }
  stackGlobal() {
    return this.op(0x93);
  }
  mark() {
    return this.op(0x28);
  }
  tuple() {
    return this.op(0x74);
  }
  tuple1() {
    return this.op(0x85);
  }
  emptyTuple() {
    return this.op(0x29);
  }
  emptyDict() {
    return this.op(0x7d);
  }
  setitem() {
    return this.op(0x73);
  }
  reduce() {
    return this.op(0x52);
  }
  build() {
    return this.op(0x62);
  }
  binput(i: number) {
    return this.op(0x71, i);
  }
  binget(i: number) {
    return this.op(0x68, i);
  }
  memoize() {
    return this.op(0x94);
  }
  pop() {
    return this.op(0x30);
  }
  ext1(code: number) {
    return this.op(0x82, code);
  }
  persid() {
    return this.op(0x51);
  }
  stop() {
    return this.op(0x2e);
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export const pickle = () => new PickleWriter();

/** What a PyTorch `state_dict` pickle looks like: an OrderedDict of rebuilt tensors. */
export function torchStateDict(): Buffer {
  return pickle()
    .proto(2)
    .global('collections', 'OrderedDict')
    .emptyTuple()
    .reduce()
    .binput(0)
    .str('layer.weight')
    .global('torch._utils', '_rebuild_tensor_v2')
    .mark()
    .mark()
    .str('storage')
    .global('torch', 'FloatStorage')
    .str('0')
    .str('cpu')
    .int(4)
    .tuple()
    .persid()
    .int(0)
    .mark()
    .int(2)
    .int(2)
    .tuple()
    .mark()
    .int(2)
    .int(1)
    .tuple()
    .op(0x89)
    .global('collections', 'OrderedDict')
    .emptyTuple()
    .reduce()
    .tuple()
    .reduce()
    .setitem()
    .stop()
    .bytes();
}

/** A minimal zip archive (local headers, central directory, end record); method 0 or 8. */
export function zipArchive(
  entries: { name: string; data: Buffer; deflated?: Buffer; declaredSize?: number }[],
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflated ?? e.data;
    const method = e.deflated === undefined ? 0 : 8;
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
