/**
 * Practice by example: made-up messages with annotated red flags, scoring, progress kept on the
 * device, and the numbers organization exercises report. Pure; runs in Node and the browser.
 */
export {
  type DeliveryFacts,
  type ExerciseMetrics,
  exerciseMetrics,
  planDeliveries,
  quantile,
} from './exercise-metrics.js';
export { type LessonKey, lessons } from './lessons.js';
export { durationWords, type PracticeMessageKey, practiceMessages } from './practice-messages.js';
export {
  checkerInput,
  fieldText,
  flagSpans,
  PRACTICE_ORDER,
  PRACTICE_ORDER_ES,
  PRACTICE_SAMPLES,
  PRACTICE_SAMPLES_ES,
  type PracticeSet,
  practiceSample,
  practiceSet,
  redFlags,
  sampleFields,
  sampleLocale,
} from './practice-samples.js';
export {
  type AttemptResult,
  type Decision,
  EMPTY_PROGRESS,
  type PracticeProgress,
  type ProgressSummary,
  parseProgress,
  recordAttempt,
  scoreAttempt,
  summariseProgress,
} from './practice-score.js';
export type {
  FieldName,
  FlagSpan,
  Phrase,
  PhraseRef,
  PracticeSample,
} from './practice-types.js';
