/**
 * A text message (SMS, chat, social DM): the text model, pressure and payment
 * cues, the links and phone numbers it contains.
 */
import { cueSignals } from '../cues/cue-signals.js';
import { extractIndicators } from '../indicators/extract-indicators.js';
import { phoneSignals } from '../indicators/phone.js';
import type { ScamModel } from '../model/load-model.js';
import type { MessageRef } from '../types.js';
import type { Collector } from './collector.js';
import { checkLinks } from './links.js';
import { modelReason, spanEvidence } from './model-reasons.js';

export interface TextAnalysis {
  /** The text categories and language are judged on. */
  readonly text: string;
  readonly checked: MessageRef[];
  readonly modelTruncated: boolean;
}

export function analyseText(
  text: string,
  models: { text?: ScamModel; url?: ScamModel },
  scales: { model: number; linkModel: number },
  into: Collector,
): TextAnalysis {
  const checked: MessageRef[] = [{ key: 'checked.text_wording' }];
  let modelTruncated = false;
  if (models.text !== undefined) {
    const model = models.text;
    const score = model.score(text);
    modelTruncated = score.truncated;
    const contribution = into.addModel(score.logOdds, scales.model);
    const reason = modelReason(
      'text',
      () => model.explain(text),
      contribution,
      (p) => spanEvidence('text', text, p.start, p.end),
    );
    if (reason !== undefined) into.put(reason);
  }
  for (const r of cueSignals(text, 'text')) into.signal(r);
  const found = extractIndicators(text, 'text');
  into.indicator(...found);
  const urls = found.filter((i) => i.type === 'url');
  if (urls.length > 0) {
    checkLinks(
      urls.map((i) => ({ url: i.value, evidence: i.evidence })),
      models.url,
      scales.linkModel,
      into,
    );
    checked.push({ key: 'checked.links', params: { count: urls.length } });
  }
  const phones = found.filter((i) => i.type === 'phone');
  for (const phone of phones) for (const r of phoneSignals(phone, { text })) into.signal(r);
  if (phones.length > 0) checked.push({ key: 'checked.phones' });
  return { text, checked, modelTruncated };
}
