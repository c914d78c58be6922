/**
 * Reads Sigma rules from files and folders: every `.yml`/`.yaml` file below a folder (sorted, so
 * runs are repeatable), each file possibly holding several YAML documents. A file that cannot be
 * read or parsed becomes a problem naming the file and the reason; the other files still load.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { RuleProblem, SourcedDocument } from './engine/sigma/index.js';
import { detectErrors } from './errors.js';

/** A rule file larger than this is refused (real rules are a few KiB). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;
/** Most rule files read from one folder tree. */
export const MAX_RULE_FILES = 50_000;

export interface LoadedRules {
  readonly documents: SourcedDocument[];
  readonly problems: RuleProblem[];
  readonly files: number;
}

async function listRuleFiles(root: string): Promise<string[]> {
  const info = await lstat(root).catch(() => {
    throw detectErrors.create('rules_not_found', { message: `${root} does not exist.` });
  });
  if (info.isFile()) return [root];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      if (out.length >= MAX_RULE_FILES) return;
      const path = join(dir, e.name);
      // Symbolic links are not followed: a link loop or a link out of the tree is not a rule.
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && /\.ya?ml$/i.test(e.name)) out.push(path);
    }
  };
  await walk(root);
  return out;
}

/** Parses one file's text into documents and problems. */
export function parseRuleFile(source: string, text: string): LoadedRules {
  const documents: SourcedDocument[] = [];
  const problems: RuleProblem[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      problems.push({
        source,
        message: `not valid YAML: ${first?.message.split('\n')[0] ?? 'parse error'}`,
        severity: 'error',
      });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue; // an empty document (a trailing ---)
    documents.push({ source, document: value });
  }
  return { documents, problems, files: 1 };
}

/** Loads every rule file under each path (files or folders). */
export async function loadRules(paths: readonly string[]): Promise<LoadedRules> {
  const documents: SourcedDocument[] = [];
  const problems: RuleProblem[] = [];
  let files = 0;
  for (const root of paths) {
    for (const file of await listRuleFiles(root)) {
      files += 1;
      try {
        const info = await lstat(file);
        if (info.size > MAX_RULE_FILE_BYTES) {
          problems.push({
            source: file,
            message: `the file is larger than ${MAX_RULE_FILE_BYTES} bytes`,
            severity: 'error',
          });
          continue;
        }
        const parsed = parseRuleFile(file, await readFile(file, 'utf8'));
        documents.push(...parsed.documents);
        problems.push(...parsed.problems);
      } catch (e) {
        problems.push({
          source: file,
          message: `could not be read: ${e instanceof Error ? e.message : String(e)}`,
          severity: 'error',
        });
      }
    }
  }
  return { documents, problems, files };
}
