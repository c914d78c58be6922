/**
 * Top-level domains that show up far more in phishing than in ordinary web
 * use. The point is a prior, not a verdict: plenty of honest sites use `.xyz`.
 *
 * Tiers and the rationale behind them (public sources: Spamhaus "most abused
 * TLDs", Interisle Consulting "Phishing Landscape" 2022–2024, APWG reports,
 * and the counts in JPCERT/CC's phishing list):
 * - `high`: free or near-free registration (the former Freenom ccTLDs), or
 *   new gTLDs whose registrations are dominated by abuse in those reports.
 * - `elevated`: cheap new gTLDs with heavy but not dominant abuse.
 * Country codes of large countries (`.cn`, `.ru`, `.in`) are NOT listed: they
 * carry a whole country's honest web, and penalising them is unfair.
 */

export type TldTier = 'high' | 'elevated';

const HIGH =
  'tk ml ga cf gq top xyz icu cfd sbs cyou buzz bond rest monster quest click gdn loan win bid ' +
  'racing date men party review stream trade accountant cricket faith science download country ' +
  'kim work support zip mov lol mom autos beauty hair skin makeup boats homes motorcycles yachts ' +
  'pw cam uno ci gy best bar';

const ELEVATED =
  'shop online site club vip live space website fun store tech one link life today asia host ' +
  'pics digital email help ink services world cloud app page cc';

function toMap(): ReadonlyMap<string, TldTier> {
  const map = new Map<string, TldTier>();
  for (const tld of ELEVATED.split(' ')) map.set(tld, 'elevated');
  for (const tld of HIGH.split(' ')) map.set(tld, 'high');
  return map;
}

export const SUSPICIOUS_TLDS: ReadonlyMap<string, TldTier> = toMap();

/** The tier of a lower-case TLD (without the dot), or undefined when it has no bad reputation. */
export function tldTier(tld: string): TldTier | undefined {
  return SUSPICIOUS_TLDS.get(tld);
}
