/**
 * What every verification use case shares: the typed database handle, loading a
 * request with the "who may see it" rule, auditing, text checks and the views.
 */
import type { AuditOutcome } from '../../platform/audit/index.js';
import type { ShieldwallError } from '../../platform/errors.js';
import type { Actor } from '../directory.js';
import { roleAtLeast } from '../engine/index.js';
import { accessErrors } from '../errors.js';
import { challengeFor } from './dns-check.js';
import type {
  VerificationAppealRow,
  VerificationDecisionRow,
  VerificationEvidenceRow,
  VerificationRequestRow,
  VerificationTables,
} from './verification-tables.js';
import type {
  EvidenceView,
  Person,
  RequestView,
  ReviewView,
  VerificationDeps,
} from './verification-types.js';

export type Context = ReturnType<typeof createContext>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function createContext(deps: VerificationDeps) {
  const db = () => deps.store.db<VerificationTables>();

  const actorOf = (p: Person): Actor => ({ id: `user:${p.userId}`, requestId: p.requestId });

  const audit = async (
    who: Person | 'system',
    action: string,
    /** A request id, or a whole subject such as `org:<id>` when there is no request. */
    target: string,
    data: Record<string, unknown>,
    outcome: AuditOutcome = 'success',
  ) => {
    await deps.audit.append({
      actor: who === 'system' ? 'system' : `user:${who.userId}`,
      action: `access.verification.${action}`,
      subject: target.includes(':') ? target : `verification:${target}`,
      outcome,
      data,
      ...(who === 'system' || who.requestId === undefined ? {} : { requestId: who.requestId }),
    });
  };

  /** Audit a refusal (outcome `denied`) and hand back the error to throw. */
  const refuse = async (
    who: Person,
    action: string,
    requestId: string,
    err: ShieldwallError,
    data: Record<string, unknown> = {},
  ): Promise<ShieldwallError> => {
    await audit(who, action, requestId, { ...data, refused: err.code }, 'denied');
    return err;
  };

  const notFound = () =>
    accessErrors.create('not_found', { message: 'There is no such verification request.' });

  const requestRow = async (id: string): Promise<VerificationRequestRow> => {
    const row = await db()
      .selectFrom('access_verification_request')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw notFound();
    return row;
  };

  /**
   * A person's own request, or their organization's when they are its owner or
   * admin. Anything else is "not found", so nobody learns other requests exist.
   */
  const visibleRow = async (id: string, userId: string): Promise<VerificationRequestRow> => {
    const row = await requestRow(id);
    if (row.subject_type === 'user') {
      if (row.subject_id !== userId) throw notFound();
      return row;
    }
    const role = (await deps.directory.orgsOf(userId)).get(row.subject_id);
    if (role === undefined || !roleAtLeast(role, 'admin')) throw notFound();
    return row;
  };

  const evidenceOf = async (requestIds: readonly string[]) => {
    const out = new Map<string, VerificationEvidenceRow[]>();
    if (requestIds.length === 0) return out;
    const rows = await db()
      .selectFrom('access_verification_evidence')
      .selectAll()
      .where('request_id', 'in', [...requestIds])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.request_id, [...(out.get(r.request_id) ?? []), r]);
    return out;
  };

  const decisionsOf = async (requestIds: readonly string[]) => {
    const decisions = new Map<string, VerificationDecisionRow>();
    const appeals = new Map<string, VerificationAppealRow>();
    if (requestIds.length === 0) return { decisions, appeals };
    const ids = [...requestIds];
    for (const d of await db()
      .selectFrom('access_verification_decision')
      .selectAll()
      .where('request_id', 'in', ids)
      .execute())
      decisions.set(d.request_id, d);
    for (const a of await db()
      .selectFrom('access_verification_appeal')
      .selectAll()
      .where('request_id', 'in', ids)
      .execute())
      appeals.set(a.request_id, a);
    return { decisions, appeals };
  };

  /** Views of many requests with three queries, not three per request. */
  const views = async (rows: readonly VerificationRequestRow[]) => {
    const ids = rows.map((r) => r.id);
    const evidence = await evidenceOf(ids);
    const { decisions, appeals } = await decisionsOf(ids);
    return rows.map((r) => ({
      row: r,
      evidence: evidence.get(r.id) ?? [],
      decision: decisions.get(r.id) ?? null,
      appeal: appeals.get(r.id) ?? null,
    }));
  };

  return {
    deps,
    db,
    actorOf,
    audit,
    refuse,
    notFound,
    requestRow,
    visibleRow,
    evidenceOf,
    async applicantViews(rows: readonly VerificationRequestRow[]): Promise<RequestView[]> {
      return (await views(rows)).map((v) => ({
        ...baseView(v.row, v.evidence),
        decision:
          v.decision === null
            ? null
            : {
                decision: v.decision.decision,
                reason: v.decision.reason,
                decidedAt: iso(v.decision.decided_at),
              },
        appeal: v.appeal === null ? null : appealBase(v.appeal),
      }));
    },
    async reviewViews(rows: readonly VerificationRequestRow[]): Promise<ReviewView[]> {
      return (await views(rows)).map((v) => ({
        ...baseView(v.row, v.evidence),
        applicantId: v.row.applicant_id,
        queuedAt: iso(v.row.queued_at),
        decision:
          v.decision === null
            ? null
            : {
                decision: v.decision.decision,
                reason: v.decision.reason,
                decidedAt: iso(v.decision.decided_at),
                reviewerId: v.decision.reviewer_id,
                internalNote: v.decision.internal_note,
              },
        appeal:
          v.appeal === null
            ? null
            : {
                ...appealBase(v.appeal),
                deniedBy: v.appeal.denied_by,
                reviewerId: v.appeal.reviewer_id,
                internalNote: v.appeal.internal_note,
              },
      }));
    },
  };
}

function baseView(r: VerificationRequestRow, evidence: readonly VerificationEvidenceRow[]) {
  return {
    id: r.id,
    subject: { type: r.subject_type, id: r.subject_id },
    requestedTier: r.requested_tier,
    statement: r.statement,
    status: r.status,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    grantedUntil: isoOrNull(r.granted_until),
    evidence: evidence.map(evidenceView),
  };
}

function appealBase(a: VerificationAppealRow) {
  return {
    statement: a.statement,
    createdAt: iso(a.created_at),
    decision: a.decision,
    reason: a.reason,
    decidedAt: isoOrNull(a.decided_at),
  };
}

export function evidenceView(e: VerificationEvidenceRow): EvidenceView {
  const base = {
    id: e.id,
    kind: e.kind,
    createdAt: iso(e.created_at),
    satisfied: e.satisfied === 1,
  };
  switch (e.kind) {
    case 'dns_txt':
      return {
        ...base,
        dns: {
          domain: e.domain ?? '',
          record: challengeFor(e.domain ?? '', e.dns_token ?? ''),
          checkedAt: isoOrNull(e.dns_checked_at),
          result: e.dns_result,
          message: e.dns_message,
        },
      };
    case 'email_domain':
      return {
        ...base,
        email: {
          domain: e.domain ?? '',
          address: e.email_address ?? '',
          codeExpiresAt: e.email_code_hash === null ? null : isoOrNull(e.email_code_expires_at),
          confirmedAt: isoOrNull(e.email_confirmed_at),
        },
      };
    case 'document':
      return {
        ...base,
        document: {
          fileName: e.file_name ?? '',
          mediaType: e.media_type ?? '',
          sizeBytes: Number(e.size_bytes ?? 0),
          sha256: e.sha256 ?? '',
        },
      };
    case 'sponsor':
      return {
        ...base,
        sponsor: {
          type: e.sponsor_type ?? 'org',
          id: e.sponsor_id ?? '',
          statement: e.sponsor_statement ?? '',
        },
      };
  }
}

/**
 * Free text people write (statements, reasons, notes): trimmed, 1 to `max`
 * characters (0 allowed when optional), line breaks and tabs but no other control characters.
 */
export function checkText(value: string, what: string, max: number): string {
  const text = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  if (text.length === 0 || text.length > max || CONTROL.test(text))
    throw accessErrors.create('invalid_input', {
      message: `${what} must be 1 to ${max} characters of text.`,
    });
  return text;
}

export function checkOptionalText(
  value: string | undefined,
  what: string,
  max: number,
): string | null {
  if (value === undefined || value.trim() === '') return null;
  return checkText(value, what, max);
}
