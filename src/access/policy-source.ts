/**
 * Where the tier policy comes from: the built-in default, or a YAML file the
 * operator edits. The file is watched; a change is validated as a whole and
 * either takes effect (audited, caches dropped) or is refused with every mistake
 * logged, leaving the last good policy in force. A broken file at start-up is an
 * error: better not to start than to start with tiers nobody intended.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import YAML from 'yaml';
import type { Logger } from '../platform/logger.js';
import {
  DEFAULT_TIERS_YAML,
  type PolicyProblem,
  parsePolicy,
  type TierPolicy,
} from './engine/index.js';
import { accessErrors } from './errors.js';

/** Largest policy file read, in bytes. */
const MAX_POLICY_BYTES = 256 * 1024;

export interface PolicySource {
  current(): TierPolicy;
  /** SHA-256 of the text in force (shown by `/api/access/tiers` and in the audit log). */
  digest(): string;
  /** Where it comes from: the file path, or `built-in`. */
  readonly origin: string;
  close(): void;
}

/**
 * Parse policy text; throws `policy_invalid` listing each problem.
 *
 * @example
 * const policy = readPolicyText(readFileSync('tiers.yaml', 'utf8'));
 */
export function readPolicyText(text: string): TierPolicy {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES)
    throw accessErrors.create('policy_invalid', {
      message: `The tier policy is larger than ${MAX_POLICY_BYTES} bytes.`,
    });
  let doc: unknown;
  try {
    // Aliases are refused: a billion-laughs file must not blow up the server.
    doc = YAML.parse(text, { maxAliasCount: 0, prettyErrors: true });
  } catch (err) {
    throw accessErrors.create('policy_invalid', {
      message: `The tier policy is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
      details: { problems: [{ path: '', message: (err as Error).message.split('\n')[0] }] },
    });
  }
  const result = parsePolicy(doc);
  if (!result.ok)
    throw accessErrors.create('policy_invalid', {
      message: `The tier policy has ${result.problems.length} mistake(s): ${describe(result.problems)}`,
      details: { problems: result.problems },
    });
  return result.policy;
}

export function createPolicySource(options: {
  readonly file?: string;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Called after a new policy takes effect (not for the first load). */
  readonly onChange?: (policy: TierPolicy, digest: string) => void;
  /** How often the file is checked for changes (default 500 ms). */
  readonly pollMs?: number;
}): PolicySource {
  const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
  if (options.file === undefined) {
    const policy = readPolicyText(DEFAULT_TIERS_YAML);
    const digest = digestOf(DEFAULT_TIERS_YAML);
    return { current: () => policy, digest: () => digest, origin: 'built-in', close() {} };
  }
  const file = options.file;
  let text = readFileSync(file, 'utf8');
  let policy = readPolicyText(text);
  let digest = digestOf(text);
  // Polling the content (at most 256 KiB, twice a second) rather than fs.watch or
  // watchFile: it survives editors that save by renaming, network file systems,
  // and writes within one mtime tick, and it costs next to nothing.
  const check = (next: string) => {
    if (next === text) return;
    try {
      const parsed = readPolicyText(next);
      text = next;
      policy = parsed;
      digest = digestOf(next);
      options.logger.info({ file, digest }, 'tier policy reloaded');
      options.onChange?.(policy, digest);
    } catch (err) {
      text = next; // do not log the same broken text again until it changes
      options.logger.error(
        { file, problems: (err as { details?: { problems?: unknown } }).details?.problems },
        'tier policy file refused; keeping the last good policy',
      );
    }
  };
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    // A file grown past the limit is refused by its size, without reading it.
    stat(file)
      .then((s) => (s.size > MAX_POLICY_BYTES ? `${text}\u0000too large` : readFile(file, 'utf8')))
      .then(check, (err: unknown) =>
        options.logger.warn(
          { file, err: (err as Error).message },
          'tier policy file unreadable; keeping the last good policy',
        ),
      )
      .finally(() => {
        reading = false;
      });
  }, options.pollMs ?? 500);
  timer.unref();
  return {
    current: () => policy,
    digest: () => digest,
    origin: file,
    close: () => clearInterval(timer),
  };
}

function describe(problems: readonly PolicyProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path || '(file)'} ${p.message}`);
  return shown.join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
}
