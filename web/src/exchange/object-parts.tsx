import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { formatTime } from '../components/format-time.js';
import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import type { IntelRow, Score } from './intel-api.js';

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** Who a sighting or object came from: its `created_by_ref`, else the sharing organization. */
export function sourceOf(locale: Locale, row: IntelRow): string {
  return (
    text(row.object.created_by_ref) ??
    (row.sourceOrg === null
      ? intelMessages.t(locale, 'object.not_recorded')
      : intelMessages.t(locale, 'object.organization', { id: row.sourceOrg }))
  );
}

/** "Score": how strongly to trust an indicator now, and when it stops counting. */
export function ScoreSection({ score }: { readonly score: Score }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const when = (iso: string) => formatTime(new Date(iso), locale);
  return (
    <section aria-labelledby="score-heading" class="intel-section">
      <h2 id="score-heading">{t(locale, 'score.heading')}</h2>
      <p class="intel-score">
        <strong>{score.score}</strong> {t(locale, 'score.out_of_100')}
        {score.expired ? t(locale, 'score.expired_note') : ''}
      </p>
      <p>{t(locale, 'score.explain', { base: score.base })}</p>
      <dl class="facts">
        <dt>{t(locale, 'score.seen_by')}</dt>
        <dd>
          {intelMessages.plural(locale, 'score.sources', score.sources)},{' '}
          {intelMessages.plural(locale, 'score.times_in_all', score.sightings)}
        </dd>
        <dt>{t(locale, 'score.first_seen')}</dt>
        <dd>{when(score.firstSeen)}</dd>
        <dt>{t(locale, 'score.last_seen')}</dt>
        <dd>{when(score.lastSeen)}</dd>
        <dt>{t(locale, score.expired ? 'score.expired' : 'score.expires')}</dt>
        <dd>{when(score.expiresAt)}</dd>
        <dt>{t(locale, 'score.published')}</dt>
        <dd>
          {score.publishedAt === null ? t(locale, 'score.not_published') : when(score.publishedAt)}
        </dd>
      </dl>
    </section>
  );
}

/** "Sightings": each report that someone saw it — how often, when, by whom. */
export function SightingsSection({ sightings }: { readonly sightings: readonly IntelRow[] }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const when = (iso: string) => formatTime(new Date(iso), locale);
  const times = (count: number) => intelMessages.plural(locale, 'sightings.times', count);
  const total = sightings.reduce(
    (sum, s) => sum + (typeof s.object.count === 'number' ? s.object.count : 1),
    0,
  );
  return (
    <section aria-labelledby="sightings-heading" class="intel-section">
      <h2 id="sightings-heading">{t(locale, 'sightings.heading')}</h2>
      {sightings.length === 0 ? (
        <p class="intel-empty">{t(locale, 'sightings.none')}</p>
      ) : (
        <>
          <p>
            {t(locale, 'sightings.summary', {
              times: times(total),
              reports: intelMessages.plural(locale, 'sightings.reports', sightings.length),
            })}
          </p>
          <ul class="intel-list" aria-label={t(locale, 'sightings.list_label')}>
            {sightings.map((s) => {
              const count = typeof s.object.count === 'number' ? s.object.count : 1;
              const first = text(s.object.first_seen);
              const last = text(s.object.last_seen);
              return (
                <li key={`${s.id}@${s.version}`} class="intel-item">
                  <p class="intel-item__title">
                    {t(locale, 'sightings.item', { times: times(count) })}
                  </p>
                  <dl class="facts">
                    <dt>{t(locale, 'sightings.when')}</dt>
                    <dd>
                      {first !== undefined && last !== undefined && first !== last
                        ? t(locale, 'sightings.range', { first: when(first), last: when(last) })
                        : when(first ?? last ?? s.version)}
                    </dd>
                    <dt>{t(locale, 'sightings.reported_by')}</dt>
                    <dd class="intel-break">{sourceOf(locale, s)}</dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** The top-level properties that differ between two versions. */
function changed(before: IntelRow, after: IntelRow): string[] {
  const keys = new Set([...Object.keys(before.object), ...Object.keys(after.object)]);
  return [...keys]
    .filter((k) => k !== 'modified')
    .filter((k) => JSON.stringify(before.object[k]) !== JSON.stringify(after.object[k]))
    .sort();
}

/** "Versions": every version you may read, newest first, with what changed. */
export function VersionsSection({ versions }: { readonly versions: readonly IntelRow[] }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const when = (iso: string) => formatTime(new Date(iso), locale);
  const newestFirst = versions
    .map((row, i) => ({ row, previous: i === 0 ? undefined : versions[i - 1] }))
    .reverse();
  return (
    <section aria-labelledby="versions-heading" class="intel-section">
      <h2 id="versions-heading">
        {intelMessages.plural(locale, 'versions.heading', versions.length)}
      </h2>
      <ol class="intel-list" aria-label={t(locale, 'versions.list_label')}>
        {newestFirst.map(({ row, previous }) => {
          const diff = previous === undefined ? undefined : changed(previous, row);
          return (
            <li key={row.version} class="intel-item">
              <p class="intel-item__title">
                {t(locale, 'versions.changed', { when: when(row.version) })}
              </p>
              <p class="intel-item__meta">
                {/* Property names are STIX's own (confidence, valid_until…), in every language. */}
                {diff === undefined
                  ? t(locale, 'versions.first')
                  : diff.length === 0
                    ? t(locale, 'versions.nothing_else')
                    : t(locale, 'versions.what_changed', { fields: diff.join(', ') })}{' '}
                {t(locale, 'versions.added', { when: when(row.dateAdded) })}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
