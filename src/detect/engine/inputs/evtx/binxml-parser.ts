/**
 * Binary XML (BinXML) of one EVTX chunk to an element tree. Names and template definitions are
 * stored once per chunk and referenced by chunk offset; a record is usually one template instance
 * (the event's XML skeleton) plus its substitution values, which may themselves be BinXML.
 * Every read is bounds-checked and recursion is bounded: a damaged record throws EvtxFormatError,
 * which the chunk reader turns into a reported problem for that record only.
 */
import { EvtxFormatError } from './evtx-errors.js';
import { decodeValue, type EvtxValue, readUtf16, VALUE_TYPE } from './evtx-values.js';

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
}
export interface XmlAttribute {
  readonly name: string;
  readonly parts: readonly XmlNode[];
}
export interface XmlValue {
  readonly kind: 'value';
  readonly value: EvtxValue;
}
/** A placeholder inside a template definition, filled from the instance's values. */
export interface XmlSubstitution {
  readonly kind: 'sub';
  readonly index: number;
  readonly optional: boolean;
}
export type XmlNode = XmlElement | XmlValue | XmlSubstitution;

type Filled = { kind: 'value'; value: EvtxValue } | { kind: 'xml'; nodes: XmlNode[] };

const MAX_DEPTH = 48;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export class BinXmlParser {
  private readonly view: DataView;
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, readonly XmlNode[]>();
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Parse the BinXML fragment at [start, end) of the chunk into concrete nodes. */
  parseFragment(start: number, end: number, depth = 0): XmlNode[] {
    if (depth > MAX_DEPTH) throw new EvtxFormatError('BinXML is nested too deeply');
    const saved = this.pos;
    this.pos = start;
    try {
      return this.nodes(end, depth, false);
    } finally {
      this.pos = saved;
    }
  }

  private need(n: number, end: number): void {
    if (this.pos + n > end || this.pos + n > this.bytes.length) {
      throw new EvtxFormatError('BinXML runs past the end of its record');
    }
  }
  private u8(end: number): number {
    this.need(1, end);
    return this.view.getUint8(this.pos++);
  }
  private u16(end: number): number {
    this.need(2, end);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  private u32(end: number): number {
    this.need(4, end);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** Tokens until EndOfStream / EndElement (consumed) or `end`. */
  private nodes(end: number, depth: number, inElement: boolean): XmlNode[] {
    const out: XmlNode[] = [];
    while (this.pos < end) {
      const token = this.view.getUint8(this.pos);
      const base = token & 0x0f;
      if (token === 0x00 || base === 0x04) {
        this.pos += 1;
        if (base === 0x04 && !inElement)
          throw new EvtxFormatError('end of element without a start');
        return out;
      }
      if (base === 0x0f) {
        this.need(4, end);
        this.pos += 4;
      } else if (base === 0x01) out.push(this.element(end, depth + 1));
      else if (base === 0x0c) out.push(...this.templateInstance(end, depth + 1));
      else out.push(this.valueToken(end));
    }
    return out;
  }

  /** Text-like tokens: value text, substitutions, CDATA, character and entity references. */
  private valueToken(end: number): XmlNode {
    const token = this.u8(end);
    switch (token & 0x0f) {
      case 0x05: {
        const type = this.u8(end);
        if (type !== VALUE_TYPE.string) throw new EvtxFormatError('value text is not a string');
        return { kind: 'value', value: this.utf16(this.u16(end), end) };
      }
      case 0x0d:
      case 0x0e: {
        const index = this.u16(end);
        this.u8(end); // declared type; the instance's descriptor is what counts
        return { kind: 'sub', index, optional: (token & 0x0f) === 0x0e };
      }
      case 0x07:
        return { kind: 'value', value: this.utf16(this.u16(end), end) };
      case 0x08:
        return { kind: 'value', value: String.fromCharCode(this.u16(end)) };
      case 0x09: {
        const name = this.name(end);
        return { kind: 'value', value: ENTITIES[name] ?? `&${name};` };
      }
      case 0x0a:
        this.name(end);
        return { kind: 'value', value: null };
      case 0x0b:
        this.utf16(this.u16(end), end);
        return { kind: 'value', value: null };
      default:
        throw new EvtxFormatError(`BinXML token 0x${token.toString(16)} is not valid here`);
    }
  }

  private utf16(chars: number, end: number): string {
    this.need(chars * 2, end);
    const s = readUtf16(this.bytes, this.pos, chars);
    this.pos += chars * 2;
    return s;
  }

  /** A name: a chunk offset; when it points right here the name is stored inline and skipped. */
  private name(end: number): string {
    const offset = this.u32(end);
    if (offset === this.pos) {
      const s = this.nameAt(offset);
      this.pos += 10 + s.length * 2;
      return s;
    }
    return this.nameAt(offset);
  }

  private nameAt(offset: number): string {
    const cached = this.names.get(offset);
    if (cached !== undefined) return cached;
    if (offset + 8 > this.bytes.length)
      throw new EvtxFormatError('name offset is outside the chunk');
    const chars = this.view.getUint16(offset + 6, true);
    const s = readUtf16(this.bytes, offset + 8, chars);
    this.names.set(offset, s);
    return s;
  }

  private element(end: number, depth: number): XmlElement {
    if (depth > MAX_DEPTH) throw new EvtxFormatError('BinXML is nested too deeply');
    const token = this.u8(end);
    this.u16(end); // dependency identifier
    this.u32(end); // data size
    const name = this.name(end);
    const attributes: XmlAttribute[] = [];
    if (token & 0x40) {
      this.u32(end); // attribute list size
      while (this.pos < end && (this.view.getUint8(this.pos) & 0x0f) === 0x06) {
        this.pos += 1;
        const attrName = this.name(end);
        const parts: XmlNode[] = [];
        while (this.pos < end && isValueToken(this.view.getUint8(this.pos))) {
          parts.push(this.valueToken(end));
        }
        attributes.push({ name: attrName, parts });
      }
    }
    const close = this.u8(end);
    if (close === 0x03) return { kind: 'element', name, attributes, children: [] };
    if (close !== 0x02) throw new EvtxFormatError(`element ${name} is not closed properly`);
    return { kind: 'element', name, attributes, children: this.nodes(end, depth, true) };
  }

  private templateInstance(end: number, depth: number): XmlNode[] {
    if (depth > MAX_DEPTH) throw new EvtxFormatError('BinXML is nested too deeply');
    this.pos += 1;
    this.u8(end);
    this.u32(end); // template id
    const defOffset = this.u32(end);
    if (defOffset + 24 > this.bytes.length)
      throw new EvtxFormatError('template offset is outside the chunk');
    const dataSize = this.view.getUint32(defOffset + 20, true);
    if (defOffset === this.pos) {
      // Defined inline, here; skip over the definition to the values.
      this.need(24 + dataSize, end);
      this.pos += 24 + dataSize;
    }
    const body = this.template(defOffset, dataSize, depth);
    const count = this.u32(end);
    if (count > 4096) throw new EvtxFormatError('template instance has too many values');
    const descriptors: { size: number; type: number }[] = [];
    for (let i = 0; i < count; i++) {
      const size = this.u16(end);
      const type = this.u8(end);
      this.u8(end);
      descriptors.push({ size, type });
    }
    const values: Filled[] = [];
    for (const { size, type } of descriptors) {
      this.need(size, end);
      if (type === VALUE_TYPE.binXml) {
        values.push({
          kind: 'xml',
          nodes: size === 0 ? [] : this.parseFragment(this.pos, this.pos + size, depth + 1),
        });
      } else {
        values.push({
          kind: 'value',
          value: decodeValue(this.bytes, this.view, type, this.pos, size),
        });
      }
      this.pos += size;
    }
    return fill(body, values);
  }

  private template(defOffset: number, dataSize: number, depth: number): readonly XmlNode[] {
    const cached = this.templates.get(defOffset);
    if (cached !== undefined) return cached;
    const start = defOffset + 24;
    if (start + dataSize > this.bytes.length)
      throw new EvtxFormatError('template runs past the end of the chunk');
    const body = this.parseFragment(start, start + dataSize, depth);
    this.templates.set(defOffset, body);
    return body;
  }
}

function isValueToken(token: number): boolean {
  const base = token & 0x0f;
  return (
    base === 0x05 ||
    base === 0x0d ||
    base === 0x0e ||
    base === 0x08 ||
    base === 0x09 ||
    base === 0x07
  );
}

const isEmpty = (v: EvtxValue): boolean => v === null || (Array.isArray(v) && v.length === 0);

/** Put the instance's values into the template's substitution slots. Empty values leave no trace. */
function fill(nodes: readonly XmlNode[], values: readonly Filled[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'value') {
      if (node.value !== null) out.push(node);
    } else if (node.kind === 'sub') {
      const v = values[node.index];
      if (v === undefined) continue;
      if (v.kind === 'xml') out.push(...v.nodes);
      else if (!isEmpty(v.value)) out.push({ kind: 'value', value: v.value });
    } else {
      const attributes: XmlAttribute[] = [];
      for (const attr of node.attributes) {
        const parts = fill(attr.parts, values);
        if (parts.length > 0) attributes.push({ name: attr.name, parts });
      }
      out.push({
        kind: 'element',
        name: node.name,
        attributes,
        children: fill(node.children, values),
      });
    }
  }
  return out;
}
