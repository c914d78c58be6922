/**
 * What the person's own mail provider concluded about SPF, DKIM and DMARC.
 *
 * Only the topmost Authentication-Results header counts: it was added last, by
 * the provider that delivered the message; lower ones came from elsewhere and
 * anyone can write them. A missing header is neutral (much honest mail,
 * especially older mail, has none). A DMARC pass aligned with the From domain
 * is a good sign with a modest weight: it proves who sent the mail, not that
 * the sender is honest, and scammers pass it with their own domains.
 */
import { organisationalDomain } from './domain-names.js';
import type { AuthResult, ParsedEmail } from './email-types.js';
import { senderMailbox } from './sender-identity.js';
import { type EmailSignal, makeSignal } from './signal-table.js';

const SPF_FAIL = new Set(['fail', 'softfail', 'hardfail', 'permerror']);
const PASSING = new Set(['pass', 'bestguesspass']);

function signalAt(
  parsed: ParsedEmail,
  code: EmailSignal['code'],
  domain: string,
  r: { start: number; end: number },
): EmailSignal {
  return makeSignal(code, { domain }, 'header', parsed.headerText, r.start, r.end);
}

function failures(parsed: ParsedEmail, top: readonly AuthResult[], domain: string): EmailSignal[] {
  const out: EmailSignal[] = [];
  const find = (method: string, results: ReadonlySet<string>) =>
    top.find((r) => r.method === method && results.has(r.result));
  const spf =
    find('spf', SPF_FAIL) ??
    parsed.receivedSpf.find((r) => r.headerIndex === 0 && SPF_FAIL.has(r.result));
  if (spf !== undefined) out.push(signalAt(parsed, 'email.auth_spf_fail', domain, spf));
  // A failed signature next to a passing one is usually a forwarder's damage, not forgery.
  const dkimFail = find('dkim', new Set(['fail']));
  if (dkimFail !== undefined && find('dkim', PASSING) === undefined)
    out.push(signalAt(parsed, 'email.auth_dkim_fail', domain, dkimFail));
  const dmarc = find('dmarc', new Set(['fail'])) ?? find('compauth', new Set(['fail']));
  if (dmarc !== undefined) out.push(signalAt(parsed, 'email.auth_dmarc_fail', domain, dmarc));
  return out;
}

export function authSignals(parsed: ParsedEmail): EmailSignal[] {
  const domain = senderMailbox(parsed)?.domain ?? '';
  const top = parsed.auth.filter((r) => r.headerIndex === 0);
  const out = failures(parsed, top, domain || 'the sender');
  if (out.length > 0 || top.length === 0) return out;
  const core = top.filter((r) => r.method === 'spf' || r.method === 'dkim' || r.method === 'dmarc');
  const anyPass = core.some((r) => PASSING.has(r.result));
  const none = core.find((r) => r.result === 'none');
  if (!anyPass && none !== undefined && domain !== '')
    out.push(signalAt(parsed, 'email.auth_none', domain, none));
  const dmarcPass = top.find((r) => r.method === 'dmarc' && r.result === 'pass');
  const headerFrom = dmarcPass?.props['header.from'];
  const aligned =
    headerFrom === undefined || organisationalDomain(headerFrom) === organisationalDomain(domain);
  if (dmarcPass !== undefined && domain !== '' && aligned)
    out.push(signalAt(parsed, 'email.auth_dmarc_pass', domain, dmarcPass));
  return out;
}
