/**
 * Who the message claims to be from versus who actually sent it: shared by the
 * display-name and routing signals.
 */

import { parseAddressField } from './address-parser.js';
import { organisationalDomain } from './domain-names.js';
import type { AddressField, Mailbox, ParsedEmail } from './email-types.js';

/** The From mailbox that has an address (the first one), else the first mailbox. */
export function senderMailbox(parsed: ParsedEmail): Mailbox | undefined {
  const boxes = parsed.from?.mailboxes ?? [];
  return boxes.find((m) => m.domain !== '') ?? boxes[0];
}

export function firstDomain(field: AddressField | null): string {
  return field?.mailboxes.find((m) => m.domain !== '')?.domain ?? '';
}

function header(parsed: ParsedEmail, name: string): string | undefined {
  return parsed.headers.find((h) => h.name.toLowerCase() === name)?.raw;
}

/** `<rpm-list.freshrpms.net>` or `Name <list.example.org>`: the domain part of a List-Id. */
function listIdDomain(value: string): string {
  const open = value.lastIndexOf('<');
  const id = (open >= 0 ? value.slice(open + 1) : value).replace('>', '').trim().toLowerCase();
  const dot = id.indexOf('.');
  return dot >= 0 ? id.slice(dot + 1) : '';
}

export interface ListContext {
  /** True when list headers say this came through a mailing list or bulk sender. */
  readonly isList: boolean;
  /** Organisational domains of the list (List-Id, List-Post, Sender, Mailing-List). */
  readonly orgs: ReadonlySet<string>;
}

/**
 * Mailing lists rewrite Reply-To, Sender and the bounce address legitimately.
 * These standard headers (RFC 2369, 2919) are used only to keep routing
 * signals quiet, never as a signal themselves.
 */
export function listContext(parsed: ParsedEmail): ListContext {
  const orgs = new Set<string>();
  const add = (domain: string) => {
    if (domain !== '') orgs.add(organisationalDomain(domain));
  };
  const listId = header(parsed, 'list-id');
  if (listId !== undefined) add(listIdDomain(listId));
  for (const name of ['list-post', 'mailing-list', 'x-mailing-list']) {
    const v = header(parsed, name);
    if (v !== undefined) add(firstDomain(parseAddressField(v.replace(/mailto:/gi, '')))); // fixed word: linear
  }
  add(firstDomain(parsed.sender));
  const precedence = (header(parsed, 'precedence') ?? '').trim().toLowerCase();
  const isList =
    listId !== undefined ||
    header(parsed, 'list-post') !== undefined ||
    header(parsed, 'mailing-list') !== undefined ||
    header(parsed, 'x-mailing-list') !== undefined ||
    header(parsed, 'x-beenthere') !== undefined ||
    precedence === 'list' ||
    precedence === 'bulk';
  return { isList, orgs };
}

/** True when a DKIM or DMARC pass in the topmost Authentication-Results vouches for the From domain. */
export function alignedPass(parsed: ParsedEmail, fromDomain: string): boolean {
  const fromOrg = organisationalDomain(fromDomain);
  return parsed.auth.some((r) => {
    if (r.headerIndex !== 0 || r.result !== 'pass') return false;
    const d =
      r.method === 'dkim'
        ? r.props['header.d']
        : r.method === 'dmarc'
          ? r.props['header.from']
          : undefined;
    return d !== undefined && organisationalDomain(d) === fromOrg;
  });
}
