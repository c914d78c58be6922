/** A single web address: the URL checks and the URL model. */
import { extractIndicators } from '../indicators/extract-indicators.js';
import type { ScamModel } from '../model/load-model.js';
import type { MessageRef } from '../types.js';
import { urlSignals } from '../url/url-features.js';
import type { Collector } from './collector.js';
import { modelReason, spanEvidence } from './model-reasons.js';

export function analyseUrl(
  url: string,
  model: ScamModel | undefined,
  modelScale: number,
  into: Collector,
): MessageRef[] {
  for (const s of urlSignals(url)) into.signal(s);
  if (model !== undefined) {
    const explanation = model.explain(url);
    const contribution = into.addModel(explanation.logOdds, modelScale);
    const reason = modelReason(
      'url',
      () => explanation,
      contribution,
      (p) => spanEvidence('url', url, p.start, p.end),
    );
    if (reason !== undefined) into.put(reason);
  }
  const found = extractIndicators(url, 'url');
  if (found.some((i) => i.type === 'url')) into.indicator(...found);
  else if (url !== '')
    into.indicator({ type: 'url', value: url, evidence: spanEvidence('url', url, 0, url.length) });
  return [{ key: 'checked.url_build' }, { key: 'checked.url_not_opened' }];
}
