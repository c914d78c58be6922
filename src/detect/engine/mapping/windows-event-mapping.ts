/**
 * Windows events in evtx_dump's JSON shape (`Event.System`, `Event.EventData`, `#attributes`,
 * `#text`) → LogEvent with Sigma's flat field names: every EventData/UserData value under its own
 * name, and from System: EventID, Channel, Computer, Provider_Name, Security_UserID, Level, Task,
 * Opcode, Keywords, EventRecordID. Security 4688 also gets Sysmon-style names (Image,
 * ParentImage) so process_creation rules apply to it.
 */
import type { EventOrigin, FieldScalar, FieldValue, LogEvent } from '../event.js';
import { windowsLogsources } from './windows-logsources.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Most fields taken from one event; the rest are dropped (a hostile file could hold millions). */
const MAX_FIELDS = 512;

function scalar(v: unknown): FieldValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return v;
  if (Array.isArray(v)) {
    const items = v
      .map(scalar)
      .filter((x): x is FieldScalar => x !== undefined && !Array.isArray(x));
    return items;
  }
  if (isRecord(v) && '#text' in v) return scalar(v['#text']);
  return undefined;
}

function attribute(v: unknown, name: string): unknown {
  return isRecord(v) && isRecord(v['#attributes']) ? v['#attributes'][name] : undefined;
}

/** EventData as a map, or as `Data: [{#attributes: {Name}, #text}]` (XML-shaped dumps). */
function addData(fields: Record<string, FieldValue>, data: unknown, depth = 0): void {
  if (!isRecord(data) || depth > 3) return;
  for (const [key, value] of Object.entries(data)) {
    if (Object.keys(fields).length >= MAX_FIELDS) return;
    if (key === '#attributes') continue;
    if (key === 'Data' && Array.isArray(value)) {
      value.forEach((item, i) => {
        const name = attribute(item, 'Name');
        const v = scalar(item);
        if (v !== undefined) fields[typeof name === 'string' ? name : `Data${i}`] = v;
      });
      continue;
    }
    const v = scalar(value);
    if (v !== undefined) {
      fields[key] = v;
      // Defender and others name fields with spaces ("Threat Name"); Sigma rules drop them.
      if (key.includes(' ')) {
        const joined = key.replaceAll(' ', '');
        if (!(joined in fields)) fields[joined] = v;
      }
    } else if (isRecord(value)) addData(fields, value, depth + 1); // UserData wraps one more level
  }
}

function timeOf(system: Record<string, unknown>): number | undefined {
  const t = attribute(system.TimeCreated, 'SystemTime');
  if (typeof t !== 'string') return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Maps one evtx_dump JSON record (`{Event: {System, EventData}}`, or the inner `Event` object).
 * Returns null for a value that is not a Windows event record.
 *
 * @example
 * const event = windowsEventFromJson(JSON.parse(line), { source: 'sysmon.jsonl', line: 3 });
 */
export function windowsEventFromJson(json: unknown, origin: EventOrigin): LogEvent | null {
  const event = isRecord(json) && isRecord(json.Event) ? json.Event : json;
  if (!isRecord(event) || !isRecord(event.System)) return null;
  const system = event.System;
  const fields: Record<string, FieldValue> = {};
  addData(fields, event.EventData);
  addData(fields, event.UserData);
  const eventId = Number(scalar(system.EventID));
  const channel = scalar(system.Channel);
  const provider = attribute(system.Provider, 'Name');
  if (Number.isFinite(eventId)) fields.EventID = eventId;
  if (typeof channel === 'string') fields.Channel = channel;
  if (typeof provider === 'string') fields.Provider_Name = provider;
  const userId = attribute(system.Security, 'UserID');
  if (typeof userId === 'string') fields.Security_UserID = userId;
  for (const key of [
    'Computer',
    'Level',
    'Task',
    'Opcode',
    'Keywords',
    'EventRecordID',
    'Version',
  ]) {
    const v = scalar(system[key]);
    if (v !== undefined && !(key in fields)) fields[key] = v;
  }
  const ch = typeof channel === 'string' ? channel : '';
  if (ch.toLowerCase() === 'security' && eventId === 4688) {
    if (fields.NewProcessName !== undefined && fields.Image === undefined)
      fields.Image = fields.NewProcessName;
    if (fields.ParentProcessName !== undefined && fields.ParentImage === undefined)
      fields.ParentImage = fields.ParentProcessName;
  }
  const time = timeOf(system);
  return {
    fields,
    logsources: windowsLogsources(ch, eventId, fields.EventType),
    ...(time === undefined ? {} : { time }),
    origin,
  };
}
