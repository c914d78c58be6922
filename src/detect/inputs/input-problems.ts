/**
 * Problems found while reading logs: bad input is reported one problem at a time and skipped, and
 * everything else in the file is still read ("clear errors, nothing else lost"). Codes are data.
 */
import { defineErrorCodes } from '../../platform/errors.js';

export type InputProblemCode =
  | 'line_too_long'
  | 'line_unparsed'
  | 'evtx_damaged'
  | 'syslog_garbage'
  | 'syslog_too_long'
  | 'file_truncated';

/** One skipped piece of input, with where it was. */
export interface InputProblem {
  readonly code: InputProblemCode;
  /** Plain-language description, safe to print (never the raw line: it may hold secrets). */
  readonly message: string;
  readonly source: string;
  /** 1-based line (text) or record number / byte offset context (EVTX). */
  readonly line?: number;
}

export type ProblemHandler = (problem: InputProblem) => void;

/** Errors that stop a whole input (the file cannot be read at all). */
export const detectInputErrors = defineErrorCodes({
  input_not_found: {
    status: 404,
    message: 'That log file does not exist.',
    es: 'Ese archivo de registro no existe.',
  },
  input_unreadable: {
    status: 400,
    message: 'The log file could not be read.',
    es: 'No se pudo leer el archivo de registro.',
  },
  input_format_unknown: {
    status: 400,
    message:
      'The log format could not be recognised; pass --format (jsonl, evtx, syslog, auth, web).',
    es: 'No se reconoció el formato del registro; indique --format (jsonl, evtx, syslog, auth, web).',
  },
  evtx_invalid: {
    status: 400,
    message: 'This is not an EVTX file (the header is missing or damaged).',
    es: 'Este no es un archivo EVTX (falta la cabecera o está dañada).',
  },
});
