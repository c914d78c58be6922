/**
 * `Authentication-Results` (RFC 8601) and `Received-SPF` (RFC 7208): what the
 * receiving mail server concluded about SPF, DKIM and DMARC. Tolerant of
 * Microsoft's dialect (no authserv-id, `compauth=`, `bestguesspass`) and of
 * missing semicolons: every `method=result` whose method we know starts a new
 * result. Offsets are returned relative to the header value; the caller adds
 * the value's position in headerText.
 */

/** Methods that start a result; any other `key=value` is a property of the current result. */
const METHODS = new Set([
  'spf',
  'dkim',
  'dmarc',
  'compauth',
  'arc',
  'iprev',
  'auth',
  'bimi',
  'domainkeys',
  'sender-id',
  'dkim-adsp',
  'dkim-atps',
  'dnswl',
  'vbr',
  'rrvs',
  'smime',
]);

export interface LocatedResult {
  readonly method: string;
  readonly result: string;
  readonly props: Record<string, string>;
  readonly start: number;
  readonly end: number;
}

interface Tok {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Split on whitespace and ';', dropping (nested) comments; quoted strings stay inside their token. */
function tokens(value: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let start = -1;
  let text = '';
  const flush = (end: number) => {
    if (start >= 0 && text !== '') out.push({ text, start, end });
    start = -1;
    text = '';
  };
  while (i < value.length) {
    const c = value[i] as string;
    if (c === '(') {
      flush(i);
      i = skipComment(value, i);
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';') {
      flush(i);
      i++;
    } else if (c === '"') {
      const close = value.indexOf('"', i + 1);
      const end = close < 0 ? value.length : close + 1;
      if (start < 0) start = i;
      text += value.slice(i + 1, close < 0 ? end : close);
      i = end;
    } else {
      if (start < 0) start = i;
      text += c;
      i++;
    }
  }
  flush(value.length);
  return out;
}

function skipComment(value: string, i: number): number {
  let depth = 0;
  for (; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return value.length;
}

export function parseAuthResults(value: string): LocatedResult[] {
  const results: LocatedResult[] = [];
  let current: LocatedResult | null = null;
  for (const t of tokens(value)) {
    const eq = t.text.indexOf('=');
    if (eq <= 0) continue; // authserv-id, version, or "none"
    const key = t.text.slice(0, eq).toLowerCase();
    const val = t.text.slice(eq + 1);
    const method = key.split('/')[0] ?? key;
    if (METHODS.has(method)) {
      // A prototype-free record: a hostile "__proto__=x" property must stay an ordinary key.
      const props = Object.create(null) as Record<string, string>;
      current = { method, result: val.toLowerCase(), props, start: t.start, end: t.end };
      results.push(current);
      if (results.length >= 64) break;
    } else if (current !== null && Object.keys(current.props).length < 32) {
      current.props[key] = val.toLowerCase();
    }
  }
  return results;
}

/** `Received-SPF: SoftFail (reason…) …`: the first word is the result. */
export function parseReceivedSpf(
  value: string,
): { result: string; start: number; end: number } | null {
  let start = 0;
  while (start < value.length && (value[start] === ' ' || value[start] === '\t')) start++;
  let end = start;
  while (end < value.length && /[A-Za-z]/.test(value[end] as string)) end++;
  if (end === start) return null;
  return { result: value.slice(start, end).toLowerCase(), start, end };
}
