/**
 * Which upstream (and which upstream model) answers a model name for a tier,
 * in fail-over order, and which models a tier may see. Pure.
 */
import type { GatewayConfig, UpstreamSpec } from './upstream-config.js';

export interface Candidate {
  readonly upstream: UpstreamSpec;
  /** The model name to send upstream. */
  readonly model: string;
}

/** Whether a tier's model list (`*` = any) allows this model. */
export function tierAllowsModel(tierModels: readonly string[], model: string): boolean {
  return tierModels.includes('*') || tierModels.includes(model);
}

/**
 * Upstreams that can answer `model` for `tier`, best first: the routes that name
 * it for this tier in file order, then upstreams that serve it under its own
 * name (listed, or `all` and known to list it), each upstream once.
 *
 * @example
 * const [first, ...failovers] = candidatesFor(config, 'defender-small', 1, discovered);
 */
export function candidatesFor(
  config: GatewayConfig,
  model: string,
  tier: number,
  discovered: ReadonlyMap<string, ReadonlySet<string>>,
): Candidate[] {
  const byName = new Map(config.upstreams.map((u) => [u.name, u]));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const r of config.routes) {
    if (r.model !== model || tier < r.minTier || tier > r.maxTier || seen.has(r.upstream)) continue;
    const upstream = byName.get(r.upstream);
    if (upstream === undefined) continue;
    seen.add(r.upstream);
    out.push({ upstream, model: r.upstreamModel });
  }
  // An `all` upstream whose list we know serves what it lists; one whose list we
  // could not read is still tried (it may have been down when we asked).
  for (const u of config.upstreams) {
    if (seen.has(u.name)) continue;
    const listed = discovered.get(u.name);
    const serves = u.models === 'all' ? (listed?.has(model) ?? true) : u.models.has(model);
    if (serves) {
      seen.add(u.name);
      out.push({ upstream: u, model });
    }
  }
  return out;
}

/**
 * Every model name a tier may call and some upstream answers, sorted: routed
 * names for the tier, models upstreams serve by name, and what `all` upstreams list.
 */
export function modelsForTier(
  config: GatewayConfig,
  tier: number,
  tierModels: readonly string[],
  discovered: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const names = new Set<string>();
  for (const r of config.routes) if (tier >= r.minTier && tier <= r.maxTier) names.add(r.model);
  for (const u of config.upstreams) {
    const served = u.models === 'all' ? (discovered.get(u.name) ?? new Set<string>()) : u.models;
    for (const m of served) names.add(m);
  }
  return [...names].filter((m) => tierAllowsModel(tierModels, m)).sort();
}
