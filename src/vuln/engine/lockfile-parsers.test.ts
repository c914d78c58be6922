/**
 * Lockfile and SBOM parsers: each format on a small sample, the osv-scanner fixtures from
 * ../shared (skipped with a message when absent), and hostile input (never throws).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLockfile, type LockfileKind, PARSERS, parseLockfile } from './lockfile-registry.js';
import type { LockfileParse } from './lockfile-types.js';
import { parsePurl } from './sbom-reader.js';

const pkgs = (r: LockfileParse) => {
  if (!r.ok) throw new Error(r.reason);
  return r.packages.map((p) => `${p.ecosystem}:${p.name}@${p.version}`).sort();
};
const parse = (kind: LockfileKind, text: string) => PARSERS[kind](text);

describe('lockfile formats', () => {
  it('package-lock.json v1 (nested) and v2/v3 (packages), aliases and links', () => {
    const v1 = {
      lockfileVersion: 1,
      dependencies: { a: { version: '1.0.0', dependencies: { b: { version: '2.0.0' } } } },
    };
    expect(pkgs(parse('package-lock.json', JSON.stringify(v1)))).toEqual([
      'npm:a@1.0.0',
      'npm:b@2.0.0',
    ]);
    const v3 = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'root', version: '0.0.1' },
        'node_modules/@s/x': { version: '1.2.3' },
        'node_modules/a/node_modules/b': { version: '2.0.0' },
        'node_modules/alias': { name: 'real', version: '3.0.0' },
        'node_modules/linked': { resolved: 'packages/linked', link: true },
        'packages/ws': { version: '9.9.9' },
      },
    };
    expect(pkgs(parse('package-lock.json', JSON.stringify(v3)))).toEqual([
      'npm:@s/x@1.2.3',
      'npm:b@2.0.0',
      'npm:real@3.0.0',
    ]);
  });
  it('yarn.lock v1 and berry', () => {
    const v1 =
      '# yarn lockfile v1\n\n"@babel/core@^7.0.0", "@babel/core@^7.1.0":\n  version "7.1.2"\n  resolved "x"\n\nansi-html@^0.0.1:\n  version "0.0.1"\n';
    expect(pkgs(parse('yarn.lock', v1))).toEqual(['npm:@babel/core@7.1.2', 'npm:ansi-html@0.0.1']);
    const berry =
      '__metadata:\n  version: 6\n\n"lodash@npm:^4.17.0, lodash@npm:^4.0.0":\n  version: 4.17.20\n  resolution: "lodash@npm:4.17.20"\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n';
    expect(pkgs(parse('yarn.lock', berry))).toEqual(['npm:lodash@4.17.20']);
  });
  it('pnpm-lock.yaml v5, v6 and v9 keys', () => {
    const text =
      "lockfileVersion: '9.0'\n\npackages:\n\n  /left-pad/1.3.0:\n    resolution: {}\n  /@s/y@2.0.0(react@18.0.0):\n    x: 1\n  'z@3.1.4':\n    x: 1\n\nsnapshots:\n  q@1.0.0:\n    x: 1\n";
    expect(pkgs(parse('pnpm-lock.yaml', text))).toEqual([
      'npm:@s/y@2.0.0',
      'npm:left-pad@1.3.0',
      'npm:z@3.1.4',
    ]);
  });
  it('requirements.txt: pins only, extras, markers, hashes, continuation', () => {
    const text =
      'Flask[async]==1.0 ; python_version > "3"\nrequests>=2\n-r other.txt\nDjango == 2.2.24 \\\n    --hash=sha256:abc\n# c\nx==1.*\n';
    const r = parse('requirements.txt', text);
    expect(pkgs(r)).toEqual(['PyPI:Django@2.2.24', 'PyPI:Flask@1.0']);
    expect(r.ok && r.warnings.length).toBe(2);
  });
  it('poetry.lock / uv.lock / Cargo.lock tables, Pipfile.lock, composer.lock, Gemfile.lock', () => {
    const toml =
      '[[package]]\nname = "jinja2"\nversion = "2.4.1"\n\n[package.dependencies]\nname = "no"\n\n[[package]]\nname = "idna"\nversion = "2.7"\n\n[metadata]\nversion = "x"\n';
    expect(pkgs(parse('poetry.lock', toml))).toEqual(['PyPI:idna@2.7', 'PyPI:jinja2@2.4.1']);
    expect(pkgs(parse('Cargo.lock', toml))).toEqual([
      'crates.io:idna@2.7',
      'crates.io:jinja2@2.4.1',
    ]);
    const pipfile = {
      default: { django: { version: '==2.2.24' }, gitdep: { git: 'x' } },
      develop: { pytest: { version: '==6.0' } },
    };
    expect(pkgs(parse('Pipfile.lock', JSON.stringify(pipfile)))).toEqual([
      'PyPI:django@2.2.24',
      'PyPI:pytest@6.0',
    ]);
    const composer = {
      packages: [
        { name: 'a/b', version: 'v1.2.3' },
        { name: 'c/d', version: 'dev-main' },
      ],
      'packages-dev': [{ name: 'e/f', version: '2.0.0' }],
    };
    expect(pkgs(parse('composer.lock', JSON.stringify(composer)))).toEqual([
      'Packagist:a/b@1.2.3',
      'Packagist:e/f@2.0.0',
    ]);
    const gem =
      'GEM\n  remote: https://x/\n  specs:\n    nokogiri (1.13.3-x86_64-linux)\n      racc (~> 1.4)\n    racc (1.6.0)\n\nPLATFORMS\n  ruby\n';
    expect(pkgs(parse('Gemfile.lock', gem))).toEqual([
      'RubyGems:nokogiri@1.13.3',
      'RubyGems:racc@1.6.0',
    ]);
  });
  it('go.mod with require blocks, replace (local drops, remote swaps), and go.sum', () => {
    const mod =
      'module example.com/m\n\ngo 1.21\n\nrequire (\n\tgolang.org/x/net v0.7.0 // indirect\n\tgithub.com/a/b v1.0.0+incompatible\n)\nrequire github.com/c/d v0.0.0-20191109021931-daa7c04131f5\n\nreplace github.com/a/b => github.com/fork/b v1.1.0\nreplace golang.org/x/net v0.7.0 => ./local/net\n';
    expect(pkgs(parse('go.mod', mod))).toEqual([
      'Go:github.com/c/d@0.0.0-20191109021931-daa7c04131f5',
      'Go:github.com/fork/b@1.1.0',
    ]);
    const sum = 'golang.org/x/text v0.3.7 h1:abc=\ngolang.org/x/text v0.3.7/go.mod h1:def=\n';
    expect(pkgs(parse('go.sum', sum))).toEqual(['Go:golang.org/x/text@0.3.7']);
  });
  it('bun.lock (JSONC with trailing commas) and CycloneDX JSON with purls', () => {
    const bun =
      '{\n  "lockfileVersion": 0,\n  // comment\n  "packages": {\n    "wrappy": ["wrappy@1.0.2", "", {},],\n    "@s/q": ["@s/q@0.1.0", "", {}],\n  },\n}\n';
    expect(pkgs(parse('bun.lock', bun))).toEqual(['npm:@s/q@0.1.0', 'npm:wrappy@1.0.2']);
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        { purl: 'pkg:npm/%40scope/name@1.0.0' },
        {
          purl: 'pkg:pypi/jinja2@2.4.1',
          components: [{ purl: 'pkg:golang/golang.org/x/net@v0.7.0' }],
        },
        { purl: 'pkg:apk/alpine/musl@1.2.3-r4?arch=x86_64' },
        { name: 'no purl' },
      ],
    };
    expect(pkgs(parse('cyclonedx.json', JSON.stringify(bom)))).toEqual([
      'Alpine:musl@1.2.3-r4',
      'Go:golang.org/x/net@v0.7.0',
      'PyPI:jinja2@2.4.1',
      'npm:@scope/name@1.0.0',
    ]);
    expect(parsePurl('pkg:npm/x')).toBeUndefined();
    expect(parsePurl('pkg:npm/%E0%A4%A@1')).toBeUndefined();
  });
});

describe('bad input', () => {
  it('reads UTF-16 (LE and BE, with BOM) and UTF-8 with BOM', () => {
    const text = 'flask==1.0.0\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), bom8])
      expect(pkgs(parseLockfile('requirements.txt', bytes))).toEqual(['PyPI:flask@1.0.0']);
  });
  it('says why for binary garbage, invalid UTF-8 and malformed JSON', () => {
    expect(decodeLockfile(Buffer.from([0x61, 0x00, 0x62]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary'),
    });
    expect(decodeLockfile(Buffer.from([0xc3, 0x28]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('UTF-8'),
    });
    expect(parse('package-lock.json', '{"packages": ')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('JSON'),
    });
    expect(parse('cyclonedx.json', '{}')).toMatchObject({ ok: false });
    expect(parse('Gemfile.lock', 'nothing here')).toMatchObject({ ok: false });
  });
  it('no parser throws on arbitrary text (property)', () => {
    const kinds = Object.keys(PARSERS) as LockfileKind[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ maxLength: 400 }), (kind, text) => {
        const r = parse(kind, text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
  it('hostile deep nesting and long lines stay linear', () => {
    let nested = '{}';
    for (let i = 0; i < 2000; i++)
      nested = `{"dependencies":{"a":{"version":"1.0.0","dependencies":${nested}}}}`;
    const start = performance.now();
    expect(parse('package-lock.json', nested).ok).toBe(true);
    expect(parse('requirements.txt', `${'a'.repeat(200_000)}==`).ok).toBe(true);
    expect(parse('yarn.lock', `${'a@'.repeat(100_000)}:\n  version "1.0.0"\n`).ok).toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

const FIXTURES = join(
  import.meta.dirname,
  '../../../../shared/data/vuln/lockfiles/osv-scanner-fixtures',
);
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures) process.stderr.write(`\n  SKIP osv-scanner fixtures: ${FIXTURES} is absent\n`);

describe.skipIf(!haveFixtures)('osv-scanner lockfile fixtures (../shared/data/vuln)', () => {
  const read = (kind: LockfileKind, path: string) =>
    pkgs(parseLockfile(kind, readFileSync(join(FIXTURES, path))));
  it('reads the vulnerable packages osv-scanner reports in them', () => {
    expect(read('package-lock.json', 'locks-many-with-insecure/package-lock.json')).toContain(
      'npm:ansi-html@0.0.1',
    );
    expect(read('yarn.lock', 'locks-insecure/my-yarn.lock')).toContain('npm:ansi-html@0.0.1');
    expect(read('bun.lock', 'locks-insecure/bun.lock')).toEqual([
      'npm:has-flag@4.0.0',
      'npm:wrappy@1.0.2',
    ]);
    expect(read('Gemfile.lock', 'locks-many-with-insecure/Gemfile.lock')).toEqual([
      'RubyGems:ast@2.4.2',
    ]);
    expect(read('requirements.txt', 'locks-requirements/requirements.prod.txt')).toContain(
      'PyPI:django@2.2.24',
    );
    expect(read('composer.lock', 'locks-insecure/composer.lock').length).toBeGreaterThan(0);
    // A go.mod whose one module is replaced by a local directory has nothing to check.
    expect(read('go.mod', 'locks-many-with-insecure/replace-local.mod')).toEqual([]);
    const npmTree = read('package-lock.json', 'in-place-npm/package-lock.json');
    expect(npmTree.length).toBeGreaterThan(100);
    expect(npmTree).toContain('npm:hosted-git-info@2.1.4');
  });
});
