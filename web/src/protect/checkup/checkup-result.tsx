import type { RefObject } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../../../src/platform/engine-kit/i18n/messages.js';
import {
  type Answers,
  AREAS,
  areaTitle,
  type CheckupResult,
  localizedQuestion,
  renderCsv,
  renderMarkdown,
} from '../../../../src/protect/engine/checkup/index.js';
import { ApiError } from '../../api.js';
import { listSnapshots, pdfExportUrl, type SnapshotSummary, saveSnapshot } from './checkup-api.js';
import { download } from './checkup-storage.js';
import { checkupWords } from './checkup-words.js';

export interface OrgChoice {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

interface Props {
  readonly locale: Locale;
  readonly answers: Answers;
  readonly result: CheckupResult;
  readonly org: OrgChoice | undefined;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly onChange: () => void;
}

const day = (iso: string) => iso.slice(0, 10);

/** The result: overall and per-area scores (bar plus number), top five fixes, exports, history. */
export function CheckupResultView({ locale, answers, result, org, headingRef, onChange }: Props) {
  const w = (key: Parameters<typeof checkupWords.t>[1], params?: Record<string, string | number>) =>
    checkupWords.t(locale, key, params);
  const [history, setHistory] = useState<SnapshotSummary[] | 'loading' | ApiError | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | SnapshotSummary | ApiError>(
    'idle',
  );

  const loadHistory = useCallback(async () => {
    if (org === undefined) return setHistory(null);
    setHistory('loading');
    try {
      setHistory(await listSnapshots(org.id));
    } catch (err) {
      setHistory(err instanceof ApiError ? err : new ApiError('unexpected', String(err)));
    }
  }, [org]);
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  const save = async () => {
    if (org === undefined) return;
    setSaveState('saving');
    try {
      setSaveState(await saveSnapshot(org.id, answers));
      await loadHistory();
    } catch (err) {
      setSaveState(err instanceof ApiError ? err : new ApiError('unexpected', String(err)));
    }
  };

  const today = new Date().toISOString().slice(0, 10);
  const meta = { locale, completedOn: today, ...(org === undefined ? {} : { orgName: org.name }) };
  const canSave = org !== undefined && (org.role === 'owner' || org.role === 'admin');
  const hasSaved = Array.isArray(history) && history.length > 0;

  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        {w('result_title')}
      </h2>
      <p class="checkup-overall">{w('overall', { score: result.overall })}</p>

      <h3>{w('areas')}</h3>
      <ul class="checkup-areas">
        {result.areas.map((a) => (
          <li key={a.area}>
            <span class="checkup-areas__name">{areaTitle(locale, a.area)}</span>
            <span class="checkup-bar" aria-hidden="true">
              <span class="checkup-bar__fill" style={{ width: `${a.score}%` }} />
            </span>
            <span class="checkup-areas__score">{w('area_score', { score: a.score })}</span>
          </li>
        ))}
      </ul>

      <h3>{w('top')}</h3>
      <p>{result.topFixes.length === 0 ? w('no_fixes') : w('top_intro')}</p>
      <ol class="checkup-fixes">
        {result.topFixes.map((fix) => {
          const q = localizedQuestion(locale, fix.id);
          return (
            <li key={fix.id} class="checkup-fix">
              <h4>{q.fix}</h4>
              <p class="checkup-fix__meta">
                {w('impact_effort', { impact: fix.impact, effort: fix.effort })}
                {fix.findOut ? <span class="checkup-badge">{w('find_out_badge')}</span> : null}
              </p>
              <p>{q.why}</p>
              <details>
                <summary>{w('how')}</summary>
                <ol>
                  {q.steps.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ol>
              </details>
            </li>
          );
        })}
      </ol>

      {result.findOut.length > 0 ? (
        <>
          <h3>{w('find_out')}</h3>
          <p>{w('find_out_intro')}</p>
          <ul>
            {result.findOut.map((id) => (
              <li key={id}>{localizedQuestion(locale, id).text}</li>
            ))}
          </ul>
        </>
      ) : null}

      <div class="checkup-actions">
        <button type="button" class="button button--secondary" onClick={onChange}>
          {w('change')}
        </button>
        {canSave ? (
          <button
            type="button"
            class="button"
            onClick={() => void save()}
            aria-disabled={saveState === 'saving'}
          >
            {saveState === 'saving' ? w('saving') : w('save', { name: org.name })}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {saveState instanceof ApiError ? (
          <p class="notice notice--error" role="alert">
            {w('save_failed')} {saveState.message}
          </p>
        ) : typeof saveState === 'object' && org !== undefined ? (
          <p class="notice">{w('saved', { name: org.name, date: day(saveState.created_at) })}</p>
        ) : null}
      </div>

      <h3>{w('export')}</h3>
      <div class="checkup-actions">
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            download(`checkup-${today}.md`, renderMarkdown(result, answers, meta), 'text/markdown')
          }
        >
          {w('export_md')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => download(`checkup-${today}.csv`, renderCsv(answers, locale), 'text/csv')}
        >
          {w('export_csv')}
        </button>
        {org !== undefined && hasSaved ? (
          <a class="button button--secondary" href={pdfExportUrl(org.id, locale)} download>
            {w('export_pdf')}
          </a>
        ) : null}
      </div>

      {org === undefined ? null : (
        <section aria-labelledby="checkup-history">
          <h3 id="checkup-history">{w('history')}</h3>
          {history === 'loading' || history === null ? (
            <p>{w('loading')}</p>
          ) : history instanceof ApiError ? (
            <div class="notice notice--error" role="alert">
              <p>
                {w('history_failed')} {history.message}
              </p>
              <button type="button" class="button" onClick={() => void loadHistory()}>
                {w('try_again')}
              </button>
            </div>
          ) : history.length === 0 ? (
            <p>{w('history_none', { name: org.name })}</p>
          ) : (
            <div class="checkup-table-wrap">
              <table class="checkup-history">
                <caption>{w('history_intro', { name: org.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w('date')}</th>
                    <th scope="col">{w('overall_short')}</th>
                    {AREAS.map((a) => (
                      <th scope="col" key={a}>
                        {areaTitle(locale, a)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {history.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{day(s.created_at)}</th>
                      <td>{s.overall}</td>
                      {AREAS.map((a) => (
                        <td key={a}>{s.areas[a] ?? '—'}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
