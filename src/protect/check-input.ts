import { type Locale, negotiateLocale } from '../platform/engine-kit/i18n/messages.js';
import type { CheckInput, MessageKind } from './engine/types.js';
import { protectErrors } from './errors.js';
import type { BatchItem } from './wire-format.js';

/** The largest input accepted: a whole email of 25 MB. */
export const MAX_INPUT_CHARS = 25 * 1024 * 1024;
const KINDS = new Set(['auto', 'sms', 'email', 'url', 'phone']);
const FIELDS = ['text', 'raw', 'url', 'phone'] as const;

/**
 * Turn one request or batch line into an engine input, or explain what is
 * wrong with it. Exactly one of text/raw/url/phone must be given; `kind`
 * defaults to what that field implies (`raw` → email, `url` → url, …).
 */
export function toCheckInput(item: BatchItem): CheckInput {
  const given = FIELDS.filter((f) => item[f] !== undefined);
  if (given.length === 0) throw protectErrors.create('input_empty');
  if (given.length > 1) {
    throw protectErrors.create('input_unreadable', {
      message: `Give only one of ${FIELDS.join(', ')} (got ${given.join(' and ')}).`,
    });
  }
  const field = given[0] as (typeof FIELDS)[number];
  const content = item[field];
  if (typeof content !== 'string')
    throw protectErrors.create('input_unreadable', { message: `"${field}" must be a string.` });
  if (content.trim() === '') throw protectErrors.create('input_empty');
  if (content.length > MAX_INPUT_CHARS) throw protectErrors.create('input_too_large');
  const kind =
    item.kind ??
    (field === 'raw' ? 'email' : field === 'url' ? 'url' : field === 'phone' ? 'phone' : 'auto');
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    throw protectErrors.create('input_unreadable', {
      message: `"kind" must be one of ${[...KINDS].join(', ')}.`,
    });
  }
  return { kind: kind as 'auto' | MessageKind, content };
}

/**
 * The language to answer in: the one asked for (`es`, `es-MX`), else the
 * client's Accept-Language, else English. An unknown language is English,
 * never an error: a person should always get an answer they can act on.
 */
export function answerLocale(
  asked: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return negotiateLocale(asked ?? acceptLanguage);
}
