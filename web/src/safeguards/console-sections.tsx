import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { type SafeguardsMessageKey, safeguardsMessages } from '../i18n/safeguards-messages.js';
import { type Resource, useResource } from '../use-resource.js';
import {
  type Decision,
  fetchDecisions,
  fetchFindings,
  fetchLeverHistory,
  fetchRisk,
  type Lever,
} from './safeguards-api.js';
import { SubjectLabel, withSlot } from './subject-label.js';
import { type Connection, useDecisionStream } from './use-decision-stream.js';

const t = safeguardsMessages.t;
/** The live list keeps at most this many decisions. */
const LIST_MAX = 200;
/** Screen readers hear how many new decisions came at most this often, never each one. */
const ANNOUNCE_EVERY_MS = 5_000;

const liveWords: Readonly<Record<Connection, SafeguardsMessageKey>> = {
  connecting: 'live.connecting',
  live: 'live.live',
  reconnecting: 'live.reconnecting',
  closed: 'live.closed',
};

const DECISIONS = ['allow', 'monitor', 'friction', 'block'] as const;
const CATEGORIES = [
  'malware_ransomware',
  'exploitation',
  'credential_theft_phishing',
  'defense_evasion',
  'ddos',
  'data_exfiltration',
  'prompt_injection_jailbreak',
] as const;
const FINDINGS = [
  'repeated_blocks',
  'key_many_networks',
  'concerted_prompts',
  'capability_after_upgrade',
  'split_task',
] as const;

/** A decision in words ("Blocked"); an unknown one as the server wrote it. */
export function decisionWord(locale: Locale, d: string): string {
  const known = DECISIONS.find((x) => x === d);
  return known === undefined ? d : t(locale, `decision.${known}`);
}

/** Categories in words, joined; a newer server's ids as written. */
export function categoryWords(locale: Locale, ids: readonly string[]): string {
  if (ids.length === 0) return t(locale, 'category.none');
  return ids
    .map((id) => {
      const known = CATEGORIES.find((c) => c === id);
      return known === undefined ? id : t(locale, `category.${known}`);
    })
    .join(', ');
}

export const percent = (locale: Locale, risk: number) =>
  t(locale, 'risk_percent', { value: formatCount(Math.round(risk * 100), locale) });

/** Loading, failed (a 403 in words), empty, or the list. */
function Loaded<T>({
  resource,
  retry,
  empty,
  children,
}: {
  readonly resource: Resource<readonly T[]>;
  readonly retry: () => void;
  readonly empty: SafeguardsMessageKey;
  readonly children: (items: readonly T[]) => preact.ComponentChildren;
}) {
  const locale = useLocale();
  if (resource.state === 'loading') return <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>;
  if (resource.state === 'failed')
    return resource.error.status === 403 ? (
      <p class="notice">{t(locale, 'forbidden')}</p>
    ) : (
      <ErrorMessage heading={t(locale, 'failed')} error={resource.error} onRetry={retry} />
    );
  if (resource.data.length === 0) return <p class="sg-empty">{t(locale, empty)}</p>;
  return <>{children(resource.data)}</>;
}

/** The newest flagged decisions, and new ones as they happen on any instance. */
export function DecisionsSection() {
  const locale = useLocale();
  const [loaded, retry] = useResource(fetchDecisions);
  const [fresh, setFresh] = useState<readonly Decision[]>([]);
  const [announced, setAnnounced] = useState<number | null>(null);
  const count = useRef(0);
  const connection = useDecisionStream(
    useCallback((d: Decision) => {
      count.current += 1;
      setFresh((list) =>
        [d, ...list.filter((x) => x.requestId !== d.requestId)].slice(0, LIST_MAX),
      );
    }, []),
  );
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (count.current === 0) return;
      setAnnounced(count.current);
      count.current = 0;
    }, ANNOUNCE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);
  const merged: Resource<readonly Decision[]> =
    loaded.state === 'ready'
      ? {
          state: 'ready',
          data: withKnownNames([
            ...fresh,
            ...loaded.data.filter((d) => !fresh.some((f) => f.requestId === d.requestId)),
          ]).slice(0, LIST_MAX),
        }
      : loaded;
  return (
    <section class="sg-section" aria-labelledby="sg-decisions">
      <h2 id="sg-decisions" class="visually-hidden">
        {t(locale, 'decisions.heading')}
      </h2>
      <p>{t(locale, 'decisions.lead')}</p>
      <p class="sg-live">{t(locale, liveWords[connection])}</p>
      <p class="visually-hidden" aria-live="polite">
        {announced === null ? '' : safeguardsMessages.plural(locale, 'live.announce', announced)}
      </p>
      <Loaded resource={merged} retry={retry} empty="decisions.none">
        {(list) => (
          <ol class="sg-list sg-list--dense">
            {list.map((d) => (
              <DecisionItem key={d.requestId} d={d} />
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}

/**
 * A decision that came live before the server knew its subject's name gets the name another
 * decision of the same subject carries.
 */
export function withKnownNames(list: readonly Decision[]): Decision[] {
  const names = new Map<string, string>();
  for (const d of list) if (d.subject !== null && d.name) names.set(d.subject, d.name);
  return list.map((d) =>
    d.subject === null || d.name ? d : { ...d, name: names.get(d.subject) ?? null },
  );
}

function DecisionItem({ d }: { readonly d: Decision }) {
  const locale = useLocale();
  return (
    <li class={`sg-card sg-decision sg-decision--${d.decision}`}>
      <p class="sg-decision__head">
        <strong class={`sg-pill sg-pill--${d.decision}`}>{decisionWord(locale, d.decision)}</strong>{' '}
        <span>
          {t(locale, 'col.risk')}: {percent(locale, d.risk)}
        </span>
      </p>
      <dl class="sg-facts">
        <dt>{t(locale, 'col.why')}</dt>
        <dd>{categoryWords(locale, d.categories)}</dd>
        <dt>{t(locale, 'col.who')}</dt>
        <dd>
          {d.subject === null ? (
            t(locale, 'who.unknown')
          ) : (
            <SubjectLabel id={d.subject} name={d.name} />
          )}
        </dd>
        <dt>{t(locale, 'col.when')}</dt>
        <dd>{formatTime(new Date(d.at), locale)}</dd>
        <dt>{t(locale, 'col.request')}</dt>
        <dd class="sg-break sg-code">{d.requestId}</dd>
      </dl>
    </li>
  );
}

/** Subjects by current risk score, with the requests behind each. */
export function RiskSection() {
  const locale = useLocale();
  const [risk, retry] = useResource(fetchRisk);
  return (
    <section class="sg-section" aria-labelledby="sg-risk">
      <h2 id="sg-risk" class="visually-hidden">
        {t(locale, 'risk.heading')}
      </h2>
      <p>{t(locale, 'risk.lead')}</p>
      <Loaded resource={risk} retry={retry} empty="risk.none">
        {(list) => (
          <ol class="sg-list">
            {list.map((r) => (
              <li key={r.subject} class="sg-card">
                <h3 class="sg-card__title">
                  <SubjectLabel id={r.subject} name={r.name} />
                </h3>
                <p>
                  <strong>
                    {t(locale, 'risk.score', { score: formatCount(Math.round(r.score), locale) })}
                  </strong>
                  {' · '}
                  {safeguardsMessages.plural(locale, 'risk.blocks', Math.round(r.blocks))}
                </p>
                {r.evidence.length === 0 ? null : (
                  <details class="sg-details">
                    <summary>{t(locale, 'risk.evidence')}</summary>
                    <ul class="sg-evidence">
                      {r.evidence.map((e) => (
                        <li key={e.requestId}>
                          {decisionWord(locale, e.decision)} · {percent(locale, e.risk)} ·{' '}
                          {categoryWords(locale, e.categories)} ·{' '}
                          {formatTime(new Date(e.at), locale)} ·{' '}
                          <span class="sg-code sg-break">{e.requestId}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}

/** What the offline monitor found, newest first. */
export function FindingsSection() {
  const locale = useLocale();
  const [findings, retry] = useResource(fetchFindings);
  return (
    <section class="sg-section" aria-labelledby="sg-findings">
      <h2 id="sg-findings" class="visually-hidden">
        {t(locale, 'findings.heading')}
      </h2>
      <p>{t(locale, 'findings.lead')}</p>
      <Loaded resource={findings} retry={retry} empty="findings.none">
        {(list) => (
          <ol class="sg-list">
            {list.map((f) => {
              const kind = FINDINGS.find((k) => k === f.kind);
              return (
                <li key={f.id} class="sg-card">
                  <h3 class="sg-card__title">
                    {kind === undefined ? f.kind : t(locale, `finding.${kind}`)}
                  </h3>
                  <p class="sg-meta">
                    {t(locale, 'findings.when', { date: formatTime(new Date(f.run_at), locale) })}
                  </p>
                  <p>
                    <SubjectLabel id={f.subject} name={f.name} />
                  </p>
                  <p class="sg-written" lang="en">
                    {f.summary}
                  </p>
                  <details class="sg-details">
                    <summary>{t(locale, 'findings.requests')}</summary>
                    <p class="sg-code sg-break">{f.request_ids.join(' ')}</p>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
      </Loaded>
    </section>
  );
}

/** What a lever does, in a few words. */
export function leverWords(locale: Locale, l: Pick<Lever, 'kind' | 'tier' | 'mode'>): string {
  if (l.kind === 'restrict') return t(locale, 'lever.restrict', { tier: l.tier ?? 0 });
  if (l.kind === 'friction')
    return t(locale, l.mode === 'step-up' ? 'lever.friction.step-up' : 'lever.friction.limits');
  return t(locale, 'lever.revoke');
}

/** Every lever, newest first: what, on whom, by whom, why, and how it ended. */
export function LeverHistorySection() {
  const locale = useLocale();
  const [levers, retry] = useResource(fetchLeverHistory);
  return (
    <section class="sg-section" aria-labelledby="sg-levers">
      <h2 id="sg-levers" class="visually-hidden">
        {t(locale, 'levers.heading')}
      </h2>
      <p>{t(locale, 'levers.lead')}</p>
      <Loaded resource={levers} retry={retry} empty="levers.none">
        {(list) => (
          <ol class="sg-list">
            {list.map((l) => (
              <LeverItem key={l.id} lever={l} />
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}

export function LeverItem({ lever: l }: { readonly lever: Lever }) {
  const locale = useLocale();
  const date = (iso: string | null) => (iso === null ? '' : formatTime(new Date(iso), locale));
  const ended =
    l.lifted_at !== null
      ? 'lifted'
      : l.expires_at !== null && Date.parse(l.expires_at) <= Date.now()
        ? 'expired'
        : 'active';
  return (
    <li class="sg-card">
      <p class="sg-decision__head">
        <strong class={`sg-pill sg-pill--${ended}`}>{t(locale, `lever.${ended}`)}</strong>
      </p>
      <h3 class="sg-card__title">{leverWords(locale, l)}</h3>
      <p class="sg-target">
        {withSlot(
          (target) => t(locale, 'lever.target', { target }),
          <SubjectLabel id={l.target} name={l.target_name} />,
        )}
      </p>
      <p class="sg-meta">
        {l.automatic
          ? t(locale, 'lever.automatic', { date: date(l.created_at) })
          : withSlot(
              (actor) => t(locale, 'lever.by', { actor, date: date(l.created_at) }),
              <SubjectLabel id={l.actor} name={l.actor_name} inline />,
            )}
      </p>
      <p class="sg-written">{t(locale, 'lever.reason', { reason: l.reason })}</p>
      {l.expires_at !== null && l.lifted_at === null ? (
        <p class="sg-meta">{t(locale, 'lever.ends', { date: date(l.expires_at) })}</p>
      ) : null}
      {l.lifted_at !== null ? (
        <p class="sg-written">
          {withSlot(
            (actor) =>
              t(locale, 'lever.lifted_by', {
                actor,
                date: date(l.lifted_at),
                reason: l.lift_reason ?? '',
              }),
            <SubjectLabel id={l.lifted_by ?? ''} name={l.lifted_by_name} inline />,
          )}
        </p>
      ) : null}
      {l.evidence.length === 0 ? null : (
        <details class="sg-details">
          <summary>{t(locale, 'lever.evidence')}</summary>
          <ul class="sg-evidence">
            {l.evidence.map((e) => (
              <li key={e} class="sg-code sg-break">
                {e}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
