import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, renderCsv } from './checkup-csv.js';
import { escapeMarkdown, renderMarkdown } from './checkup-markdown.js';
import { checkupEn } from './checkup-messages-en.js';
import { checkupEs } from './checkup-messages-es.js';
import { AREAS, CE_CONTROLS, QUESTIONS, type QuestionId } from './checkup-questions.js';
import {
  ANSWERS,
  type Answer,
  type Answers,
  rankFixes,
  readAnswers,
  scoreCheckup,
} from './checkup-scoring.js';
import { localizedCheckup } from './checkup-text.js';

/** The 56 CIS Controls v8 Implementation Group 1 safeguards. */
const CIS_IG1 = new Set(
  (
    '1.1 1.2 2.1 2.2 2.3 3.1 3.2 3.3 3.4 3.5 3.6 4.1 4.2 4.3 4.4 4.5 4.6 4.7 5.1 5.2 5.3 5.4 ' +
    '6.1 6.2 6.3 6.4 6.5 7.1 7.2 7.3 7.4 8.1 8.2 8.3 9.1 9.2 10.1 10.2 10.3 11.1 11.2 11.3 11.4 ' +
    '12.1 14.1 14.2 14.3 14.4 14.5 14.6 14.7 14.8 15.1 17.1 17.2 17.3'
  ).split(' '),
);

const all = (answer: Answer): Answers =>
  Object.fromEntries(QUESTIONS.map((q) => [q.id, answer])) as Answers;
const ids = QUESTIONS.map((q) => q.id);

describe('checkup questions (data)', () => {
  it('has about 25 questions with unique ids across every area', () => {
    expect(QUESTIONS.length).toBe(25);
    expect(new Set(ids).size).toBe(ids.length);
    for (const area of AREAS) expect(QUESTIONS.some((q) => q.area === area)).toBe(true);
  });

  it('uses ids in each framework’s own format', () => {
    for (const q of QUESTIONS) {
      for (const id of q.cpg) expect(id, q.id).toMatch(/^[1-5]\.[A-X]$/);
      for (const id of q.cis) expect(id, q.id).toMatch(/^(1[0-8]|[1-9])\.\d{1,2}$/);
      for (const id of q.csf) expect(id, q.id).toMatch(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/);
      for (const id of q.ce) expect(CE_CONTROLS).toContain(id);
      expect(q.cpg.length + q.cis.length + q.csf.length, q.id).toBeGreaterThan(0);
    }
  });

  it('explains every CIS safeguard outside IG1 and every framework left empty, in a mapping note', () => {
    for (const q of QUESTIONS) {
      const outside = q.cis.filter((id) => !CIS_IG1.has(id));
      if (outside.length > 0 || q.cpg.length === 0)
        expect('mappingNote' in q, `${q.id}: ${outside}`).toBe(true);
    }
  });

  it('has every sentence in English and Spanish, different, with two or more steps', () => {
    for (const q of QUESTIONS) {
      for (const suffix of ['', '.why', '.fix', '.steps'] as const) {
        const key = `q.${q.id}${suffix}` as keyof typeof checkupEn;
        expect(checkupEn[key], key).toBeTruthy();
        expect(checkupEs[key], key).toBeTruthy();
        expect(checkupEs[key], key).not.toBe(checkupEn[key]);
      }
      expect(
        checkupEn[`q.${q.id}.steps` as keyof typeof checkupEn].split('\n').length,
      ).toBeGreaterThan(1);
      expect(checkupEs[`q.${q.id}.steps` as keyof typeof checkupEn].split('\n').length).toBe(
        checkupEn[`q.${q.id}.steps` as keyof typeof checkupEn].split('\n').length,
      );
      expect(`q.${q.id}.mapping` in checkupEn).toBe('mappingNote' in q);
    }
    expect(Object.keys(checkupEs).sort()).toEqual(Object.keys(checkupEn).sort());
  });

  it('localizes the whole set', () => {
    const es = localizedCheckup('es');
    expect(es.questions).toHaveLength(25);
    expect(es.areas.find((a) => a.id === 'backups')?.title).toBe('Copias de seguridad');
    expect(es.questions[0]?.steps.length).toBeGreaterThan(1);
  });
});

describe('scoring', () => {
  it('gives 100 for all yes, 0 for all no, and half for all partly', () => {
    const yes = scoreCheckup(all('yes'));
    expect(yes.overall).toBe(100);
    expect(yes.areas.every((a) => a.score === 100)).toBe(true);
    expect(yes.topFixes).toEqual([]);
    expect(yes.complete).toBe(true);
    expect(scoreCheckup(all('no')).overall).toBe(0);
    expect(scoreCheckup(all('partly')).overall).toBe(50);
  });

  it('scores "don’t know" like "no" but flags it to find out', () => {
    const unknown = scoreCheckup(all('unknown'));
    const no = scoreCheckup(all('no'));
    expect(unknown.areas).toEqual(no.areas);
    expect(unknown.findOut).toEqual(ids);
    expect(no.findOut).toEqual([]);
    expect(unknown.topFixes.every((f) => f.findOut)).toBe(true);
  });

  it('weights each question by its impact within an area', () => {
    // Backups: impacts 5, 5, 4. Yes to the first two only: (5 + 5) / 14 = 71.4 → 71.
    const answers: Answers = {
      ...all('yes'),
      'backup-automatic': 'yes',
      'backup-offline': 'yes',
      'backup-restore-tested': 'no',
    };
    const backups = scoreCheckup(answers).areas.find((a) => a.area === 'backups');
    expect(backups?.score).toBe(71);
    // Partly on the 4-impact question: (10 + 2) / 14 = 85.7 → 86.
    const partly = scoreCheckup({ ...answers, 'backup-restore-tested': 'partly' });
    expect(partly.areas.find((a) => a.area === 'backups')?.score).toBe(86);
  });

  it('counts a missing answer as unknown and reports it as unanswered', () => {
    const { logging: _dropped, ...rest } = all('yes') as Record<QuestionId, Answer>;
    const result = scoreCheckup(rest);
    expect(result.complete).toBe(false);
    expect(result.unanswered).toEqual(['logging']);
    expect(result.topFixes[0]).toMatchObject({ id: 'logging', findOut: true, answer: null });
  });

  it('ranks fixes by impact over effort, then impact, then question order', () => {
    const top = scoreCheckup(all('no')).topFixes.map((f) => f.id);
    // Impact 5 / effort 1 first (in question order), then impact 4 / effort 1.
    expect(top).toEqual([
      'mfa-email-banking',
      'updates-automatic',
      'payment-verification',
      'leavers-removed',
      'antivirus',
    ]);
    // A "partly" halves what fixing gains: 5 × 0.5 / 1 = 2.5 falls behind 4 / 1.
    const ranked = rankFixes({ ...all('no'), 'mfa-email-banking': 'partly' });
    expect(ranked.find((f) => f.id === 'mfa-email-banking')?.priority).toBe(2.5);
    expect(ranked.slice(0, 5).map((f) => f.id)).not.toContain('mfa-email-banking');
  });

  it('stays in range, is monotone, and never ranks a "yes" (property)', () => {
    const answer = fc.constantFrom(...ANSWERS);
    const answersArb = fc.record(
      Object.fromEntries(ids.map((id) => [id, answer])) as Record<QuestionId, typeof answer>,
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...ids), (answers, id) => {
        const result = scoreCheckup(answers);
        expect(result.overall).toBeGreaterThanOrEqual(0);
        expect(result.overall).toBeLessThanOrEqual(100);
        expect(result.topFixes.length).toBeLessThanOrEqual(5);
        for (const fix of result.topFixes) expect(answers[fix.id]).not.toBe('yes');
        const better = scoreCheckup({ ...answers, [id]: 'yes' });
        expect(better.overall).toBeGreaterThanOrEqual(result.overall);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading answers from outside', () => {
  it('accepts known ids and the four answers', () => {
    expect(readAnswers({ 'mfa-email-banking': 'yes', logging: 'unknown' })).toEqual({
      ok: true,
      answers: { 'mfa-email-banking': 'yes', logging: 'unknown' },
    });
  });

  it('names unknown questions and bad answers, and ignores nothing silently', () => {
    const parsed = readAnswers(
      JSON.parse('{"nope":"yes","logging":"maybe","__proto__":"yes","firewall":"yes"}') as Record<
        string,
        unknown
      >,
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { kind: 'unknown_question', id: 'nope' },
        { kind: 'bad_answer', id: 'logging' },
        { kind: 'unknown_question', id: '__proto__' },
      ],
    });
  });
});

describe('reports', () => {
  const answers: Answers = { ...all('yes'), firewall: 'no', logging: 'unknown' };
  const result = scoreCheckup(answers);

  it('Markdown: scores, fixes with numbered steps, find-out list, escaped organization name', () => {
    const md = renderMarkdown(result, answers, {
      locale: 'en',
      orgName: '# Evil [click](http://x.example)\n## more',
      completedOn: '2026-12-06',
    });
    expect(md).toContain('Organization: \\# Evil \\[click\\]\\(http://x\\.example\\) \\#\\# more');
    expect(md).not.toMatch(/^## more/m);
    expect(md).toContain(`**Overall score: ${result.overall} out of 100**`);
    expect(md).toContain('### 1. Turn on firewalls and close open doors');
    expect(md).toMatch(/^1\. Check that the firewall is on/m);
    expect(md).toContain('## Find out first');
    expect(md).toContain('— **I don’t know**');
  });

  it('Markdown in Spanish', () => {
    const md = renderMarkdown(result, answers, { locale: 'es' });
    expect(md).toContain('# Revisión de seguridad para pequeñas empresas');
    expect(md).toContain('Active los cortafuegos y cierre las puertas abiertas');
    expect(md).toContain('— **Sí**');
  });

  it('escapes every Markdown control character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const escaped = escapeMarkdown(name);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(escaped.replace(/\\./g, '')).not.toMatch(/[\\`*_[\]()#<>|]/);
      }),
    );
  });

  it('CSV: one row per question and framework control, with the answer', () => {
    const csv = renderCsv(answers, 'en');
    const lines = csv.trimEnd().split('\r\n');
    const expected = QUESTIONS.reduce(
      (n, q) => n + q.cpg.length + q.cis.length + q.csf.length + q.ce.length,
      0,
    );
    expect(lines).toHaveLength(expected + 1);
    expect(lines[0]).toBe('question_id,question,area,framework,control_id,answer,note');
    expect(lines).toContain(
      'firewall,"Is the firewall turned on in your router and on every computer, with nothing opened to the internet unless someone knows why?",Network and Wi-Fi,CISA Cross-Sector Cybersecurity Performance Goals (v1.0.1),2.W,No,',
    );
    expect(csv).toContain('logging,');
    expect(csv).toMatch(/\nmfa-email-banking,[^\r]*,UK Cyber Essentials,User access control,Yes,/);
    expect(renderCsv(answers, 'es').split('\r\n')[0]).toBe(
      'id_pregunta,pregunta,area,marco,id_control,respuesta,nota',
    );
  });

  it('CSV cells cannot become spreadsheet formulas and quotes are doubled', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('plain')).toBe('plain');
  });
});
