/**
 * The alert use cases behind the API: list, read, and change an alert's status. Every read and
 * change is checked against what the caller may see (an alert they may not see does not exist
 * for them); every status change is audited and announced on the bus (`detect.alert.updated`).
 */
import type { AuditLog } from '../../platform/audit/index.js';
import type { Bus } from '../../platform/ports/bus.js';
import type { Store } from '../../platform/ports/store.js';
import { detectErrors } from '../errors.js';
import { type AlertViewer, mayAccess } from './alert-access.js';
import { type AlertPage, type AlertQuery, createAlertStore } from './alert-store.js';
import { ALERT_UPDATED, type AlertStatus, type WatchAlert } from './watch-alert.js';

/** Longest note kept with a status change. */
export const MAX_NOTE_CHARS = 2000;

export interface Actor {
  readonly id: string;
  readonly requestId?: string;
}

export function createAlertService(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly now?: () => number;
}) {
  const alerts = createAlertStore(deps.store, deps.now);
  const notFound = () => detectErrors.create('alert_not_found');

  const visible = async (viewer: AlertViewer, id: string): Promise<WatchAlert> => {
    const alert = await alerts.get(id);
    if (alert === undefined || !mayAccess(viewer, alert)) throw notFound();
    return alert;
  };

  return {
    list(viewer: AlertViewer, q: Omit<AlertQuery, 'orgs' | 'serverWide'>): Promise<AlertPage> {
      return alerts.list({ ...q, orgs: viewer.orgs, serverWide: viewer.serverWide });
    },

    get: visible,

    async setStatus(
      viewer: AlertViewer,
      id: string,
      status: AlertStatus,
      note: string | null,
      actor: Actor,
    ): Promise<WatchAlert> {
      const current = await visible(viewer, id);
      if (current.status === status && note === null) return current;
      const changed = await alerts.setStatus(id, status, { note, by: actor.id });
      if (changed === undefined) throw notFound();
      await deps.audit.append({
        actor: actor.id,
        action: 'detect.alert.status_changed',
        subject: `alert:${id}`,
        // The note stays in the alert: the audit log is public, a note may name people or systems.
        data: {
          org: current.org,
          from: changed.previous,
          to: status,
          level: current.level,
          rule: current.rule?.id ?? null,
          noted: note !== null,
        },
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
      });
      await deps.bus.publish(ALERT_UPDATED, changed.alert);
      return changed.alert;
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
