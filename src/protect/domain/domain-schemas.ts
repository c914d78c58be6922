import Type from 'typebox';
import { LOCALES } from '../../platform/engine-kit/i18n/messages.js';

const Locale = Type.Unsafe<(typeof LOCALES)[number]>(Type.String({ enum: [...LOCALES] }));
const Domain = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: 'The domain to check, e.g. example.com (IDN such as bücher.example is accepted)',
});

export const DomainCheckQuery = Type.Object(
  {
    domain: Domain,
    selectors: Type.Optional(
      Type.String({ maxLength: 700, description: 'Extra DKIM selectors, comma-separated' }),
    ),
    mta_sts_policy: Type.Optional(
      Type.Boolean({ description: 'Also fetch the MTA-STS policy file over https' }),
    ),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const DomainCheckBody = Type.Object(
  {
    domain: Domain,
    selectors: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 63 }), { maxItems: 10 }),
    ),
    mta_sts_policy: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

const Str = Type.String();
const Params = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));
const AreaName = Type.String();

export const DomainCheckResponse = Type.Object({
  domain: Str,
  display_domain: Str,
  locale: Str,
  problem: Type.Boolean({ description: 'True when a finding is a warning or worse' }),
  incomplete: Type.Boolean({
    description: 'True when the TXT or DMARC look-up of the domain failed (timeout or bad answer)',
  }),
  spf_lookups: Type.Union([Type.Integer(), Type.Null()]),
  selectors_tried: Type.Array(Str),
  findings: Type.Array(
    Type.Object({
      key: Str,
      area: AreaName,
      severity: Type.String({ enum: ['critical', 'warning', 'info', 'good'] }),
      params: Params,
      title: Str,
      meaning: Str,
      fix: Str,
    }),
  ),
  records: Type.Array(
    Type.Object({
      area: AreaName,
      type: Type.String({ enum: ['TXT', 'MX', 'FILE'] }),
      name: Str,
      value: Str,
      purpose_key: Str,
      purpose: Str,
    }),
  ),
  plan: Type.Array(
    Type.Object({
      step: Type.Integer(),
      stage: Str,
      status: Type.String({ enum: ['done', 'current', 'next', 'later'] }),
      watch_days: Type.Array(Type.Integer()),
      record: Type.Object({ type: Str, name: Str, value: Str }),
      title: Str,
      what: Str,
      watch: Str,
    }),
  ),
  found: Type.Object({
    spf: Type.Array(Str),
    dmarc: Type.Array(Str),
    dkim: Type.Record(Type.String(), Str),
    mx: Type.Array(Type.Object({ priority: Type.Integer(), exchange: Str })),
    mta_sts: Type.Array(Str),
    tls_rpt: Type.Array(Str),
    bimi: Type.Array(Str),
  }),
});
