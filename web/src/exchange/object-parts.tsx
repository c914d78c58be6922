import { formatTime } from '../components/format-time.js';
import type { IntelRow, Score } from './intel-api.js';

const when = (iso: string) => formatTime(new Date(iso));
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** Who a sighting or object came from: its `created_by_ref`, else the sharing organization. */
export function sourceOf(row: IntelRow): string {
  return (
    text(row.object.created_by_ref) ??
    (row.sourceOrg === null ? 'Not recorded' : `Organization ${row.sourceOrg}`)
  );
}

/** "Score": how strongly to trust an indicator now, and when it stops counting. */
export function ScoreSection({ score }: { readonly score: Score }) {
  return (
    <section aria-labelledby="score-heading" class="intel-section">
      <h2 id="score-heading">Score</h2>
      <p class="intel-score">
        <strong>{score.score}</strong> out of 100{score.expired ? ' — expired' : ''}
      </p>
      <p>
        It starts from the sharer's confidence ({score.base}), gains 10 for each further independent
        source, and falls with time since it was last seen.
      </p>
      <dl class="facts">
        <dt>Seen by</dt>
        <dd>
          {score.sources} independent {score.sources === 1 ? 'source' : 'sources'},{' '}
          {score.sightings} {score.sightings === 1 ? 'time' : 'times'} in all
        </dd>
        <dt>First seen</dt>
        <dd>{when(score.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd>{when(score.lastSeen)}</dd>
        <dt>{score.expired ? 'Expired' : 'Expires'}</dt>
        <dd>{when(score.expiresAt)}</dd>
        <dt>Shared with everyone</dt>
        <dd>
          {score.publishedAt === null
            ? 'Not yet (enough independent sightings publish it)'
            : when(score.publishedAt)}
        </dd>
      </dl>
    </section>
  );
}

/** "Sightings": each report that someone saw it — how often, when, by whom. */
export function SightingsSection({ sightings }: { readonly sightings: readonly IntelRow[] }) {
  const total = sightings.reduce(
    (sum, s) => sum + (typeof s.object.count === 'number' ? s.object.count : 1),
    0,
  );
  return (
    <section aria-labelledby="sightings-heading" class="intel-section">
      <h2 id="sightings-heading">Sightings</h2>
      {sightings.length === 0 ? (
        <p class="intel-empty">No one you may read about has reported seeing it yet.</p>
      ) : (
        <>
          <p>
            Seen {total} {total === 1 ? 'time' : 'times'} in {sightings.length}{' '}
            {sightings.length === 1 ? 'report' : 'reports'}.
          </p>
          <ul class="intel-list" aria-label="Sightings">
            {sightings.map((s) => {
              const count = typeof s.object.count === 'number' ? s.object.count : 1;
              const first = text(s.object.first_seen);
              const last = text(s.object.last_seen);
              return (
                <li key={`${s.id}@${s.version}`} class="intel-item">
                  <p class="intel-item__title">
                    Seen {count} {count === 1 ? 'time' : 'times'}
                  </p>
                  <dl class="facts">
                    <dt>When</dt>
                    <dd>
                      {first !== undefined && last !== undefined && first !== last
                        ? `${when(first)} to ${when(last)}`
                        : when(first ?? last ?? s.version)}
                    </dd>
                    <dt>Reported by</dt>
                    <dd class="intel-break">{sourceOf(s)}</dd>
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
  const newestFirst = versions
    .map((row, i) => ({ row, previous: i === 0 ? undefined : versions[i - 1] }))
    .reverse();
  return (
    <section aria-labelledby="versions-heading" class="intel-section">
      <h2 id="versions-heading">
        {versions.length === 1 ? 'One version' : `${versions.length} versions`}
      </h2>
      <ol class="intel-list" aria-label="Versions, newest first">
        {newestFirst.map(({ row, previous }) => {
          const diff = previous === undefined ? undefined : changed(previous, row);
          return (
            <li key={row.version} class="intel-item">
              <p class="intel-item__title">Changed {when(row.version)}</p>
              <p class="intel-item__meta">
                {diff === undefined
                  ? 'The first version.'
                  : diff.length === 0
                    ? 'Nothing else changed.'
                    : `What changed: ${diff.join(', ')}.`}{' '}
                Added here {when(row.dateAdded)}.
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
