/** CycloneDX SBOMs (JSON): every component with a package URL (purl) becomes a dependency. */
import {
  type Dependency,
  done,
  fail,
  isObj,
  type LockfileParse,
  parseJson,
} from './lockfile-types.js';

/** purl type → OSV ecosystem. Types we cannot check keep a readable name for the coverage report. */
const PURL_TYPES: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  maven: 'Maven',
  nuget: 'NuGet',
  apk: 'Alpine',
  deb: 'Debian',
  rpm: 'RPM',
  hex: 'Hex',
  pub: 'Pub',
  swift: 'SwiftURL',
};

/**
 * Parse a package URL (`pkg:npm/%40scope/name@1.0.0?qualifiers#subpath`).
 *
 * @example
 * parsePurl('pkg:pypi/jinja2@2.4.1') // → { ecosystem: 'PyPI', name: 'jinja2', version: '2.4.1' }
 */
export function parsePurl(purl: string): Dependency | undefined {
  if (!purl.startsWith('pkg:') || purl.length > 2000) return undefined;
  const body = purl.slice(4).split('#')[0]?.split('?')[0] ?? '';
  const at = body.lastIndexOf('@');
  if (at < 0) return undefined;
  const path = body.slice(0, at).replace(/^\/+/, '');
  let version: string;
  try {
    version = decodeURIComponent(body.slice(at + 1));
  } catch {
    return undefined;
  }
  const slash = path.indexOf('/');
  if (slash < 0 || version === '') return undefined;
  const type = path.slice(0, slash).toLowerCase();
  let segments: string[];
  try {
    segments = path
      .slice(slash + 1)
      .split('/')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const ecosystem = PURL_TYPES[type] ?? type;
  // Go and npm keep the namespace in the name; Maven uses group:artifact; others take the last part.
  let name: string;
  if (ecosystem === 'Go' || ecosystem === 'npm' || ecosystem === 'Packagist')
    name = segments.join('/');
  else if (ecosystem === 'Maven') name = segments.join(':');
  else name = segments.at(-1) ?? '';
  return name === '' ? undefined : { ecosystem, name, version };
}

function walk(components: unknown, out: Dependency[], depth: number): void {
  if (!Array.isArray(components) || depth > 50) return;
  for (const c of components) {
    if (!isObj(c)) continue;
    const dep = typeof c.purl === 'string' ? parsePurl(c.purl) : undefined;
    if (dep !== undefined) out.push(dep);
    walk(c.components, out, depth + 1);
  }
}

/** A CycloneDX JSON document (any spec version). */
export function parseCycloneDxJson(text: string): LockfileParse {
  const json = parseJson(text);
  if (!json.ok) return fail(json.reason);
  if (!isObj(json.value) || json.value.bomFormat !== 'CycloneDX')
    return fail('not a CycloneDX JSON document (bomFormat is not "CycloneDX")');
  const out: Dependency[] = [];
  if (isObj(json.value.metadata)) walk([json.value.metadata.component], out, 0);
  walk(json.value.components, out, 0);
  return done(out);
}
