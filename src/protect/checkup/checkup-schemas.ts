import Type from 'typebox';
import { ANSWERS, AREAS, FRAMEWORKS } from '../engine/checkup/index.js';

/** Request and response schemas of the checkup API (they also feed the OpenAPI document). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));

/** A request body holds at most this many bytes: 25 answers fit in about 1 KB. */
export const CHECKUP_BODY_LIMIT = 16 * 1024;

const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' });

export const OrgParams = Type.Object({ orgId: Id }, { additionalProperties: false });
export const SnapshotParams = Type.Object(
  { orgId: Id, snapshotId: Id },
  { additionalProperties: false },
);

const LocaleQuery = Type.Optional(
  Type.String({
    maxLength: 35,
    description: 'en or es; anything else is English. Without it, Accept-Language decides.',
  }),
);
export const QuestionsQuery = Type.Object({ locale: LocaleQuery });
export const ExportQuery = Type.Object({
  format: Type.Optional(oneOf(['md', 'pdf', 'csv'] as const)),
  locale: LocaleQuery,
  snapshot: Type.Optional(Id),
});

/**
 * Answers as sent: question id → answer. Ids are checked by the service, which names every
 * unknown one in its error; values are checked here.
 */
export const AnswersBody = Type.Object(
  {
    answers: Type.Record(Type.String({ maxLength: 100 }), oneOf(ANSWERS), {
      maxProperties: 100,
    }),
  },
  { additionalProperties: false },
);

const Frameworks = Type.Object(
  Object.fromEntries(FRAMEWORKS.map((f) => [f, Type.Array(Type.String())])) as Record<
    (typeof FRAMEWORKS)[number],
    ReturnType<typeof Type.Array<ReturnType<typeof Type.String>>>
  >,
);

export const QuestionsResponse = Type.Object({
  version: Type.Integer(),
  locale: Type.String(),
  areas: Type.Array(Type.Object({ id: oneOf(AREAS), title: Type.String() })),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      area: oneOf(AREAS),
      text: Type.String(),
      why: Type.String(),
      fix: Type.String(),
      steps: Type.Array(Type.String()),
      impact: Type.Integer(),
      effort: Type.Integer(),
      frameworks: Frameworks,
      mappingNote: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

const Fix = Type.Object({
  id: Type.String(),
  area: oneOf(AREAS),
  answer: Type.Union([oneOf(ANSWERS), Type.Null()]),
  impact: Type.Integer(),
  effort: Type.Integer(),
  priority: Type.Number(),
  findOut: Type.Boolean(),
});

export const ResultSchema = Type.Object({
  overall: Type.Integer(),
  areas: Type.Array(
    Type.Object({
      area: oneOf(AREAS),
      score: Type.Integer(),
      questions: Type.Integer(),
      answered: Type.Integer(),
    }),
  ),
  topFixes: Type.Array(Fix),
  findOut: Type.Array(Type.String()),
  unanswered: Type.Array(Type.String()),
  complete: Type.Boolean(),
});

const AreaScores = Type.Record(Type.String(), Type.Integer());

export const SnapshotSummarySchema = Type.Object({
  id: Type.String(),
  created_at: Type.String({ description: 'ISO 8601' }),
  created_by: Type.String(),
  version: Type.Integer(),
  overall: Type.Integer(),
  areas: AreaScores,
});

export const SnapshotSchema = Type.Object({
  ...SnapshotSummarySchema.properties,
  answers: Type.Record(Type.String(), oneOf(ANSWERS)),
  result: ResultSchema,
});

export const HistoryResponse = Type.Object({ snapshots: Type.Array(SnapshotSummarySchema) });
