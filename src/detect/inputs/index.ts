/**
 * Log inputs of the detect module: files (JSON Lines, EVTX, syslog, auth.log, web access logs),
 * tail-follow, and a syslog listener. Every input yields `LogEvent`s (src/detect/engine/event.ts).
 *
 * @example
 * for await (const event of readLogEvents('/var/log/auth.log', { onProblem: console.warn })) {
 *   console.log(event.fields, event.logsources);
 * }
 */

export { defaultFieldMap, extendFieldMap, type FieldMap } from '../engine/inputs/ecs-field-map.js';
export { readEvtxRecords } from './evtx-source.js';
export { type FollowOptions, followLogEvents } from './follow-log.js';
export type { InputProblem, InputProblemCode, ProblemHandler } from './input-problems.js';
export { detectInputErrors } from './input-problems.js';
export {
  type LogFormat,
  type ReadLogOptions,
  readLogEvents,
} from './read-log-events.js';
export {
  listenSyslog,
  type SyslogListener,
  type SyslogListenOptions,
  type SyslogStats,
} from './syslog-listener.js';
