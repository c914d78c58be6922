import { apiGet, apiSend } from '../../access/access-client.js';
import {
  arrayOf,
  bool,
  ignoreBody,
  nullable,
  num,
  type Of,
  object,
  parserOf,
  str,
} from '../../access/shapes.js';
import { postJson } from '../../api.js';

/** /api/protect/exercises: the practice inbox, the admin view, and the practice link's page. */
const BASE = '/api/protect/exercises';

const Metrics = object({
  delivered: num,
  reported: num,
  reportRate: nullable(num),
  medianReportMs: nullable(num),
  p90ReportMs: nullable(num),
  clicked: num,
  clickRate: nullable(num),
  opened: num,
});
export type Metrics = Of<typeof Metrics>;

const InboxItem = object({
  id: str,
  sampleId: str,
  deliverAt: num,
  openedAt: nullable(num),
  reportedAt: nullable(num),
  clickedAt: nullable(num),
  token: str,
  message: object({ kind: str, from: str, subject: nullable(str), body: str }),
});
export type InboxItem = Of<typeof InboxItem>;
const Inbox = object({ items: arrayOf(InboxItem), mine: Metrics });

const Exercise = object({
  id: str,
  name: str,
  sampleIds: arrayOf(str),
  startsAt: num,
  endsAt: num,
  endedAt: nullable(num),
  metrics: Metrics,
});
export type Exercise = Of<typeof Exercise>;
const ExerciseList = object({ exercises: arrayOf(Exercise), showIndividuals: bool });
const Person = object({ userId: str, displayName: str, metrics: Metrics });
export type Person = Of<typeof Person>;
const Results = object({ exercise: Exercise, people: nullable(arrayOf(Person)) });

export const getInbox = (signal?: AbortSignal) => apiGet(`${BASE}/inbox`, parserOf(Inbox), signal);
export const markOpened = (id: string) =>
  apiSend(`${BASE}/inbox/${encodeURIComponent(id)}/open`, undefined, ignoreBody);
export const reportMessage = (id: string) =>
  apiSend(`${BASE}/inbox/${encodeURIComponent(id)}/report`, undefined, ignoreBody);

export const listExercises = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${BASE}?orgId=${encodeURIComponent(orgId)}`, parserOf(ExerciseList), signal);
export const exerciseResults = (orgId: string, id: string) =>
  apiGet(
    `${BASE}/${encodeURIComponent(id)}/results?orgId=${encodeURIComponent(orgId)}`,
    parserOf(Results),
  );
export const createExercise = (
  orgId: string,
  name: string,
  messages: readonly string[],
  days: number,
) => apiSend(BASE, { orgId, name, messages, days }, parserOf(Exercise));
export const endExercise = (orgId: string, id: string) =>
  apiSend(`${BASE}/${encodeURIComponent(id)}/end`, { orgId }, parserOf(Exercise));
export const setShowIndividuals = (orgId: string, showIndividuals: boolean) =>
  apiSend(`${BASE}/settings`, { orgId, showIndividuals }, ignoreBody, 'PUT');

/** The practice link was followed: no account needed, the token says which message. */
export const recordClick = (token: string) =>
  postJson(`${BASE}/click`, { token }, parserOf(object({ sampleId: str })));
