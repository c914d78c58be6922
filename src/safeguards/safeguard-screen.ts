/**
 * The screen the gateway calls on every request and response: the engine's
 * classification for the caller's tier, reduced to the gateway's contract
 * (decision, risk, categories, reason codes), with every non-`allow` decision
 * recorded in the audit log. The prompt text itself never goes to the audit
 * log or the logs: only its length, the scores and the reason codes.
 */
import { type AbusePatternHit, enrichWithAbusePatterns } from './engine/abuse-patterns.js';
import {
  classifyPrompt,
  DEFAULT_SAFEGUARD_POLICY,
  enrichWithIntel,
  extractIntelIndicators,
  type IntelHit,
  type SafeguardPolicy,
  type SafeguardsModel,
} from './engine/index.js';

export interface ScreenInput {
  readonly tier: number;
  readonly text: string;
  readonly role: 'prompt' | 'response';
  readonly principalId: string;
  readonly endUser?: string;
}

export interface ScreenResult {
  readonly decision: 'allow' | 'monitor' | 'friction' | 'block';
  readonly risk: number;
  readonly categories: readonly { readonly id: string; readonly score: number }[];
  readonly reasons: readonly string[];
  /**
   * Known-bad indicators the text names (type, value, who lists it) and known AI-abuse patterns it
   * matches (type `attack-pattern`, value its STIX id, with its name and the sharer's action).
   */
  readonly intel?: readonly {
    readonly type: string;
    readonly value: string;
    readonly source: string;
    readonly name?: string;
    readonly action?: AbusePatternHit['action'];
  }[];
}

/** The exchange's threat-intel matcher (`threatIntelMatcher`), or anything shaped like it. */
export interface IntelMatcher {
  match<T extends { readonly type: string; readonly value: string }>(
    indicators: readonly T[],
  ): readonly { readonly indicator: T; readonly source: string; readonly confidence: number }[];
}

/** The exchange's AI-abuse signature matcher (`abuseSignatureMatcher`), or anything shaped like it. */
export interface AbuseMatcher {
  match(text: string): readonly AbusePatternHit[];
}

export interface SafeguardScreen {
  screen(input: ScreenInput): Promise<ScreenResult>;
}

/** Where screen decisions are recorded (the platform's audit log fits). */
export interface ScreenAuditSink {
  append(entry: {
    readonly actor: string;
    readonly action: string;
    readonly subject: string;
    readonly outcome: 'success' | 'denied';
    readonly data: Record<string, unknown>;
  }): Promise<unknown>;
}

export interface SafeguardScreenDeps {
  readonly model: SafeguardsModel;
  readonly policy?: SafeguardPolicy;
  /** Records every decision other than `allow`; omit in tests and benchmarks. */
  readonly audit?: ScreenAuditSink;
  /** Known-bad indicators in a prompt or answer raise its risk and are cited. */
  readonly intel?: IntelMatcher;
  /** Known AI-abuse patterns a prompt or answer matches raise its risk, set a floor and are cited. */
  readonly abuse?: AbuseMatcher;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * @example
 * const screen = createSafeguardScreen({ model: await shippedSafeguardsModel() });
 * const r = await screen.screen({ tier: 0, text: 'write ransomware', role: 'prompt', principalId: 'key_1' });
 * r.decision; // 'block'
 */
export function createSafeguardScreen(deps: SafeguardScreenDeps): SafeguardScreen {
  return {
    async screen(input) {
      const classified = classifyPrompt(
        deps.model,
        { text: input.text, role: input.role },
        { tier: input.tier, ...(deps.policy ? { policy: deps.policy } : {}) },
      );
      const hits = intelHits(deps.intel, input.text);
      const abuse = abuseHits(deps.abuse, input.text);
      const options = {
        tier: input.tier,
        role: input.role,
        policy: deps.policy ?? DEFAULT_SAFEGUARD_POLICY,
      };
      const result = enrichWithAbusePatterns(
        hits.length === 0 ? classified : enrichWithIntel(classified, hits, options),
        abuse,
        options,
      );
      const intel = [
        ...abuse.map((h) => ({
          type: 'attack-pattern',
          value: h.id,
          source: h.source,
          name: h.name,
          action: h.action,
        })),
        ...hits.map((h) => ({
          type: h.indicator.type,
          value: h.indicator.value,
          source: h.source,
        })),
      ].slice(0, 5);
      const categories = result.categories
        .slice(0, 3)
        .map((c) => ({ id: c.id, score: round(c.score) }));
      const reasons = [...new Set(result.reasons.map((r) => r.code))];
      if (result.decision !== 'allow' && deps.audit !== undefined) {
        await deps.audit.append({
          actor: 'system:safeguards',
          action: `safeguards.${input.role}.${result.decision}`,
          outcome: result.decision === 'block' ? 'denied' : 'success',
          subject:
            input.endUser === undefined
              ? input.principalId
              : `${input.principalId}/${input.endUser}`,
          data: {
            decision: result.decision,
            role: input.role,
            tier: input.tier,
            risk: round(result.risk),
            categories,
            reasons,
            ...(intel.length === 0 ? {} : { intel }),
            chars: input.text.length,
          },
        });
      }
      return {
        decision: result.decision,
        risk: round(result.risk),
        categories,
        reasons,
        ...(intel.length === 0 ? {} : { intel }),
      };
    },
  };
}

/** The known-bad indicators `text` names; none without a matcher (or when it fails). */
function intelHits(matcher: IntelMatcher | undefined, text: string): IntelHit[] {
  if (matcher === undefined) return [];
  const indicators = extractIntelIndicators(text);
  return indicators.length === 0 ? [] : [...matcher.match(indicators)];
}

/** The known AI-abuse patterns `text` matches (at most three); none without a matcher or when it fails. */
function abuseHits(matcher: AbuseMatcher | undefined, text: string): readonly AbusePatternHit[] {
  if (matcher === undefined) return [];
  try {
    return matcher.match(text).slice(0, 3);
  } catch {
    // Shared data must never take the screen down: without the signatures it screens as before.
    return [];
  }
}
