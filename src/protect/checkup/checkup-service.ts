/**
 * The small-business checkup's use cases: save a completed checkup as a dated snapshot of an
 * organization, list the history, and export a snapshot as Markdown, PDF or CSV. Who may do what
 * is decided by the routes (access gate) or is the operator (CLI); this service trusts its caller
 * with the organization id. Every saved snapshot and every export is audited — who, which
 * organization and the scores, never the answers.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { Store } from '../../platform/ports/store.js';
import {
  type Answers,
  AREAS,
  type Area,
  CHECKUP_VERSION,
  type CheckupResult,
  readAnswers,
  renderCsv,
  renderMarkdown,
  scoreCheckup,
} from '../engine/checkup/index.js';
import { checkupErrors } from './checkup-errors.js';
import type { CheckupSnapshotRow, CheckupTables } from './checkup-tables.js';

/** Snapshots listed per organization (newest first); older ones stay stored. */
export const HISTORY_LIMIT = 100;

export interface SnapshotSummary {
  readonly id: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly version: number;
  readonly overall: number;
  readonly areas: Readonly<Record<Area, number>>;
}

export interface Snapshot extends SnapshotSummary {
  readonly answers: Answers;
  readonly result: CheckupResult;
}

export type ExportFormat = 'md' | 'pdf' | 'csv';

export interface ExportFile {
  readonly format: ExportFormat;
  readonly contentType: string;
  readonly filename: string;
  readonly body: Buffer;
}

export interface CheckupServiceDeps {
  readonly store: Store;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly now: () => number;
}

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

/** The UTC calendar day of an epoch-ms time, for reports and file names. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function summary(row: CheckupSnapshotRow): SnapshotSummary {
  const stored = JSON.parse(row.area_scores) as Record<string, unknown>;
  const areas = Object.fromEntries(
    AREAS.map((a) => [a, typeof stored[a] === 'number' ? stored[a] : 0]),
  ) as Record<Area, number>;
  return {
    id: row.id,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    version: Number(row.version),
    overall: Number(row.overall),
    areas,
  };
}

function full(row: CheckupSnapshotRow): Snapshot {
  const parsed = readAnswers(JSON.parse(row.answers) as Record<string, unknown>);
  // Stored answers were checked when saved; a question retired since is simply left out.
  const answers = parsed.ok ? parsed.answers : {};
  return { ...summary(row), answers, result: scoreCheckup(answers) };
}

export function createCheckupService(deps: CheckupServiceDeps) {
  const db = () => deps.store.db<CheckupTables>();

  const byId = async (orgId: string, id: string) => {
    const row = await db()
      .selectFrom('protect_checkup_snapshot')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw checkupErrors.create('snapshot_not_found');
    return full(row);
  };

  const latest = async (orgId: string) => {
    const row = await db()
      .selectFrom('protect_checkup_snapshot')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row === undefined) throw checkupErrors.create('no_snapshot');
    return full(row);
  };

  return {
    /**
     * Checks and scores a completed checkup and stores it as the organization's newest snapshot.
     * Unknown questions or answers are refused (400, each named); so is a checkup with a
     * question unanswered.
     */
    async save(
      orgId: string,
      input: Readonly<Record<string, unknown>>,
      actor: { id: string; requestId?: string },
    ): Promise<Snapshot> {
      const parsed = readAnswers(input);
      if (!parsed.ok)
        throw checkupErrors.create('answers_invalid', {
          message: `Some answers are not valid: ${parsed.problems
            .slice(0, 10)
            .map((p) =>
              p.kind === 'unknown_question'
                ? `there is no question "${p.id}"`
                : `the answer to "${p.id}" must be yes, partly, no or unknown`,
            )
            .join('; ')}.`,
          details: { problems: parsed.problems },
        });
      const result = scoreCheckup(parsed.answers);
      if (!result.complete)
        throw checkupErrors.create('answers_incomplete', {
          message: `Answer every question before saving (“I don’t know” is an answer). Not answered: ${result.unanswered.join(', ')}.`,
          details: { unanswered: result.unanswered },
        });
      const areas = Object.fromEntries(result.areas.map((a) => [a.area, a.score]));
      const row: CheckupSnapshotRow = {
        id: randomUUID(),
        org_id: orgId,
        created_at: deps.now(),
        created_by: actor.id,
        version: CHECKUP_VERSION,
        answers: JSON.stringify(parsed.answers),
        overall: result.overall,
        area_scores: JSON.stringify(areas),
      };
      await db().insertInto('protect_checkup_snapshot').values(row).execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'protect.checkup.saved',
        subject: `org:${orgId}`,
        data: { snapshot: row.id, version: CHECKUP_VERSION, overall: result.overall, areas },
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
      });
      return full(row);
    },

    /** The organization's snapshots, newest first (at most {@link HISTORY_LIMIT}). */
    async history(orgId: string): Promise<SnapshotSummary[]> {
      const rows = await db()
        .selectFrom('protect_checkup_snapshot')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(HISTORY_LIMIT)
        .execute();
      return rows.map(summary);
    },

    snapshot: byId,
    latest,

    /** A snapshot (the latest unless `snapshotId`) as a file in `locale`. Audited. */
    async export(
      org: { id: string; name: string },
      format: ExportFormat,
      locale: Locale,
      actor: { id: string; requestId?: string },
      snapshotId?: string,
    ): Promise<ExportFile> {
      const snap = snapshotId === undefined ? await latest(org.id) : await byId(org.id, snapshotId);
      const meta = { locale, orgName: org.name, completedOn: isoDay(snap.createdAt) };
      const body =
        format === 'md'
          ? Buffer.from(renderMarkdown(snap.result, snap.answers, meta), 'utf8')
          : format === 'csv'
            ? Buffer.from(renderCsv(snap.answers, locale), 'utf8')
            : // pdfkit costs ~0.3 s to load: only when a PDF is asked for, not for every CLI command.
              await (await import('./checkup-pdf.js')).renderPdf(snap.result, snap.answers, meta);
      await deps.audit.append({
        actor: actor.id,
        action: 'protect.checkup.exported',
        subject: `org:${org.id}`,
        data: { snapshot: snap.id, format, locale },
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
      });
      return {
        format,
        contentType: CONTENT_TYPES[format],
        filename: `checkup-${isoDay(snap.createdAt)}.${format}`,
        body,
      };
    },
  };
}

export type CheckupService = ReturnType<typeof createCheckupService>;
