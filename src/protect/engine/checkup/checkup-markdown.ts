/**
 * The checkup as a Markdown report: scores, the top five fixes with how-to steps, what to find
 * out, and every answer. The organization's name comes from a person, so it is escaped.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import { QUESTIONS } from './checkup-questions.js';
import type { Answers, CheckupResult } from './checkup-scoring.js';
import { answerWord, areaTitle, localizedQuestion, say } from './checkup-text.js';

export interface ReportMeta {
  readonly locale: Locale;
  /** The organization's name, or undefined for a checkup kept on a device. */
  readonly orgName?: string;
  /** When it was completed, as the caller wants it shown (e.g. `2026-12-06`). Engines have no clock. */
  readonly completedOn?: string;
}

/** Escapes Markdown syntax and flattens line breaks, so a name cannot add headings or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

export function renderMarkdown(result: CheckupResult, answers: Answers, meta: ReportMeta): string {
  const { locale } = meta;
  const lines: string[] = [`# ${say(locale, 'report.title')}`, ''];
  if (meta.orgName !== undefined)
    lines.push(say(locale, 'report.org', { name: escapeMarkdown(meta.orgName) }), '');
  if (meta.completedOn !== undefined)
    lines.push(say(locale, 'report.date', { date: escapeMarkdown(meta.completedOn) }), '');
  lines.push(`**${say(locale, 'report.overall', { score: result.overall })}**`, '');

  lines.push(`## ${say(locale, 'report.areas')}`, '');
  for (const a of result.areas)
    lines.push(
      `- ${say(locale, 'report.area_line', { area: areaTitle(locale, a.area), score: a.score })}`,
    );
  lines.push('');

  lines.push(`## ${say(locale, 'report.top')}`, '');
  if (result.topFixes.length === 0) lines.push(say(locale, 'report.no_fixes'), '');
  else lines.push(say(locale, 'report.top_intro'), '');
  result.topFixes.forEach((fix, index) => {
    const q = localizedQuestion(locale, fix.id);
    lines.push(`### ${index + 1}. ${q.fix}`, '');
    lines.push(
      `_${say(locale, 'report.impact_effort', { impact: fix.impact, effort: fix.effort })}_`,
      '',
    );
    lines.push(`**${say(locale, 'report.why')}:** ${q.why}`, '');
    lines.push(`**${say(locale, 'report.how')}:**`, '');
    q.steps.forEach((step, n) => {
      lines.push(`${n + 1}. ${step}`);
    });
    lines.push('');
  });

  if (result.findOut.length > 0) {
    lines.push(
      `## ${say(locale, 'report.find_out')}`,
      '',
      say(locale, 'report.find_out_intro'),
      '',
    );
    for (const id of result.findOut) lines.push(`- ${localizedQuestion(locale, id).text}`);
    lines.push('');
  }

  lines.push(`## ${say(locale, 'report.answers')}`, '');
  for (const q of QUESTIONS) {
    const text = localizedQuestion(locale, q.id).text;
    lines.push(`- ${text} — **${answerWord(locale, answers[q.id] ?? null)}**`);
  }
  lines.push('', say(locale, 'report.frameworks'), '', `_${say(locale, 'report.footer')}_`, '');
  return lines.join('\n');
}
