import { type Logger, pino } from 'pino';
import type { Config } from './config/config-keys.js';

export type { Logger } from 'pino';

/**
 * Paths pino must never print: credentials in headers, and anything a module
 * names `password`, `secret`, `token` or `apiKey` in what it logs.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
];

/** The process logger: JSON lines on stdout (or the given stream), secrets redacted. */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: NodeJS.WritableStream,
): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'shieldwall' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
