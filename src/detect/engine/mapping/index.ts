/**
 * Field mappings from log shapes to Sigma's flat field names and logsources. The EVTX reader and
 * the JSON Lines input both call `windowsEventFromJson` with evtx_dump-shaped records.
 */
export { windowsEventFromJson } from './windows-event-mapping.js';
export { CHANNEL_SERVICES, windowsLogsources } from './windows-logsources.js';
