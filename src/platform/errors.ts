/**
 * One error class for the whole program (STYLE habit 4): a stable `code`, the HTTP
 * status it maps to, a plain message safe to show to clients, and an optional
 * `cause` that only goes to logs. Each module declares its codes as data with
 * `defineErrorCodes` in its own `errors.ts`, each message in English and Spanish.
 */
import type { Locale } from './engine-kit/i18n/messages.js';

/** The languages a message may be given in besides English (English is always there). */
export type OtherLocale = Exclude<Locale, 'en'>;
export type Translations = Readonly<Partial<Record<OtherLocale, string>>>;

export interface ErrorCodeSpec {
  /** HTTP status this error maps to at the API edge. */
  readonly status: number;
  /** Plain-language message; may be overridden per throw with more detail. */
  readonly message: string;
  /**
   * The message in Spanish (usted). Optional in the type so a module whose Spanish is still being
   * written builds; errors-i18n.test.ts fails for every code without it, and English is the
   * fallback at run time.
   */
  readonly es?: string;
}

export type ErrorCodeTable = Readonly<Record<string, ErrorCodeSpec>>;

export class ShieldwallError extends Error {
  override readonly name = 'ShieldwallError';
  readonly code: string;
  readonly status: number;
  /** Extra, client-safe facts (e.g. which config key was wrong). */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** The message in other languages (English is `message`); empty when none is known. */
  readonly translations: Translations;
  /**
   * True when `message` is this throw's own English detail and `translations` only hold the code's
   * general message: a Spanish reader then gets both (see `messageIn`).
   */
  readonly detailUntranslated: boolean;

  constructor(
    code: string,
    status: number,
    message: string,
    options?: {
      cause?: unknown;
      details?: Record<string, unknown>;
      translations?: Translations;
      detailUntranslated?: boolean;
    },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.details = options?.details;
    this.translations = options?.translations ?? {};
    this.detailUntranslated = options?.detailUntranslated ?? false;
  }
}

/**
 * What a reader of `locale` is told for `err`: its message in that language when there is one;
 * when the throw gave English detail with no translation, the code's translated message plus that
 * detail, marked as English (it is often the useful part: which field, which limit); English when
 * the code has no translation at all.
 */
export function messageIn(err: ShieldwallError, locale: Locale): string {
  if (locale === 'en') return err.message;
  const translated = err.translations[locale];
  if (translated === undefined) return err.message;
  return err.detailUntranslated ? withEnglishDetail(locale, translated, err.message) : translated;
}

/** A translated sentence followed by English detail, marked as English for the reader. */
export function withEnglishDetail(
  locale: OtherLocale,
  translated: string,
  english: string,
): string {
  return `${translated} ${ENGLISH_DETAIL[locale]} ${english}`;
}

const ENGLISH_DETAIL: Readonly<Record<OtherLocale, string>> = { es: 'Detalle (en inglés):' };

/**
 * Declare a module's error codes as data and get a typed factory for them.
 *
 * A throw's own `message` may come with its Spanish as `es`; without it, Spanish readers get the
 * code's Spanish message and the English detail.
 *
 * @example
 * const errors = defineErrorCodes({
 *   NOT_FOUND: { status: 404, message: 'Not found.', es: 'No se encontró.' },
 * });
 * throw errors.create('NOT_FOUND', { message: 'No entry 12.', es: 'No existe la entrada 12.' });
 */
export function defineErrorCodes<T extends ErrorCodeTable>(table: T) {
  return {
    table,
    create(
      code: keyof T & string,
      options?: {
        message?: string;
        /** Spanish for this throw's `message`. */
        es?: string;
        cause?: unknown;
        details?: Record<string, unknown>;
      },
    ): ShieldwallError {
      const spec = table[code] as ErrorCodeSpec;
      const own = options?.message !== undefined && options.message !== spec.message;
      const es = own ? (options?.es ?? spec.es) : spec.es;
      return new ShieldwallError(code, spec.status, options?.message ?? spec.message, {
        cause: options?.cause,
        details: options?.details,
        translations: es === undefined ? {} : { es },
        detailUntranslated: own && options?.es === undefined,
      });
    },
    is(err: unknown, code: keyof T & string): err is ShieldwallError {
      return err instanceof ShieldwallError && err.code === code;
    },
  };
}

/** Codes shared by the platform itself. */
export const platformErrors = defineErrorCodes({
  config_invalid: {
    status: 500,
    message: 'The configuration is not valid.',
    es: 'La configuración no es válida.',
  },
  store_unavailable: {
    status: 503,
    message: 'The database is not reachable.',
    es: 'No se puede conectar con la base de datos.',
  },
  bus_unavailable: {
    status: 503,
    message: 'The event bus is not reachable.',
    es: 'No se puede conectar con el bus de eventos.',
  },
  limiter_unavailable: {
    status: 503,
    message: 'The rate limiter is not reachable.',
    es: 'No se puede conectar con el limitador de solicitudes.',
  },
  conflict: {
    status: 409,
    message: 'That conflicts with something that already exists.',
    es: 'Eso choca con algo que ya existe.',
  },
  not_found: { status: 404, message: 'Not found.', es: 'No se encontró.' },
  bad_request: {
    status: 400,
    message: 'The request is not valid.',
    es: 'La solicitud no es válida.',
  },
  usage: { status: 400, message: 'Wrong usage.', es: 'Uso incorrecto.' },
  internal: {
    status: 500,
    message: 'Something went wrong on our side.',
    es: 'Algo salió mal de nuestro lado.',
  },
});
