/**
 * The gateway's one use case: answer an OpenAI-compatible call for a principal
 * under its tier — check the model, count the limits, ask the screen, forward to
 * the first upstream that answers, record the pair. No HTTP framework in here:
 * routes hand over a call and send back what this returns.
 */
import type { Readable } from 'node:stream';
import type { Principal, TierPolicy } from '../access/index.js';
import type { AuditLog } from '../platform/audit/index.js';
import { networkOf } from '../platform/engine-kit/indicators/network.js';
import type { Logger } from '../platform/logger.js';
import type { Limiter } from '../platform/ports/limiter.js';
import { readAnswer, relayStream, type StreamGuard } from './answer-relay.js';
import type { CancelSignal } from './cancel-signal.js';
import {
  type Candidate,
  candidatesFor,
  modelsForTier,
  tierAllowsModel,
} from './engine/model-routing.js';
import {
  answerText,
  type Endpoint,
  estimatePromptTokens,
  promptText,
  type Usage,
  usageOf,
} from './engine/openai-payload.js';
import { gatewayErrors } from './errors.js';
import { createGatewayLimits, type Who, whoIs } from './gateway-limits.js';
import { type LeverEffect, type LeverGuard, NO_EFFECT } from './lever-guard.js';
import { timeOrderedId } from './record-id.js';
import type { RequestLog, RequestRecord } from './request-log.js';
import { checkChat, checkResponses, firstProblem } from './request-schemas.js';
import type { Screen, ScreenInput, ScreenResult } from './screen.js';
import type { UpstreamClient } from './upstream-client.js';
import type { UpstreamSource } from './upstream-source.js';

/**
 * A streamed answer is screened every 2,000 new characters, on its last 16,000 (a window, so a
 * long answer costs a bounded check each time). When the screen blocks, the client reads an
 * OpenAI-style error event (the openai clients throw it as an APIError) and the stream ends.
 */
const STREAM_SCREEN_EVERY_CHARS = 2_000;
const STREAM_SCREEN_WINDOW_CHARS = 16_000;
const STREAM_CUT_EVENT = `\n\ndata: ${JSON.stringify({
  error: {
    message: 'The rest of this answer was withheld by the safeguards of this gateway.',
    type: 'safeguard_blocked',
    code: 'safeguard_blocked',
    param: null,
  },
})}\n\n`;
/** The capability a tier needs to call AI models through the gateway. */
export const AI_CAPABILITY = 'ai.cyber.defend';
const END_USER = /^[\x21-\x7e]{1,256}$/;

type Tier = TierPolicy['tiers'][number];
type Body = Record<string, unknown> & { model: string; stream?: boolean | null };

export interface GatewayCall {
  readonly endpoint: Endpoint;
  readonly body: unknown;
  readonly principal: Principal;
  /** The X-Shieldwall-End-User header, when sent. */
  readonly endUserHeader: string | undefined;
  readonly requestId: string;
  /** The caller's address (recorded as its network prefix only). */
  readonly clientIp?: string;
  /** Aborted when the client goes away. */
  readonly signal: CancelSignal;
}

export type GatewayAnswer =
  | {
      readonly kind: 'buffer';
      readonly status: number;
      readonly contentType: string;
      readonly body: Buffer;
    }
  | {
      readonly kind: 'stream';
      readonly status: number;
      readonly contentType: string;
      readonly stream: Readable;
    };

export interface GatewayDeps {
  readonly policy: () => TierPolicy;
  readonly upstreams: UpstreamSource;
  readonly client: UpstreamClient;
  readonly limiter: Limiter;
  readonly screen: Screen;
  readonly log: RequestLog;
  readonly audit: AuditLog;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  readonly now: () => number;
  readonly levers?: LeverGuard;
}

export type Gateway = ReturnType<typeof createGatewayService>;

/** One call on its way through: what it is, who asks, and its record so far. */
interface Flight {
  readonly call: GatewayCall;
  readonly body: Body;
  readonly who: Who;
  readonly tier: Tier;
  readonly endUser: string | undefined;
  readonly userId: string | null;
  readonly levers: LeverEffect;
  readonly estimate: number;
  readonly record: RequestRecord;
  /** Record the call once (the first finish wins). */
  finish(patch: Partial<RequestRecord>): void;
  readonly recorded: () => boolean;
}

export function createGatewayService(deps: GatewayDeps) {
  const limits = createGatewayLimits(deps.limiter);

  const tierOf = (p: Principal, maxTier: number | null = null): Tier => {
    const policy = deps.policy();
    const level = maxTier === null ? p.tier : Math.min(p.tier, maxTier);
    return policy.tiers[Math.max(0, Math.min(level, policy.tiers.length - 1))] as Tier;
  };

  const screenWith = async (
    fn: (input: ScreenInput) => ScreenResult | Promise<ScreenResult>,
    f: Flight,
    role: ScreenInput['role'],
    text: string,
  ): Promise<ScreenResult> => {
    const input: ScreenInput = {
      tier: f.tier.level,
      text,
      role,
      principalId: f.who.principal,
      ...(f.endUser === undefined ? {} : { endUser: f.endUser }),
    };
    const r = fn.call(deps.screen, input);
    return r instanceof Promise ? await r : r;
  };

  function audit(
    action: string,
    f: Flight,
    r: ScreenResult,
    outcome: 'denied' | 'success' = 'denied',
  ): void {
    void deps.audit
      .append({
        actor: 'system',
        action,
        subject: f.who.keyId === null ? f.who.principal : `key:${f.who.keyId}`,
        outcome,
        data: {
          decision: r.decision,
          risk: r.risk,
          categories: r.categories.map((x) => x.id),
          reasons: r.reasons.slice(0, 8),
          ...(r.intel === undefined || r.intel.length === 0 ? {} : { intel: r.intel.slice(0, 5) }),
          ...(f.endUser === undefined ? {} : { endUser: f.endUser }),
        },
        requestId: f.call.requestId,
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'could not audit a gateway decision'));
  }

  /** Parse and start the record; throws `invalid_request` for a body that is not a call. */
  function board(c: GatewayCall): Flight {
    const check = c.endpoint === 'chat' ? checkChat : checkResponses;
    if (!check.Check(c.body)) {
      const p = firstProblem(check, c.body);
      throw gatewayErrors.create('invalid_request', {
        message: p.message,
        details: { param: p.param },
      });
    }
    const body = c.body as Body;
    const who = whoIs(c.principal);
    const endUser = pickEndUser(body, c.endUserHeader);
    const userId = c.principal.kind === 'user' ? c.principal.userId : null;
    const levers =
      deps.levers?.check({
        orgId: who.orgId,
        keyId: who.keyId,
        userId,
        endUser: endUser ?? null,
      }) ?? NO_EFFECT;
    const tier = tierOf(c.principal, levers.maxTier);
    const text = promptText(c.endpoint, body);
    const messages = c.endpoint === 'chat' ? (body.messages as unknown[]).length : 1;
    const estimate = estimatePromptTokens(text, messages);
    const started = deps.now();
    const record: RequestRecord = {
      id: timeOrderedId(started),
      created_at: started,
      principal: who.principal,
      org_id: who.orgId,
      key_id: who.keyId,
      end_user: endUser ?? null,
      tier: tier.level,
      endpoint: c.endpoint,
      model: body.model,
      upstream: null,
      status: 200,
      error_code: null,
      stream: body.stream === true ? 1 : 0,
      latency_ms: 0,
      prompt_tokens: estimate,
      completion_tokens: 0,
      total_tokens: estimate,
      decision: 'allow',
      risk: 0,
      categories: '[]',
      prompt: text,
      response: null,
      client_net: c.clientIp === undefined ? null : networkOf(c.clientIp),
    };
    let recorded = false;
    return {
      call: c,
      body,
      who,
      tier,
      endUser,
      userId,
      levers,
      estimate,
      record,
      finish(patch) {
        if (recorded) return;
        recorded = true;
        deps.log.record({ ...record, ...patch, latency_ms: Math.round(deps.now() - started) });
      },
      recorded: () => recorded,
    };
  }

  /** Tier, model, limits and the prompt screen; returns the upstreams to try. */
  async function admit(f: Flight): Promise<Candidate[]> {
    const { tier, body } = f;
    refuseByLevers(f);
    const where = `Your access tier (${tier.level}, ${tier.name})`;
    if (
      !f.call.principal.capabilities.has(AI_CAPABILITY) ||
      tier.models.length === 0 ||
      tier.rateLimits.tokensPerMinute === 0
    )
      throw gatewayErrors.create('tier_insufficient', {
        message: `${where} does not include AI models.`,
      });
    if (!tierAllowsModel(tier.models, body.model))
      throw gatewayErrors.create('tier_insufficient', {
        message: `${where} does not include the model "${body.model}".`,
        details: { param: 'model' },
      });
    const candidates = candidatesFor(
      deps.upstreams.config(),
      body.model,
      tier.level,
      deps.upstreams.discovered(),
    );
    if (candidates.length === 0)
      throw gatewayErrors.create('model_not_found', {
        message: `The model "${body.model}" is not served by this gateway.`,
        details: { param: 'model' },
      });
    await limits.take(f.who, slowed(tier.rateLimits, f.levers.limitDivisor), f.estimate);
    const r = await screenWith(deps.screen.screenPrompt, f, 'prompt', f.record.prompt ?? '');
    f.record.decision = r.decision;
    f.record.risk = r.risk;
    f.record.categories = JSON.stringify(r.categories);
    deps.levers?.observe?.({
      requestId: f.record.id,
      at: f.record.created_at,
      orgId: f.who.orgId,
      keyId: f.who.keyId,
      userId: f.userId,
      endUser: f.endUser ?? null,
      tier: tier.level,
      decision: r.decision,
      risk: r.risk,
      categories: r.categories,
    });
    if (r.decision === 'block') {
      audit('gateway.request.blocked', f, r);
      throw gatewayErrors.create('safeguard_blocked', {
        message: `This request was blocked by the safeguards of this gateway${reasons(r)}.`,
      });
    }
    if (r.decision === 'friction') {
      audit('gateway.request.step-up', f, r);
      throw gatewayErrors.create('step_up_required', {
        message: `This request needs you to confirm who you are first${reasons(r)}. Sign in to Shieldwall again (or re-verify your organization), then retry.`,
        details: { link: '/access/step-up' },
      });
    }
    // A known-bad indicator is always cited, even when the request may go on (monitored).
    if (r.intel !== undefined && r.intel.length > 0)
      audit('gateway.request.intel-match', f, r, 'success');
    return candidates;
  }

  /** Revoke and step-up levers refuse before anything else is spent. */
  function refuseByLevers(f: Flight): void {
    const { revoked, stepUp, pending } = f.levers;
    if (pending)
      throw gatewayErrors.create('upstream_overloaded', {
        message: 'The gateway is starting up; retry in a moment.',
      });
    if (revoked !== null) {
      f.record.decision = 'block';
      // The operator's reason is theirs (it may name a case): callers get a plain message.
      // An end user's revoke must not make the platform think its own key is dead.
      throw revoked.target.startsWith('enduser:')
        ? gatewayErrors.create('safeguard_blocked', {
            message: 'Access for this end user has been revoked by the operator of this gateway.',
          })
        : gatewayErrors.create('key_revoked', {
            message: 'Access has been revoked by the operator of this gateway.',
          });
    }
    if (stepUp !== null) {
      f.record.decision = 'friction';
      throw gatewayErrors.create('step_up_required', {
        message:
          'The operator of this gateway asks you to confirm who you are before more requests. Sign in to Shieldwall and contact the operator, who lifts this once you are confirmed.',
        details: { link: '/access/step-up' },
      });
    }
  }

  /**
   * The response screen for a streamed answer, while it streams (answer-relay.ts): what was
   * sent stays sent, the rest is withheld once the screen says block.
   */
  function streamGuard(f: Flight): StreamGuard | undefined {
    const screenResponse = deps.screen.screenResponse;
    if (screenResponse === undefined) return undefined;
    return {
      everyChars: STREAM_SCREEN_EVERY_CHARS,
      windowChars: STREAM_SCREEN_WINDOW_CHARS,
      cutEvent: STREAM_CUT_EVENT,
      async check(text) {
        let r: ScreenResult;
        try {
          r = await screenWith(screenResponse, f, 'response', text);
        } catch (err) {
          // Fails closed, as a buffered answer's screen does (its error fails the request).
          deps.logger.warn({ err }, 'the response screen failed; the stream is cut');
          r = {
            decision: 'block',
            risk: 1,
            categories: [],
            reasons: ['the response screen failed'],
          };
        }
        if (r.decision !== 'block') return false;
        audit('gateway.response.blocked', f, r);
        return true;
      },
    };
  }

  async function forward(f: Flight, candidates: Candidate[]): Promise<GatewayAnswer> {
    const { body, call } = f;
    const result = await deps.client.send(
      candidates,
      call.endpoint === 'chat' ? '/chat/completions' : '/responses',
      (model) => Buffer.from(JSON.stringify(model === body.model ? body : { ...body, model })),
      { signal: call.signal, requestId: call.requestId },
    );
    f.record.upstream = result.upstream;
    if (!result.ok) {
      if (result.reason === 'aborted') f.finish({ status: 499, error_code: 'client_closed' });
      throw result.reason === 'open'
        ? gatewayErrors.create('upstream_overloaded')
        : gatewayErrors.create('upstream_unavailable', {
            message:
              result.reason === 'timeout'
                ? 'The model server did not answer in time.'
                : result.reason === 'aborted'
                  ? 'The client went away.'
                  : 'The model server could not be reached.',
          });
    }
    const tpm = f.tier.rateLimits.tokensPerMinute;
    const contentType = String(result.response.headers['content-type'] ?? 'application/json');
    if (body.stream === true && contentType.startsWith('text/event-stream')) {
      const stream = relayStream(
        result.response,
        result.abort,
        call.signal,
        (o) => {
          limits.settle(f.who, tpm, f.estimate, o.usage);
          f.finish({
            status: o.status,
            error_code: o.error,
            response: o.text,
            ...(o.error === 'safeguard_blocked' ? { decision: 'block' } : {}),
            ...(o.usage === undefined
              ? { completion_tokens: Math.ceil(o.text.length / 4) }
              : tokens(o.usage)),
          });
        },
        streamGuard(f),
      );
      return { kind: 'stream', status: result.status, contentType, stream };
    }
    const buffer = await readAnswer(result.response, result.abort);
    // Reading usage and text for the record and the limits happens after the answer is
    // sent, unless a response screen must see the answer first.
    const settle = () => {
      const parsed = contentType.includes('json') ? safeParse(buffer) : undefined;
      const usage = usageOf(parsed);
      limits.settle(f.who, tpm, f.estimate, usage);
      return { answer: answerText(parsed), usage };
    };
    const finish = ({ answer, usage }: ReturnType<typeof settle>) =>
      f.finish({
        status: result.status,
        response: answer,
        ...(usage === undefined ? {} : tokens(usage)),
      });
    if (deps.screen.screenResponse === undefined || result.status >= 300)
      setImmediate(() => finish(settle()));
    else {
      const read = settle();
      const r = await screenWith(deps.screen.screenResponse, f, 'response', read.answer);
      if (r.decision === 'block') {
        f.finish({
          status: 403,
          error_code: 'safeguard_blocked',
          response: read.answer,
          decision: 'block',
        });
        audit('gateway.response.blocked', f, r);
        throw gatewayErrors.create('safeguard_blocked', {
          message: 'The answer to this request was withheld by the safeguards of this gateway.',
        });
      }
      if (r.intel !== undefined && r.intel.length > 0)
        audit('gateway.response.intel-match', f, r, 'success');
      finish(read);
    }
    return { kind: 'buffer', status: result.status, contentType, body: buffer };
  }

  return {
    /** Answer one call; throws gateway errors (OpenAI-shaped by the routes). */
    async call(c: GatewayCall): Promise<GatewayAnswer> {
      if (deps.levers?.ready !== undefined) await deps.levers.ready();
      const f = board(c);
      try {
        return await forward(f, await admit(f));
      } catch (err) {
        if (!f.recorded()) f.finish({ status: statusOf(err), error_code: codeOf(err) });
        throw err;
      }
    },

    /** The models a principal's tier may call, as OpenAI's model list. */
    models(p: Principal) {
      const w = whoIs(p);
      const effect = deps.levers?.check({
        orgId: w.orgId,
        keyId: w.keyId,
        userId: p.kind === 'user' ? p.userId : null,
        endUser: null,
      });
      const tier = tierOf(p, effect?.maxTier ?? null);
      const ids =
        p.capabilities.has(AI_CAPABILITY) && tier.models.length > 0
          ? modelsForTier(
              deps.upstreams.config(),
              tier.level,
              tier.models,
              deps.upstreams.discovered(),
            )
          : [];
      return {
        object: 'list' as const,
        data: ids.map((id) => ({
          id,
          object: 'model' as const,
          created: 0,
          owned_by: 'shieldwall',
        })),
      };
    },
  };
}

/** Friction: the tier's rate limits divided (never below one request or token a minute). */
function slowed(limits: Tier['rateLimits'], divisor: number): Tier['rateLimits'] {
  if (divisor <= 1) return limits;
  return {
    ...limits,
    requestsPerMinute: Math.max(1, Math.floor(limits.requestsPerMinute / divisor)),
    tokensPerMinute: Math.max(1, Math.floor(limits.tokensPerMinute / divisor)),
  };
}

function tokens(u: Usage) {
  return {
    prompt_tokens: u.promptTokens,
    completion_tokens: u.completionTokens,
    total_tokens: u.totalTokens,
  };
}

function reasons(r: ScreenResult): string {
  return r.reasons.length === 0 ? '' : ` (${r.reasons.slice(0, 3).join('; ')})`;
}

/** OpenAI's `safety_identifier` (or the older `user`), else the header. */
function pickEndUser(
  body: Record<string, unknown>,
  header: string | undefined,
): string | undefined {
  for (const v of [body.safety_identifier, body.user, header])
    if (typeof v === 'string' && END_USER.test(v)) return v;
  return undefined;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'internal';
}

function statusOf(err: unknown): number {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : 500;
}

function safeParse(b: Buffer): unknown {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    return undefined;
  }
}
