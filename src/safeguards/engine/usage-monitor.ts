/**
 * Offline monitoring over recorded gateway traffic: what one request cannot
 * show. Five jobs, each finding citing the request ids behind it:
 * repeated blocked attempts, one key used from many networks, several accounts
 * sending near-identical blocked prompts, capability-seeking after a tier
 * upgrade, and a task split over many requests that are each below the line.
 * Pure and bounded: rows in, findings out.
 */

export interface TrafficRow {
  readonly id: string;
  readonly createdAt: number;
  /** `org:<id>` or `user:<id>`. */
  readonly principal: string;
  readonly orgId: string | null;
  readonly keyId: string | null;
  readonly endUser: string | null;
  readonly tier: number;
  readonly decision: string;
  readonly risk: number;
  readonly categories: readonly { readonly id: string; readonly score: number }[];
  /** Null once the retention period cleared it. */
  readonly prompt: string | null;
  readonly clientNet: string | null;
}

export type FindingKind =
  | 'repeated_blocks'
  | 'key_many_networks'
  | 'concerted_prompts'
  | 'capability_after_upgrade'
  | 'split_task';

export interface Finding {
  readonly kind: FindingKind;
  /** Who: `org:…`, `user:…`, `key:…`, `enduser:<owner>/<id>`, or several joined by `,`. */
  readonly subject: string;
  readonly summary: string;
  readonly requestIds: readonly string[];
}

export interface MonitorPolicy {
  /** Blocked prompts by one subject that make a finding. */
  readonly repeatedBlocks: number;
  /** Distinct client networks (/24, /48) of one key that make a finding. */
  readonly keyNetworks: number;
  /** Distinct principals sending near-identical blocked prompts that make a finding. */
  readonly concertPrincipals: number;
  /** Word-set Jaccard similarity at which two prompts count as near-identical. */
  readonly concertSimilarity: number;
  /** Mean risk after a tier upgrade must exceed the mean before by this much… */
  readonly upgradeRiskRise: number;
  /** …over at least this many requests after it. */
  readonly upgradeMinRequests: number;
  /** A session ends after this long without a request. */
  readonly sessionGapMs: number;
  /** Each request's category score stays below this (it passed on its own)… */
  readonly splitPerRequest: number;
  /** …but the session's sum for that category reaches this… */
  readonly splitSum: number;
  /** …over at least this many requests. */
  readonly splitMinRequests: number;
  /** Request ids cited per finding (the newest are kept). */
  readonly maxCited: number;
  /** Blocked prompts compared pairwise for concert (the newest are kept). */
  readonly maxConcertPrompts: number;
}

export const DEFAULT_MONITOR_POLICY: MonitorPolicy = Object.freeze({
  repeatedBlocks: 3,
  keyNetworks: 5,
  concertPrincipals: 3,
  concertSimilarity: 0.7,
  upgradeRiskRise: 0.25,
  upgradeMinRequests: 3,
  sessionGapMs: 30 * 60_000,
  splitPerRequest: 0.5,
  splitSum: 2,
  splitMinRequests: 4,
  maxCited: 50,
  maxConcertPrompts: 2000,
});

/** Whom a request counts against: the end user behind a key, else the principal. */
export function actorOf(r: TrafficRow): string {
  if (r.endUser === null) return r.principal;
  return `enduser:${r.orgId ?? r.principal.slice(r.principal.indexOf(':') + 1)}/${r.endUser}`;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list === undefined) m.set(k, [r]);
    else list.push(r);
  }
  return m;
}

const cite = (rows: readonly TrafficRow[], max: number) => rows.slice(-max).map((r) => r.id);

export function repeatedBlocks(rows: readonly TrafficRow[], p: MonitorPolicy): Finding[] {
  const out: Finding[] = [];
  for (const [subject, list] of groupBy(
    rows.filter((r) => r.decision === 'block'),
    actorOf,
  ))
    if (list.length >= p.repeatedBlocks)
      out.push({
        kind: 'repeated_blocks',
        subject,
        summary: `${list.length} blocked requests (${topCategories(list).join(', ') || 'no category'})`,
        requestIds: cite(list, p.maxCited),
      });
  return out;
}

export function keyManyNetworks(rows: readonly TrafficRow[], p: MonitorPolicy): Finding[] {
  const out: Finding[] = [];
  for (const [keyId, list] of groupBy(rows, (r) => (r.clientNet === null ? null : r.keyId))) {
    const firstPerNet = new Map<string, TrafficRow>();
    for (const r of list)
      if (!firstPerNet.has(r.clientNet as string)) firstPerNet.set(r.clientNet as string, r);
    if (firstPerNet.size >= p.keyNetworks)
      out.push({
        kind: 'key_many_networks',
        subject: `key:${keyId}`,
        summary: `one key used from ${firstPerNet.size} networks (possible sharing or theft)`,
        requestIds: cite([...firstPerNet.values()], p.maxCited),
      });
  }
  return out;
}

/** Lowercase words of 3+ letters or digits: the prompt as a set, for near-identical comparison. */
export function wordSet(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .slice(0, 4000)
      .match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return new Set(words);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const w of small) if (big.has(w)) both++;
  return both / (a.size + b.size - both);
}

export function concertedPrompts(rows: readonly TrafficRow[], p: MonitorPolicy): Finding[] {
  const blocked = rows
    .filter((r) => r.decision === 'block' && r.prompt !== null)
    .slice(-p.maxConcertPrompts);
  const sets = blocked.map((r) => wordSet(r.prompt as string));
  // Union-find over near-identical pairs.
  const parent = blocked.map((_, i) => i);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) x = parent[x] = parent[parent[x] as number] as number;
    return x;
  };
  for (let i = 0; i < blocked.length; i++)
    for (let j = i + 1; j < blocked.length; j++) {
      if (blocked[i]?.principal === blocked[j]?.principal) continue;
      const a = sets[i] as Set<string>;
      const b = sets[j] as Set<string>;
      // Sizes too far apart cannot reach the similarity: skip the set walk.
      if (Math.min(a.size, b.size) < p.concertSimilarity * Math.max(a.size, b.size)) continue;
      if (jaccard(a, b) >= p.concertSimilarity) parent[find(i)] = find(j);
    }
  const out: Finding[] = [];
  for (const members of groupBy(
    blocked.map((r, i) => ({ r, root: find(i) })),
    (x) => String(x.root),
  ).values()) {
    const list = members.map((m) => m.r);
    const principals = [...new Set(list.map((r) => r.principal))].sort();
    if (principals.length >= p.concertPrincipals)
      out.push({
        kind: 'concerted_prompts',
        subject: principals.join(','),
        summary: `${principals.length} accounts sent ${list.length} near-identical blocked prompts`,
        requestIds: cite(list, p.maxCited),
      });
  }
  return out;
}

export function capabilityAfterUpgrade(rows: readonly TrafficRow[], p: MonitorPolicy): Finding[] {
  const out: Finding[] = [];
  for (const [subject, list] of groupBy(rows, (r) => r.principal)) {
    const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt);
    const at = sorted.findIndex((r, i) => i > 0 && r.tier > (sorted[i - 1] as TrafficRow).tier);
    if (at <= 0) continue;
    const before = sorted.slice(0, at);
    const after = sorted.slice(at);
    if (after.length < p.upgradeMinRequests) continue;
    const mean = (xs: readonly TrafficRow[]) => xs.reduce((s, r) => s + r.risk, 0) / xs.length;
    const rise = mean(after) - mean(before);
    if (rise >= p.upgradeRiskRise)
      out.push({
        kind: 'capability_after_upgrade',
        subject,
        summary: `mean risk rose by ${rise.toFixed(2)} after the tier went from ${(before.at(-1) as TrafficRow).tier} to ${(after[0] as TrafficRow).tier} (${topCategories(after).join(', ') || 'no category'})`,
        requestIds: cite(
          after.filter((r) => r.risk > mean(before)),
          p.maxCited,
        ),
      });
  }
  return out;
}

export function splitTask(rows: readonly TrafficRow[], p: MonitorPolicy): Finding[] {
  const out: Finding[] = [];
  for (const [subject, list] of groupBy(rows, actorOf)) {
    const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt);
    let session: TrafficRow[] = [];
    const close = () => {
      const sums = new Map<string, { sum: number; rows: TrafficRow[] }>();
      for (const r of session)
        for (const c of r.categories) {
          if (c.score <= 0 || c.score >= p.splitPerRequest) continue;
          const s = sums.get(c.id) ?? { sum: 0, rows: [] };
          s.sum += c.score;
          s.rows.push(r);
          sums.set(c.id, s);
        }
      for (const [category, s] of sums)
        if (s.sum >= p.splitSum && s.rows.length >= p.splitMinRequests)
          out.push({
            kind: 'split_task',
            subject,
            summary: `${s.rows.length} requests each below ${p.splitPerRequest} for ${category} add up to ${s.sum.toFixed(2)} in one session`,
            requestIds: cite(s.rows, p.maxCited),
          });
      session = [];
    };
    for (const r of sorted) {
      const last = session.at(-1);
      if (last !== undefined && r.createdAt - last.createdAt > p.sessionGapMs) close();
      // Only requests that got through count: a blocked one is caught already.
      if (r.decision === 'allow' || r.decision === 'monitor') session.push(r);
    }
    close();
  }
  return out;
}

function topCategories(rows: readonly TrafficRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const c of r.categories) if (c.score > 0) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([id]) => id);
}

/**
 * Every job over the rows (in any order), findings grouped by kind.
 *
 * @example
 * const findings = monitorTraffic(rows);
 * for (const f of findings) console.log(f.kind, f.subject, f.requestIds.length);
 */
export function monitorTraffic(
  rows: readonly TrafficRow[],
  policy: MonitorPolicy = DEFAULT_MONITOR_POLICY,
): Finding[] {
  const sorted = [...rows].sort((a, b) => a.createdAt - b.createdAt);
  return [
    ...repeatedBlocks(sorted, policy),
    ...keyManyNetworks(sorted, policy),
    ...concertedPrompts(sorted, policy),
    ...capabilityAfterUpgrade(sorted, policy),
    ...splitTask(sorted, policy),
  ];
}
