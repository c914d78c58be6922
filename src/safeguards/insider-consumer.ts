/**
 * Insider-threat findings from the model registry become risk evidence (issue 7).
 * The provenance registry publishes each finding once on `provenance.insider.finding`
 * (unusual download volume or hour, a new network, bulk reads of restricted models);
 * one durable consumer shared by all instances adds it to the account's risk score
 * with the policy's points for its kind, citing the finding, and the usual automatic
 * levers (or the lever the policy names for the kind) follow. A finding delivered
 * twice counts once: the score remembers finding ids.
 *
 * Safeguards does not import the provenance module (provenance already uses the
 * safeguards levers): the subject and the finding's shape below are the contract,
 * as the provenance index documents them.
 */
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { AuditLog } from '../platform/audit/index.js';
import type { Platform } from '../platform/compose.js';
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import { RISK_FINDING_KINDS, type RiskFindingKind } from './engine/risk-score.js';
import type { LeverService } from './lever-service.js';
import {
  createRiskService,
  type FindingOutcome,
  type RiskService,
  riskPolicyFromConfig,
} from './risk-service.js';

/** The registry's subject for new insider findings (provenance's INSIDER_FINDING). */
export const INSIDER_FINDING = 'provenance.insider.finding';
/** The durable consumer, as the provenance index's example names it. */
export const INSIDER_CONSUMER = 'safeguards-insider';
const ACTOR = 'system:safeguards';

/** The part of the registry's finding this consumer reads; other fields pass unchecked. */
const InsiderFindingEvent = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' }),
  /** A lever target: `user:<id>` or `key:<id>`. */
  account: Type.String({ maxLength: 140, pattern: '^(user|key):[A-Za-z0-9_.:@-]{1,128}$' }),
  kind: Type.String({ minLength: 1, maxLength: 64 }),
  at: Type.String({ minLength: 1, maxLength: 64 }),
  explanation: Type.String({ maxLength: 4000 }),
  artifactId: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  auditIndex: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type InsiderFindingEvent = Static<typeof InsiderFindingEvent>;
const checkFinding = Compile(InsiderFindingEvent);

export type InsiderConsumer = ReturnType<typeof createInsiderConsumer>;

export function createInsiderConsumer(deps: {
  readonly bus: Bus;
  readonly risk: Pick<RiskService, 'recordFinding'>;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly logger: Pick<Logger, 'warn'>;
  readonly now: () => number;
}) {
  let subscription: Subscription | undefined;

  const refuse = async (data: unknown, reason: string) => {
    const id = (data as { id?: unknown } | null)?.id;
    deps.logger.warn({ reason }, 'insider finding not scored');
    await deps.audit.append({
      actor: ACTOR,
      action: 'safeguards.risk.finding-refused',
      subject: `finding:insider:${typeof id === 'string' ? id.slice(0, 200) : 'unknown'}`,
      outcome: 'failure',
      data: { reason: reason.slice(0, 500) },
    });
  };

  /** Score one finding; returns what happened (null when it was refused as malformed). */
  async function handle(data: unknown): Promise<FindingOutcome | null> {
    if (!checkFinding.Check(data)) {
      const first = [...checkFinding.Errors(data)][0];
      await refuse(data, `${first?.instancePath ?? ''} ${first?.message ?? 'malformed'}`.trim());
      return null;
    }
    const kind = `insider.${data.kind}`;
    if (!(RISK_FINDING_KINDS as readonly string[]).includes(kind)) {
      // A newer registry's kind: recorded, not guessed at.
      await refuse(data, `unknown finding kind "${data.kind.slice(0, 64)}"`);
      return null;
    }
    const at = Date.parse(data.at);
    if (Number.isNaN(at)) {
      await refuse(data, '/at is not a time');
      return null;
    }
    const cites = [
      ...(data.auditIndex === null ? [] : [`audit:${data.auditIndex}`]),
      ...(data.artifactId === null ? [] : [`artifact:${data.artifactId}`]),
    ];
    return deps.risk.recordFinding(
      data.account,
      {
        id: `insider:${data.id}`,
        kind: kind as RiskFindingKind,
        // A clock ahead of ours must not hold the score's decay back.
        at: Math.min(at, deps.now()),
        summary: data.explanation,
        cites,
      },
      { tier: null, source: 'provenance.insider' },
    );
  }

  return {
    handle,
    async start(): Promise<void> {
      subscription = await deps.bus.subscribe(
        INSIDER_FINDING,
        async (event) => {
          await handle(event.data);
        },
        { durable: INSIDER_CONSUMER, from: 'new' },
      );
    },
    async close(): Promise<void> {
      await subscription?.unsubscribe();
    },
  };
}

/**
 * Start the consumer on a composed platform with the operator's risk policy and the
 * given lever service (the server's safeguards services).
 *
 * @example
 * const insider = await startInsiderConsumer(platform, services.levers);
 * app.addHook('onClose', () => insider.close());
 */
export async function startInsiderConsumer(
  platform: Platform,
  levers: LeverService,
): Promise<InsiderConsumer> {
  const logger = platform.logger.child({ component: 'safeguards-insider' });
  const consumer = createInsiderConsumer({
    bus: platform.bus,
    audit: platform.audit,
    logger,
    now: Date.now,
    risk: createRiskService({
      store: platform.store,
      levers,
      audit: platform.audit,
      logger,
      now: Date.now,
      policy: riskPolicyFromConfig(platform.config),
    }),
  });
  await consumer.start();
  return consumer;
}
