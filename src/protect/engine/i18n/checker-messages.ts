/**
 * The scam checker's words in every shipped language, and how a saved
 * message reference (a key and what filled it) becomes a sentence.
 *
 * Everything the checker says is kept as a {@link MessageRef} next to the
 * rendered text, so the same result can be shown again in another language:
 * when a person switches language after a check, or opens a shared result in
 * their own language. Params hold what the checker found (a domain, quoted
 * words) and, for a few words that need translating themselves, a code
 * (a language, an alphabet, a premium-rate range) turned into words here.
 */
import {
  defineMessages,
  fill,
  type Locale,
  type Params,
} from '../../../platform/engine-kit/i18n/messages.js';
import { type CheckerMessageKey, checkerEn } from './checker-en.js';
import { checkerEs } from './checker-es.js';

export type { CheckerMessageKey } from './checker-en.js';

export const checkerMessages = defineMessages<CheckerMessageKey>({ en: checkerEn, es: checkerEs });

/** A sentence to say: the catalog key and what fills its placeholders. */
export interface MessageRef {
  readonly key: string;
  readonly params?: Params;
}

/** Params whose value is a code, turned into words of the reader's language. */
const DERIVED: Readonly<Record<string, (locale: Locale, value: string) => string>> = {
  // A language code from detectLanguage ('fr') → "French" / "francés".
  language: (locale, code) =>
    lookup(locale, `language_name.${code}`) ?? text(locale, 'language_name.other'),
  // Comma-separated alphabets ('latin,cyrillic') → "Latin and Cyrillic".
  scripts: (locale, codes) =>
    codes
      .split(',')
      .map((c) => lookup(locale, `script.${c}`) ?? text(locale, 'script.other'))
      .reduce((a, b) => fill(text(locale, 'list.and'), { a, b })),
  // A premium-rate prefix ('+449') → "a UK premium-rate (09) number".
  premium: (locale, prefix) => lookup(locale, `phone.premium_kind.${prefix}`) ?? prefix,
  // A link whose website name could not be read still goes somewhere.
  destination: (locale, site) => (site === '' ? text(locale, 'url.another_site') : site),
};

function lookup(locale: Locale, key: string): string | undefined {
  const catalogs = checkerMessages.catalogs as Readonly<
    Record<Locale, Readonly<Record<string, string>>>
  >;
  return catalogs[locale]?.[key] ?? catalogs.en[key];
}

function text(locale: Locale, key: CheckerMessageKey): string {
  return checkerMessages.t(locale, key);
}

const PLACEHOLDER = /\{([a-zA-Z0-9_]{1,40})\}/g;

/**
 * The sentence for `ref` in `locale`; undefined when the key is unknown (a
 * code from a newer or older version) or a placeholder has nothing to fill it
 * (a result saved before its params were kept), so the caller can fall back to
 * the text it already has rather than show "{brand}".
 */
export function renderMessage(locale: Locale, ref: MessageRef): string | undefined {
  const params: Record<string, string | number> = { ...ref.params };
  for (const [name, derive] of Object.entries(DERIVED)) {
    const value = params[name];
    if (value !== undefined) params[name] = derive(locale, String(value));
  }
  const plural = lookup(locale, `${ref.key}_other`) !== undefined;
  if (plural) {
    const count = Number(params.count);
    if (!Number.isFinite(count)) return undefined;
    return checkerMessages.plural(locale, ref.key, count, params);
  }
  const template = lookup(locale, ref.key);
  if (template === undefined) return undefined;
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (name !== undefined && !Object.hasOwn(params, name)) return undefined;
  }
  return fill(template, params);
}

/** The English sentence for a key the engine itself emits (its keys and params are always complete). */
export function english(key: string, params?: Params): string {
  const said = renderMessage('en', params === undefined ? { key } : { key, params });
  if (said === undefined) throw new Error(`No complete English message for '${key}'`);
  return said;
}

/** The catalog key of a reason: its code, except the threat-intel family that shares one sentence. */
export function reasonKey(code: string): string {
  return code.startsWith('intel.known_bad_') ? 'intel.known_bad' : code;
}

/** The catalog key of a next step's code. */
export function stepKey(code: string): string {
  return `step.${code}`;
}
