/**
 * One JSON object (a JSON Lines line) to a LogEvent. Three shapes are recognised:
 * - evtx_dump / EVTX-to-JSON (`{Event: {System, EventData}}`): handed to the Windows mapping
 *   (the rule engine's `windowsEventFromJson`), so there is one Windows mapping in the program;
 * - Winlogbeat (`winlog.*`): rebuilt as that same shape for the Windows mapping (logsources, time,
 *   System fields), with the ECS field-mapping pipeline adding the other ECS fields;
 * - any other object (ECS from Filebeat / Elastic Agent, or already-flat JSON): the pipeline.
 */
import type { EventOrigin, FieldValue, LogEvent } from '../event.js';
import { defaultFieldMap, type FieldMap, flattenJson, mapEcsFields } from './ecs-field-map.js';
import { ecsLogsources } from './ecs-logsources.js';

export type WindowsJsonMapper = (json: unknown, origin: EventOrigin) => LogEvent | null;

export interface JsonEventOptions {
  readonly fieldMap?: FieldMap;
  /** The Windows mapping for evtx_dump-shaped JSON (`windowsEventFromJson`). */
  readonly windows: WindowsJsonMapper;
}

export type JsonEventResult =
  | { readonly ok: true; readonly event: LogEvent }
  | { readonly ok: false; readonly reason: string };

export function jsonTextToEvent(
  text: string,
  origin: EventOrigin,
  options: JsonEventOptions,
): JsonEventResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  return jsonValueToEvent(value, origin, options);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonValueToEvent(
  value: unknown,
  origin: EventOrigin,
  options: JsonEventOptions,
): JsonEventResult {
  if (!isObject(value)) return { ok: false, reason: 'a JSON line must be an object' };
  const event = value.Event;
  if (isObject(event) && isObject(event.System)) {
    const windows = options.windows(value, origin);
    return windows === null
      ? { ok: false, reason: 'not a Windows event record' }
      : { ok: true, event: windows };
  }
  const map = options.fieldMap ?? defaultFieldMap;
  const fields = mapEcsFields(value, map);
  const time = timeOf(value['@timestamp'] ?? value.timestamp);
  if (isObject(value.winlog)) {
    const windows = options.windows(winlogbeatAsEvtxJson(value, value.winlog), origin);
    if (windows === null) return { ok: false, reason: 'not a Windows event record' };
    const merged = Object.assign(
      Object.create(null) as Record<string, FieldValue>,
      fields,
      windows.fields,
    );
    return {
      ok: true,
      event: { ...windows, fields: merged, time: windows.time ?? time, origin },
    };
  }
  const flat = Object.fromEntries(flattenJson(value));
  return {
    ok: true,
    event:
      time === undefined
        ? { fields, logsources: ecsLogsources(flat), origin }
        : { fields, logsources: ecsLogsources(flat), time, origin },
  };
}

function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Winlogbeat's `winlog` object in the evtx_dump shape the Windows mapping reads. */
function winlogbeatAsEvtxJson(
  root: Record<string, unknown>,
  winlog: Record<string, unknown>,
): unknown {
  const user = isObject(winlog.user) ? winlog.user : {};
  const system: Record<string, unknown> = {
    Provider: { '#attributes': { Name: winlog.provider_name, Guid: winlog.provider_guid } },
    EventID: toNumber(winlog.event_id),
    Channel: winlog.channel,
    Computer: winlog.computer_name,
    EventRecordID: toNumber(winlog.record_id),
    Security: { '#attributes': { UserID: user.identifier } },
  };
  const stamp = root['@timestamp'];
  if (typeof stamp === 'string') system.TimeCreated = { '#attributes': { SystemTime: stamp } };
  return {
    Event: {
      System: system,
      EventData: isObject(winlog.event_data) ? winlog.event_data : {},
    },
  };
}

function toNumber(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return value;
}
