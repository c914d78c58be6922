/**
 * Collects the signals of one check: at most one reason per code (the
 * strongest), each re-weighted by the combiner, and the indicators found,
 * without duplicates. The score is the sum of what was collected.
 */
import { english, reasonKey } from '../i18n/checker-messages.js';
import type { Indicator, IndicatorMatcher, MessageKind, Reason } from '../types.js';
import { type Combiner, intelWeight, signalWeight } from './combiner.js';

const MAX_INDICATORS = 200;

export interface SignalFeatures {
  model: number;
  link: number;
  readonly priors: Record<string, number>;
}

export class Collector {
  private readonly reasons = new Map<string, Reason>();
  private readonly indicatorKeys = new Set<string>();
  readonly indicators: Indicator[] = [];
  /** Model and link-model log-odds, which are not reasons of their own code. */
  private modelLogOdds = 0;
  /** What the combiner is fitted on: each rule's prior, the raw model and worst-link log-odds. */
  readonly features: SignalFeatures = { model: 0, link: 0, priors: {} };

  constructor(
    private readonly combiner: Combiner,
    readonly kind: MessageKind,
  ) {}

  /** A rule signal with its prior weight; the combiner decides what it counts for. */
  signal(reason: Reason): void {
    const seen = this.features.priors[reason.code];
    if (seen === undefined || Math.abs(reason.weight) > Math.abs(seen)) {
      this.features.priors[reason.code] = reason.weight;
    }
    this.put({
      ...reason,
      weight: signalWeight(this.combiner, this.kind, reason.code, reason.weight),
    });
  }

  /** A reason whose weight is already final (model phrases, threat intel, language). */
  put(reason: Reason): void {
    const seen = this.reasons.get(reason.code);
    if (seen === undefined || Math.abs(reason.weight) > Math.abs(seen.weight)) {
      this.reasons.set(reason.code, reason);
    }
  }

  /** The kind's own model: `raw` log-odds, counted × `scale` and explained by its own reason. */
  addModel(raw: number, scale: number): number {
    this.features.model = raw;
    this.modelLogOdds += raw * scale;
    return raw * scale;
  }

  /** The worst link's raw log-odds under the URL model (its reason is `url.link_model`). */
  setLink(raw: number): void {
    this.features.link = raw;
  }

  /** True when no more indicators are kept (so looking for more is wasted work). */
  get indicatorsFull(): boolean {
    return this.indicators.length >= MAX_INDICATORS;
  }

  indicator(...found: readonly Indicator[]): void {
    for (const i of found) {
      const key = `${i.type}\u0000${i.value}`;
      if (this.indicatorKeys.has(key) || this.indicators.length >= MAX_INDICATORS) continue;
      this.indicatorKeys.add(key);
      this.indicators.push(i);
    }
  }

  /** Known-bad indicators from the injected matcher become strong evidence. */
  matchIntel(matcher: IndicatorMatcher | undefined): void {
    if (matcher === undefined || this.indicators.length === 0) return;
    for (const m of matcher.match(this.indicators)) {
      const code = `intel.known_bad_${m.indicator.type}`;
      const params = { value: m.indicator.value, source: m.source };
      this.put({
        code,
        message: english(reasonKey(code), params),
        params,
        source: 'threat_intel',
        // A list without a readable confidence still says the indicator is known bad: the least weight.
        weight: intelWeight(Number.isNaN(m.confidence) ? 0 : m.confidence),
        evidence: m.indicator.evidence,
      });
    }
  }

  /** Bias + model log-odds + every reason that is not the model's own explanation. */
  logOdds(): number {
    let sum = this.combiner.kinds[this.kind].bias + this.modelLogOdds;
    for (const r of this.reasons.values()) if (!r.code.startsWith('model.')) sum += r.weight;
    return sum;
  }

  /** The reasons, strongest towards scam first, then those towards genuine; at most `max`. */
  sortedReasons(max: number): Reason[] {
    const all = [...this.reasons.values()].filter((r) => r.weight !== 0 || r.source === 'language');
    const pinned = all.filter((r) => r.source === 'language');
    const rest = all
      .filter((r) => r.source !== 'language')
      .sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : 1));
    const positive = rest.filter((r) => r.weight > 0);
    const negative = rest.filter((r) => r.weight < 0).reverse();
    const keepNegative = Math.min(negative.length, 3);
    return [
      ...positive.slice(0, Math.max(0, max - keepNegative - pinned.length)),
      ...negative.slice(0, keepNegative),
      ...pinned,
    ];
  }

  codes(): string[] {
    return [...this.reasons.keys()];
  }
}
