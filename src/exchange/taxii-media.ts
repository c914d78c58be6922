/**
 * TAXII 2.1 media types (§1.6.8): responses are `application/taxii+json;version=2.1`;
 * requests must accept it, and POSTs must send it.
 */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** Whether an Accept header accepts TAXII 2.1 (an unversioned taxii+json means the newest: 2.1). */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.length > 2000) return false;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return version === undefined || version === 'version=2.1';
  });
}

/** Whether a Content-Type is TAXII 2.1. */
export function isTaxiiContent(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/taxii+json') return false;
  const version = params.find((p) => p.startsWith('version='));
  return version === undefined || version === 'version=2.1';
}
