import { useState } from 'preact/hooks';
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
  const dns = request.evidence.filter((e) => e.dns !== undefined);
  const mail = request.evidence.filter((e) => e.email !== undefined);
  return (
    <div class="evidence-steps">
      <h4>Step 1: show that you run your web address</h4>
      <p>
        Reviewers trust a request more when you prove you control your organization's web address
        (domain). Whoever looks after your website can add the record for you.
      </p>
      {dns.map((e) => (
        <DnsRecord key={e.id} requestId={request.id} evidence={e} onChecked={onChanged} />
      ))}
      <AddDomain requestId={request.id} onAdded={onChanged} first={dns.length === 0} />
      <h4>Step 2: confirm an email address at that web address</h4>
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
        label={first ? 'Your web address' : 'Another web address'}
        hint="Only the name, for example example.org"
        autoComplete="url"
        inputMode="url"
        maxLength={300}
        value={domain}
        onValue={setDomain}
      />
      <FormAlert error={action.error} />
      <SubmitButton busy={action.busy} secondary>
        Show me the record to add
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
  const action = useAction();
  const dns = evidence.dns;
  if (dns === undefined) return null;
  return (
    <div class="panel">
      <p>
        <strong>{dns.domain}</strong>:{' '}
        {evidence.satisfied
          ? 'Done. We found the record.'
          : 'Add this record to the DNS settings of your web address, then press "Check now". It can take up to an hour to be seen.'}
      </p>
      <dl class="facts">
        <dt>Name (host)</dt>
        <dd>
          <code>{dns.record.name}</code>
        </dd>
        <dt>Type</dt>
        <dd>{dns.record.type}</dd>
      </dl>
      <SecretBox
        label={`Value of the record for ${dns.domain}`}
        text={dns.record.value}
        copyLabel="Copy the value"
        copied="Value copied. Paste it into the DNS settings of your web address."
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
            {action.busy ? 'Checking…' : 'Check now'}
          </button>
          <p role="status" class="state-line">
            {dns.checked_at === null ? '' : (dns.message ?? 'We did not find the record yet.')}
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
      <p>We email a code to an address at your web address, such as security@ or info@.</p>
      <TextField
        id={`mail-domain-${requestId}`}
        label="Your web address"
        hint="For example example.org"
        inputMode="url"
        maxLength={300}
        value={domain}
        onValue={setDomain}
      />
      <TextField
        id={`mail-address-${requestId}`}
        label="Email address at it"
        type="email"
        autoComplete="off"
        value={address}
        onValue={setAddress}
      />
      <FormAlert error={action.error} />
      <SubmitButton busy={action.busy} busyText="Sending…" secondary>
        Email me a code
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
  const action = useAction();
  const [code, setCode] = useState('');
  const mail = evidence.email;
  if (mail === undefined) return null;
  if (evidence.satisfied) return <p>{mail.address}: done, the address is confirmed.</p>;
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
        label={`The code we emailed to ${mail.address}`}
        hint="8 numbers, for example 1234-5678."
        autoComplete="one-time-code"
        maxLength={20}
        value={code}
        onValue={setCode}
        code
      />
      <FormAlert error={action.error} />
      <SubmitButton busy={action.busy} busyText="Checking…">
        Confirm
      </SubmitButton>
    </form>
  );
}
