import type { WhatHappened } from '../../../../src/protect/engine/recovery/index.js';
import type { Category } from '../../../../src/protect/engine/types.js';
import { ApiError, getJson, isRecord, languageHeader } from '../../api.js';

/** The two trusted-contact alerts protect can send (src/protect/after/contact-alert.ts). */
export type ProtectAlert = 'scam_high_risk' | 'scam_recovery';

export interface AlertOffer {
  readonly signedIn: boolean;
  readonly alerts: readonly ProtectAlert[];
}

const parseOffer = (value: unknown): AlertOffer | null => {
  if (!isRecord(value) || typeof value.signed_in !== 'boolean' || !Array.isArray(value.alerts))
    return null;
  const alerts = value.alerts.filter(
    (a): a is ProtectAlert => a === 'scam_high_risk' || a === 'scam_recovery',
  );
  return { signedIn: value.signed_in, alerts };
};

/** Whether to offer "Tell my trusted contact": answers (never 401) for signed-out visitors too. */
export function getAlertOffer(signal?: AbortSignal): Promise<AlertOffer> {
  return getJson('/api/protect/contact-alert', parseOffer, signal === undefined ? {} : { signal });
}

export type AlertBody =
  | { readonly kind: 'scam_high_risk'; readonly category: Category }
  | {
      readonly kind: 'scam_recovery';
      readonly what: readonly WhatHappened[];
      readonly category?: Category;
    };

/**
 * Send the alert as the signed-in person, with the session's CSRF token. Written here rather than
 * with the account pages' client so the checker's main bundle does not load the passkey library.
 */
export async function sendAlert(body: AlertBody): Promise<void> {
  const csrf = await getJson('/api/access/account/session', (v) =>
    isRecord(v) && typeof v.csrf_token === 'string' ? v.csrf_token : null,
  );
  let response: Response;
  try {
    response = await fetch('/api/protect/contact-alert', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': csrf,
        ...languageHeader(),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ApiError('unreachable', "We can't reach the Shieldwall server. Please try again.");
  }
  if (response.ok) return;
  const problem: unknown = await response.json().catch(() => null);
  const detail =
    isRecord(problem) && typeof problem.detail === 'string' ? problem.detail : undefined;
  throw new ApiError(
    'problem',
    detail ?? `The server could not do this (error ${response.status}).`,
    response.status,
    isRecord(problem) && typeof problem.code === 'string' ? problem.code : undefined,
  );
}
