/**
 * An EVTX element tree as the JSON object evtx_dump (the Rust `evtx` crate) prints:
 * `{Event: {#attributes, System, EventData}}`. Attributes go under `#attributes`; an element with
 * only text becomes its value (a single typed value keeps its type: `EventID: 1`); text next to
 * attributes goes under `#text`; an empty element is null; `<Data Name="X">v</Data>` becomes
 * `X: v`; repeated names become a list.
 */
import type { XmlElement, XmlNode } from './binxml-parser.js';
import type { EvtxScalar, EvtxValue } from './evtx-values.js';

export type JsonValue = EvtxScalar | JsonValue[] | { [key: string]: JsonValue };

/** Attribute values as they are; element text trimmed, as evtx_dump prints it (`"cmd.exe" ` → `"cmd.exe"`). */
function textOf(parts: readonly XmlNode[], trim = false): JsonValue {
  const values: EvtxValue[] = [];
  for (const p of parts) if (p.kind === 'value') values.push(p.value);
  const one =
    values.length === 1
      ? (values[0] as JsonValue)
      : values.map((v) => (Array.isArray(v) ? v.join(',') : String(v))).join('');
  return trim && typeof one === 'string' ? one.trim() : one;
}

function put(obj: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (!Object.hasOwn(obj, key)) {
    obj[key] = value;
    return;
  }
  const prior = obj[key] as JsonValue;
  // A list made here is marked so a later repeat appends instead of nesting.
  if (Array.isArray(prior) && repeated.has(prior)) prior.push(value);
  else {
    const list = [prior, value];
    repeated.add(list);
    obj[key] = list;
  }
}
const repeated = new WeakSet<JsonValue[]>();

export function elementToJson(element: XmlElement): JsonValue {
  const attrs: Record<string, JsonValue> = Object.create(null);
  let hasAttrs = false;
  for (const a of element.attributes) {
    attrs[a.name] = textOf(a.parts);
    hasAttrs = true;
  }
  const elements = element.children.filter((c): c is XmlElement => c.kind === 'element');
  const texts = element.children.filter((c) => c.kind === 'value');
  if (elements.length === 0) {
    if (texts.length === 0) return hasAttrs ? { '#attributes': attrs } : null;
    const text = textOf(texts, true);
    return hasAttrs ? { '#attributes': attrs, '#text': text } : text;
  }
  const obj: Record<string, JsonValue> = {};
  if (hasAttrs) obj['#attributes'] = attrs;
  for (const child of elements) {
    const named =
      child.name === 'Data' ? child.attributes.find((a) => a.name === 'Name') : undefined;
    if (named !== undefined && child.attributes.length === 1) {
      const kids = child.children.filter((c) => c.kind === 'value');
      put(obj, String(textOf(named.parts)), kids.length === 0 ? null : textOf(kids, true));
    } else put(obj, child.name, elementToJson(child));
  }
  if (texts.length > 0) obj['#text'] = textOf(texts, true);
  return obj;
}

/** The record's root element(s) as `{Event: …}`. */
export function recordToJson(nodes: readonly XmlNode[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const n of nodes) if (n.kind === 'element') put(out, n.name, elementToJson(n));
  return out;
}
