import { defineErrorCodes } from '../platform/errors.js';

/** Error codes of the exchange module (answered on /taxii2 as TAXII error messages). */
export const exchangeErrors = defineErrorCodes({
  not_acceptable: {
    status: 406,
    message: 'This server speaks TAXII 2.1: send Accept: application/taxii+json;version=2.1.',
  },
  unsupported_media_type: {
    status: 415,
    message: 'Send objects as Content-Type: application/taxii+json;version=2.1 (an envelope).',
  },
  unauthenticated: {
    status: 401,
    message: 'Send an API key: Authorization: Bearer sw_live_… (or as the password of HTTP Basic).',
  },
  forbidden: { status: 403, message: 'Your access level does not include this collection.' },
  collection_not_found: { status: 404, message: 'There is no such collection.' },
  object_not_found: { status: 404, message: 'There is no such object in this collection.' },
  status_not_found: { status: 404, message: 'There is no such status resource.' },
  bad_filter: { status: 400, message: 'A filter is not valid.' },
  bad_envelope: {
    status: 400,
    message: 'The body must be a TAXII envelope: { "objects": [ … ] }.',
  },
  too_many_objects: { status: 413, message: 'Too many objects in one request.' },
  group_not_found: { status: 404, message: 'There is no such sharing group.' },
  group_exists: { status: 409, message: 'A sharing group with that name already exists.' },
  bad_sharing_input: { status: 400, message: 'The sharing request is not valid.' },
  org_not_found: { status: 404, message: 'There is no such organization.' },
  subscription_not_found: { status: 404, message: 'There is no such sync subscription.' },
  subscription_exists: {
    status: 409,
    message: 'That remote collection is already synced into this collection.',
  },
  bad_subscription: { status: 400, message: 'The sync subscription is not valid.' },
  bad_webhook: { status: 400, message: 'The webhook is not valid.' },
  webhook_not_found: { status: 404, message: 'There is no such webhook.' },
});
