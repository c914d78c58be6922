import type { Answers } from '../../../../src/protect/engine/checkup/index.js';
import { apiGet, apiSend } from '../../access/access-client.js';
import { isRecord, type Parser } from '../../api.js';

/** An organization's saved checkups, as the server lists them. */
export interface SnapshotSummary {
  readonly id: string;
  readonly created_at: string;
  readonly overall: number;
  readonly areas: Readonly<Record<string, number>>;
}

const summary = (v: unknown): SnapshotSummary | null =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  typeof v.created_at === 'string' &&
  typeof v.overall === 'number' &&
  isRecord(v.areas)
    ? (v as unknown as SnapshotSummary)
    : null;

const history: Parser<SnapshotSummary[]> = (v) => {
  if (!isRecord(v) || !Array.isArray(v.snapshots)) return null;
  const list = v.snapshots.map(summary);
  return list.every((s) => s !== null) ? (list as SnapshotSummary[]) : null;
};

const base = (orgId: string) => `/api/protect/checkup/orgs/${encodeURIComponent(orgId)}`;

export const listSnapshots = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/snapshots`, history, signal);

export const saveSnapshot = (orgId: string, answers: Answers) =>
  apiSend(`${base(orgId)}/snapshots`, { answers }, summary);

export const pdfExportUrl = (orgId: string, locale: string) =>
  `${base(orgId)}/export?format=pdf&locale=${encodeURIComponent(locale)}`;
