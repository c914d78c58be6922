import Type from 'typebox';
import { LOCALES } from '../../platform/engine-kit/i18n/messages.js';
import { PRIORITIES, WHAT_HAPPENED } from '../engine/recovery/index.js';
import { CHANNEL_KINDS, PURPOSES } from '../engine/reporting/index.js';
import { CATEGORIES, type Category } from '../engine/types.js';

/** Request and response schemas of "after a scam" (they also feed the OpenAPI document). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));

const CategorySchema = oneOf<Category>(CATEGORIES);
/** ISO 3166-1 alpha-2, any case. */
const Country = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2, e.g. US, GB, ES',
});
const Locale = oneOf(LOCALES);

/** `password,card`: up to nine choices, comma-separated (a linear-time pattern, bounded length). */
export const WhatList = Type.String({
  pattern: '^[a-z_]{1,20}(,[a-z_]{1,20}){0,8}$',
  maxLength: 200,
  description: `Comma-separated, any of: ${WHAT_HAPPENED.join(', ')}`,
});

export const RecoveryQuery = Type.Object(
  {
    what: WhatList,
    country: Type.Optional(Country),
    category: Type.Optional(CategorySchema),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const RecoveryResponse = Type.Object({
  what: Type.Array(oneOf(WHAT_HAPPENED)),
  country: Type.Union([Type.String(), Type.Null()]),
  locale: Locale,
  steps: Type.Array(
    Type.Object({
      id: Type.String(),
      priority: oneOf(PRIORITIES),
      text: Type.String(),
      why: Type.String(),
      link: Type.Optional(Type.String()),
      phone: Type.Optional(Type.String()),
    }),
  ),
});

export const ChannelsQuery = Type.Object(
  {
    country: Country,
    category: Type.Optional(CategorySchema),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const ChannelsResponse = Type.Object({
  country: Type.String(),
  locale: Locale,
  channels: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: oneOf(CHANNEL_KINDS),
      value: Type.String(),
      purpose: oneOf(PURPOSES),
      description: Type.String(),
      region: Type.Optional(Type.String()),
      confidence: oneOf(['high', 'medium', 'low'] as const),
      caution: Type.Optional(Type.String()),
      reviewed: Type.String(),
      source: Type.String(),
    }),
  ),
});

export const AlertOffer = Type.Object({
  signed_in: Type.Boolean(),
  /** The protect alerts the person's trusted contact gets; empty when signed out or none chosen. */
  alerts: Type.Array(oneOf(['scam_high_risk', 'scam_recovery'] as const)),
});

export const AlertRequestSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('scam_high_risk'), category: CategorySchema },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('scam_recovery'),
      what: Type.Array(oneOf(WHAT_HAPPENED), { minItems: 1, maxItems: WHAT_HAPPENED.length }),
      category: Type.Optional(CategorySchema),
    },
    { additionalProperties: false },
  ),
]);
