/**
 * The rule loader: files and folders, problems per file, and the parse cache (issue 9): a later
 * load reads what the cache holds for unchanged files, parses changed ones again, and ignores a
 * cache that is damaged or of another version.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRules, RULE_CACHE_VERSION } from './rules-loader.js';

const ruleText = (title: string) => `title: ${title}
id: 5a0b7ac0-${title.length.toString().padStart(4, '0')}-4000-8000-000000000000
logsource: {product: windows, category: process_creation}
detection:
  sel: {Image|endswith: '\\\\${title}.exe'}
  condition: sel
`;

let dir: string;
let rules: string;
let cacheDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-rules-'));
  rules = join(dir, 'rules');
  cacheDir = join(dir, 'cache');
  mkdirSync(rules);
  writeFileSync(join(rules, 'a.yml'), ruleText('alpha'));
  writeFileSync(join(rules, 'b.yaml'), `${ruleText('beta')}---\n${ruleText('gamma')}---\n`);
  writeFileSync(join(rules, 'broken.yml'), 'title: [unclosed\n');
  writeFileSync(join(rules, 'notes.txt'), 'not a rule');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const titles = (docs: readonly { document: unknown }[]) =>
  docs.map((d) => (d.document as { title: string }).title);

function cacheFile(): string {
  const names = readdirSync(cacheDir).filter((n) => n.endsWith('.json'));
  expect(names).toHaveLength(1);
  return join(cacheDir, names[0] as string);
}

describe('loadRules', () => {
  it('reads every YAML document of every rule file, in order, and names the files it cannot', async () => {
    const loaded = await loadRules([rules]);
    expect(loaded.files).toBe(3);
    expect(titles(loaded.documents)).toEqual(['alpha', 'beta', 'gamma']);
    expect(loaded.documents.map((d) => d.source)).toEqual([
      join(rules, 'a.yml'),
      join(rules, 'b.yaml'),
      join(rules, 'b.yaml'),
    ]);
    expect(loaded.problems).toEqual([
      {
        source: join(rules, 'broken.yml'),
        message: expect.stringMatching(/^not valid YAML/),
        severity: 'error',
      },
    ]);
  });

  it('gives the same documents and problems from the cache as from the files', async () => {
    const first = await loadRules([rules], { cacheDir });
    const second = await loadRules([rules], { cacheDir });
    expect(second).toEqual(first);
    expect(second).toEqual(await loadRules([rules]));
  });

  it('reads unchanged files from the cache and parses changed ones again', async () => {
    await loadRules([rules], { cacheDir });
    // Prove the second load reads the cache: alter what it holds for a.yml (unchanged file).
    const path = cacheFile();
    const cache = JSON.parse(readFileSync(path, 'utf8'));
    const entries = Object.values(cache.entries) as { documents: { title: string }[] }[];
    const alpha = entries.find((e) => e.documents[0]?.title === 'alpha');
    if (alpha === undefined) throw new Error('a.yml is not in the cache');
    (alpha.documents[0] as { title: string }).title = 'alpha from the cache';
    writeFileSync(path, JSON.stringify(cache));
    writeFileSync(join(rules, 'b.yaml'), ruleText('delta'));
    const loaded = await loadRules([rules], { cacheDir });
    expect(titles(loaded.documents)).toEqual(['alpha from the cache', 'delta']);
    // The rewritten cache keeps only the files of this load.
    const rewritten = JSON.parse(readFileSync(path, 'utf8'));
    expect(Object.keys(rewritten.entries)).toHaveLength(3);
  });

  it.each([
    ['damaged', () => '{"version": 1, "entries": {'],
    ['of another version', () => JSON.stringify({ version: RULE_CACHE_VERSION + 1, entries: {} })],
    [
      'with entries of the wrong shape',
      () => '{"version": 1, "entries": {"zz": {"documents": 3}}}',
    ],
  ])('ignores a cache %s and rewrites it', async (_label, body) => {
    await loadRules([rules], { cacheDir });
    const path = cacheFile();
    writeFileSync(path, body());
    const loaded = await loadRules([rules], { cacheDir });
    expect(titles(loaded.documents)).toEqual(['alpha', 'beta', 'gamma']);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(RULE_CACHE_VERSION);
  });

  it('still loads when the cache cannot be written', async () => {
    writeFileSync(cacheDir, 'a file where the cache folder should be');
    const loaded = await loadRules([rules], { cacheDir });
    expect(titles(loaded.documents)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('says which path does not exist', async () => {
    await expect(loadRules([join(dir, 'nowhere')])).rejects.toThrow(/does not exist/);
  });
});
