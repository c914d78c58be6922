/**
 * Trusted-contact alerts from protect: when a signed-in person who chose it gets a `scam` verdict,
 * or asks for help after a scam, their trusted contact (access module) gets an email with the
 * reason only. The contact gains no access. Every decision is audited; at most
 * {@link ALERTS_PER_DAY} alerts a day per person reach the contact, so a retry loop, a script or
 * a worried double-click cannot flood someone's inbox.
 */
import type { ContactAlert, ContactAlerts } from '../../access/index.js';
import type { AuditLog } from '../../platform/audit/index.js';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import type { WhatHappened } from '../engine/recovery/index.js';
import type { Category } from '../engine/types.js';
import { afterErrors } from './after-errors.js';
import { highRiskAlertText, recoveryAlertText } from './alert-text.js';

export const ALERTS_PER_DAY = 3;
const DAY_MS = 86_400_000;

export type ProtectAlertKind = Extract<ContactAlert, 'scam_high_risk' | 'scam_recovery'>;
export const PROTECT_ALERT_KINDS: readonly ProtectAlertKind[] = ['scam_high_risk', 'scam_recovery'];

export type AlertRequest =
  | { readonly kind: 'scam_high_risk'; readonly category: Category }
  | {
      readonly kind: 'scam_recovery';
      readonly what: readonly WhatHappened[];
      readonly category?: Category;
    };

export interface ContactAlertDeps {
  readonly alerts: ContactAlerts;
  readonly limiter: Limiter;
  readonly audit: AuditLog;
}

export type AlertOutcome = 'sent' | 'not_opted_in' | 'rate_limited';

export function createContactAlertService(deps: ContactAlertDeps) {
  const audit = async (
    userId: string,
    request: AlertRequest,
    outcome: AlertOutcome,
    requestId: string | undefined,
    via: 'button' | 'api_check',
  ) => {
    await deps.audit.append({
      actor: `user:${userId}`,
      action: `protect.contact_alert.${outcome}`,
      subject: `user:${userId}`,
      outcome: outcome === 'sent' ? 'success' : 'denied',
      // Codes only: never the message, link or number the person checked.
      data: {
        kind: request.kind,
        via,
        ...(request.category === undefined ? {} : { category: request.category }),
        ...(request.kind === 'scam_recovery' ? { what: [...request.what] } : {}),
      },
      ...(requestId === undefined ? {} : { requestId }),
    });
  };

  return {
    /** The protect alerts the person's trusted contact gets (what the web offers a button for). */
    async offered(userId: string): Promise<ProtectAlertKind[]> {
      const chosen = await deps.alerts.chosen(userId);
      return PROTECT_ALERT_KINDS.filter((k) => chosen.includes(k));
    },

    /**
     * Alert the contact. Returns the outcome rather than throwing, so the automatic path (a scam
     * verdict over the API) never fails the check; the button path turns it into an error.
     */
    async alert(
      userId: string,
      request: AlertRequest,
      options: { requestId?: string; via: 'button' | 'api_check' },
    ): Promise<AlertOutcome> {
      const chosen = await deps.alerts.chosen(userId);
      if (!chosen.includes(request.kind)) {
        // The automatic path runs on every scam verdict of every signed-in person: only the
        // explicit button's refusals are worth an audit entry.
        if (options.via === 'button')
          await audit(userId, request, 'not_opted_in', options.requestId, options.via);
        return 'not_opted_in';
      }
      const decision = await deps.limiter.consume(`protect:contact-alert:${userId}`, {
        limit: ALERTS_PER_DAY,
        windowMs: DAY_MS,
      });
      if (!decision.allowed) {
        await audit(userId, request, 'rate_limited', options.requestId, options.via);
        return 'rate_limited';
      }
      const text =
        request.kind === 'scam_high_risk'
          ? (locale: Locale) => highRiskAlertText(request.category, locale)
          : (locale: Locale) => recoveryAlertText(request.what, request.category, locale);
      const sent = await deps.alerts.send(userId, request.kind, text);
      // The contact was removed between the two reads: nothing was sent.
      const outcome: AlertOutcome = sent ? 'sent' : 'not_opted_in';
      await audit(userId, request, outcome, options.requestId, options.via);
      return outcome;
    },
  };
}

export type ContactAlertService = ReturnType<typeof createContactAlertService>;

/** The button's outcome as an error for the person, or nothing when it was sent. */
export function throwUnlessSent(outcome: AlertOutcome): void {
  if (outcome === 'not_opted_in') throw afterErrors.create('not_opted_in');
  if (outcome === 'rate_limited') throw afterErrors.create('alert_rate_limited');
}
