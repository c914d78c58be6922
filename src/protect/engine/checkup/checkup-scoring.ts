/**
 * Scoring and ranking of a checkup. Pure: the same answers always give the same result.
 *
 * - Each answer earns points: yes 1, partly 0.5, no 0, don't know 0 (flagged "find out").
 *   A question not answered counts like "don't know".
 * - A score (per area and overall) is the impact-weighted share of points, 0–100, rounded:
 *   a high-impact question moves the score more than a low-impact one.
 * - The top fixes are the questions not answered "yes", ranked by what fixing them gains
 *   (impact × points missing) divided by effort; ties go to higher impact, then to the order of
 *   the questions. So a free, high-impact fix (turn on two-step sign-in) comes before an
 *   expensive one (replace old computers) even when both matter.
 */
import {
  AREAS,
  type Area,
  QUESTIONS,
  type Question,
  type QuestionId,
} from './checkup-questions.js';

export const ANSWERS = ['yes', 'partly', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export type Answers = Readonly<Partial<Record<QuestionId, Answer>>>;

const POINTS: Readonly<Record<Answer, number>> = { yes: 1, partly: 0.5, no: 0, unknown: 0 };

export interface AreaScore {
  readonly area: Area;
  readonly score: number;
  readonly questions: number;
  readonly answered: number;
}

export interface Fix {
  readonly id: QuestionId;
  readonly area: Area;
  readonly answer: Answer | null;
  readonly impact: number;
  readonly effort: number;
  /** (impact × points missing) / effort, rounded to 2 decimals: the ranking key. */
  readonly priority: number;
  /** Answered "don't know" (or not at all): find out before fixing. */
  readonly findOut: boolean;
}

export interface CheckupResult {
  readonly overall: number;
  readonly areas: readonly AreaScore[];
  /** The five fixes with the highest priority (fewer when fewer questions are below "yes"). */
  readonly topFixes: readonly Fix[];
  /** Questions answered "don't know", in question order. */
  readonly findOut: readonly QuestionId[];
  /** Questions with no answer, in question order. */
  readonly unanswered: readonly QuestionId[];
  readonly complete: boolean;
}

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

function share(questions: readonly Question[], answers: Answers): number {
  let earned = 0;
  let possible = 0;
  for (const q of questions) {
    const answer = answers[q.id as QuestionId];
    earned += q.impact * (answer === undefined ? 0 : POINTS[answer]);
    possible += q.impact;
  }
  return possible === 0 ? 0 : Math.round((100 * earned) / possible);
}

/** Every fix below "yes", best first (the whole ranking; {@link scoreCheckup} keeps five). */
export function rankFixes(answers: Answers): Fix[] {
  const fixes: (Fix & { order: number })[] = [];
  QUESTIONS.forEach((q, order) => {
    const answer = answers[q.id] ?? null;
    const missing = 1 - (answer === null ? 0 : POINTS[answer]);
    if (missing === 0) return;
    fixes.push({
      id: q.id,
      area: q.area,
      answer,
      impact: q.impact,
      effort: q.effort,
      priority: Math.round(((q.impact * missing) / q.effort) * 100) / 100,
      findOut: answer === null || answer === 'unknown',
      order,
    });
  });
  fixes.sort((a, b) => b.priority - a.priority || b.impact - a.impact || a.order - b.order);
  return fixes.map(({ order: _order, ...fix }) => fix);
}

export function scoreCheckup(answers: Answers): CheckupResult {
  const areas = AREAS.map((area) => {
    const questions = QUESTIONS.filter((q) => q.area === area);
    return {
      area,
      score: share(questions, answers),
      questions: questions.length,
      answered: questions.filter((q) => answers[q.id] !== undefined).length,
    };
  });
  const unanswered = QUESTIONS.filter((q) => answers[q.id] === undefined).map((q) => q.id);
  return {
    overall: share(QUESTIONS, answers),
    areas,
    topFixes: rankFixes(answers).slice(0, 5),
    findOut: QUESTIONS.filter((q) => answers[q.id] === 'unknown').map((q) => q.id),
    unanswered,
    complete: unanswered.length === 0,
  };
}

/** Problems with answers that came from outside (a request body, a file, the device's storage). */
export type AnswerProblem =
  | { readonly kind: 'unknown_question'; readonly id: string }
  | { readonly kind: 'bad_answer'; readonly id: string };

/**
 * Checks answers from outside: only known question ids, only the four answers. Returns the
 * typed answers, or every problem found (capped at 50 so a hostile input cannot grow the reply).
 */
export function readAnswers(
  input: Readonly<Record<string, unknown>>,
): { ok: true; answers: Answers } | { ok: false; problems: readonly AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const answers: Partial<Record<QuestionId, Answer>> = {};
  const known = new Set<string>(QUESTIONS.map((q) => q.id));
  for (const [id, value] of Object.entries(input)) {
    if (problems.length >= 50) break;
    if (!known.has(id)) problems.push({ kind: 'unknown_question', id: id.slice(0, 100) });
    else if (!isAnswer(value)) problems.push({ kind: 'bad_answer', id });
    else answers[id as QuestionId] = value;
  }
  return problems.length === 0 ? { ok: true, answers } : { ok: false, problems };
}
