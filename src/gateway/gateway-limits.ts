/**
 * The gateway's limits from the tier policy, through the limiter port (exact
 * across instances with Redis): requests per minute per key, tokens per minute
 * per key and per organization, taken together in one all-or-nothing
 * `consumeAll` (one round trip with Redis). Tokens are taken up front from an
 * estimate and settled with the upstream's `usage` afterwards.
 */
import type { Principal, TierPolicy } from '../access/index.js';

type Tier = TierPolicy['tiers'][number];

import type { Limiter, RateDecision } from '../platform/ports/limiter.js';
import type { Usage } from './engine/openai-payload.js';
import { gatewayErrors } from './errors.js';

/** Who a request is counted and recorded against. */
export interface Who {
  /** `org:<id>` or `user:<id>`. */
  readonly principal: string;
  readonly orgId: string | null;
  readonly keyId: string | null;
}

export function whoIs(p: Principal): Who {
  if (p.kind === 'org') return { principal: `org:${p.orgId}`, orgId: p.orgId, keyId: p.keyId };
  if (p.kind === 'user')
    return { principal: `user:${p.userId}`, orgId: null, keyId: p.keyId ?? null };
  return { principal: 'anonymous', orgId: null, keyId: null };
}

const MINUTE = 60_000;

function rateLimited(what: string, retryAfterMs: number) {
  const seconds = Number.isFinite(retryAfterMs) ? Math.max(1, Math.ceil(retryAfterMs / 1000)) : 60;
  return gatewayErrors.create('rate_limited', {
    message: `${what} Please wait ${seconds} s.`,
    details: { retryAfterSeconds: seconds },
  });
}

export interface GatewayLimits {
  /** Take one request and `tokens` estimated tokens; throws `rate_limited` with Retry-After. */
  take(w: Who, limits: Tier['rateLimits'], tokens: number): Promise<void>;
  /** Charge tokens used beyond the estimate (best effort: a finished answer is never refused). */
  settle(w: Who, tokensPerMinute: number, estimate: number, usage: Usage | undefined): void;
}

export function createGatewayLimits(limiter: Limiter): GatewayLimits {
  const keyOf = (w: Who) => `gateway:tpm:key:${w.keyId ?? w.principal}`;
  const orgOf = (w: Who) => `gateway:tpm:org:${w.orgId ?? w.principal}`;
  return {
    async take(w, limits, tokens) {
      const rpm = limits.requestsPerMinute;
      const tpm = limits.tokensPerMinute;
      const cost = Math.max(1, tokens);
      const rule = { limit: Math.max(1, tpm), windowMs: MINUTE };
      // One atomic take of all three (one round trip with Redis); a refusal takes nothing.
      const r = await limiter.consumeAll([
        { key: `gateway:rpm:${w.keyId ?? w.principal}`, rule: { limit: rpm, windowMs: MINUTE } },
        { key: keyOf(w), rule, cost },
        { key: orgOf(w), rule, cost },
      ]);
      if (r.allowed) return;
      const [req, key, org] = r.decisions as [RateDecision, RateDecision, RateDecision];
      if (!req.allowed)
        throw rateLimited(`This key may make ${rpm} requests a minute.`, req.retryAfterMs);
      if (!key.allowed)
        throw rateLimited(
          `This key may use ${tpm} tokens a minute (this prompt is about ${cost}).`,
          key.retryAfterMs,
        );
      throw rateLimited(`Your organization may use ${tpm} tokens a minute.`, org.retryAfterMs);
    },

    settle(w, tokensPerMinute, estimate, usage) {
      const extra = (usage?.totalTokens ?? 0) - estimate;
      if (extra <= 0 || tokensPerMinute <= 0) return;
      const rule = { limit: tokensPerMinute, windowMs: MINUTE };
      const cost = Math.min(extra, tokensPerMinute);
      for (const key of [keyOf(w), orgOf(w)])
        void limiter.consume(key, rule, cost).catch(() => undefined);
    },
  };
}
