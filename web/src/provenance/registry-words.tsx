import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { formatCount } from '../components/format-time.js';
import { useLocale } from '../i18n/locale.js';
import { type RegistryMessageKey, registryMessages } from '../i18n/registry-messages.js';
import type { AccessEntry, ScanVerdict } from './registry-api.js';

const t = registryMessages.t;

/** Bytes as people read them: "512 bytes", "1.5 MB", "7.2 GB" (decimal units). */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1000) return `${formatCount(bytes, locale)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** The scan verdict as an icon and words, never colour alone. */
export function ScanBadge({ verdict }: { readonly verdict: ScanVerdict }) {
  const locale = useLocale();
  const icon = verdict === 'safe' ? '✓' : verdict === 'unsafe' ? '✗' : '?';
  return (
    <span class={`registry-scan registry-scan--${verdict}`}>
      <span aria-hidden="true" class="registry-scan__icon">
        {icon}
      </span>{' '}
      {t(locale, `scan.${verdict}`)}
    </span>
  );
}

/**
 * `user:<id>` / `key:<id>` as "Person …" / "API key …", or by name when the server knows it
 * (the artifact's own organization's people and keys).
 */
export function who(actor: string, locale: Locale, name?: string): string {
  const [kind, ...rest] = actor.split(':');
  if (name !== undefined && name !== '')
    return kind === 'key' ? t(locale, 'who.key_named', { name }) : name;
  const id = rest.join(':');
  if (kind === 'user') return t(locale, 'who.user', { id: id.slice(0, 8) });
  if (kind === 'key') return t(locale, 'who.key', { id });
  return actor;
}

const ACTIONS: Readonly<Record<string, RegistryMessageKey>> = {
  'provenance.registry.artifact.created': 'action.created',
  'provenance.registry.artifact.upload': 'action.upload',
  'provenance.registry.artifact.download': 'action.download',
  'provenance.registry.artifact.read': 'action.read',
  'provenance.registry.signature': 'action.signature',
  'provenance.registry.bom.attached': 'action.bom',
  'provenance.registry.attestation.attached': 'action.attestation',
  'provenance.registry.history.read': 'action.history',
  'provenance.registry.grant.added': 'action.grant_added',
  'provenance.registry.grant.revoked': 'action.grant_revoked',
};

const WHY: readonly string[] = [
  'not_visible',
  'tier_too_low',
  'environment_unbound',
  'environment_mismatch',
  'history_forbidden',
];

/** One audit entry about a model, in words. */
export function describeEntry(e: AccessEntry, locale: Locale): string {
  if (e.outcome === 'denied') {
    const why =
      e.detail !== null && WHY.includes(e.detail)
        ? t(locale, `why.${e.detail}` as RegistryMessageKey)
        : t(locale, 'why.other', { why: e.detail ?? '?' });
    return t(locale, 'action.denied', { why });
  }
  if (e.action === 'provenance.registry.artifact.scanned') {
    const v = (['safe', 'unsafe', 'not_scanned', 'too_large'] as const).find((x) => x === e.detail);
    return t(locale, 'action.scanned', {
      verdict: v === undefined ? (e.detail ?? '?') : t(locale, `scan.${v}`),
    });
  }
  if (e.action === 'provenance.registry.artifact.upload' && e.outcome === 'failure')
    return t(locale, 'action.upload_failed');
  const key = ACTIONS[e.action];
  return key === undefined ? t(locale, 'action.other', { action: e.action }) : t(locale, key);
}
