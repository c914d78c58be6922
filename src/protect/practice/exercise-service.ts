/**
 * Organization exercises: an admin sends a chosen set of practice scams to every member's practice
 * inbox over a period; members open, report or click; the organization sees how often and how
 * fast people report. Admins see totals; each person's own results only when the organization
 * turns that on (see {@link ExerciseService.setShowIndividuals} for why it is off by default).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { AuditLog } from '../../platform/audit/index.js';
import type { Store } from '../../platform/ports/store.js';
import {
  type DeliveryFacts,
  type ExerciseMetrics,
  exerciseMetrics,
  fieldText,
  planDeliveries,
  practiceSample,
} from '../engine/practice/index.js';
import { practiceErrors } from './errors.js';
import type {
  PracticeTables,
  ProtectExerciseDeliveryRow,
  ProtectExerciseRow,
} from './practice-tables.js';

const DAY = 86_400_000;
export const MAX_EXERCISE_DAYS = 90;
export const MAX_EXERCISE_MESSAGES = 20;
/** Members one exercise reaches; more is an organization this embedded default is not sized for. */
export const MAX_EXERCISE_MEMBERS = 5000;

/** The organization's members, from the access module. */
export interface OrgMembers {
  members(orgId: string): Promise<readonly { userId: string; displayName: string }[]>;
}

export interface ExerciseServiceDeps {
  readonly store: Store;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly now: () => number;
  readonly randomBytes: (n: number) => Uint8Array;
  readonly orgs: OrgMembers;
}

export interface ExerciseView {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly sampleIds: readonly string[];
  readonly startsAt: number;
  readonly endsAt: number;
  readonly endedAt: number | null;
  readonly createdAt: number;
  readonly metrics: ExerciseMetrics;
}

export interface PersonResult {
  readonly userId: string;
  readonly displayName: string;
  readonly metrics: ExerciseMetrics;
}

export interface ExerciseResults {
  readonly exercise: ExerciseView;
  readonly perMessage: readonly { sampleId: string; metrics: ExerciseMetrics }[];
  /** Only when the organization shows individual results to admins; else null. */
  readonly people: readonly PersonResult[] | null;
}

export interface InboxItem {
  readonly id: string;
  readonly exerciseId: string;
  readonly orgId: string;
  readonly sampleId: string;
  readonly deliverAt: number;
  readonly openedAt: number | null;
  readonly reportedAt: number | null;
  readonly clickedAt: number | null;
  /** What an external mail system's "report phish" button sends back. */
  readonly token: string;
  readonly message: {
    readonly kind: string;
    readonly from: string;
    readonly subject: string | null;
    readonly body: string;
  };
}

export type ExerciseService = ReturnType<typeof createExerciseService>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const facts = (d: ProtectExerciseDeliveryRow): DeliveryFacts => ({
  deliverAt: Number(d.deliver_at),
  openedAt: d.opened_at === null ? null : Number(d.opened_at),
  reportedAt: d.reported_at === null ? null : Number(d.reported_at),
  clickedAt: d.clicked_at === null ? null : Number(d.clicked_at),
});

export function createExerciseService(deps: ExerciseServiceDeps) {
  const db = () => deps.store.db<PracticeTables>();
  const tokenOf = (exercise: Pick<ProtectExerciseRow, 'secret'>, deliveryId: string) =>
    createHmac('sha256', Buffer.from(exercise.secret, 'hex'))
      .update(deliveryId)
      .digest('base64url')
      .slice(0, 32);

  const exerciseRow = async (orgId: string, id: string) => {
    const row = await db()
      .selectFrom('protect_exercise')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (row === undefined) throw practiceErrors.create('exercise_not_found');
    return row;
  };
  const deliveriesOf = (exerciseId: string) =>
    db()
      .selectFrom('protect_exercise_delivery')
      .selectAll()
      .where('exercise_id', '=', exerciseId)
      .execute();
  const view = (
    row: ProtectExerciseRow,
    deliveries: readonly ProtectExerciseDeliveryRow[],
  ): ExerciseView => ({
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    sampleIds: JSON.parse(row.sample_ids) as string[],
    startsAt: Number(row.starts_at),
    endsAt: Number(row.ends_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    createdAt: Number(row.created_at),
    metrics: exerciseMetrics(deliveries.map(facts), deps.now()),
  });
  const showIndividuals = async (orgId: string) =>
    (
      await db()
        .selectFrom('protect_exercise_setting')
        .select('show_individuals')
        .where('org_id', '=', orgId)
        .executeTakeFirst()
    )?.show_individuals === 1;

  /** A delivery that has arrived and whose exercise is still running, found by token. */
  const liveByToken = async (token: string) => {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
    const row = await db()
      .selectFrom('protect_exercise_delivery as d')
      .innerJoin('protect_exercise as e', 'e.id', 'd.exercise_id')
      .selectAll('d')
      .select(['e.ended_at as exercise_ended_at', 'e.ends_at as exercise_ends_at'])
      .where('d.token_hash', '=', sha256(token))
      .executeTakeFirst();
    const now = deps.now();
    if (row === undefined || Number(row.deliver_at) > now) return undefined;
    if (row.exercise_ended_at !== null || Number(row.exercise_ends_at) <= now) return undefined;
    return row;
  };
  const ownLive = async (userId: string, deliveryId: string) => {
    const row = await db()
      .selectFrom('protect_exercise_delivery as d')
      .innerJoin('protect_exercise as e', 'e.id', 'd.exercise_id')
      .selectAll('d')
      .select(['e.ended_at as exercise_ended_at', 'e.ends_at as exercise_ends_at'])
      .where('d.id', '=', deliveryId)
      .where('d.user_id', '=', userId)
      .executeTakeFirst();
    const now = deps.now();
    if (row === undefined || Number(row.deliver_at) > now)
      throw practiceErrors.create('delivery_not_found');
    if (row.exercise_ended_at !== null || Number(row.exercise_ends_at) <= now)
      throw practiceErrors.create('delivery_not_found');
    return row;
  };
  /** Sets a first-time timestamp once: a second report or click keeps the first time. */
  const stamp = async (
    id: string,
    column: 'opened_at' | 'reported_at' | 'clicked_at',
    via?: 'inbox' | 'api',
  ) => {
    await db()
      .updateTable('protect_exercise_delivery')
      .set({ [column]: deps.now(), ...(via === undefined ? {} : { report_via: via }) })
      .where('id', '=', id)
      .where(column, 'is', null)
      .execute();
    // Reporting or clicking a message means it was opened.
    if (column !== 'opened_at')
      await db()
        .updateTable('protect_exercise_delivery')
        .set({ opened_at: deps.now() })
        .where('id', '=', id)
        .where('opened_at', 'is', null)
        .execute();
  };

  return {
    async create(
      input: {
        orgId: string;
        name: string;
        sampleIds: readonly string[];
        days: number;
        startsAt?: number;
      },
      actor: string,
    ): Promise<ExerciseView> {
      const sampleIds = [...new Set(input.sampleIds)];
      for (const id of sampleIds) {
        const sample = practiceSample(id);
        if (sample === undefined)
          throw practiceErrors.create('unknown_message', {
            message: `There is no practice message "${id.slice(0, 80)}". \`shieldwall practice list\` shows them.`,
          });
        if (!sample.scam)
          throw practiceErrors.create('genuine_message', {
            message: `"${id}" is a genuine look-alike; exercises send practice scams only.`,
          });
      }
      const members = (await deps.orgs.members(input.orgId)).slice(0, MAX_EXERCISE_MEMBERS);
      if (members.length === 0) throw practiceErrors.create('no_members');
      const now = deps.now();
      const startsAt = input.startsAt ?? now;
      const endsAt = startsAt + input.days * DAY;
      const row: ProtectExerciseRow = {
        id: randomUUID(),
        org_id: input.orgId,
        name: input.name,
        sample_ids: JSON.stringify(sampleIds),
        starts_at: startsAt,
        ends_at: endsAt,
        created_at: now,
        created_by: actor,
        ended_at: null,
        secret: Buffer.from(deps.randomBytes(32)).toString('hex'),
      };
      const plan = planDeliveries(
        members.map((m) => m.userId),
        sampleIds,
        startsAt,
        endsAt,
      );
      const deliveries = plan.map((p) => {
        const id = randomUUID();
        return {
          id,
          exercise_id: row.id,
          org_id: row.org_id,
          user_id: p.userId,
          sample_id: p.sampleId,
          token_hash: sha256(tokenOf(row, id)),
          deliver_at: p.deliverAt,
          opened_at: null,
          reported_at: null,
          report_via: null,
          clicked_at: null,
        };
      });
      await deps.store.transaction<PracticeTables, void>(async (trx) => {
        await trx.insertInto('protect_exercise').values(row).execute();
        for (let i = 0; i < deliveries.length; i += 200)
          await trx
            .insertInto('protect_exercise_delivery')
            .values(deliveries.slice(i, i + 200))
            .execute();
      });
      await deps.audit.append({
        actor,
        action: 'protect.exercise.created',
        subject: `org:${row.org_id}`,
        data: {
          exercise: row.id,
          name: row.name,
          messages: sampleIds,
          members: members.length,
          startsAt,
          endsAt,
        },
      });
      return view(row, deliveries);
    },

    /** Every exercise of the organization, oldest first, so the figures read as progress over time. */
    async list(orgId: string): Promise<ExerciseView[]> {
      const rows = await db()
        .selectFrom('protect_exercise')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .limit(500)
        .execute();
      return Promise.all(rows.map(async (r) => view(r, await deliveriesOf(r.id))));
    },

    async results(orgId: string, exerciseId: string): Promise<ExerciseResults> {
      const row = await exerciseRow(orgId, exerciseId);
      const deliveries = await deliveriesOf(row.id);
      const exercise = view(row, deliveries);
      const now = deps.now();
      const perMessage = exercise.sampleIds.map((sampleId) => ({
        sampleId,
        metrics: exerciseMetrics(
          deliveries.filter((d) => d.sample_id === sampleId).map(facts),
          now,
        ),
      }));
      let people: PersonResult[] | null = null;
      if (await showIndividuals(orgId)) {
        const names = new Map(
          (await deps.orgs.members(orgId)).map((m) => [m.userId, m.displayName]),
        );
        const byUser = new Map<string, ProtectExerciseDeliveryRow[]>();
        for (const d of deliveries) {
          const list = byUser.get(d.user_id);
          if (list === undefined) byUser.set(d.user_id, [d]);
          else list.push(d);
        }
        people = [...byUser].map(([userId, ds]) => ({
          userId,
          displayName: names.get(userId) ?? '(no longer a member)',
          metrics: exerciseMetrics(ds.map(facts), now),
        }));
      }
      return { exercise, perMessage, people };
    },

    async end(orgId: string, exerciseId: string, actor: string): Promise<ExerciseView> {
      const row = await exerciseRow(orgId, exerciseId);
      if (row.ended_at !== null) throw practiceErrors.create('exercise_ended');
      const endedAt = deps.now();
      await db()
        .updateTable('protect_exercise')
        .set({ ended_at: endedAt })
        .where('id', '=', row.id)
        .where('ended_at', 'is', null)
        .execute();
      await deps.audit.append({
        actor,
        action: 'protect.exercise.ended',
        subject: `org:${orgId}`,
        data: { exercise: row.id, name: row.name },
      });
      return view({ ...row, ended_at: endedAt }, await deliveriesOf(row.id));
    },

    async showIndividuals(orgId: string): Promise<boolean> {
      return showIndividuals(orgId);
    },

    /**
     * Whether admins see each person's results. Off by default: when practice can single people
     * out, they stop reporting honestly (or stop opening messages at all), and a practice that
     * feels like surveillance teaches fear of the admin instead of care with messages.
     */
    async setShowIndividuals(orgId: string, on: boolean, actor: string): Promise<void> {
      const values = { show_individuals: on ? 1 : 0, updated_at: deps.now(), updated_by: actor };
      await db()
        .insertInto('protect_exercise_setting')
        .values({ org_id: orgId, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
        .execute();
      await deps.audit.append({
        actor,
        action: 'protect.exercise.individuals_changed',
        subject: `org:${orgId}`,
        data: { showIndividuals: on },
      });
    },

    /** The person's practice messages that have arrived, newest first, from running exercises. */
    async inbox(userId: string): Promise<InboxItem[]> {
      const now = deps.now();
      const rows = await db()
        .selectFrom('protect_exercise_delivery as d')
        .innerJoin('protect_exercise as e', 'e.id', 'd.exercise_id')
        .selectAll('d')
        .select('e.secret')
        .where('d.user_id', '=', userId)
        .where('d.deliver_at', '<=', now)
        .where('e.ended_at', 'is', null)
        .where('e.ends_at', '>', now)
        .orderBy('d.deliver_at', 'desc')
        .limit(200)
        .execute();
      return rows.flatMap((r) => {
        const sample = practiceSample(r.sample_id);
        if (sample === undefined) return [];
        return [
          {
            id: r.id,
            exerciseId: r.exercise_id,
            orgId: r.org_id,
            sampleId: r.sample_id,
            ...facts(r),
            token: tokenOf(r, r.id),
            message: {
              kind: sample.kind,
              from: fieldText(sample.from),
              subject: sample.subject === undefined ? null : fieldText(sample.subject),
              body: fieldText(sample.body),
            },
          },
        ];
      });
    },

    /** The person's own results over every exercise they took part in. */
    async myResults(userId: string): Promise<ExerciseMetrics> {
      const rows = await db()
        .selectFrom('protect_exercise_delivery')
        .selectAll()
        .where('user_id', '=', userId)
        .limit(10_000)
        .execute();
      return exerciseMetrics(rows.map(facts), deps.now());
    },

    async open(userId: string, deliveryId: string): Promise<void> {
      await stamp((await ownLive(userId, deliveryId)).id, 'opened_at');
    },
    async report(userId: string, deliveryId: string): Promise<void> {
      await stamp((await ownLive(userId, deliveryId)).id, 'reported_at', 'inbox');
    },
    /** An external mail system's "report phish" button. */
    async reportByToken(token: string): Promise<{ sampleId: string }> {
      const row = await liveByToken(token);
      if (row === undefined) throw practiceErrors.create('delivery_not_found');
      await stamp(row.id, 'reported_at', 'api');
      return { sampleId: row.sample_id };
    },
    /** The fake link of a practice message was followed (the teaching page records it). */
    async clickByToken(token: string): Promise<{ sampleId: string }> {
      const row = await liveByToken(token);
      if (row === undefined) throw practiceErrors.create('delivery_not_found');
      await stamp(row.id, 'clicked_at');
      return { sampleId: row.sample_id };
    },
  };
}
