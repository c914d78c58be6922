/**
 * The framework cross-reference as CSV (RFC 4180), for insurers and auditors: one row per
 * question × framework control, with the answer. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are prefixed with an apostrophe.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import { FRAMEWORKS, QUESTIONS } from './checkup-questions.js';
import type { Answers } from './checkup-scoring.js';
import {
  answerWord,
  areaTitle,
  controlLabel,
  frameworkName,
  localizedQuestion,
  say,
} from './checkup-text.js';

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(answers: Answers, locale: Locale): string {
  const header = (
    ['question_id', 'question', 'area', 'framework', 'control_id', 'answer', 'note'] as const
  ).map((k) => say(locale, `csv.${k}`));
  const rows: string[][] = [header];
  for (const q of QUESTIONS) {
    const text = localizedQuestion(locale, q.id);
    for (const framework of FRAMEWORKS)
      for (const id of q[framework])
        rows.push([
          q.id,
          text.text,
          areaTitle(locale, q.area),
          frameworkName(locale, framework),
          framework === 'ce' ? controlLabel(locale, framework, id) : id,
          answerWord(locale, answers[q.id] ?? null),
          text.mappingNote ?? '',
        ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
