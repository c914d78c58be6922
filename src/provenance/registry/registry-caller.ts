/**
 * Turn an HTTP request into a registry `Caller`: the access gate decides the capability
 * (401 anonymous, 403 tier), then the registry adds what it alone knows — the key's
 * bound environment, the caller's network — and what the safeguards levers say about
 * the account (revoked or step-up: refused; restricted: a lower effective tier).
 */
import type { FastifyRequest } from 'fastify';
import type { AccessGate, Principal } from '../../access/index.js';
import type { Store } from '../../platform/ports/store.js';
import { networkOf } from './insider-signals.js';
import { accountOf, type Caller } from './registry-access.js';
import { keyEnvironment } from './registry-admin.js';
import { registryErrors } from './registry-errors.js';

export const READ = 'model.registry.read';
export const WRITE = 'model.registry.write';
/** Operators' capability to see insider-threat findings and any artifact's access history. */
export const FINDINGS = 'model.registry.findings';

/** What the levers in force say about one account (the safeguards module answers it). */
export interface RegistryLeverCheck {
  check(subject: { orgId: string | null; userId: string | null; keyId: string | null }): Promise<{
    readonly refused: boolean;
    readonly maxTier: number | null;
  }>;
}

export interface CallerDeps {
  readonly gate: AccessGate;
  readonly store: Store;
  readonly levers?: RegistryLeverCheck;
}

function withTier(p: Principal, tier: number): Principal {
  return tier >= p.tier ? p : ({ ...p, tier } as Principal);
}

export async function callerOf(
  deps: CallerDeps,
  request: FastifyRequest,
  capability: string,
  resource?: { orgId: string; minRole: 'member' | 'analyst' | 'admin' | 'owner' },
): Promise<Caller> {
  const principal = await deps.gate.require(request, capability, resource);
  const who = accountOf(principal);
  let effective = principal;
  if (deps.levers !== undefined) {
    const verdict = await deps.levers.check({
      orgId: principal.kind === 'org' ? principal.orgId : null,
      userId: principal.kind === 'user' ? principal.userId : null,
      keyId: who.keyId,
    });
    if (verdict.refused) throw registryErrors.create('lever_in_force');
    if (verdict.maxTier !== null) effective = withTier(principal, verdict.maxTier);
  }
  return {
    principal: effective,
    ...who,
    keyEnvironment: who.keyId === null ? null : await keyEnvironment(deps.store, who.keyId),
    network: networkOf(request.ip) ?? null,
    requestId: request.id,
  };
}
