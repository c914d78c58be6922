import { defineErrorCodes } from '../../platform/errors.js';

/**
 * Stable error codes of identity verification. Generic ones (not_found,
 * forbidden, invalid_input, rate_limited) come from `accessErrors`.
 */
export const verificationErrors = defineErrorCodes({
  request_open: {
    status: 409,
    message:
      'There is already an open verification request for this account or organization. Wait for its decision or withdraw it first.',
  },
  wrong_status: {
    status: 409,
    message: 'The request is not at a stage where this can be done.',
  },
  invalid_domain: {
    status: 400,
    message:
      'That is not a domain name we can check. Give a registered name such as example.org (no IP addresses, no "https://").',
  },
  invalid_email: {
    status: 400,
    message: 'That is not an email address we can send to.',
  },
  email_not_at_domain: {
    status: 400,
    message: 'The email address must be at the domain you claim (or one of its subdomains).',
  },
  free_mail_domain: {
    status: 400,
    message:
      'A mailbox at a free email provider does not show control of a domain. Use an address at your own domain.',
  },
  code_wrong: { status: 400, message: 'That code is not right. Check it and try again.' },
  code_expired: {
    status: 410,
    message: 'That code has expired or was already used. Ask for a new one.',
  },
  code_locked: {
    status: 429,
    message: 'Too many wrong codes. Ask for a new code to try again.',
  },
  too_much_evidence: {
    status: 409,
    message: 'This request already holds as much evidence of that kind as it can.',
  },
  document_too_large: {
    status: 413,
    message: 'A document may be at most 5 MiB.',
  },
  document_invalid: {
    status: 400,
    message: 'The document is not valid.',
  },
  evidence_required: {
    status: 409,
    message:
      'An organization can be approved only with at least one satisfied proof: a passed DNS check, a confirmed mailbox at its domain, or a qualified sponsor.',
  },
  own_request: {
    status: 403,
    message:
      'You cannot review a request of your own or of an organization you belong to. Another reviewer has to.',
  },
  same_reviewer: {
    status: 403,
    message: 'An appeal must be decided by a different reviewer than the one who denied it.',
  },
  appeal_used: {
    status: 409,
    message: 'A denial can be appealed once, and this one already was.',
  },
  dns_not_applicable: {
    status: 400,
    message: 'Only DNS evidence can be checked this way.',
  },
});
