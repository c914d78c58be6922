/**
 * One error class for the whole program (STYLE habit 4): a stable `code`, the HTTP
 * status it maps to, a plain message safe to show to clients, and an optional
 * `cause` that only goes to logs. Each module declares its codes as data with
 * `defineErrorCodes` in its own `errors.ts`.
 */

export interface ErrorCodeSpec {
  /** HTTP status this error maps to at the API edge. */
  readonly status: number;
  /** Plain-language message; may be overridden per throw with more detail. */
  readonly message: string;
}

export type ErrorCodeTable = Readonly<Record<string, ErrorCodeSpec>>;

export class ShieldwallError extends Error {
  override readonly name = 'ShieldwallError';
  readonly code: string;
  readonly status: number;
  /** Extra, client-safe facts (e.g. which config key was wrong). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    status: number,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.details = options?.details;
  }
}

/**
 * Declare a module's error codes as data and get a typed factory for them.
 *
 * @example
 * const errors = defineErrorCodes({ NOT_FOUND: { status: 404, message: 'Not found.' } });
 * throw errors.create('NOT_FOUND', { message: 'No entry 12.' });
 */
export function defineErrorCodes<T extends ErrorCodeTable>(table: T) {
  return {
    table,
    create(
      code: keyof T & string,
      options?: { message?: string; cause?: unknown; details?: Record<string, unknown> },
    ): ShieldwallError {
      const spec = table[code] as ErrorCodeSpec;
      return new ShieldwallError(code, spec.status, options?.message ?? spec.message, {
        cause: options?.cause,
        details: options?.details,
      });
    },
    is(err: unknown, code: keyof T & string): err is ShieldwallError {
      return err instanceof ShieldwallError && err.code === code;
    },
  };
}

/** Codes shared by the platform itself. */
export const platformErrors = defineErrorCodes({
  config_invalid: { status: 500, message: 'The configuration is not valid.' },
  store_unavailable: { status: 503, message: 'The database is not reachable.' },
  bus_unavailable: { status: 503, message: 'The event bus is not reachable.' },
  limiter_unavailable: { status: 503, message: 'The rate limiter is not reachable.' },
  conflict: { status: 409, message: 'That conflicts with something that already exists.' },
  not_found: { status: 404, message: 'Not found.' },
  bad_request: { status: 400, message: 'The request is not valid.' },
  usage: { status: 400, message: 'Wrong usage.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
});
