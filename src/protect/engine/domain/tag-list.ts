/**
 * The `tag=value; tag=value` syntax shared by DMARC, DKIM, MTA-STS, TLS-RPT and
 * BIMI records (RFC 6376 §3.2). Hostile input from any DNS server: bounded,
 * split by hand (no regular expression with backtracking).
 */

/** Longest record text we read; a TXT record longer than this is cut before parsing. */
export const MAX_RECORD_CHARS = 8192;

export interface TagList {
  /** Tag names lowercased; values trimmed. A repeated tag keeps its first value. */
  readonly tags: ReadonlyMap<string, string>;
  /** The first tag's name and value (the version tag must come first). */
  readonly first: { readonly name: string; readonly value: string } | undefined;
  /** Tags given more than once. */
  readonly duplicates: readonly string[];
  /** Parts that are not `name=value`. */
  readonly malformed: readonly string[];
}

export function parseTagList(text: string): TagList {
  const tags = new Map<string, string>();
  const duplicates: string[] = [];
  const malformed: string[] = [];
  let first: TagList['first'];
  for (const raw of text.slice(0, MAX_RECORD_CHARS).split(';')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? '' : part.slice(0, eq).trim().toLowerCase();
    if (eq <= 0 || !isTagName(name)) {
      malformed.push(part.slice(0, 80));
      continue;
    }
    const value = part.slice(eq + 1).trim();
    first ??= { name, value };
    if (tags.has(name)) duplicates.push(name);
    else tags.set(name, value);
  }
  return { tags, first, duplicates, malformed };
}

function isTagName(name: string): boolean {
  if (name.length === 0 || name.length > 32) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
    if (!ok) return false;
  }
  return true;
}

/** True when `text` starts with `prefix` ignoring ASCII case and leading spaces. */
export function startsWithIgnoreCase(text: string, prefix: string): boolean {
  return text.trimStart().slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}
