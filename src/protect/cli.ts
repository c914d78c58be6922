/**
 * `shieldwall check`: "Is this a scam?" from the command line, on this machine,
 * without the database. One message (an argument, or piped in), or a batch of
 * JSON Lines streamed in and out in input order. Exit status 1 when anything was
 * judged a scam or suspicious (a finding, like grep), 2 on wrong usage.
 *
 * Cold start matters here: the engine and its models are imported only when a
 * check runs, so registering the command costs nothing for other commands.
 */
import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { LOCALES } from '../platform/engine-kit/i18n/messages.js';
import { platformErrors, ShieldwallError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import { toCheckInput } from './check-input.js';
import { type CliMessageKey, cliMessages, localeFromEnvironment } from './cli-messages.js';
import { scoreIsShown } from './engine/check/shown-score.js';
import type { ScamChecker } from './engine/index.js';
import type { CheckInput, CheckResult, Locale, Params } from './engine/types.js';
import { protectErrors } from './errors.js';
import { type BatchItem, type BatchLine, batchLine, toWire } from './wire-format.js';

/** Piped input larger than this is refused (a 25 MB email grows by about a third in base64). */
export const MAX_STDIN_BYTES = 30 * 1024 * 1024;
/** A batch line longer than this is answered with an error and skipped (like the API's body limit). */
export const MAX_LINE_BYTES = 40 * 1024 * 1024;
const KINDS = ['auto', 'sms', 'email', 'url', 'phone'] as const;
type Kind = (typeof KINDS)[number];

export interface ProtectCliDeps {
  /** The checker to use; default: the shipped models, loaded on first use. */
  readonly checker?: () => Promise<ScamChecker>;
  /**
   * The terminal's locale variables (LC_ALL, LC_MESSAGES, LANG), which pick the
   * default of `--lang`; default: this process's. Read at this edge only, like a
   * command-line option, not as configuration.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function registerProtectCommands(
  program: Command,
  context: CliContext,
  deps: ProtectCliDeps = {},
): void {
  const checker = deps.checker ?? (async () => (await import('./checker.js')).shippedChecker());
  program
    .command('check')
    .description(
      'is this a scam? check a text, email, link or phone number; exit 1 if it looks like one',
    )
    .argument('[text]', 'what to check; "-" or nothing reads it from standard input')
    .addOption(
      new Option('--kind <kind>', 'what it is (default: auto, decided from the content)').choices(
        KINDS,
      ),
    )
    .option('--jsonl <file>', 'check one JSON object per line ("-" for standard input)')
    .addOption(
      new Option(
        '--lang <lang>',
        'language of the reasons and advice (default: from LC_ALL / LC_MESSAGES / LANG, else en)',
      ).choices(LOCALES),
    )
    .addHelpText('after', HELP_AFTER)
    .action(
      async (text: string | undefined, opts: { kind?: Kind; jsonl?: string; lang?: Locale }) => {
        const locale = opts.lang ?? localeFromEnvironment(deps.env ?? process.env);
        if (opts.jsonl !== undefined) {
          if (text !== undefined) throw usage('Give either a text to check or --jsonl, not both.');
          await checkBatch(opts.jsonl, opts.kind, locale, context, await checker());
          return;
        }
        const input = await singleInput(text, opts.kind ?? 'auto', context);
        const result = (await checker()).check({ ...input, locale });
        context.out.data(toWire(result), () => formatResult(result));
        if (result.verdict !== 'no_signs') context.out.setExitCode(1);
      },
    );
}

const HELP_AFTER = `
Examples:
  shieldwall check "Your parcel is held: pay £1.99 at https://royalmail-fee.top"
  shieldwall check --kind email - < message.eml
  shieldwall --json check https://paypa1-login.top/verify
  shieldwall check --jsonl messages.jsonl > results.jsonl
  shieldwall check --lang es "Tu paquete está retenido: paga 1,99 € en https://correos-envio.top"

Exit status: 0 no signs of a scam, 1 scam or suspicious (or a batch line could not be checked), 2 wrong usage.`;

function usage(message: string, cause?: unknown): ShieldwallError {
  return platformErrors.create('usage', { message, cause });
}

/** The one message to check: the argument, or everything on standard input. */
async function singleInput(
  text: string | undefined,
  kind: Kind,
  context: CliContext,
): Promise<CheckInput> {
  if (text !== undefined && text !== '-') return validated({ kind, text });
  if (text === undefined && context.stdin.isTTY === true) {
    throw usage(
      'Nothing to check. Give the message as an argument, or pipe it in: shieldwall check - < message.eml',
    );
  }
  const bytes = await readAll(context.stdin, MAX_STDIN_BYTES);
  const content = new TextDecoder().decode(bytes);
  // An email is best read from its bytes, so 8-bit charsets (latin-1, Shift_JIS…) decode.
  const email =
    kind === 'email' ||
    (kind === 'auto' && (await import('./engine/detect-kind.js')).detectKind(content) === 'email');
  if (!email) return validated({ kind, text: content });
  return { ...validated({ kind: 'email', raw: content }), raw: bytes };
}

/** toCheckInput's checks, with its complaints turned into usage errors (exit 2). */
function validated(item: BatchItem): CheckInput {
  try {
    return toCheckInput(item);
  } catch (err) {
    if (protectErrors.is(err, 'input_empty'))
      throw usage('Nothing to check: the message is empty.', err);
    if (err instanceof ShieldwallError) throw usage(err.message, err);
    throw err;
  }
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      throw usage(
        `The input is larger than ${limit / 1024 / 1024} MB, too large to check. Save the message text or a smaller email.`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

async function checkBatch(
  path: string,
  kind: Kind | undefined,
  locale: Locale,
  context: CliContext,
  checker: ScamChecker,
): Promise<void> {
  const source = path === '-' ? { stream: context.stdin, size: 0 } : await openFile(path);
  const progress = source.size > 0 ? context.out.progress(`Checking ${path}`, source.size) : null;
  let lines = 0;
  let failed = false;
  for await (const line of boundedLines(source.stream, MAX_LINE_BYTES)) {
    progress?.tick(line.bytes);
    if (line.text !== undefined && line.text.trim() === '') continue;
    lines += 1;
    const out =
      line.text === undefined
        ? lineError(
            null,
            'input_too_large',
            `Line ${line.number} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; it was skipped.`,
          )
        : checkLine(line.text, line.number, kind, locale, checker);
    // JSON Lines whatever --json says: the human form of a record is the record.
    const record = JSON.stringify(out);
    context.out.line(out, record);
    if ('error' in out || out.verdict !== 'no_signs') failed = true;
  }
  progress?.done();
  if (lines === 0)
    throw usage(`Nothing to check: ${path === '-' ? 'standard input' : path} has no lines.`);
  if (failed) context.out.setExitCode(1);
}

function checkLine(
  text: string,
  number: number,
  kind: Kind | undefined,
  locale: Locale,
  checker: ScamChecker,
): BatchLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return lineError(
      null,
      'input_unreadable',
      `Line ${number} is not valid JSON: ${(err as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return lineError(null, 'input_unreadable', `Line ${number} is not a JSON object.`);
  }
  const item = parsed as BatchItem & { id?: unknown };
  const id = typeof item.id === 'string' || typeof item.id === 'number' ? item.id : null;
  if (item.id !== undefined && item.id !== null && id === null) {
    return lineError(
      null,
      'input_unreadable',
      `Line ${number}: "id" must be a string or a number.`,
    );
  }
  try {
    const input = toCheckInput(
      kind === undefined || item.kind !== undefined ? item : { ...item, kind },
    );
    return batchLine(id, checker.check({ ...input, locale }));
  } catch (err) {
    if (err instanceof ShieldwallError) return lineError(id, err.code, err.message);
    return lineError(id, 'internal', 'This item could not be checked.');
  }
}

function lineError(id: string | number | null, code: string, message: string): BatchLine {
  return { id, error: { code, message } };
}

async function openFile(path: string): Promise<{ stream: NodeJS.ReadableStream; size: number }> {
  try {
    const handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) {
      await handle.close();
      throw new Error('it is a directory');
    }
    return { stream: handle.createReadStream(), size: info.isFile() ? info.size : 0 };
  } catch (err) {
    throw usage(`Cannot read ${path}: ${(err as Error).message}`, err);
  }
}

interface Line {
  readonly number: number;
  /** The line's text, or undefined when it was longer than the limit (and dropped). */
  readonly text: string | undefined;
  /** Bytes it took in the input, newline included (for progress). */
  readonly bytes: number;
}

/**
 * Split a byte stream into lines without ever holding more than `limit` bytes
 * of one line (readline would buffer a line of any length). LF or CRLF ends a
 * line; a last line without a newline counts too.
 */
export async function* boundedLines(
  stream: NodeJS.ReadableStream,
  limit: number,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder();
  let parts: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  let dropped = false;
  let number = 0;
  const finish = (): Line => {
    number += 1;
    const text = dropped
      ? undefined
      : decoder.decode(Buffer.concat(parts, kept)).replace(/\r$/, '');
    const line = { number, text, bytes: seen };
    parts = [];
    kept = 0;
    seen = 0;
    dropped = false;
    return line;
  };
  const keep = (piece: Buffer) => {
    seen += piece.length;
    if (dropped) return;
    if (kept + piece.length > limit) {
      dropped = true;
      parts = [];
      kept = 0;
      return;
    }
    parts.push(piece);
    kept += piece.length;
  };
  for await (const chunk of stream) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    for (let nl = buffer.indexOf(10); nl !== -1; nl = buffer.indexOf(10)) {
      keep(buffer.subarray(0, nl));
      seen += 1;
      yield finish();
      buffer = buffer.subarray(nl + 1);
    }
    if (buffer.length > 0) keep(buffer);
  }
  if (seen > 0) yield finish();
}

function percent(locale: Locale, score: number): string {
  if (score < 0.01) return cliMessages.t(locale, 'score_under');
  if (score > 0.99) return cliMessages.t(locale, 'score_over');
  return locale === 'es' ? `${Math.round(score * 100)} %` : `${Math.round(score * 100)}%`;
}

/** The result in plain words: verdict first, then why, what to do, and what was looked at. */
export function formatResult(r: CheckResult): string {
  const t = (key: CliMessageKey, params?: Params) => cliMessages.t(r.locale, key, params);
  const summary = scoreIsShown(r) ? [t('score', { percent: percent(r.locale, r.score) })] : [];
  if (r.verdict !== 'no_signs' && r.category !== 'other')
    summary.push(t('looks_like', { category: t(`category.${r.category}`) }));
  const lines = [t(`verdict.${r.verdict}`)];
  if (summary.length > 0) lines.push(`${summary.join(' · ')}.`);
  if (r.reasons.length > 0) {
    lines.push('', t('why'));
    for (const reason of r.reasons) lines.push(`  - ${reason.message}`);
  }
  if (r.nextSteps.length > 0) {
    lines.push('', t('what_to_do'));
    r.nextSteps.forEach((step, i) => {
      lines.push(`  ${i + 1}. ${step.message}`);
    });
  }
  lines.push('', t('what_was_checked', { kind: t(`kind.${r.kind}`) }));
  for (const item of r.checked) lines.push(`  - ${item}`);
  if (r.truncated) lines.push(`  ${t('too_long')}`);
  if (r.notes.length > 0) {
    lines.push('', t('not_read'));
    for (const note of r.notes) lines.push(`  - ${note}`);
  }
  return lines.join('\n');
}
