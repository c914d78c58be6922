import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { useLocale } from '../i18n/locale.js';
import { type OrgMessageKey, orgMessages, tierName } from '../i18n/org-messages.js';
import type { Tier } from './access-api.js';
import type { Evidence } from './verification-api.js';

const { t } = orgMessages;

const STATUSES = [
  'pending',
  'approved',
  'denied',
  'appealed',
  'appeal_approved',
  'appeal_denied',
  'withdrawn',
  'expired',
] as const;

/** A request's status as one plain sentence; a status this page does not know, as the server says it. */
export function statusWords(status: string, locale: Locale = 'en'): string {
  return (STATUSES as readonly string[]).includes(status)
    ? t(locale, `status.${status}` as OrgMessageKey)
    : `${status}.`;
}

/** The name of the tier at `level`, or "Level 2" when the policy no longer has it. */
export function levelName(locale: Locale, tiers: readonly Tier[], level: number): string {
  const tier = tiers.find((candidate) => candidate.level === level);
  return tier === undefined ? t(locale, 'verification.level', { level }) : tierName(locale, tier);
}

/** The short list of evidence a request has, for applicants and reviewers alike. */
export function EvidenceSummary({ evidence }: { readonly evidence: readonly Evidence[] }) {
  const locale = useLocale();
  return (
    <ul class="plain-list">
      {evidence.map((e) => (
        <li key={e.id}>
          {evidenceWords(locale, e)}{' '}
          <strong>{t(locale, e.satisfied ? 'evidence.done' : 'evidence.not_done')}</strong>
        </li>
      ))}
    </ul>
  );
}

function evidenceWords(locale: Locale, e: Evidence): string {
  if (e.dns !== undefined) return t(locale, 'evidence.dns', { domain: e.dns.domain });
  if (e.email !== undefined) return t(locale, 'evidence.email', { address: e.email.address });
  if (e.document !== undefined)
    return t(locale, 'evidence.document', { file: e.document.file_name });
  if (e.sponsor?.type === 'org') return t(locale, 'evidence.sponsor_org', { id: e.sponsor.id });
  if (e.sponsor?.type === 'user') return t(locale, 'evidence.sponsor_user', { id: e.sponsor.id });
  if (e.sponsor !== undefined)
    return t(locale, 'evidence.sponsor', { type: e.sponsor.type, id: e.sponsor.id });
  return `${e.kind}.`;
}
