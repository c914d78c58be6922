import Type from 'typebox';
import { MAX_EXERCISE_DAYS, MAX_EXERCISE_MESSAGES } from './exercise-service.js';

/** Request and response schemas of practice and exercises (they also feed the OpenAPI document). */
const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,80}$' });
const SampleId = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });
const Ms = Type.Union([Type.Number(), Type.Null()]);

export const OrgQuery = Type.Object({ orgId: Id }, { additionalProperties: false });
export const ExerciseParams = Type.Object({ id: Id }, { additionalProperties: false });
export const DeliveryParams = Type.Object({ id: Id }, { additionalProperties: false });

export const CreateExerciseRequest = Type.Object(
  {
    orgId: Id,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    messages: Type.Array(SampleId, { minItems: 1, maxItems: MAX_EXERCISE_MESSAGES }),
    days: Type.Integer({ minimum: 1, maximum: MAX_EXERCISE_DAYS }),
  },
  { additionalProperties: false },
);

export const SettingsRequest = Type.Object(
  { orgId: Id, showIndividuals: Type.Boolean() },
  { additionalProperties: false },
);

/** The token of an exercise message, as an external mail system's report button sends it. */
export const TokenRequest = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) },
  { additionalProperties: false },
);

export const Metrics = Type.Object({
  delivered: Type.Integer(),
  reported: Type.Integer(),
  reportRate: Ms,
  medianReportMs: Ms,
  p90ReportMs: Ms,
  clicked: Type.Integer(),
  clickRate: Ms,
  opened: Type.Integer(),
});

export const ExerciseSchema = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  name: Type.String(),
  sampleIds: Type.Array(Type.String()),
  startsAt: Type.Number(),
  endsAt: Type.Number(),
  endedAt: Ms,
  createdAt: Type.Number(),
  metrics: Metrics,
});

export const ResultsSchema = Type.Object({
  exercise: ExerciseSchema,
  perMessage: Type.Array(Type.Object({ sampleId: Type.String(), metrics: Metrics })),
  people: Type.Union([
    Type.Array(
      Type.Object({ userId: Type.String(), displayName: Type.String(), metrics: Metrics }),
    ),
    Type.Null(),
  ]),
});

export const InboxSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      exerciseId: Type.String(),
      orgId: Type.String(),
      sampleId: Type.String(),
      deliverAt: Type.Number(),
      openedAt: Ms,
      reportedAt: Ms,
      clickedAt: Ms,
      token: Type.String(),
      message: Type.Object({
        kind: Type.String(),
        from: Type.String(),
        subject: Type.Union([Type.String(), Type.Null()]),
        body: Type.String(),
      }),
    }),
  ),
  mine: Metrics,
});

export const SampleListSchema = Type.Object({
  samples: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      category: Type.String(),
      scam: Type.Boolean(),
      title: Type.String(),
      redFlags: Type.Integer(),
    }),
  ),
});
