import { formatTime } from '../components/format-time.js';
import { useLocale } from '../i18n/locale.js';
import { type RegistryMessageKey, registryMessages } from '../i18n/registry-messages.js';
import { attestationUrl, bomUrl, type Details, proofUrl } from './registry-api.js';
import { ScanBadge } from './registry-words.js';

const t = registryMessages.t;
const CARD_FIELDS = [
  'task',
  'architectureFamily',
  'modelArchitecture',
  'users',
  'useCases',
  'technicalLimitations',
  'performanceTradeoffs',
  'ethicalConsiderations',
  'performanceMetric',
];

/** What the scanner found inside the file, in plain words first. */
export function ScanSection({ scan }: { readonly scan: Details['scan'] }) {
  const locale = useLocale();
  return (
    <section aria-labelledby="scan-heading" class={`registry-card registry-card--${scan.verdict}`}>
      <h2 id="scan-heading">{t(locale, 'scan.heading')}</h2>
      <p class="registry-verdict">
        <ScanBadge verdict={scan.verdict} />
      </p>
      <p>{t(locale, `scan.intro_${scan.verdict}`)}</p>
      {scan.findings.length > 0 ? (
        <>
          <h3>{t(locale, 'scan.findings')}</h3>
          <ul class="registry-findings">
            {scan.findings.map((f) => (
              <li key={`${f.entry ?? ''}-${f.offset}-${f.detail}`} class="registry-break">
                <span lang="en">{f.detail}</span>{' '}
                {f.entry === undefined
                  ? t(locale, 'scan.finding', { offset: f.offset })
                  : t(locale, 'scan.finding_in', { entry: f.entry, offset: f.offset })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {scan.format !== 'other' ? (
        <p class="registry-muted">{t(locale, 'scan.format', { format: scan.format })}</p>
      ) : null}
    </section>
  );
}

/** Who signed it, and where the signature sits in the transparency log. */
export function SignatureSection({ signature: s }: { readonly signature: Details['signature'] }) {
  const locale = useLocale();
  return (
    <section aria-labelledby="signature-heading" class="registry-card">
      <h2 id="signature-heading">{t(locale, 'signature.heading')}</h2>
      {s === null ? (
        <p>{t(locale, 'signature.none')}</p>
      ) : (
        <>
          <p>
            {t(locale, 'signature.ok', {
              name: s.keyName ?? t(locale, 'signature.unknown_key'),
            })}
          </p>
          <dl class="registry-facts">
            <div>
              <dt>{t(locale, 'signature.when')}</dt>
              <dd>{formatTime(new Date(s.signedAt), locale)}</dd>
            </div>
            <div class="registry-facts__wide">
              <dt>{t(locale, 'signature.key')}</dt>
              <dd>
                <code class="registry-code registry-break">{s.keyHint}</code>
              </dd>
            </div>
          </dl>
          <p>{t(locale, 'signature.log', { index: s.auditIndex })}</p>
          <p>
            <a class="button button--secondary" href={proofUrl(s.auditIndex)}>
              {t(locale, 'signature.proof')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

/** Training data → training run → this model, from the signed attestation. */
export function ChainSection({ details }: { readonly details: Details }) {
  const locale = useLocale();
  const a = details.attestation;
  return (
    <section aria-labelledby="chain-heading" class="registry-card">
      <h2 id="chain-heading">{t(locale, 'chain.heading')}</h2>
      {a === null ? (
        <p>{t(locale, 'chain.none')}</p>
      ) : (
        <>
          <p>{t(locale, 'chain.intro')}</p>
          <ol class="registry-chain">
            <li>
              <h3>{t(locale, 'chain.datasets')}</h3>
              {a.run.datasets.length === 0 ? (
                <p>{t(locale, 'chain.no_datasets')}</p>
              ) : (
                <ul>
                  {a.run.datasets.map((d) => (
                    <li key={d.sha256} class="registry-break">
                      {d.name} <code class="registry-code">{d.sha256.slice(0, 16)}…</code>
                    </li>
                  ))}
                </ul>
              )}
            </li>
            <li>
              <h3>{t(locale, 'chain.run')}</h3>
              <p class="registry-break">
                {t(locale, 'chain.code', {
                  repository: a.run.code.repository,
                  commit: a.run.code.commit.slice(0, 12),
                })}
              </p>
              <p class="registry-break">
                {t(locale, 'chain.builder', { builder: a.run.builderId })}
              </p>
            </li>
            <li>
              <h3>{t(locale, 'chain.model')}</h3>
              <p class="registry-break">
                {a.run.model.name}{' '}
                <code class="registry-code">{a.run.model.sha256.slice(0, 16)}…</code>
              </p>
              <p class={a.matchesArtifact ? '' : 'registry-warning'}>
                {t(locale, a.matchesArtifact ? 'chain.matches' : 'chain.mismatch')}
              </p>
            </li>
          </ol>
          <p>
            {t(locale, 'chain.signed_by', {
              name: a.keyName ?? t(locale, 'signature.unknown_key'),
            })}
          </p>
          <p>
            <a class="button button--secondary" href={attestationUrl(details.artifact.id)} download>
              {t(locale, 'chain.download')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

/** The AI bill of materials in short: licences, model card facts, datasets; and the file. */
export function BomSection({ details }: { readonly details: Details }) {
  const locale = useLocale();
  const b = details.bom;
  return (
    <section aria-labelledby="bom-heading" class="registry-card">
      <h2 id="bom-heading">{t(locale, 'bom.heading')}</h2>
      {b === null ? (
        <p>{t(locale, 'bom.none')}</p>
      ) : (
        <>
          <p>{t(locale, 'bom.intro')}</p>
          {b.matchesArtifact ? null : <p class="registry-warning">{t(locale, 'bom.mismatch')}</p>}
          <h3>{t(locale, 'bom.licenses')}</h3>
          <p>{b.licenses.length === 0 ? t(locale, 'bom.no_licenses') : b.licenses.join(', ')}</p>
          {b.modelCard.length > 0 ? (
            <>
              <h3>{t(locale, 'bom.card')}</h3>
              <dl class="registry-facts">
                {b.modelCard.map((f, i) => (
                  <div key={`${f.field}-${i}`}>
                    <dt>
                      {CARD_FIELDS.includes(f.field)
                        ? t(locale, `card.${f.field}` as RegistryMessageKey)
                        : f.field}
                    </dt>
                    <dd class="registry-break">{f.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          {b.datasets.length > 0 ? (
            <>
              <h3>{t(locale, 'bom.datasets')}</h3>
              <ul>
                {b.datasets.map((d) => (
                  <li key={`${d.name}-${d.digest ?? ''}`} class="registry-break">
                    {d.name}
                    {d.digest === null ? null : (
                      <>
                        {' '}
                        <code class="registry-code">{d.digest.slice(0, 16)}…</code>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a class="button button--secondary" href={bomUrl(details.artifact.id)} download>
              {t(locale, 'bom.download')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
