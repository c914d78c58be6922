/**
 * The small-business checkup engine: questions mapped to CISA CPG, CIS Controls v8 IG1, NIST CSF
 * 2.0 and UK Cyber Essentials; scoring and ranking; Markdown and CSV reports. Pure: it runs on the
 * server and in the browser (where a checkup without an account is kept on the device).
 */

export { renderCsv } from './checkup-csv.js';
export { escapeMarkdown, type ReportMeta, renderMarkdown } from './checkup-markdown.js';
export { checkupMessages } from './checkup-messages.js';
export {
  AREAS,
  type Area,
  CHECKUP_VERSION,
  FRAMEWORKS,
  type Framework,
  isQuestionId,
  QUESTION_IDS,
  QUESTIONS,
  type Question,
  type QuestionId,
} from './checkup-questions.js';
export {
  ANSWERS,
  type Answer,
  type AnswerProblem,
  type Answers,
  type AreaScore,
  type CheckupResult,
  type Fix,
  isAnswer,
  rankFixes,
  readAnswers,
  scoreCheckup,
} from './checkup-scoring.js';
export {
  answerWord,
  areaTitle,
  controlLabel,
  frameworkName,
  type LocalizedCheckup,
  type LocalizedQuestion,
  localizedCheckup,
  localizedQuestion,
} from './checkup-text.js';
