/**
 * The field-mapping pipeline for ECS / Winlogbeat / Filebeat JSON: a data table from ECS paths to
 * the flat names Sigma rules use. The built-in table is written nested (it mirrors ECS, and keeps
 * dotted paths out of engine code); users extend it with dotted keys
 * (`{ "myapp.user.name": "User" }`) through `extendFieldMap`.
 *
 * Rules applied, in order, for one ECS object:
 * 1. every `winlog.event_data.*` key is copied under its own name (Sysmon `Image`, `CommandLine`, …);
 * 2. every mapped path present in the object is copied to its Sigma name, unless step 1 set it;
 * 3. every other scalar keeps its dotted ECS path as name, so a rule written against ECS names works too.
 */
import type { FieldScalar, FieldValue } from '../event.js';

type Nested = { readonly [key: string]: string | Nested };

/** ECS path (nested) → Sigma field name. */
const BUILT_IN: Nested = {
  winlog: {
    event_id: 'EventID',
    channel: 'Channel',
    provider_name: 'Provider_Name',
    computer_name: 'Computer',
    record_id: 'EventRecordID',
    user: { identifier: 'Security_UserID' },
  },
  process: {
    command_line: 'CommandLine',
    executable: 'Image',
    pid: 'ProcessId',
    entity_id: 'ProcessGuid',
    working_directory: 'CurrentDirectory',
    name: 'ProcessName',
    parent: {
      command_line: 'ParentCommandLine',
      executable: 'ParentImage',
      pid: 'ParentProcessId',
      entity_id: 'ParentProcessGuid',
    },
    pe: {
      original_file_name: 'OriginalFileName',
      description: 'Description',
      product: 'Product',
      company: 'Company',
      file_version: 'FileVersion',
    },
  },
  user: { name: 'User' },
  file: { path: 'TargetFilename' },
  dll: { path: 'ImageLoaded' },
  registry: { path: 'TargetObject', data: { strings: 'Details' } },
  source: { ip: 'SourceIp', port: 'SourcePort', address: 'SourceHostname' },
  destination: { ip: 'DestinationIp', port: 'DestinationPort', domain: 'DestinationHostname' },
  network: { transport: 'Protocol' },
  dns: { question: { name: 'QueryName' } },
  host: { name: 'Computer', hostname: 'Computer' },
  url: { path: 'cs-uri-stem', query: 'cs-uri-query', original: 'c-uri' },
  http: {
    request: { method: 'cs-method', referrer: 'cs-referer' },
    response: { status_code: 'sc-status', body: { bytes: 'sc-bytes' } },
    version: 'cs-version',
  },
  user_agent: { original: 'cs-user-agent' },
  message: 'message',
};

export type FieldMap = ReadonlyMap<string, string>;

function flattenTable(table: Nested, prefix: string, out: Map<string, string>): void {
  for (const [key, value] of Object.entries(table)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else flattenTable(value, path, out);
  }
}

const builtIn = new Map<string, string>();
flattenTable(BUILT_IN, '', builtIn);

/** The built-in ECS → Sigma table as dotted paths. */
export const defaultFieldMap: FieldMap = builtIn;

/** A new table: the default plus (overriding) the user's dotted-path entries. */
export function extendFieldMap(
  extra: Readonly<Record<string, string>>,
  base: FieldMap = defaultFieldMap,
): FieldMap {
  const out = new Map(base);
  for (const [path, name] of Object.entries(extra)) out.set(path, name);
  return out;
}

/** Depth and key bounds: hostile JSON must not turn into millions of fields. */
const MAX_DEPTH = 16;
const MAX_FIELDS = 2048;

/** Flatten nested JSON to dotted paths; arrays of scalars stay lists, other arrays are skipped. */
export function flattenJson(
  value: unknown,
  prefix = '',
  out = new Map<string, FieldValue>(),
  depth = 0,
): Map<string, FieldValue> {
  if (depth > MAX_DEPTH || out.size >= MAX_FIELDS) return out;
  if (isScalar(value)) {
    if (prefix !== '') out.set(prefix, value);
    return out;
  }
  if (Array.isArray(value)) {
    if (value.every(isScalar)) out.set(prefix, value as FieldScalar[]);
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      flattenJson(inner, prefix === '' ? key : `${prefix}.${key}`, out, depth + 1);
    }
  }
  return out;
}

function isScalar(value: unknown): value is FieldScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

const EVENT_DATA_PREFIX = 'winlog.event_data.';

/** Apply the pipeline (see the file comment) to one parsed ECS object. */
export function mapEcsFields(
  object: Readonly<Record<string, unknown>>,
  map: FieldMap = defaultFieldMap,
): Record<string, FieldValue> {
  const flat = flattenJson(object);
  // No prototype: a key such as `__proto__` in hostile JSON stays an ordinary field.
  const fields = Object.create(null) as Record<string, FieldValue>;
  for (const [path, value] of flat) {
    if (path.startsWith(EVENT_DATA_PREFIX)) fields[path.slice(EVENT_DATA_PREFIX.length)] = value;
  }
  for (const [path, value] of flat) {
    const name = map.get(path);
    if (name !== undefined && !(name in fields)) fields[name] = value;
  }
  for (const [path, value] of flat) {
    if (!(path in fields)) fields[path] = value;
  }
  return fields;
}
