import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  LOCALE_NAMES,
  LOCALES,
  type Locale,
} from '../../../../src/platform/engine-kit/i18n/messages.js';
import {
  durationWords,
  practiceMessages,
  practiceSet,
} from '../../../../src/protect/engine/practice/index.js';
import { messageOf } from '../../access/access-client.js';
import { useLocale } from '../../i18n/locale.js';
import {
  createExercise,
  type Exercise,
  endExercise,
  exerciseResults,
  listExercises,
  type Metrics,
  type Person,
  setShowIndividuals,
} from './exercises-api.js';

/** One organization's exercises for its admins: start one, see the figures, end one, the setting. */
export function ExerciseAdmin({
  orgId,
  orgName,
}: {
  readonly orgId: string;
  readonly orgName: string;
}) {
  const locale = useLocale();
  const t = practiceMessages.t;
  const [exercises, setExercises] = useState<readonly Exercise[] | null>(null);
  const [individuals, setIndividuals] = useState(false);
  const [people, setPeople] = useState<Record<string, readonly Person[]>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [days, setDays] = useState('14');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  // The messages' language follows the page's until the admin picks one: an organization may
  // want Spanish practice messages while its admin reads the page in English, or the reverse.
  const [picked, setPicked] = useState<Locale | null>(null);
  const messagesLocale = picked ?? locale;
  const scams = practiceSet(messagesLocale).samples.filter((s) => s.scam);

  const load = useCallback(async () => {
    try {
      const list = await listExercises(orgId);
      setExercises(list.exercises);
      setIndividuals(list.showIndividuals);
      if (list.showIndividuals) {
        const entries = await Promise.all(
          list.exercises.map(
            async (e) => [e.id, (await exerciseResults(orgId, e.id)).people ?? []] as const,
          ),
        );
        setPeople(Object.fromEntries(entries));
      } else setPeople({});
    } catch (err) {
      setProblem(messageOf(err));
    }
  }, [orgId]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setProblem(null);
      setStatus(done);
      await load();
    } catch (err) {
      setStatus(null);
      setProblem(messageOf(err));
    }
  };
  const headingId = `exercises-${orgId}`;
  const percent = (rate: number | null) =>
    rate === null ? t(locale, 'not_yet') : `${Math.round(rate * 100)}%`;
  const duration = (ms: number | null) =>
    ms === null ? t(locale, 'not_yet') : durationWords(locale, ms);
  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);

  return (
    <section aria-labelledby={headingId} class="exercise-admin">
      <h2 id={headingId}>
        {t(locale, 'admin_title')}: {orgName}
      </h2>
      <p>{t(locale, 'admin_intro')}</p>
      {status === null ? null : <p role="status">{status}</p>}
      {problem === null ? null : <p role="alert">{problem}</p>}
      {exercises === null ? null : exercises.length === 0 ? (
        <p>{t(locale, 'exercises_none')}</p>
      ) : (
        <ul class="exercise-list">
          {exercises.map((e) => {
            const running = e.endedAt === null && e.endsAt > Date.now();
            return (
              <li key={e.id} class="exercise-card">
                <h3>{e.name}</h3>
                <p>
                  {running
                    ? t(locale, 'status_running', { when: date(e.endsAt) })
                    : t(locale, 'status_ended', { when: date(e.endedAt ?? e.endsAt) })}
                </p>
                <MetricsList metrics={e.metrics} percent={percent} duration={duration} />
                {people[e.id] === undefined || (people[e.id] ?? []).length === 0 ? null : (
                  <table class="exercise-people">
                    <caption>{t(locale, 'person_results')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t(locale, 'name_label')}</th>
                        <th scope="col">{t(locale, 'metric_report_rate')}</th>
                        <th scope="col">{t(locale, 'metric_median')}</th>
                        <th scope="col">{t(locale, 'metric_click_rate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(people[e.id] ?? []).map((p) => (
                        <tr key={p.userId}>
                          <th scope="row">{p.displayName}</th>
                          <td>{percent(p.metrics.reportRate)}</td>
                          <td>{duration(p.metrics.medianReportMs)}</td>
                          <td>{percent(p.metrics.clickRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {running ? (
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => void act(() => endExercise(orgId, e.id), t(locale, 'ended'))}
                  >
                    {t(locale, 'end_button')}
                    <span class="visually-hidden">: {e.name}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}

      <div class="exercise-setting">
        <label class="practice-choice">
          <input
            type="checkbox"
            checked={individuals}
            aria-describedby={`${headingId}-individuals-help`}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void act(() => setShowIndividuals(orgId, on), t(locale, 'individuals_saved'));
            }}
          />
          {t(locale, 'individuals_label')}
        </label>
        <p id={`${headingId}-individuals-help`} class="practice-help">
          {t(locale, 'individuals_help')}
        </p>
      </div>

      <h3>{t(locale, 'new_exercise')}</h3>
      <form
        class="exercise-form"
        onSubmit={(event) => {
          event.preventDefault();
          void act(
            async () => {
              await createExercise(orgId, name.trim(), chosen, Number(days));
              setName('');
              setChosen([]);
            },
            t(locale, 'created'),
          );
        }}
      >
        <p>
          <label for={`${headingId}-name`}>{t(locale, 'name_label')}</label>
          <input
            id={`${headingId}-name`}
            type="text"
            required
            maxLength={120}
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </p>
        <p>
          <label for={`${headingId}-days`}>{t(locale, 'days_label')}</label>
          <input
            id={`${headingId}-days`}
            type="number"
            min={1}
            max={90}
            required
            value={days}
            onInput={(event) => setDays(event.currentTarget.value)}
          />
        </p>
        <fieldset>
          <legend>{t(locale, 'messages_language')}</legend>
          {LOCALES.map((option) => (
            <label class="practice-choice" key={option}>
              <input
                type="radio"
                name={`${headingId}-language`}
                value={option}
                checked={messagesLocale === option}
                onChange={() => {
                  setPicked(option);
                  // One language per exercise: marks in the other list would be sent unseen.
                  setChosen([]);
                }}
              />
              <span lang={option}>{LOCALE_NAMES[option]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t(locale, 'messages_label')}</legend>
          <ul class="exercise-choices">
            {scams.map((s) => (
              <li key={s.id}>
                <label class="practice-choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.id)}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      setChosen((now) => (on ? [...now, s.id] : now.filter((id) => id !== s.id)));
                    }}
                  />
                  <span lang={messagesLocale}>{s.title}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" class="button">
          {t(locale, 'create_button')}
        </button>
      </form>
    </section>
  );
}

function MetricsList({
  metrics,
  percent,
  duration,
}: {
  readonly metrics: Metrics;
  readonly percent: (rate: number | null) => string;
  readonly duration: (ms: number | null) => string;
}) {
  const locale = useLocale();
  const t = practiceMessages.t;
  // Reporting first: it is what protects an organization; clicks come last on purpose.
  return (
    <dl class="exercise-metrics">
      <div>
        <dt>{t(locale, 'metric_report_rate')}</dt>
        <dd>
          {percent(metrics.reportRate)} ({metrics.reported}/{metrics.delivered})
        </dd>
      </div>
      <div>
        <dt>{t(locale, 'metric_median')}</dt>
        <dd>{duration(metrics.medianReportMs)}</dd>
      </div>
      <div>
        <dt>{t(locale, 'metric_p90')}</dt>
        <dd>{duration(metrics.p90ReportMs)}</dd>
      </div>
      <div>
        <dt>{t(locale, 'metric_click_rate')}</dt>
        <dd>{percent(metrics.clickRate)}</dd>
      </div>
      <div>
        <dt>{t(locale, 'metric_delivered')}</dt>
        <dd>{metrics.delivered}</dd>
      </div>
    </dl>
  );
}
