import { useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { useLocale } from '../i18n/locale.js';
import { type OrgMessageKey, orgMessages } from '../i18n/org-messages.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';
import { SecretBox } from './secret-box.js';
import {
  addDnsEvidence,
  checkDns,
  confirmEmailCode,
  type Evidence,
  sendEmailCode,
  type VerificationRequest,
} from './verification-api.js';

const { t } = orgMessages;

/**
 * How an applicant shows who they are: a DNS record at their domain (proves
 * they run the web address) and a code mailed to an address at it.
 */
export function EvidenceSteps({
  request,
  onChanged,
}: {
  readonly request: VerificationRequest;
  readonly onChanged: () => Promise<void>;
}) {
  const locale = useLocale();
  const dns = request.evidence.filter((e) => e.dns !== undefined);
  const mail = request.evidence.filter((e) => e.email !== undefined);
  return (
    <div class="evidence-steps">
      <h4>{t(locale, 'steps.dns_heading')}</h4>
      <p>{t(locale, 'steps.dns_text')}</p>
      {dns.map((e) => (
        <DnsRecord key={e.id} requestId={request.id} evidence={e} onChecked={onChanged} />
      ))}
      <AddDomain requestId={request.id} onAdded={onChanged} first={dns.length === 0} />
      <h4>{t(locale, 'steps.email_heading')}</h4>
      {mail.map((e) => (
        <EmailCode key={e.id} requestId={request.id} evidence={e} onConfirmed={onChanged} />
      ))}
      <SendEmailCode requestId={request.id} onSent={onChanged} />
    </div>
  );
}

function AddDomain({
  requestId,
  onAdded,
  first,
}: {
  readonly requestId: string;
  readonly onAdded: () => Promise<void>;
  readonly first: boolean;
}) {
  const locale = useLocale();
  const action = useAction();
  const [domain, setDomain] = useState('');
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        await addDnsEvidence(requestId, domain.trim());
        setDomain('');
        await onAdded();
      })}
    >
      <TextField
        id={`domain-${requestId}`}
        label={t(locale, first ? 'steps.domain' : 'steps.domain_another')}
        hint={t(locale, 'steps.domain_hint')}
        autoComplete="url"
        inputMode="url"
        maxLength={300}
        value={domain}
        onValue={setDomain}
      />
      <FormAlert error={action.error} />
      <SubmitButton busy={action.busy} secondary>
        {t(locale, 'steps.show_record')}
      </SubmitButton>
    </form>
  );
}

function DnsRecord({
  requestId,
  evidence,
  onChecked,
}: {
  readonly requestId: string;
  readonly evidence: Evidence;
  readonly onChecked: () => Promise<void>;
}) {
  const locale = useLocale();
  const action = useAction();
  const dns = evidence.dns;
  if (dns === undefined) return null;
  return (
    <div class="panel">
      <p>
        <strong>{dns.domain}</strong>:{' '}
        {t(locale, evidence.satisfied ? 'steps.dns_done' : 'steps.dns_todo')}
      </p>
      <dl class="facts">
        <dt>{t(locale, 'steps.record_name')}</dt>
        <dd>
          <code>{dns.record.name}</code>
        </dd>
        <dt>{t(locale, 'steps.record_type')}</dt>
        <dd>{dns.record.type}</dd>
      </dl>
      <SecretBox
        label={t(locale, 'steps.record_value', { domain: dns.domain })}
        text={dns.record.value}
        copyLabel={t(locale, 'steps.copy_value')}
        copied={t(locale, 'steps.value_copied')}
      />
      {evidence.satisfied ? null : (
        <>
          <button
            type="button"
            class="button"
            aria-disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await checkDns(requestId, evidence.id);
                await onChecked();
              })
            }
          >
            {t(locale, action.busy ? 'steps.checking' : 'steps.check')}
          </button>
          <p role="status" class="state-line">
            {dns.checked_at === null ? '' : checkWords(locale, dns)}
          </p>
          <FormAlert error={action.error} />
        </>
      )}
    </div>
  );
}

function SendEmailCode({
  requestId,
  onSent,
}: {
  readonly requestId: string;
  readonly onSent: () => Promise<void>;
}) {
  const locale = useLocale();
  const action = useAction();
  const [domain, setDomain] = useState('');
  const [address, setAddress] = useState('');
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        await sendEmailCode(requestId, domain.trim(), address.trim());
        await onSent();
      })}
    >
      <p>{t(locale, 'steps.email_text')}</p>
      <TextField
        id={`mail-domain-${requestId}`}
        label={t(locale, 'steps.domain')}
        hint={t(locale, 'steps.email_domain_hint')}
        inputMode="url"
        maxLength={300}
        value={domain}
        onValue={setDomain}
      />
      <TextField
        id={`mail-address-${requestId}`}
        label={t(locale, 'steps.email_address')}
        type="email"
        autoComplete="off"
        value={address}
        onValue={setAddress}
      />
      <FormAlert error={action.error} />
      <SubmitButton busy={action.busy} busyText={t(locale, 'steps.email_busy')} secondary>
        {t(locale, 'steps.email_submit')}
      </SubmitButton>
    </form>
  );
}

function EmailCode({
  requestId,
  evidence,
  onConfirmed,
}: {
  readonly requestId: string;
  readonly evidence: Evidence;
  readonly onConfirmed: () => Promise<void>;
}) {
  const locale = useLocale();
  const action = useAction();
  const [code, setCode] = useState('');
  const mail = evidence.email;
  if (mail === undefined) return null;
  if (evidence.satisfied)
    return <p>{t(locale, 'steps.email_confirmed', { address: mail.address })}</p>;
  return (
    <form
      class="form panel"
      onSubmit={submitWith(action, async () => {
        await confirmEmailCode(requestId, evidence.id, code);
        await onConfirmed();
      })}
    >
      <TextField
        id={`mail-code-${evidence.id}`}
        label={t(locale, 'steps.code', { address: mail.address })}
        hint={t(locale, 'steps.code_hint')}
        autoComplete="one-time-code"
        maxLength={20}
        value={code}
        onValue={setCode}
        code
      />
      <FormAlert error={action.error} />
      <SubmitButton busy={action.busy} busyText={t(locale, 'steps.code_busy')}>
        {t(locale, 'steps.code_submit')}
      </SubmitButton>
    </form>
  );
}

const DNS_RESULTS = ['passed', 'not_found', 'wrong_token', 'timeout', 'error'] as const;

/**
 * What the last DNS check found. The server stores its sentence in English at check time, so other
 * languages say it again from the result code (the record's name and value fill it).
 */
function checkWords(locale: Locale, dns: NonNullable<Evidence['dns']>): string {
  if (locale === 'en') return dns.message ?? t(locale, 'steps.not_found_yet');
  const result = (DNS_RESULTS as readonly (string | null)[]).includes(dns.result)
    ? dns.result
    : null;
  if (result === null) return t(locale, 'steps.not_found_yet');
  return t(locale, `steps.dns_${result}` as OrgMessageKey, {
    name: dns.record.name,
    value: dns.record.value,
  });
}
