/**
 * A small TAXII 2.1 client for federation: reads a remote collection's objects
 * page by page (`added_after`, `limit`, `next`, every version), bounded in time
 * and size. It speaks standard TAXII 2.1, so the remote may be another
 * Shieldwall or any TAXII server (medallion, OpenTAXII, a vendor's).
 */

const TAXII = 'application/taxii+json;version=2.1';
/** One page's body, at most (TAXII servers advertise max_content_length; 32 MB is generous). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/** Objects asked for per page. */
export const PAGE_LIMIT = 500;
const TIMEOUT_MS = 30_000;

export interface TaxiiCredentials {
  readonly auth: 'none' | 'bearer' | 'basic';
  readonly username?: string | undefined;
  readonly secret?: string | undefined;
}

export interface TaxiiPage {
  readonly objects: readonly unknown[];
  readonly more: boolean;
  readonly next: string | undefined;
  /** `X-TAXII-Date-Added-Last`, when the server sends it. */
  readonly dateAddedLast: string | undefined;
}

export class TaxiiClientError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TaxiiClientError';
  }
}

/**
 * One page of a collection's objects.
 *
 * @example
 * const page = await fetchObjectsPage(url, { addedAfter: cursor }, { auth: 'bearer', secret: key });
 */
export async function fetchObjectsPage(
  collectionUrl: string,
  query: { readonly addedAfter?: string | undefined; readonly next?: string | undefined },
  credentials: TaxiiCredentials,
  signal?: AbortSignal,
): Promise<TaxiiPage> {
  const url = new URL(
    'objects/',
    collectionUrl.endsWith('/') ? collectionUrl : `${collectionUrl}/`,
  );
  url.searchParams.set('limit', String(PAGE_LIMIT));
  url.searchParams.set('match[version]', 'all');
  if (query.addedAfter !== undefined) url.searchParams.set('added_after', query.addedAfter);
  if (query.next !== undefined) url.searchParams.set('next', query.next);
  const headers: Record<string, string> = { accept: TAXII };
  if (credentials.auth === 'bearer' && credentials.secret !== undefined)
    headers.authorization = `Bearer ${credentials.secret}`;
  if (credentials.auth === 'basic' && credentials.secret !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${credentials.username ?? ''}:${credentials.secret}`).toString('base64')}`;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, {
      headers,
      redirect: 'error',
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new TaxiiClientError(
      `cannot reach ${url.origin}: ${cause ?? ((err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message)}`,
    );
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    throw new TaxiiClientError(
      `${url.origin} refused the credentials (HTTP ${res.status})`,
      res.status,
    );
  }
  if (res.status === 404) {
    await res.body?.cancel();
    throw new TaxiiClientError('the remote collection does not exist (HTTP 404)', 404);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new TaxiiClientError(`${url.origin} answered HTTP ${res.status}`, res.status);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!/^application\/(taxii\+json|json)\b/i.test(type)) {
    await res.body?.cancel();
    throw new TaxiiClientError(
      `${url.origin} did not answer with TAXII JSON (${type.slice(0, 80) || 'no type'})`,
    );
  }
  const text = await readBounded(res, MAX_PAGE_BYTES);
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw new TaxiiClientError(`${url.origin} sent a page that is not JSON`);
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope))
    throw new TaxiiClientError(`${url.origin} sent a page that is not a TAXII envelope`);
  const e = envelope as { objects?: unknown; more?: unknown; next?: unknown };
  if (e.objects !== undefined && !Array.isArray(e.objects))
    throw new TaxiiClientError(`${url.origin} sent an envelope whose objects are not a list`);
  const next = typeof e.next === 'string' && e.next.length <= 1024 ? e.next : undefined;
  return {
    objects: (e.objects as unknown[] | undefined) ?? [],
    more: e.more === true && next !== undefined,
    next,
    dateAddedLast: res.headers.get('x-taxii-date-added-last') ?? undefined,
  };
}

async function readBounded(res: Response, max: number): Promise<string> {
  const reader = res.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new TaxiiClientError(`a page was larger than ${max / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
