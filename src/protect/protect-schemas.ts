import Type from 'typebox';
import { LOCALES } from '../platform/engine-kit/i18n/messages.js';
import { CATEGORIES, type Category } from './engine/types.js';

/** Request and response schemas of the scam checker's API (they also feed the OpenAPI document). */
const MAX = 25 * 1024 * 1024;
/** A string limited to listed values; `Type.Unsafe` keeps the literal union as its static type. */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));
const Kind = oneOf(['auto', 'sms', 'email', 'url', 'phone'] as const);
const CategorySchema = oneOf<Category>(CATEGORIES);
const IndicatorTypeSchema = oneOf([
  'url',
  'domain',
  'phone',
  'email',
  'crypto_wallet',
  'payment_handle',
] as const);

/**
 * The language wanted for the words: `en`, `es`, or a tag like `es-MX`. Anything
 * else gets English (never an error); absent, the Accept-Language header decides.
 */
const LocaleRequest = Type.String({
  maxLength: 35,
  description: 'Language of the reasons and next steps (en, es); default from Accept-Language',
});

/** What fills a message's placeholders: a few short values, so a shared link cannot carry an essay. */
const MessageParams = Type.Record(
  Type.String({ pattern: '^[a-zA-Z0-9_]{1,40}$' }),
  Type.Union([Type.String({ maxLength: 300 }), Type.Number()]),
  { maxProperties: 8 },
);
const MessageRefSchema = Type.Object(
  { key: Type.String({ maxLength: 100 }), params: Type.Optional(MessageParams) },
  { additionalProperties: false },
);
const LocaleSchema = oneOf(LOCALES);

export const CheckRequest = Type.Object(
  {
    kind: Type.Optional(Kind),
    locale: Type.Optional(LocaleRequest),
    text: Type.Optional(
      Type.String({ maxLength: MAX, description: 'A text message, chat or social DM' }),
    ),
    raw: Type.Optional(
      Type.String({ maxLength: MAX, description: 'A whole email (.eml) as text' }),
    ),
    url: Type.Optional(Type.String({ maxLength: 100_000 })),
    phone: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false, description: 'Exactly one of text, raw, url or phone.' },
);

const Evidence = Type.Object({
  field: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  excerpt: Type.String(),
});

export const CheckResultSchema = Type.Object({
  kind: oneOf(['sms', 'email', 'url', 'phone'] as const),
  verdict: oneOf(['scam', 'suspicious', 'no_signs'] as const),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  category: CategorySchema,
  reasons: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      params: Type.Optional(MessageParams),
      source: Type.String(),
      weight: Type.Number(),
      evidence: Type.Optional(Evidence),
    }),
  ),
  next_steps: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), priority: Type.Integer() }),
  ),
  indicators: Type.Array(
    Type.Object({ type: IndicatorTypeSchema, value: Type.String(), evidence: Evidence }),
  ),
  language: Type.Object({ code: Type.String(), supported: Type.Boolean() }),
  checked: Type.Array(Type.String()),
  truncated: Type.Boolean(),
  notes: Type.Array(Type.String(), {
    description: 'What could not be read, in plain words; empty when everything was read',
  }),
  model_version: Type.String(),
  locale: LocaleSchema,
  checked_refs: Type.Array(MessageRefSchema, {
    description: '`checked` as message keys and params, to show it in another language',
  }),
  note_refs: Type.Array(MessageRefSchema, { description: '`notes` as message keys and params' }),
});

/**
 * A batch item's id, given back as it came. One `type` list rather than a union:
 * with the server's type coercion a union's first branch would turn 2 into "2".
 */
const BatchId = Type.Unsafe<string | number>({ type: ['string', 'number'], maxLength: 200 });

export const BatchRequest = Type.Object(
  {
    locale: Type.Optional(LocaleRequest),
    items: Type.Array(
      Type.Object(
        {
          id: Type.Optional(BatchId),
          kind: Type.Optional(Kind),
          text: Type.Optional(Type.String({ maxLength: MAX })),
          raw: Type.Optional(Type.String({ maxLength: MAX })),
          url: Type.Optional(Type.String({ maxLength: 100_000 })),
          phone: Type.Optional(Type.String({ maxLength: 100 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const BatchResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.Union([Type.String(), Type.Number(), Type.Null()]),
      verdict: Type.Optional(Type.String()),
      score: Type.Optional(Type.Number()),
      category: Type.Optional(Type.String()),
      reasons: Type.Optional(CheckResultSchema.properties.reasons),
      indicators: Type.Optional(CheckResultSchema.properties.indicators),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

const IndicatorRef = Type.Object({
  type: IndicatorTypeSchema,
  value: Type.String({ minLength: 1, maxLength: 2048 }),
});

export const ReportRequest = Type.Object(
  {
    kind: oneOf(['sms', 'email', 'url', 'phone'] as const),
    verdict: CheckResultSchema.properties.verdict,
    score: Type.Number({ minimum: 0, maximum: 1 }),
    category: CheckResultSchema.properties.category,
    indicators: Type.Array(IndicatorRef, { maxItems: 200 }),
    reason_codes: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
    content: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX,
        description: 'Only if the person chose to include the message',
      }),
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const ShareRequest = Type.Object(
  {
    kind: oneOf(['sms', 'email', 'url', 'phone'] as const),
    verdict: CheckResultSchema.properties.verdict,
    score: Type.Number({ minimum: 0, maximum: 1 }),
    category: CheckResultSchema.properties.category,
    reasons: Type.Array(
      Type.Object({
        code: Type.String({ maxLength: 100 }),
        message: Type.String({ maxLength: 1000 }),
        params: Type.Optional(MessageParams),
      }),
      { maxItems: 20 },
    ),
    next_steps: Type.Array(
      Type.Object({
        code: Type.String({ maxLength: 100 }),
        message: Type.String({ maxLength: 1000 }),
        priority: Type.Integer(),
      }),
      {
        maxItems: 20,
      },
    ),
    indicators: Type.Array(IndicatorRef, { maxItems: 50 }),
    language: CheckResultSchema.properties.language,
    checked: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }),
    // Kept so the link opens in its reader's language; results shared before this have none.
    checked_refs: Type.Optional(Type.Array(MessageRefSchema, { maxItems: 20 })),
    truncated: Type.Boolean(),
    // Accepted so a whole check result can be posted as it came; not stored or shown.
    notes: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 5 })),
    // The shipped models' version string is already 101 characters long.
    model_version: Type.String({ maxLength: 300 }),
    // Accepted as a check result comes (the words' language when shared); a shared link is
    // said again in its reader's language, so this is not stored.
    locale: Type.Optional(LocaleRequest),
    note_refs: Type.Optional(Type.Array(MessageRefSchema, { maxItems: 5 })),
  },
  { additionalProperties: false },
);

/** A shared result as read back: the words in the reader's language (`locale`). */
const { locale: _asSent, note_refs: _notKept, ...sharedFields } = ShareRequest.properties;
export const SharedResultSchema = Type.Object({ ...sharedFields, locale: LocaleSchema });
