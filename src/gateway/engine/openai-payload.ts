/**
 * What the gateway reads from OpenAI-shaped payloads without changing them: the
 * text a prompt carries (for safeguards and the request record), a token
 * estimate before the call, the `usage` after it, and the same from a stream
 * of Server-Sent Events read chunk by chunk. Pure.
 */

export type Endpoint = 'chat' | 'responses';

export interface Usage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}

/** Most text kept from one response for the record and the response screen. */
export const MAX_KEPT_TEXT = 64 * 1024;

/**
 * The text of a request, messages joined by newlines: chat `messages[].content`
 * (a string or text parts), responses `instructions` and `input` (a string or
 * items with string or `input_text` content). Images and audio are not text.
 */
export function promptText(endpoint: Endpoint, body: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  if (endpoint === 'chat') {
    for (const m of asArray(body.messages)) if (isRecord(m)) contentText(m.content, parts);
  } else {
    if (typeof body.instructions === 'string') parts.push(body.instructions);
    if (typeof body.input === 'string') parts.push(body.input);
    else
      for (const item of asArray(body.input))
        if (isRecord(item)) {
          contentText(item.content, parts);
          if (typeof item.output === 'string') parts.push(item.output);
        }
  }
  return parts.join('\n');
}

/**
 * Tokens a prompt will cost, before the upstream says: about four characters a
 * token for English text with BPE tokenizers (OpenAI's own rule of thumb), plus
 * a few tokens of framing per message. Only a budget check: the upstream's
 * `usage` settles the account afterwards.
 */
export function estimatePromptTokens(text: string, messages: number): number {
  return Math.ceil(text.length / 4) + 4 * Math.max(1, messages) + 3;
}

/** `usage` of a chat completion or a response object (both spellings), if present. */
export function usageOf(body: unknown): Usage | undefined {
  if (!isRecord(body)) return undefined;
  const u = isRecord(body.response) ? body.response.usage : body.usage;
  if (!isRecord(u)) return undefined;
  const prompt = num(u.prompt_tokens ?? u.input_tokens);
  const completion = num(u.completion_tokens ?? u.output_tokens);
  const total = num(u.total_tokens) || prompt + completion;
  return { promptTokens: prompt, completionTokens: completion, totalTokens: total };
}

/** The answer text of a non-streamed chat completion or response. */
export function answerText(body: unknown): string {
  if (!isRecord(body)) return '';
  const parts: string[] = [];
  for (const c of asArray(body.choices))
    if (isRecord(c) && isRecord(c.message)) contentText(c.message.content, parts);
  for (const o of asArray(body.output)) if (isRecord(o)) contentText(o.content, parts);
  return parts.join('\n').slice(0, MAX_KEPT_TEXT);
}

export interface StreamScanner {
  /** Feed decoded text as it arrives (any chunking). */
  push(text: string): void;
  /** Usage reported in the stream, if the upstream sent it. */
  usage(): Usage | undefined;
  /** Answer text so far (at most MAX_KEPT_TEXT characters). */
  text(): string;
  /** Data lines that were not JSON (a malformed stream). */
  malformed(): number;
}

/** Longest SSE line we hold while waiting for its end. */
const MAX_LINE = 1024 * 1024;

/**
 * Reads an SSE stream of chat-completion chunks or response events as it goes
 * past, without holding more than one line.
 *
 * @example
 * const scan = createStreamScanner();
 * for await (const chunk of upstream) { client.write(chunk); scan.push(decoder.decode(chunk, { stream: true })); }
 * scan.usage();
 */
export function createStreamScanner(): StreamScanner {
  let pending = '';
  let kept = '';
  let usage: Usage | undefined;
  let bad = 0;
  const line = (l: string) => {
    if (!l.startsWith('data:')) return;
    const data = l.slice(l.charCodeAt(5) === 32 ? 6 : 5).trim();
    if (data === '' || data === '[DONE]') return;
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      bad++;
      return;
    }
    if (!isRecord(event)) return;
    const u = usageOf(event);
    if (u !== undefined) usage = u;
    if (kept.length >= MAX_KEPT_TEXT) return;
    if (typeof event.delta === 'string' && event.type === 'response.output_text.delta')
      kept += event.delta;
    for (const c of asArray(event.choices))
      if (isRecord(c) && isRecord(c.delta) && typeof c.delta.content === 'string')
        kept += c.delta.content;
    if (kept.length > MAX_KEPT_TEXT) kept = kept.slice(0, MAX_KEPT_TEXT);
  };
  return {
    push(text) {
      pending += text;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        line(pending.slice(0, nl).replace(/\r$/, ''));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
      if (pending.length > MAX_LINE) {
        bad++;
        pending = '';
      }
    },
    usage: () => usage,
    text: () => kept,
    malformed: () => bad,
  };
}

function contentText(content: unknown, parts: string[]): void {
  if (typeof content === 'string') {
    parts.push(content);
    return;
  }
  for (const p of asArray(content))
    if (isRecord(p) && typeof p.text === 'string') parts.push(p.text);
}

function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
