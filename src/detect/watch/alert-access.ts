/**
 * Who may see and handle an alert: members of the alert's organization whose tier includes
 * `detect.run`; server-wide alerts (no organization) only people with `detect.alerts` (the
 * operator staff role). Anyone else is told the alert does not exist.
 */
import { can, type Principal } from '../../access/index.js';
import type { WatchAlert } from './watch-alert.js';

export const RUN_CAPABILITY = 'detect.run';
export const SERVER_ALERTS_CAPABILITY = 'detect.alerts';

export interface AlertViewer {
  /** Organizations whose alerts the caller may see. */
  readonly orgs: readonly string[];
  readonly serverWide: boolean;
}

export function viewerOf(p: Principal): AlertViewer {
  const serverWide = can(p, SERVER_ALERTS_CAPABILITY).allowed;
  const candidates = p.kind === 'org' ? [p.orgId] : p.kind === 'user' ? [...p.orgs.keys()] : [];
  const orgs = candidates.filter((orgId) => can(p, RUN_CAPABILITY, { orgId }).allowed);
  return { orgs, serverWide };
}

export function mayAccess(viewer: AlertViewer, alert: Pick<WatchAlert, 'org'>): boolean {
  return alert.org === null ? viewer.serverWide : viewer.orgs.includes(alert.org);
}

/** Whether the caller may use the alert API at all (else 403, or 401 when anonymous). */
export function mayUseAlerts(p: Principal): boolean {
  return can(p, RUN_CAPABILITY).allowed || can(p, SERVER_ALERTS_CAPABILITY).allowed;
}
