/**
 * The DNS side of the domain check: TXT and MX look-ups through node's resolver
 * (the system's servers, or the ones given), each with its own hard deadline, and
 * every outcome turned into a {@link LookupResult} — this never throws for DNS
 * trouble, because one broken answer must not lose the rest of the report.
 */
import { Resolver } from 'node:dns/promises';
import type { LookupResult, MxLookup } from '../engine/domain/index.js';

export interface DnsLookups {
  txt(name: string): Promise<LookupResult>;
  mx(name: string): Promise<MxLookup>;
}

export interface DnsLookupOptions {
  /** `['127.0.0.1:5353']`; the system's resolvers when absent or empty. */
  readonly servers?: readonly string[];
  /** Hard bound on one look-up, retries included (default 4 s). */
  readonly deadlineMs?: number;
}

/** Most TXT records we keep for one name (a zone may hold many; SPF needs the few that matter). */
export const MAX_TXT_RECORDS = 64;
/** Longest joined TXT record we keep. */
const MAX_TXT_CHARS = 8192;
const MAX_MX = 32;

export function createDnsLookups(options: DnsLookupOptions = {}): DnsLookups {
  const deadline = options.deadlineMs ?? 4000;
  const resolver = () => {
    // c-ares doubles its timeout on each try; a third of the deadline lets both
    // tries happen, and the timer below is the hard bound.
    const r = new Resolver({ timeout: Math.max(100, Math.floor(deadline / 3)), tries: 2 });
    if (options.servers !== undefined && options.servers.length > 0)
      r.setServers([...options.servers]);
    return r;
  };
  return {
    txt: (name) =>
      bounded(resolver(), deadline, async (r) => {
        const records = await r.resolveTxt(name);
        // A TXT record may arrive split into several strings of ≤ 255 bytes: join each record.
        const joined = records
          .slice(0, MAX_TXT_RECORDS)
          .map((parts) => parts.join('').slice(0, MAX_TXT_CHARS));
        return { status: 'ok', records: joined } as const;
      }),
    mx: (name) =>
      bounded(resolver(), deadline, async (r) => {
        const hosts = (await r.resolveMx(name))
          .slice(0, MAX_MX)
          .map((h) => ({ priority: h.priority, exchange: h.exchange.toLowerCase() }))
          .sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange));
        return { status: 'ok', hosts } as const;
      }),
  };
}

async function bounded<T extends LookupResult | MxLookup>(
  resolver: Resolver,
  deadlineMs: number,
  run: (r: Resolver) => Promise<T>,
): Promise<T | Exclude<LookupResult, { status: 'ok' }>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      run(resolver),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          resolver.cancel();
          reject(Object.assign(new Error('deadline'), { code: 'ETIMEOUT' }));
        }, deadlineMs);
      }),
    ]);
  } catch (err) {
    return fromDnsError(err);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function fromDnsError(err: unknown): Exclude<LookupResult, { status: 'ok' }> {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'ENOTFOUND': // NXDOMAIN
    case 'ENODATA': // the name exists, without records of this type
      return { status: 'none' };
    case 'ETIMEOUT':
    case 'ECANCELLED':
      return { status: 'timeout' };
    default:
      // Only the code: it is the resolver's, never text from the DNS answer.
      return { status: 'error', code: /^[A-Z_]{1,24}$/.test(code) ? code : 'EUNKNOWN' };
  }
}
