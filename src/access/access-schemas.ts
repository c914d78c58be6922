import Type from 'typebox';
import { LOCALES } from '../platform/engine-kit/i18n/messages.js';

/** Request and response schemas of the access API (they also feed the OpenAPI document). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));

export const Role = oneOf(['owner', 'admin', 'analyst', 'member'] as const);
export const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
export const KeyId = Type.String({ pattern: '^sw_live_[0-9A-Za-z]{12}$' });
const Capability = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9.:*-]*$' });
const Reason = Type.String({ minLength: 1, maxLength: 1000 });
const Duration = Type.String({
  minLength: 2,
  maxLength: 8,
  description: '30d, 12h, 90m, 2w or never',
});
const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const TierSummary = Type.Object({
  level: Type.Integer(),
  id: Type.String(),
  name: Type.String(),
});

export const MeResponse = Type.Object({
  kind: oneOf(['user', 'org'] as const),
  id: Type.String(),
  name: Type.String(),
  email: Type.Optional(Type.String()),
  tier: TierSummary,
  /** For users: the tier earned before the account-security cap, and what would lift it. */
  earned_tier: Type.Optional(TierSummary),
  security: Type.Optional(Type.String()),
  capabilities: Type.Array(Type.String()),
  orgs: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })),
  via: oneOf(['session', 'key'] as const),
  key: Type.Optional(Type.Object({ id: Type.String(), expires_at: Time })),
});

export const TiersResponse = Type.Object({
  digest: Type.String(),
  source: Type.String(),
  tiers: Type.Array(
    Type.Object({
      level: Type.Integer(),
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      security: Type.String(),
      session_hours: Type.Integer(),
      capabilities: Type.Array(Type.String()),
      requests_per_minute: Type.Integer(),
      tokens_per_day: Type.Integer(),
      models: Type.Array(Type.String()),
      grant_days: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});

export const OrgSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  tier: TierSummary,
  tier_expires_at: Time,
  vouch_cap: Type.Union([Type.Integer(), Type.Null()]),
  role: Type.Optional(Type.String()),
});

export const CreateOrgRequest = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const MemberSchema = Type.Object({
  user_id: Type.String(),
  email: Type.String(),
  display_name: Type.String(),
  role: Type.String(),
  since: Type.String(),
});

export const InviteRequest = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    role: Role,
    /** The language of the invitation mail; without it, the invitee's or the inviter's. */
    language: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
  },
  { additionalProperties: false },
);

export const AcceptInvitationRequest = Type.Object(
  { token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);

export const SetRoleRequest = Type.Object({ role: Role }, { additionalProperties: false });

export const KeySchema = Type.Object({
  id: Type.String(),
  owner: Type.String(),
  name: Type.String(),
  scope: Type.Union([Type.Array(Type.String()), Type.Null()]),
  created_at: Type.String(),
  created_by: Type.String(),
  expires_at: Time,
  revoked_at: Time,
  last_used_at: Time,
  rotated_from: Type.Union([Type.String(), Type.Null()]),
});

export const CreateKeyRequest = Type.Object(
  {
    org: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Organization id; omit for a personal key',
      }),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    capabilities: Type.Optional(Type.Array(Capability, { maxItems: 100 })),
    expires: Type.Optional(Duration),
  },
  { additionalProperties: false },
);

export const CreatedKey = Type.Intersect([
  KeySchema,
  Type.Object({ key: Type.String({ description: 'The whole key. It is shown this once.' }) }),
]);

export const RevokeRequest = Type.Object(
  { reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

export const RotateRequest = Type.Object(
  { overlap: Type.Optional(Duration) },
  { additionalProperties: false },
);

export const GrantSchema = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  tier: Type.Integer(),
  granted_by: Type.String(),
  via_org: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  created_at: Type.String(),
  expires_at: Time,
  revoked_at: Time,
});

export const VouchRequest = Type.Object(
  {
    org: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The member organization (id or name)',
    }),
    tier: Type.Integer({ minimum: 1, maximum: 15 }),
    reason: Reason,
    expires: Type.Optional(Duration),
  },
  { additionalProperties: false },
);

export const SetTierRequest = Type.Object(
  {
    tier: Type.Integer({ minimum: 0, maximum: 15 }),
    reason: Reason,
    expires: Type.Optional(Duration),
  },
  { additionalProperties: false },
);

export const SetVouchCapRequest = Type.Object(
  { cap: Type.Union([Type.Integer({ minimum: 1, maximum: 15 }), Type.Null()]), reason: Reason },
  { additionalProperties: false },
);
