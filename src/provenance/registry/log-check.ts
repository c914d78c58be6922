/**
 * `shieldwall model verify --log URL`: check, on the client, that a signature bundle is
 * recorded in a Shieldwall server's transparency (audit) log. The server only supplies
 * data; every step is checked here with the audit log's own pure engine:
 *
 *   bundle bytes ─sha256─▶ entry.data.bundleSha256 ─leaf hash─▶ inclusion proof ─▶ root
 *   root + size ◀─ signed checkpoint ◀─ log key (given with --log-key, else the server's)
 *
 * Without `--log-key` the key comes from the same server (trust on first use), and the
 * result says so: pin the key (`shieldwall audit` / GET /api/audit/public-key) to detect
 * a server that lies about its own log.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import {
  fromHex,
  leafHash,
  type NoteVerifier,
  openCheckpoint,
  parseVerifierKey,
  type Sha256,
  utf8,
  verifyInclusion,
} from '../../platform/audit/engine/index.js';

const h: Sha256 = { sha256: (b) => new Uint8Array(createHash('sha256').update(b).digest()) };
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const TIMEOUT_MS = 15_000;
const MAX_ANSWER = 1024 * 1024;

export interface LogCheckResult {
  readonly inLog: boolean;
  /** Why not, when not. */
  readonly reason?: string;
  readonly index?: number;
  readonly treeSize?: number;
  readonly origin?: string;
  /** `pinned`: the key given with --log-key; `server`: fetched from the server (trust on first use). */
  readonly keySource: 'pinned' | 'server';
}

type Fetch = typeof fetch;

async function getJson(fetcher: Fetch, url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetcher(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await res.text();
  if (text.length > MAX_ANSWER) throw new Error('the answer is too large');
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: undefined };
  }
}

function verifierFrom(key: string): NoteVerifier | string {
  const parsed = parseVerifierKey(h, key);
  if (!parsed.ok) return `the log key is not valid: ${parsed.reason}`;
  const { name, keyHash, publicKey } = parsed.value;
  const spki = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKey)]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyHash, verify: (m, s) => verifySignature(null, m, spki, s) };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @example
 * const r = await checkSignatureInLog({ server: 'https://sw.example.org', bundle: await readFile('m.sig') });
 * if (!r.inLog) console.error(r.reason);
 */
export async function checkSignatureInLog(input: {
  readonly server: string;
  readonly bundle: Uint8Array;
  readonly logKey?: string;
  readonly fetch?: Fetch;
}): Promise<LogCheckResult> {
  const fetcher = input.fetch ?? fetch;
  const keySource = input.logKey === undefined ? 'server' : 'pinned';
  const no = (reason: string): LogCheckResult => ({ inLog: false, reason, keySource });
  const base = input.server.replace(/\/+$/, '');
  const sha = createHash('sha256').update(input.bundle).digest('hex');

  let verifierKey = input.logKey;
  if (verifierKey === undefined) {
    const k = await getJson(fetcher, `${base}/api/audit/public-key`);
    if (k.status !== 200 || !isRecord(k.body) || typeof k.body.verifierKey !== 'string')
      return no('the server did not give its log key');
    verifierKey = k.body.verifierKey;
  }
  const verifier = verifierFrom(verifierKey);
  if (typeof verifier === 'string') return no(verifier);

  const got = await getJson(fetcher, `${base}/api/models/log/${sha}`);
  if (got.status === 404) return no('this signature is not in the server’s transparency log');
  if (got.status !== 200 || !isRecord(got.body)) return no(`the server answered ${got.status}`);
  const { canonical, proof } = got.body;
  if (typeof canonical !== 'string' || !isRecord(proof)) return no('the answer is malformed');

  let entry: unknown;
  try {
    entry = JSON.parse(canonical);
  } catch {
    return no('the log entry is not JSON');
  }
  if (
    !isRecord(entry) ||
    entry.action !== 'provenance.registry.signature' ||
    !isRecord(entry.data) ||
    entry.data.bundleSha256 !== sha
  )
    return no('the log entry is not the record of this signature');
  const index = proof.index;
  const treeSize = proof.treeSize;
  const path = proof.proof;
  if (
    typeof index !== 'number' ||
    typeof treeSize !== 'number' ||
    entry.index !== index ||
    typeof proof.root !== 'string' ||
    typeof proof.checkpoint !== 'string' ||
    !Array.isArray(path) ||
    path.length > 128 ||
    !path.every((p) => typeof p === 'string' && /^[0-9a-f]{64}$/.test(p))
  )
    return no('the inclusion proof is malformed');
  const root = fromHex(proof.root);
  const hashes = (path as string[]).map((p) => fromHex(p));
  if (root === undefined || hashes.some((x) => x === undefined))
    return no('the inclusion proof is malformed');
  const leaf = leafHash(h, utf8(canonical));
  const included = verifyInclusion(h, {
    index,
    size: treeSize,
    leafHash: leaf,
    proof: hashes as Uint8Array[],
    root,
  });
  if (!included.ok) return no(`the inclusion proof does not verify (${included.reason})`);
  const cp = openCheckpoint(proof.checkpoint, verifier);
  if (!cp.ok) return no(`the checkpoint is not signed by the log key (${cp.reason})`);
  if (
    cp.value.size !== treeSize ||
    Buffer.compare(Buffer.from(cp.value.root), Buffer.from(root)) !== 0
  )
    return no('the signed checkpoint is for another tree than the proof');
  return { inLog: true, index, treeSize, origin: cp.value.origin, keySource };
}
