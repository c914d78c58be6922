/** What the applicant's and the reviewer's routes share: their deps, problem schemas, the acting person. */
import type { FastifyRequest } from 'fastify';
import { ProblemSchema } from '../../platform/http/problem.js';
import type { AccessGate } from '../access-http.js';
import type { Principal } from '../engine/index.js';
import { accessErrors } from '../errors.js';
import type { Verification } from './verification.js';
import type { Person } from './verification-types.js';

export interface VerificationRouteDeps {
  readonly verification: Verification;
  readonly gate: AccessGate;
  /** The clock, for the reviewer's recent-sign-in check. */
  readonly now: () => number;
}

export const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  429: ProblemSchema,
};

/** Verification is asked for and decided by people, not by organization keys. */
export function personOf(p: Principal, request: FastifyRequest): Person {
  if (p.kind === 'anonymous') throw accessErrors.create('unauthenticated');
  if (p.kind !== 'user')
    throw accessErrors.create('forbidden', {
      message:
        'Verification is done by a person (signed in, or with a personal API key), not an organization key.',
    });
  return { userId: p.userId, requestId: String(request.id) };
}
