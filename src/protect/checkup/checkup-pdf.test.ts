import { describe, expect, it } from 'vitest';
import { QUESTIONS, scoreCheckup } from '../engine/checkup/index.js';
import { renderPdf, winAnsi } from './checkup-pdf.js';

/** The text pdfkit drew: each TJ array's hex strings joined, decoded as WinAnsi (≈ Latin-1 here). */
function drawnText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)]
      .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
      .join(''),
  );
}

describe('checkup PDF', () => {
  const answers = Object.fromEntries(QUESTIONS.map((q) => [q.id, 'no' as const]));

  it('draws Spanish accents with the built-in Helvetica (WinAnsi)', async () => {
    const pdf = await renderPdf(
      scoreCheckup(answers),
      answers,
      {
        locale: 'es',
        orgName: 'Panadería Núñez',
        completedOn: '2026-12-06',
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = drawnText(pdf).join('\n');
    expect(text).toContain('Organización: Panadería Núñez');
    expect(text).toContain('Cuentas y contraseñas: 0 de 100');
    expect(text).toContain('¿');
  });

  it('turns characters Helvetica cannot draw into "?" instead of wrong glyphs', async () => {
    expect(winAnsi('Café “Ωmega” 東京 – ok')).toBe('Café “?mega” ?? – ok');
    const pdf = await renderPdf(
      scoreCheckup(answers),
      answers,
      { locale: 'en', orgName: '東京 Bakery' },
      { compress: false },
    );
    expect(drawnText(pdf).join('\n')).toContain('Organization: ?? Bakery');
  });
});
