import type { Evidence } from './verification-api.js';

/** A request's status as one plain sentence. */
export function statusWords(status: string): string {
  switch (status) {
    case 'pending':
      return 'Waiting for a reviewer.';
    case 'approved':
      return 'Approved.';
    case 'denied':
      return 'Not approved.';
    case 'appealed':
      return 'Appealed: another reviewer will look at it.';
    case 'appeal_approved':
      return 'Approved after your appeal.';
    case 'appeal_denied':
      return 'Not approved, also after your appeal.';
    case 'withdrawn':
      return 'Withdrawn.';
    case 'expired':
      return 'Expired: ask again to keep your level.';
    default:
      return `${status}.`;
  }
}

/** The short list of evidence a request has, for applicants and reviewers alike. */
export function EvidenceSummary({ evidence }: { readonly evidence: readonly Evidence[] }) {
  return (
    <ul class="plain-list">
      {evidence.map((e) => (
        <li key={e.id}>
          {evidenceWords(e)} <strong>{e.satisfied ? 'Done.' : 'Not done yet.'}</strong>
        </li>
      ))}
    </ul>
  );
}

function evidenceWords(e: Evidence): string {
  if (e.dns !== undefined) return `Web address ${e.dns.domain} (DNS record).`;
  if (e.email !== undefined) return `Email address ${e.email.address}.`;
  if (e.document !== undefined) return `Document ${e.document.file_name}.`;
  if (e.sponsor !== undefined) return `Recommended by ${e.sponsor.type} ${e.sponsor.id}.`;
  return `${e.kind}.`;
}
