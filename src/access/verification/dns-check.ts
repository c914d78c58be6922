/**
 * Domain control by DNS: the applicant publishes
 * `TXT _shieldwall-challenge.<domain>` = `shieldwall-verification=<token>` and we
 * look it up through the system resolver (or the servers the operator names).
 * Only whoever controls the domain's DNS can make that record appear.
 */
import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';

export const CHALLENGE_LABEL = '_shieldwall-challenge';
export const CHALLENGE_PREFIX = 'shieldwall-verification=';
/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The whole look-up, both tries included, never takes longer than this by default. */
export const DEFAULT_DNS_DEADLINE_MS = 5000;
const TRIES = 2;

export interface DnsChallenge {
  /** Where to publish: `_shieldwall-challenge.<domain>`. */
  readonly name: string;
  readonly type: 'TXT';
  /** What to publish: `shieldwall-verification=<token>`. */
  readonly value: string;
}

export type DnsCheckOutcome =
  | { readonly result: 'passed'; readonly message: string }
  | {
      readonly result: 'not_found' | 'wrong_token' | 'timeout' | 'error';
      readonly message: string;
    };

/** A fresh challenge token: 32 random bytes, base64url. */
export function newChallengeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function challengeFor(domain: string, token: string): DnsChallenge {
  return {
    name: `${CHALLENGE_LABEL}.${domain}`,
    type: 'TXT',
    value: `${CHALLENGE_PREFIX}${token}`,
  };
}

export interface DnsCheckOptions {
  /** Servers to ask (`['127.0.0.1:5353']`); the system's resolvers when absent. */
  readonly servers?: readonly string[];
  /** Bound on the whole look-up (default 5 s). */
  readonly deadlineMs?: number;
}

/**
 * Look for the challenge record of an already-normalized domain. Never throws for
 * DNS trouble: every outcome is a result with a plain message for the applicant.
 *
 * @example
 * const outcome = await checkDnsChallenge('example.org', token, { servers: ['127.0.0.1:5353'] });
 * if (outcome.result === 'passed') …
 */
export async function checkDnsChallenge(
  domain: string,
  token: string,
  options: DnsCheckOptions = {},
): Promise<DnsCheckOutcome> {
  if (!TOKEN.test(token)) throw new Error('not a challenge token');
  const deadline = options.deadlineMs ?? DEFAULT_DNS_DEADLINE_MS;
  const { name, value } = challengeFor(domain, token);
  // c-ares doubles its timeout on each retry; a per-try timeout of a third of the
  // deadline lets both tries happen, and cancel() below is the hard bound.
  const resolver = new Resolver({ timeout: Math.max(100, Math.floor(deadline / 3)), tries: TRIES });
  if (options.servers !== undefined && options.servers.length > 0)
    resolver.setServers([...options.servers]);
  let timer: NodeJS.Timeout | undefined;
  try {
    const records = await Promise.race([
      resolver.resolveTxt(name),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          resolver.cancel();
          reject(Object.assign(new Error('deadline'), { code: 'ETIMEOUT' }));
        }, deadline);
      }),
    ]);
    // A TXT record may arrive split into several strings of ≤ 255 bytes: join each record.
    const texts = records.map((parts) => parts.join(''));
    if (texts.some((t) => t.trim() === value))
      return { result: 'passed', message: `Found the record at ${name}: the domain is confirmed.` };
    if (texts.some((t) => t.trim().startsWith(CHALLENGE_PREFIX)))
      return {
        result: 'wrong_token',
        message: `There is a shieldwall-verification record at ${name}, but not with this request's token. Publish exactly: ${value}`,
      };
    return notFound(name);
  } catch (err) {
    return fromDnsError(err, name);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function notFound(name: string): DnsCheckOutcome {
  return {
    result: 'not_found',
    message: `We did not find the TXT record at ${name} yet. DNS changes can take up to an hour to show; check again later.`,
  };
}

function fromDnsError(err: unknown, name: string): DnsCheckOutcome {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'ENOTFOUND': // NXDOMAIN
    case 'ENODATA': // the name exists, without TXT records
      return notFound(name);
    case 'ETIMEOUT':
    case 'ECANCELLED':
      return {
        result: 'timeout',
        message:
          'The DNS servers did not answer in time, so we could not check yet. Try again in a few minutes.',
      };
    default:
      return {
        result: 'error',
        message: `The DNS look-up failed${code === '' ? '' : ` (${code})`}. Check that the domain's DNS is working and try again later.`,
      };
  }
}
