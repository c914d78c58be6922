/**
 * What identity verification needs and hands out. Views carry ISO 8601 times and
 * are what the API returns: the applicant's view never holds internal notes or
 * reviewer identities; the reviewer's view adds them.
 */
import type { AuditLog } from '../../platform/audit/index.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import type { Store } from '../../platform/ports/store.js';
import type { Directory } from '../directory.js';
import type { TierPolicy } from '../engine/index.js';
import type { DnsCheckResult, EvidenceKind, RequestStatus } from './verification-tables.js';

/** Sends one plain-text email. The accounts part provides an outbox mailer; tests an in-memory one. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface VerificationDeps {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly directory: Directory;
  readonly limiter: Limiter;
  readonly policy: () => TierPolicy;
  readonly mailer: Mailer;
  readonly now: () => number;
  /** DNS servers for domain checks (`['127.0.0.1:5353']`); the system resolver when absent. */
  readonly resolverServers?: readonly string[];
  /** Bound on one DNS check (default 5 s). */
  readonly dnsDeadlineMs?: number;
  /** The server's public URL, for links in emails (e.g. `https://shieldwall.example.org`). */
  readonly publicUrl?: string;
}

/** A person acting: their user id and the HTTP request or CLI run that caused it. */
export interface Person {
  readonly userId: string;
  readonly requestId?: string;
}

export interface SubjectRef {
  readonly type: 'org' | 'user';
  readonly id: string;
}

export interface EvidenceView {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly createdAt: string;
  /** It proves something on its own: a passed DNS check, a confirmed mailbox, a qualified sponsor. */
  readonly satisfied: boolean;
  readonly dns?: {
    readonly domain: string;
    readonly record: { readonly name: string; readonly type: 'TXT'; readonly value: string };
    readonly checkedAt: string | null;
    readonly result: DnsCheckResult | null;
    readonly message: string | null;
  };
  readonly email?: {
    readonly domain: string;
    readonly address: string;
    readonly codeExpiresAt: string | null;
    readonly confirmedAt: string | null;
  };
  readonly document?: {
    readonly fileName: string;
    readonly mediaType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
  };
  readonly sponsor?: {
    readonly type: 'org' | 'user';
    readonly id: string;
    readonly statement: string;
  };
}

export interface DecisionView {
  readonly decision: 'approved' | 'denied';
  /** The reason the applicant reads. */
  readonly reason: string;
  readonly decidedAt: string;
}

export interface AppealView {
  readonly statement: string;
  readonly createdAt: string;
  readonly decision: 'approved' | 'denied' | null;
  readonly reason: string | null;
  readonly decidedAt: string | null;
}

/** A request as its applicant (or another admin of the org) sees it. */
export interface RequestView {
  readonly id: string;
  readonly subject: SubjectRef;
  readonly requestedTier: number;
  readonly statement: string;
  readonly status: RequestStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the tier granted by this request ends (approved requests). */
  readonly grantedUntil: string | null;
  readonly evidence: readonly EvidenceView[];
  readonly decision: DecisionView | null;
  readonly appeal: AppealView | null;
}

/** A request as a reviewer sees it: who asked, who decided, internal notes. */
export interface ReviewView extends Omit<RequestView, 'decision' | 'appeal'> {
  readonly applicantId: string;
  readonly queuedAt: string;
  readonly decision:
    | (DecisionView & { readonly reviewerId: string; readonly internalNote: string | null })
    | null;
  readonly appeal:
    | (AppealView & {
        readonly deniedBy: string;
        readonly reviewerId: string | null;
        readonly internalNote: string | null;
      })
    | null;
}

export interface ReverificationDue {
  readonly requestId: string;
  readonly subject: SubjectRef;
  readonly tier: number;
  readonly applicantId: string;
  readonly grantedUntil: string;
}
