/**
 * The checkup as a PDF (pdfkit, built-in Helvetica): the same content as the Markdown report,
 * with area bars that carry their number in words, not colour alone. The built-in fonts use
 * WinAnsi encoding, which covers English and Spanish (á é í ó ú ü ñ ¿ ¡, curly quotes, dashes);
 * any other character (an organization named in another script) is shown as "?" rather than as
 * a wrong glyph.
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import {
  type Answers,
  answerWord,
  areaTitle,
  type CheckupResult,
  checkupMessages,
  localizedQuestion,
  QUESTIONS,
} from '../engine/checkup/index.js';

/** The characters WinAnsiEncoding has above ASCII besides Latin-1 (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Keeps what Helvetica can draw; every other character becomes "?". */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const ok =
      code === 0x0a ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(ch);
    out += ok ? ch : '?';
  }
  return out;
}

const INK = '#1a1a1a';
const BAR = '#1f5fa8';
const TRACK = '#d9d9d9';

export async function renderPdf(
  result: CheckupResult,
  answers: Answers,
  meta: { locale: Locale; orgName?: string; completedOn?: string },
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { locale } = meta;
  const say = (
    key: Parameters<typeof checkupMessages.t>[1],
    params?: Record<string, string | number>,
  ) => winAnsi(checkupMessages.t(locale, key, params));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: options.compress ?? true,
    info: { Title: say('report.title'), Producer: 'Shieldwall', Creator: 'Shieldwall' },
    lang: locale,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  const heading = (text: string, size: number) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(11);
  };

  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(say('report.title'), { width });
  doc.font('Helvetica').fontSize(11).moveDown(0.4);
  if (meta.orgName !== undefined) doc.text(say('report.org', { name: meta.orgName }), { width });
  if (meta.completedOn !== undefined) doc.text(say('report.date', { date: meta.completedOn }));
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(say('report.overall', { score: result.overall }));

  heading(say('report.areas'), 14);
  for (const a of result.areas) {
    doc.text(say('report.area_line', { area: winAnsi(areaTitle(locale, a.area)), score: a.score }));
    const y = doc.y + 2;
    doc.rect(56, y, 300, 8).fill(TRACK);
    if (a.score > 0) doc.rect(56, y, (300 * a.score) / 100, 8).fill(BAR);
    doc.fillColor(INK);
    doc.y = y + 14;
    doc.x = 56;
  }

  heading(say('report.top'), 14);
  doc.text(result.topFixes.length === 0 ? say('report.no_fixes') : say('report.top_intro'), {
    width,
  });
  result.topFixes.forEach((fix, index) => {
    const q = localizedQuestion(locale, fix.id);
    heading(`${index + 1}. ${winAnsi(q.fix)}`, 12);
    doc
      .font('Helvetica-Oblique')
      .text(say('report.impact_effort', { impact: fix.impact, effort: fix.effort }));
    doc
      .font('Helvetica')
      .moveDown(0.3)
      .text(`${say('report.why')}: ${winAnsi(q.why)}`, { width });
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .text(`${say('report.how')}:`)
      .font('Helvetica');
    q.steps.forEach((step, n) => {
      doc.text(`${n + 1}. ${winAnsi(step)}`, { width, indent: 12 });
    });
  });

  if (result.findOut.length > 0) {
    heading(say('report.find_out'), 14);
    doc.text(say('report.find_out_intro'), { width });
    for (const id of result.findOut)
      doc.text(`•  ${winAnsi(localizedQuestion(locale, id).text)}`, { width, indent: 12 });
  }

  doc.addPage();
  heading(say('report.answers'), 14);
  for (const q of QUESTIONS) {
    doc
      .font('Helvetica')
      .text(winAnsi(localizedQuestion(locale, q.id).text), { width, continued: true });
    doc.font('Helvetica-Bold').text(`  ${winAnsi(answerWord(locale, answers[q.id] ?? null))}`);
    doc.moveDown(0.2);
  }
  doc.moveDown(1).font('Helvetica-Oblique').fontSize(9).text(say('report.frameworks'), { width });
  doc.text(say('report.footer'), { width });
  doc.end();
  return done;
}
