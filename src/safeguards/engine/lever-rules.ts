/**
 * Levers as data: what an operator (or a policy threshold) pulls on a target,
 * and what the levers in force mean for one gateway request. Pure: the caller
 * passes the clock. Lookups are O(1): at most four map reads per request.
 */

export const LEVER_KINDS = ['restrict', 'friction', 'revoke'] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];

/**
 * Friction modes: `limits` divides the tier's rate limits by `FRICTION_LIMIT_DIVISOR`;
 * `step-up` answers every API call `step_up_required` until the lever is lifted or expires.
 */
export const FRICTION_MODES = ['limits', 'step-up'] as const;
export type FrictionMode = (typeof FRICTION_MODES)[number];
export const FRICTION_LIMIT_DIVISOR = 10;

export type LeverTarget =
  | { readonly type: 'org'; readonly id: string }
  | { readonly type: 'key'; readonly id: string }
  | { readonly type: 'user'; readonly id: string }
  | { readonly type: 'enduser'; readonly org: string; readonly id: string };

export interface Lever {
  readonly id: string;
  readonly kind: LeverKind;
  /** Canonical target: `org:<id>`, `key:<id>`, `user:<id>`, `enduser:<org>/<end-user>`. */
  readonly target: string;
  /** For `restrict`: the highest tier the target keeps. */
  readonly tier: number | null;
  /** For `friction`. */
  readonly mode: FrictionMode | null;
  readonly reason: string;
  readonly actor: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly liftedAt: number | null;
  readonly liftedBy: string | null;
  /** Why it was lifted (an operator's words, or an appeal's grant). */
  readonly liftReason: string | null;
  /** True when a policy threshold pulled it. */
  readonly automatic: boolean;
  /** Request ids and categories behind it (automatic levers), else empty. */
  readonly evidence: readonly string[];
}

const ID = /^[A-Za-z0-9_.:@-]{1,128}$/;
const END_USER = /^[\x21-\x7e]{1,256}$/;

/**
 * Parse `org:<id|name>`, `key:<id>`, `user:<id>` or `enduser:<org>/<end-user-id>`.
 * Organization names are resolved by the service; here an org part is any id-like token
 * or, for `org:`, a name of up to 200 printable characters.
 *
 * @example
 * parseTarget('enduser:acme/u-42'); // { type: 'enduser', org: 'acme', id: 'u-42' }
 */
export function parseTarget(text: string): LeverTarget | undefined {
  const colon = text.indexOf(':');
  if (colon < 0 || text.length > 400) return undefined;
  const type = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (type === 'org') {
    const name = rest.trim();
    return name.length > 0 && name.length <= 200 && printable(name)
      ? { type, id: name }
      : undefined;
  }
  if (type === 'key' || type === 'user') return ID.test(rest) ? { type, id: rest } : undefined;
  if (type === 'enduser') {
    const slash = rest.indexOf('/');
    if (slash < 0) return undefined;
    const org = rest.slice(0, slash);
    const id = rest.slice(slash + 1);
    return ID.test(org) && END_USER.test(id) ? { type, org, id } : undefined;
  }
  return undefined;
}

function printable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

export function formatTarget(t: LeverTarget): string {
  return t.type === 'enduser' ? `enduser:${t.org}/${t.id}` : `${t.type}:${t.id}`;
}

/** Who a gateway request is: the targets that can match it. */
export interface LeverSubject {
  readonly orgId: string | null;
  readonly keyId: string | null;
  readonly userId: string | null;
  readonly endUser: string | null;
}

/** The targets a request falls under, most general first. */
export function targetsOf(s: LeverSubject): string[] {
  const out: string[] = [];
  if (s.orgId !== null) out.push(`org:${s.orgId}`);
  if (s.userId !== null) out.push(`user:${s.userId}`);
  if (s.keyId !== null) out.push(`key:${s.keyId}`);
  if (s.endUser !== null) {
    const owner = s.orgId ?? s.userId;
    if (owner !== null) out.push(`enduser:${owner}/${s.endUser}`);
  }
  return out;
}

/** What the levers in force do to one request. */
export interface LeverVerdict {
  /** The revoke lever in force, if any: refuse. */
  readonly revoked: Lever | null;
  /** The step-up friction lever in force, if any: refuse with step_up_required. */
  readonly stepUp: Lever | null;
  /** The lowest tier a restrict lever allows, or null. */
  readonly maxTier: number | null;
  /** Divide rate limits by this (1 = unchanged). */
  readonly limitDivisor: number;
  /** Every lever that applied, for the record. */
  readonly levers: readonly Lever[];
  /** True while the levers are not loaded yet: the caller must refuse (fail closed). */
  readonly pending: boolean;
}

export const NO_LEVERS: LeverVerdict = Object.freeze({
  revoked: null,
  stepUp: null,
  maxTier: null,
  limitDivisor: 1,
  levers: Object.freeze([]) as readonly Lever[],
  pending: false,
});

/** The verdict while the levers in force are still being loaded. */
export const LEVERS_PENDING: LeverVerdict = Object.freeze({ ...NO_LEVERS, pending: true });

export function inForce(l: Lever, now: number): boolean {
  return l.liftedAt === null && (l.expiresAt === null || l.expiresAt > now);
}

/**
 * Combine the levers in force on any of the request's targets.
 *
 * @example
 * const v = verdictFor(byTarget, { orgId: 'o1', keyId: 'k1', userId: null, endUser: null }, Date.now());
 * if (v.revoked) refuse();
 */
export function verdictFor(
  byTarget: ReadonlyMap<string, readonly Lever[]>,
  s: LeverSubject,
  now: number,
): LeverVerdict {
  if (byTarget.size === 0) return NO_LEVERS;
  let revoked: Lever | null = null;
  let stepUp: Lever | null = null;
  let maxTier: number | null = null;
  let limitDivisor = 1;
  const applied: Lever[] = [];
  for (const t of targetsOf(s)) {
    const list = byTarget.get(t);
    if (list === undefined) continue;
    for (const l of list) {
      if (!inForce(l, now)) continue;
      applied.push(l);
      if (l.kind === 'revoke') revoked ??= l;
      else if (l.kind === 'restrict' && l.tier !== null)
        maxTier = maxTier === null ? l.tier : Math.min(maxTier, l.tier);
      else if (l.kind === 'friction') {
        if (l.mode === 'step-up') stepUp ??= l;
        else limitDivisor = FRICTION_LIMIT_DIVISOR;
      }
    }
  }
  if (applied.length === 0) return NO_LEVERS;
  return { revoked, stepUp, maxTier, limitDivisor, levers: applied, pending: false };
}

const DURATION = /^(\d{1,6})(s|m|h|d|w)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** The longest a lever may be set for: one year. */
export const MAX_LEVER_MS = 366 * 86_400_000;

/** `90s`, `30m`, `24h`, `7d`, `2w` → milliseconds; undefined when unreadable or over a year. */
export function parseLeverDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim().toLowerCase());
  if (m === null) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= MAX_LEVER_MS ? ms : undefined;
}
