/**
 * Trust tiers as data. The policy file (YAML, hot-reloaded) says which tiers
 * exist, what each one may do (capabilities), how strongly its accounts must be
 * secured, its rate limits and which AI models it may use. Nothing in the code
 * names a tier: services ask `can(principal, capability)`.
 *
 * Pure: parsing and validation take a plain object (the caller reads the YAML).
 */

/** Account-security levels, weakest first. A tier requires at least one of these. */
export const SECURITY_LEVELS = ['none', 'password', 'mfa', 'phishing_resistant'] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export interface TierRateLimits {
  /** API requests per minute for one principal. */
  readonly requestsPerMinute: number;
  /** AI tokens per day (gateway); 0 = no AI access. */
  readonly tokensPerDay: number;
  /**
   * AI tokens per minute (gateway), per key and per organization; from the
   * policy's `tokens_per_minute`, or when it is absent a day's tokens spread over
   * an eight-hour working day (tokens_per_day / 480, at least 1 when there are any).
   */
  readonly tokensPerMinute: number;
}

export interface Tier {
  /** 0 (public) … upwards; higher means more trust. */
  readonly level: number;
  /** Stable short id, e.g. `verified-org`. */
  readonly id: string;
  /** Name shown to people. */
  readonly name: string;
  readonly description: string;
  /** The weakest account security a member of this tier may sign in with. */
  readonly security: SecurityLevel;
  /** Longest a signed-in session lasts before signing in again, hours. */
  readonly sessionHours: number;
  /** Whether recovery by email alone is allowed (off for advanced protection). */
  readonly emailRecovery: boolean;
  /** Capabilities of this tier alone (see `capabilities` for the effective set). */
  readonly grants: readonly string[];
  /** Effective capabilities: this tier's plus, unless `inherit: false`, every lower tier's. */
  readonly capabilities: ReadonlySet<string>;
  readonly rateLimits: TierRateLimits;
  /** Gateway model ids this tier may call (`*` = any). */
  readonly models: readonly string[];
  /** Days a grant of this tier lasts before re-verification; null = no expiry. */
  readonly grantDays: number | null;
}

export interface TierPolicy {
  readonly version: 1;
  /** Sorted by level, levels contiguous from 0. */
  readonly tiers: readonly Tier[];
  /** Settings of the "advanced protection" preset any user can turn on. */
  readonly advancedProtection: { readonly sessionHours: number };
  /**
   * Staff roles of this deployment (e.g. `verifier`, `operator`) and their capabilities.
   * They are given to people by operators, not earned by verification, and add to the tier's.
   */
  readonly staff: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * What callers without an account or key may do: tier 0's capabilities unless
   * the policy lists them (tier 0 also covers new accounts, which may manage themselves).
   */
  readonly anonymous: ReadonlySet<string>;
}

export interface PolicyProblem {
  /** JSON-pointer-like path, e.g. `/tiers/2/capabilities/0`. */
  readonly path: string;
  readonly message: string;
}

export type PolicyResult =
  | { readonly ok: true; readonly policy: TierPolicy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** Capability names: dotted words with an optional `:qualifier`, or a trailing `*` wildcard. */
const CAPABILITY =
  /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(:[a-z0-9-]+)?$|^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.\*$/;
const TIER_ID = /^[a-z][a-z0-9-]{0,39}$/;
const MODEL = /^(\*|[A-Za-z0-9][A-Za-z0-9._:/-]{0,127})$/;
const MAX_TIERS = 16;
const MAX_CAPABILITIES = 200;

const TIER_KEYS = new Set([
  'level',
  'id',
  'name',
  'description',
  'security',
  'session_hours',
  'email_recovery',
  'capabilities',
  'inherit',
  'rate_limits',
  'models',
  'grant_days',
]);

/**
 * Validate a policy document (already parsed from YAML/JSON) and build the
 * effective capability sets. Every problem is reported, each with its path.
 *
 * @example
 * const result = parsePolicy(YAML.parse(text));
 * if (!result.ok) for (const p of result.problems) console.error(`${p.path}: ${p.message}`);
 */
export function parsePolicy(doc: unknown): PolicyResult {
  const problems: PolicyProblem[] = [];
  const fail = (path: string, message: string) => {
    problems.push({ path, message });
  };
  if (!isRecord(doc)) return { ok: false, problems: [{ path: '', message: 'must be a mapping' }] };
  for (const key of Object.keys(doc))
    if (!['version', 'tiers', 'advanced_protection', 'staff', 'anonymous'].includes(key))
      fail(
        `/${key}`,
        'is not a known setting (expected version, tiers, advanced_protection, staff, anonymous)',
      );
  if (doc.version !== 1) fail('/version', 'must be 1');
  const rawTiers = doc.tiers;
  if (!Array.isArray(rawTiers) || rawTiers.length === 0 || rawTiers.length > MAX_TIERS) {
    fail('/tiers', `must be a list of 1 to ${MAX_TIERS} tiers`);
    return { ok: false, problems };
  }
  const drafts: (Omit<Tier, 'capabilities'> & { inherit: boolean })[] = [];
  rawTiers.forEach((raw, i) => {
    const at = `/tiers/${i}`;
    if (!isRecord(raw)) {
      fail(at, 'must be a mapping');
      return;
    }
    for (const key of Object.keys(raw))
      if (!TIER_KEYS.has(key)) fail(`${at}/${key}`, 'is not a known tier setting');
    const level = raw.level;
    if (!Number.isInteger(level) || (level as number) < 0 || (level as number) >= MAX_TIERS)
      fail(`${at}/level`, `must be a whole number from 0 to ${MAX_TIERS - 1}`);
    const id = raw.id;
    if (typeof id !== 'string' || !TIER_ID.test(id))
      fail(`${at}/id`, 'must be lowercase letters, digits and dashes (at most 40)');
    const name = text(raw.name, `${at}/name`, 80, fail);
    const description =
      raw.description === undefined ? '' : text(raw.description, `${at}/description`, 500, fail);
    const security = raw.security;
    if (!SECURITY_LEVELS.includes(security as SecurityLevel))
      fail(`${at}/security`, `must be one of ${SECURITY_LEVELS.join(', ')}`);
    const sessionHours = positiveInt(raw.session_hours, `${at}/session_hours`, 24 * 366, fail);
    const emailRecovery = raw.email_recovery === undefined ? true : raw.email_recovery;
    if (typeof emailRecovery !== 'boolean') fail(`${at}/email_recovery`, 'must be true or false');
    const inherit = raw.inherit === undefined ? true : raw.inherit;
    if (typeof inherit !== 'boolean') fail(`${at}/inherit`, 'must be true or false');
    const grants = stringList(
      raw.capabilities,
      `${at}/capabilities`,
      MAX_CAPABILITIES,
      fail,
      capabilityProblem,
    );
    const models =
      raw.models === undefined
        ? []
        : stringList(raw.models, `${at}/models`, 100, fail, (m) =>
            MODEL.test(m) ? undefined : 'is not a model id',
          );
    const rl = raw.rate_limits;
    let rateLimits: TierRateLimits = { requestsPerMinute: 0, tokensPerDay: 0, tokensPerMinute: 0 };
    if (!isRecord(rl))
      fail(`${at}/rate_limits`, 'must be a mapping with requests_per_minute and tokens_per_day');
    else {
      for (const key of Object.keys(rl))
        if (!['requests_per_minute', 'tokens_per_day', 'tokens_per_minute'].includes(key))
          fail(`${at}/rate_limits/${key}`, 'is not a known rate limit');
      const perDay = nonNegativeInt(
        rl.tokens_per_day,
        `${at}/rate_limits/tokens_per_day`,
        1e12,
        fail,
      );
      rateLimits = {
        requestsPerMinute: positiveInt(
          rl.requests_per_minute,
          `${at}/rate_limits/requests_per_minute`,
          1_000_000,
          fail,
        ),
        tokensPerDay: perDay,
        // Bounded so limit × window (one minute) stays exact in the limiter (≤ 2^52).
        tokensPerMinute:
          rl.tokens_per_minute === undefined
            ? perDay === 0
              ? 0
              : Math.max(1, Math.ceil(perDay / 480))
            : nonNegativeInt(
                rl.tokens_per_minute,
                `${at}/rate_limits/tokens_per_minute`,
                1e9,
                fail,
              ),
      };
    }
    const grantDays =
      raw.grant_days === undefined || raw.grant_days === null
        ? null
        : positiveInt(raw.grant_days, `${at}/grant_days`, 3660, fail);
    drafts.push({
      level: level as number,
      id: id as string,
      name,
      description,
      security: security as SecurityLevel,
      sessionHours,
      emailRecovery: emailRecovery === true,
      inherit: inherit === true,
      grants,
      rateLimits,
      models,
      grantDays,
    });
  });
  const ap = doc.advanced_protection;
  let advancedProtection = { sessionHours: 12 };
  if (ap !== undefined) {
    if (!isRecord(ap)) fail('/advanced_protection', 'must be a mapping');
    else
      advancedProtection = {
        sessionHours: positiveInt(
          ap.session_hours,
          '/advanced_protection/session_hours',
          24 * 366,
          fail,
        ),
      };
  }
  const staff = new Map<string, ReadonlySet<string>>();
  if (doc.staff !== undefined) {
    if (!isRecord(doc.staff)) fail('/staff', 'must be a mapping of role name to capabilities');
    else
      for (const [role, caps] of Object.entries(doc.staff)) {
        if (!TIER_ID.test(role))
          fail(`/staff/${role}`, 'role names are lowercase letters, digits and dashes');
        staff.set(
          role,
          new Set(stringList(caps, `/staff/${role}`, MAX_CAPABILITIES, fail, capabilityProblem)),
        );
      }
  }
  const anonymousList =
    doc.anonymous === undefined
      ? undefined
      : stringList(doc.anonymous, '/anonymous', MAX_CAPABILITIES, fail, capabilityProblem);
  if (problems.length > 0) return { ok: false, problems };

  drafts.sort((a, b) => a.level - b.level);
  drafts.forEach((t, i) => {
    if (t.level !== i)
      fail(
        `/tiers`,
        `levels must run 0, 1, 2, … without gaps or repeats (found ${t.level} where ${i} was expected)`,
      );
  });
  const ids = new Set<string>();
  for (const t of drafts) {
    if (ids.has(t.id)) fail('/tiers', `the id "${t.id}" is used twice`);
    ids.add(t.id);
  }
  for (let i = 1; i < drafts.length; i++) {
    const lower = drafts[i - 1] as (typeof drafts)[number];
    const t = drafts[i] as (typeof drafts)[number];
    if (SECURITY_LEVELS.indexOf(t.security) < SECURITY_LEVELS.indexOf(lower.security))
      fail(
        `/tiers`,
        `tier ${t.level} (${t.id}) asks for weaker account security than tier ${lower.level}`,
      );
  }
  if (problems.length > 0) return { ok: false, problems };

  const tiers: Tier[] = [];
  let inherited = new Set<string>();
  for (const { inherit, ...t } of drafts) {
    const capabilities = new Set([...(inherit ? inherited : []), ...t.grants]);
    tiers.push(Object.freeze({ ...t, capabilities }));
    inherited = capabilities;
  }
  const anonymous = new Set(anonymousList ?? tiers[0]?.capabilities ?? []);
  for (const c of anonymous)
    if (!(tiers[0]?.capabilities.has(c) ?? false))
      return {
        ok: false,
        problems: [
          {
            path: '/anonymous',
            message: `"${c}" is not a tier 0 capability: anonymous callers get no more than tier 0`,
          },
        ],
      };
  return {
    ok: true,
    policy: Object.freeze({ version: 1, tiers, advancedProtection, staff, anonymous }),
  };
}

/** Whether `name` is a valid capability name (see the policy file's comments for the grammar). */
export function isCapabilityName(name: string): boolean {
  return name.length <= 100 && CAPABILITY.test(name);
}

function capabilityProblem(c: string): string | undefined {
  return isCapabilityName(c)
    ? undefined
    : 'is not a capability name (like scam.check or intel.read:green)';
}

/** The tier at `level`, or the highest one when the policy has fewer levels (a shrunk policy never grants more). */
export function tierAt(policy: TierPolicy, level: number): Tier {
  const clamped = Math.max(0, Math.min(level, policy.tiers.length - 1));
  return policy.tiers[clamped] as Tier;
}

/** True when `have` meets or exceeds `need`. */
export function securityMeets(have: SecurityLevel, need: SecurityLevel): boolean {
  return SECURITY_LEVELS.indexOf(have) >= SECURITY_LEVELS.indexOf(need);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Fail = (path: string, message: string) => void;

function text(v: unknown, path: string, max: number, fail: Fail): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
    fail(path, `must be text of 1 to ${max} characters`);
    return '';
  }
  return v;
}

function positiveInt(v: unknown, path: string, max: number, fail: Fail): number {
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > max) {
    fail(path, `must be a whole number from 1 to ${max}`);
    return 1;
  }
  return v as number;
}

function nonNegativeInt(v: unknown, path: string, max: number, fail: Fail): number {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > max) {
    fail(path, `must be a whole number from 0 to ${max}`);
    return 0;
  }
  return v as number;
}

function stringList(
  v: unknown,
  path: string,
  max: number,
  fail: Fail,
  check: (s: string) => string | undefined,
): string[] {
  if (!Array.isArray(v) || v.length > max) {
    fail(path, `must be a list of at most ${max} names`);
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item !== 'string') fail(`${path}/${i}`, 'must be text');
    else {
      const problem = check(item);
      if (problem !== undefined) fail(`${path}/${i}`, `"${item}" ${problem}`);
      else out.push(item);
    }
  });
  return out;
}
