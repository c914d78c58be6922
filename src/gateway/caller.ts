/**
 * Who is calling the gateway: the access gate's principal for the request (API
 * key, cached lookups, the tier's per-minute limit), with the gateway's own
 * refusals — `key_revoked` told apart from `invalid_api_key`, and no anonymous
 * calls. Shared by the lean path and Fastify's routes so both refuse alike.
 */
import type { FastifyRequest } from 'fastify';
import type { AccessGate, Principal } from '../access/index.js';
import { ShieldwallError } from '../platform/errors.js';
import { gatewayErrors } from './errors.js';

/** Why a presented Authorization header was refused: a revoked key, or one never valid. */
export type KeyRefusal = (authorization: string | undefined) => Promise<'revoked' | 'invalid'>;

export async function callerOf(
  gate: AccessGate,
  request: FastifyRequest,
  refusedKey?: KeyRefusal,
): Promise<Principal> {
  let p: Principal;
  try {
    p = await gate.principal(request);
  } catch (err) {
    if (err instanceof ShieldwallError && err.code === 'unauthenticated') {
      const why =
        refusedKey === undefined ? 'invalid' : await refusedKey(request.headers.authorization);
      throw gatewayErrors.create(why === 'revoked' ? 'key_revoked' : 'invalid_api_key');
    }
    throw err;
  }
  if (p.kind === 'anonymous')
    throw gatewayErrors.create('invalid_api_key', {
      message:
        'You did not send an API key. Send a Shieldwall key as Authorization: Bearer sw_live_…',
    });
  return p;
}
