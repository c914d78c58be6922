import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { isRecord } from '../api.js';
import { apiGet, apiSend } from './access-client.js';
import {
  arrayOf,
  bool,
  ignoreBody,
  nullable,
  num,
  type Of,
  object,
  oneOf,
  parserOf,
  str,
} from './shapes.js';

/** /api/access/account and /api/access/passkeys, as the pages use them. */
const ACCOUNT = '/api/access/account';
const PASSKEYS = '/api/access/passkeys';

const SignedIn = object({ status: oneOf('signed_in'), csrf_token: str });
const SecondFactor = object({
  status: oneOf('second_factor'),
  pending_token: str,
  methods: arrayOf(oneOf('totp', 'recovery_code')),
});
export type SignInAnswer = Of<typeof SignedIn> | Of<typeof SecondFactor>;
const signInAnswer = parserOf((v: unknown): v is SignInAnswer => SignedIn(v) || SecondFactor(v));
const signedIn = parserOf(SignedIn);

const AccountFacts = object({
  user_id: str,
  email: str,
  display_name: str,
  email_verified: bool,
  has_password: bool,
  totp_enabled: bool,
  recovery_codes_left: num,
  passkeys: num,
  advanced_protection: bool,
});
const CurrentSession = object({
  session: object({ id: str, authenticated_at: str }),
  csrf_token: str,
  account: AccountFacts,
});
export type CurrentSession = Of<typeof CurrentSession>;
export type AccountFacts = Of<typeof AccountFacts>;

export const getSession = (signal?: AbortSignal) =>
  apiGet(`${ACCOUNT}/session`, parserOf(CurrentSession), signal);

export const signUp = (email: string, displayName: string, password: string) =>
  apiSend(
    `${ACCOUNT}/sign-up`,
    { email, display_name: displayName, password },
    parserOf(object({ message: str })),
  );

export const verifyEmail = (token: string) =>
  apiSend(`${ACCOUNT}/verify-email`, { token }, ignoreBody);

export const signInWithPassword = (email: string, password: string) =>
  apiSend(`${ACCOUNT}/sign-in`, { email, password }, signInAnswer);

/** The second step: a 6-digit code, or (`recovery`) one of the saved recovery codes. */
export const finishSignIn = (pendingToken: string, code: string, recovery: boolean) =>
  apiSend(
    `${ACCOUNT}/sign-in/second-factor`,
    { pending_token: pendingToken, ...(recovery ? { recovery_code: code } : { code }) },
    signInAnswer,
  );

export const signOut = () => apiSend(`${ACCOUNT}/sign-out`, undefined, ignoreBody);

export const requestPasswordReset = (email: string) =>
  apiSend(`${ACCOUNT}/password-reset/request`, { email }, parserOf(object({ message: str })));

export const completePasswordReset = (token: string, newPassword: string) =>
  apiSend(`${ACCOUNT}/password-reset/complete`, { token, new_password: newPassword }, ignoreBody);

export const stepUpWithPassword = (password: string, code: string) =>
  apiSend(
    `${ACCOUNT}/step-up`,
    { password, ...secondFactorField(code) },
    parserOf(object({ authenticated_at: str })),
  );

/** Recovery codes look like xxxx-xxxx-xxxx-xxxx; anything shorter is an app code. */
function secondFactorField(code: string): Record<string, string> {
  const trimmed = code.trim();
  if (trimmed === '') return {};
  return trimmed.length > 12 ? { recovery_code: trimmed } : { code: trimmed.replace(/\s/g, '') };
}

const Session = object({
  id: str,
  device_name: str,
  user_agent: str,
  ip: str,
  created_at: str,
  last_seen_at: str,
  current: bool,
});
export type DeviceSession = Of<typeof Session>;

export const listSessions = (signal?: AbortSignal) =>
  apiGet(`${ACCOUNT}/sessions`, parserOf(object({ sessions: arrayOf(Session) })), signal).then(
    (answer) => answer.sessions,
  );
export const renameSession = (id: string, name: string) =>
  apiSend(`${ACCOUNT}/sessions/${id}`, { name }, ignoreBody, 'PATCH');
export const endSession = (id: string) =>
  apiSend(`${ACCOUNT}/sessions/${id}`, undefined, ignoreBody, 'DELETE');
export const endOtherSessions = () =>
  apiSend(`${ACCOUNT}/sessions/revoke-others`, undefined, parserOf(object({ ended: num })));

export const beginTotp = () =>
  apiSend(`${ACCOUNT}/totp/enrol`, undefined, parserOf(object({ secret: str, uri: str })));
const RecoveryCodes = parserOf(object({ recovery_codes: arrayOf(str) }));
export const confirmTotp = (code: string) =>
  apiSend(`${ACCOUNT}/totp/confirm`, { code: code.replace(/\s/g, '') }, RecoveryCodes).then(
    (a) => a.recovery_codes,
  );
export const disableTotp = () => apiSend(`${ACCOUNT}/totp/disable`, undefined, ignoreBody);
export const newRecoveryCodes = () =>
  apiSend(`${ACCOUNT}/recovery-codes`, undefined, RecoveryCodes).then((a) => a.recovery_codes);
export const changePassword = (newPassword: string) =>
  apiSend(
    `${ACCOUNT}/password`,
    { new_password: newPassword },
    parserOf(object({ other_sessions_ended: num })),
  );
export const setAdvancedProtection = (enabled: boolean) =>
  apiSend(
    `${ACCOUNT}/advanced-protection`,
    { enabled },
    parserOf(object({ enabled: bool })),
    'PUT',
  );

const Passkey = object({ id: str, name: str, created_at: str, last_used_at: nullable(str) });
export type Passkey = Of<typeof Passkey>;

export const listPasskeys = (signal?: AbortSignal) =>
  apiGet(PASSKEYS, parserOf(arrayOf(Passkey)), signal);
export const renamePasskey = (id: string, name: string) =>
  apiSend(`${PASSKEYS}/${encodeURIComponent(id)}`, { name }, ignoreBody, 'PATCH');
export const removePasskey = (id: string) =>
  apiSend(`${PASSKEYS}/${encodeURIComponent(id)}`, undefined, ignoreBody, 'DELETE');

/**
 * The server's WebAuthn options are passed to the browser as they are: the
 * server builds them with @simplewebauthn/server, the matching library.
 */
const options = parserOf((v: unknown): v is Record<string, unknown> => isRecord(v));

/** Ask the browser (and the phone, key or computer) to make a passkey, then save it. */
export async function addPasskey(name: string): Promise<Passkey> {
  const optionsJSON = (await apiSend(
    `${PASSKEYS}/register/options`,
    undefined,
    options,
  )) as unknown as PublicKeyCredentialCreationOptionsJSON;
  const credential: RegistrationResponseJSON = await startRegistration({ optionsJSON });
  return apiSend(`${PASSKEYS}/register`, { credential, name }, parserOf(Passkey));
}

async function assertion(path: string): Promise<AuthenticationResponseJSON> {
  const optionsJSON = (await apiSend(
    path,
    undefined,
    options,
  )) as unknown as PublicKeyCredentialRequestOptionsJSON;
  return startAuthentication({ optionsJSON });
}

export async function signInWithPasskey() {
  const credential = await assertion(`${PASSKEYS}/sign-in/options`);
  return apiSend(`${PASSKEYS}/sign-in`, { credential }, signedIn);
}

export async function stepUpWithPasskey() {
  const credential = await assertion(`${PASSKEYS}/step-up/options`);
  return apiSend(
    `${PASSKEYS}/step-up`,
    { credential },
    parserOf(object({ authenticated_at: str })),
  );
}

/** Recovering an account that lost every second factor: start, confirm, finish, stop. */
const Recovery = object({ started_at: str, completes_at: str });
export type Recovery = Of<typeof Recovery>;

export const startRecovery = (email: string) =>
  apiSend(`${ACCOUNT}/recovery/start`, { email }, parserOf(object({ message: str })));
export const confirmRecovery = (token: string) =>
  apiSend(`${ACCOUNT}/recovery/confirm`, { token }, parserOf(object({ completes_at: str })));
export const completeRecovery = (token: string, newPassword: string) =>
  apiSend(`${ACCOUNT}/recovery/complete`, { token, new_password: newPassword }, ignoreBody);
export const getRecovery = (signal?: AbortSignal) =>
  apiGet(`${ACCOUNT}/recovery`, parserOf(object({ recovery: nullable(Recovery) })), signal).then(
    (answer) => answer.recovery,
  );
export const cancelRecovery = () => apiSend(`${ACCOUNT}/recovery/cancel`, undefined, ignoreBody);

/** The alerts a trusted contact can get, in the server's words. */
export const CONTACT_ALERTS = [
  'new_sign_in',
  'security_change',
  'recovery_started',
  'scam_high_risk',
  'scam_recovery',
] as const;
export type ContactAlert = (typeof CONTACT_ALERTS)[number];

// Alerts are read as plain strings: one this page does not know yet is kept, not refused.
const TrustedContact = object({ name: str, email: str, alerts: arrayOf(str), since: str });
export type TrustedContact = Of<typeof TrustedContact>;

export const getTrustedContact = (signal?: AbortSignal) =>
  apiGet(
    `${ACCOUNT}/trusted-contact`,
    parserOf(object({ contact: nullable(TrustedContact) })),
    signal,
  ).then((answer) => answer.contact);
export const setTrustedContact = (name: string, email: string, alerts: readonly string[]) =>
  apiSend(`${ACCOUNT}/trusted-contact`, { name, email, alerts }, ignoreBody, 'PUT');
export const removeTrustedContact = () =>
  apiSend(`${ACCOUNT}/trusted-contact`, undefined, ignoreBody, 'DELETE');
/** For the contact, from the link in their mail: no account needed. */
export const stopContactAlerts = (token: string) =>
  apiSend(`${ACCOUNT}/trusted-contact/stop`, { token }, ignoreBody);
