import Type from 'typebox';
import { LOCALES, type Locale } from '../../platform/engine-kit/i18n/messages.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import { DISPLAY_NAME_MAX, EMAIL_MAX } from './account-input.js';
import { RECOVERY_CODE_COUNT } from './second-factor.js';
import { DEVICE_NAME_MAX } from './sessions.js';

/**
 * Request and response schemas of /api/access/account (they also feed the
 * OpenAPI document). Every field is bounded; the services check the meaning.
 * Secrets appear in responses only where they are shown once: the TOTP secret at
 * enrolment, recovery codes when made, the session's CSRF token.
 */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));

/** Four times the 256-character limit leaves room for any Unicode; the service counts characters. */
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Email = Type.String({ minLength: 3, maxLength: EMAIL_MAX, description: 'name@example.com' });
const Token = Type.String({
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: 'From the link in the mail',
});
const TotpCode = Type.String({
  minLength: 6,
  maxLength: 16,
  description: 'Six digits from the app',
});
const RecoveryCode = Type.String({
  minLength: 16,
  maxLength: 40,
  description: 'xxxx-xxxx-xxxx-xxxx',
});
const DeviceName = Type.String({ minLength: 1, maxLength: DEVICE_NAME_MAX });
const Time = Type.String({ format: 'date-time' });

export const SignUpRequest = Type.Object(
  {
    email: Email,
    display_name: Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX }),
    password: Password,
  },
  { additionalProperties: false },
);

export const TokenRequest = Type.Object({ token: Token }, { additionalProperties: false });

export const SignInRequest = Type.Object(
  { email: Email, password: Password, device_name: Type.Optional(DeviceName) },
  { additionalProperties: false },
);

const SecondFactorFields = {
  code: Type.Optional(TotpCode),
  recovery_code: Type.Optional(RecoveryCode),
};

export const SecondFactorRequest = Type.Object(
  { pending_token: Token, ...SecondFactorFields },
  { additionalProperties: false, description: 'One of code or recovery_code.' },
);

export const StepUpRequest = Type.Object(
  { password: Password, ...SecondFactorFields },
  { additionalProperties: false },
);

export const SignedIn = Type.Object({
  status: oneOf(['signed_in'] as const),
  user_id: Type.String(),
  /** Send it back as x-csrf-token on every POST, PUT, PATCH and DELETE. */
  csrf_token: Type.String(),
  expires_at: Time,
});

export const SecondFactorNeeded = Type.Object({
  status: oneOf(['second_factor'] as const),
  pending_token: Type.String(),
  expires_at: Time,
  methods: Type.Array(oneOf(['totp', 'recovery_code'] as const)),
});

export const SignInResponse = Type.Union([SignedIn, SecondFactorNeeded]);

export const SessionSchema = Type.Object({
  id: Type.String(),
  device_name: Type.String(),
  user_agent: Type.String(),
  ip: Type.String(),
  created_at: Time,
  last_seen_at: Time,
  expires_at: Time,
  authenticated_at: Time,
  current: Type.Boolean(),
});

/** A shipped language, `en` or `es`: the language of an account's emails. */
const Language = Type.Unsafe<Locale>(
  Type.String({ enum: [...LOCALES], description: 'The language of the account’s emails' }),
);

export const CurrentSession = Type.Object({
  session: Type.Object({
    id: Type.String(),
    expires_at: Time,
    authenticated_at: Time,
  }),
  csrf_token: Type.String(),
  account: Type.Object({
    user_id: Type.String(),
    email: Type.String(),
    display_name: Type.String(),
    email_verified: Type.Boolean(),
    has_password: Type.Boolean(),
    totp_enabled: Type.Boolean(),
    recovery_codes_left: Type.Integer(),
    passkeys: Type.Integer(),
    advanced_protection: Type.Boolean(),
    language: Language,
  }),
});

export const LanguageRequest = Type.Object({ language: Language }, { additionalProperties: false });

export const SessionParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

export const RenameRequest = Type.Object({ name: DeviceName }, { additionalProperties: false });

export const TotpEnrolment = Type.Object({
  secret: Type.String({
    description: 'Base32; type it into the app if the QR code cannot be scanned',
  }),
  uri: Type.String({ description: 'otpauth:// URI for the QR code' }),
});

export const CodeRequest = Type.Object({ code: TotpCode }, { additionalProperties: false });

export const RecoveryCodes = Type.Object({
  recovery_codes: Type.Array(Type.String(), {
    minItems: RECOVERY_CODE_COUNT,
    maxItems: RECOVERY_CODE_COUNT,
    description: 'Shown this once: each works one time. Keep them somewhere safe.',
  }),
});

export const PasswordChangeRequest = Type.Object(
  { new_password: Password },
  { additionalProperties: false },
);

export const ResetRequest = Type.Object({ email: Email }, { additionalProperties: false });

export const ResetCompleteRequest = Type.Object(
  { token: Token, new_password: Password },
  { additionalProperties: false },
);

export const AdvancedProtectionRequest = Type.Object(
  { enabled: Type.Boolean() },
  { additionalProperties: false },
);

export const Accepted = Type.Object({ message: Type.String() });

export const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
