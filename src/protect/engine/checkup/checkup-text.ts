/**
 * The checkup's questions and fixes in a person's language: what the web page, the API and the
 * exports show. Steps are stored one per line in the catalog and split here.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import type { CheckupKey } from './checkup-messages.js';
import { checkupMessages } from './checkup-messages.js';
import {
  AREAS,
  type Area,
  type CeControl,
  CHECKUP_VERSION,
  type Framework,
  QUESTIONS,
  type QuestionId,
} from './checkup-questions.js';
import type { Answer } from './checkup-scoring.js';

export interface LocalizedQuestion {
  readonly id: QuestionId;
  readonly area: Area;
  readonly text: string;
  readonly why: string;
  readonly fix: string;
  readonly steps: readonly string[];
  readonly impact: number;
  readonly effort: number;
  readonly frameworks: Readonly<Record<Framework, readonly string[]>>;
  /** Why a mapping is partial or uncertain, when it is. */
  readonly mappingNote: string | null;
}

export interface LocalizedCheckup {
  readonly version: number;
  readonly locale: Locale;
  readonly areas: readonly { readonly id: Area; readonly title: string }[];
  readonly questions: readonly LocalizedQuestion[];
}

export const say = (
  locale: Locale,
  key: CheckupKey,
  params?: Readonly<Record<string, string | number>>,
) => checkupMessages.t(locale, key, params);

export function areaTitle(locale: Locale, area: Area): string {
  return say(locale, `area.${area}`);
}

export function answerWord(locale: Locale, answer: Answer | null): string {
  return say(locale, answer === null ? 'answer.none' : `answer.${answer}`);
}

export function frameworkName(locale: Locale, framework: Framework): string {
  return say(locale, `framework.${framework}`);
}

/** A Cyber Essentials control's name in the locale; other frameworks' ids are shown as they are. */
export function controlLabel(locale: Locale, framework: Framework, id: string): string {
  return framework === 'ce' ? say(locale, `ce.${id as CeControl}`) : id;
}

const cache = new Map<Locale, LocalizedCheckup>();

/** The whole question set in `locale` (built once per locale). */
export function localizedCheckup(locale: Locale): LocalizedCheckup {
  const hit = cache.get(locale);
  if (hit !== undefined) return hit;
  const built: LocalizedCheckup = {
    version: CHECKUP_VERSION,
    locale,
    areas: AREAS.map((id) => ({ id, title: areaTitle(locale, id) })),
    questions: QUESTIONS.map((q) => ({
      id: q.id,
      area: q.area,
      text: say(locale, `q.${q.id}`),
      why: say(locale, `q.${q.id}.why`),
      fix: say(locale, `q.${q.id}.fix`),
      steps: say(locale, `q.${q.id}.steps`).split('\n'),
      impact: q.impact,
      effort: q.effort,
      frameworks: { cpg: q.cpg, cis: q.cis, csf: q.csf, ce: q.ce },
      mappingNote:
        'mappingNote' in q ? checkupMessages.t(locale, `q.${q.id}.mapping` as CheckupKey) : null,
    })),
  };
  cache.set(locale, built);
  return built;
}

export function localizedQuestion(locale: Locale, id: QuestionId): LocalizedQuestion {
  const found = localizedCheckup(locale).questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no question ${id}`);
  return found;
}
