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
});
