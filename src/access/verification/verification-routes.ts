/**
 * The identity-verification API under /api/access/verification: the applicant's
 * routes (applicant-routes.ts) and the reviewer's (reviewer-routes.ts). Thin:
 * authorize through the gate, call the service, map to the wire format.
 */
import type { App } from '../../platform/http/app.js';
import { registerApplicantRoutes } from './applicant-routes.js';
import { registerReviewerRoutes } from './reviewer-routes.js';
import type { VerificationRouteDeps } from './verification-http.js';

export type { VerificationRouteDeps } from './verification-http.js';

/**
 * @example
 * registerVerificationRoutes(app, { verification, gate, now: access.now });
 */
export function registerVerificationRoutes(app: App, deps: VerificationRouteDeps): void {
  registerApplicantRoutes(app, deps);
  registerReviewerRoutes(app, deps);
}
