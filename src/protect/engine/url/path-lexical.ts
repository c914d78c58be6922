/**
 * Facts about the path, query and fragment. Kept apart from host facts on
 * purpose: in the training data benign URLs have no path at all, so a model
 * can learn "has a path = phishing". These features are meant to be dropped
 * for training (or trained with synthetic benign paths); the signals built on
 * them carry low prior weights except for things that are bad on any site
 * (an executable download, a disguised redirect).
 */

export interface PathLexical {
  readonly urlLength: number;
  readonly pathLength: number;
  readonly pathDepth: number;
  readonly queryLength: number;
  readonly queryParams: number;
  readonly fragmentLength: number;
  /** `@` in the path that is not a `/@handle` profile link. */
  readonly atInPath: boolean;
  readonly doubleSlash: boolean;
  /** Another URL inside the path or query (`?url=https://…`, `/https://…`). */
  readonly embeddedUrl: boolean;
  /** An email address in the query or fragment (phishing kits pre-fill the victim's address). */
  readonly emailInQuery: boolean;
  readonly loginWords: number;
  readonly wordpressPath: boolean;
  readonly phpFile: boolean;
  /** Lower-case extension of the last path segment, '' when none. */
  readonly extension: string;
  readonly percentRatio: number;
  readonly digitRatio: number;
}

const LOGIN_WORDS = new Set(
  'login signin sign-in logon log-in verify verification account accounts update secure security confirm password passcode unlock suspended webscr auth authenticate session validate billing wallet recover recovery restore kyc otp'.split(
    ' ',
  ),
);
export const EXECUTABLE_EXTENSIONS = new Set(
  'apk exe scr msi bat cmd vbs vbe jar ps1 dmg pkg appx msix xapk hta wsf lnk'.split(' '),
);
export const ARCHIVE_EXTENSIONS = new Set('zip rar 7z iso img cab gz tgz'.split(' '));

// Single class under `+`: linear split into words.
const WORDS = /[^a-z0-9-]+/;

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const last = path.slice(slash + 1);
  const dot = last.lastIndexOf('.');
  if (dot <= 0 || last.length - dot > 6) return '';
  return last.slice(dot + 1).toLowerCase();
}

function hasEmbeddedUrl(lower: string): boolean {
  const from = 1; // an embedded URL is one that does not start the string
  return (
    lower.indexOf('http://', from) >= 0 ||
    lower.indexOf('https://', from) >= 0 ||
    lower.indexOf('http%3a', from) >= 0 ||
    lower.indexOf('https%3a', from) >= 0 ||
    lower.indexOf('=www.', 0) >= 0 ||
    lower.indexOf('/www.', 0) >= 0
  );
}

function hasEmail(lower: string): boolean {
  const at = lower.search(/@|%40/); // fixed alternatives without quantifiers: linear
  return at > 0 && lower.indexOf('.', at) > at + 1;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

export function pathLexical(
  urlLength: number,
  path: string,
  query: string,
  fragment: string,
): PathLexical {
  const lowerPath = path.toLowerCase();
  const tail = `${lowerPath}?${query.toLowerCase()}#${fragment.toLowerCase()}`;
  const words = tail.split(WORDS);
  const atIndex = lowerPath.indexOf('@');
  let percent = 0;
  for (let i = 0; i < tail.length; i++) if (tail.charCodeAt(i) === 0x25) percent++;
  const tailLength = path.length + query.length + fragment.length;
  return {
    urlLength,
    pathLength: path.length,
    pathDepth: path.split('/').filter((s) => s.length > 0).length,
    queryLength: query.length,
    queryParams: query.length === 0 ? 0 : query.split('&').length,
    fragmentLength: fragment.length,
    atInPath: atIndex > 0 && lowerPath[atIndex - 1] !== '/',
    doubleSlash: lowerPath.includes('//'),
    embeddedUrl: hasEmbeddedUrl(tail),
    emailInQuery: hasEmail(`${query}#${fragment}`.toLowerCase()),
    loginWords: words.filter((w) => LOGIN_WORDS.has(w)).length,
    wordpressPath:
      lowerPath.includes('/wp-content/') ||
      lowerPath.includes('/wp-includes/') ||
      lowerPath.includes('/wp-admin/'),
    phpFile: extensionOf(path) === 'php',
    extension: extensionOf(path),
    percentRatio: tailLength === 0 ? 0 : percent / tailLength,
    digitRatio: tailLength === 0 ? 0 : countDigits(tail) / tailLength,
  };
}
