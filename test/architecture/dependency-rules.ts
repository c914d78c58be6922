/**
 * The layering rules of ARCHITECTURE.md, checked by reading imports:
 * 1. `engine/` code imports only its own module's engine and src/platform/engine-kit:
 *    no node:* modules, no npm packages, no clock or randomness taken implicitly.
 * 2. A module imports another module only through that module's index.ts, and
 *    modules do not import each other in a cycle. src/platform is shared ground
 *    that modules may use, but it never imports a module.
 * 3. Only src/platform/compose.ts (and tests, which are their own composition
 *    roots) import an adapter from src/platform/adapters/.
 */
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export interface Violation {
  readonly file: string;
  readonly rule:
    | 'engine-purity'
    | 'module-door'
    | 'module-cycle'
    | 'adapter-import'
    | 'platform-layering';
  readonly message: string;
}

/** Paths are relative to the repo root with forward slashes, e.g. `src/protect/engine/score.ts`. */
export function checkDependencyRules(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  const moduleEdges = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    if (!file.startsWith('src/') || !/\.(ts|tsx)$/.test(file)) continue;
    const isTest = /\.(test|contract)\.ts$/.test(file) || file.includes('/test-support/');
    const fromModule = moduleOf(file);
    for (const spec of importsOf(text)) {
      const target = resolveImport(file, spec);
      if (isEngine(file)) checkEngineImport(file, spec, target, violations);
      if (target === undefined) continue;
      const toModule = moduleOf(target);
      if (
        fromModule !== toModule &&
        toModule !== 'platform' &&
        toModule !== 'root' &&
        fromModule !== 'root'
      ) {
        if (!/^src\/[^/]+\/index\.tsx?$/.test(target)) {
          violations.push({
            file,
            rule: 'module-door',
            message: `imports ${target}; use src/${toModule}/index.ts`,
          });
        }
        if (!isTest) addEdge(moduleEdges, fromModule, toModule);
      }
      if (fromModule === 'platform' && toModule !== 'platform' && !isTest) {
        violations.push({
          file,
          rule: 'platform-layering',
          message: `platform code imports ${target}`,
        });
      }
      if (
        target.startsWith('src/platform/adapters/') &&
        !file.startsWith('src/platform/adapters/')
      ) {
        if (file !== 'src/platform/compose.ts' && !isTest) {
          violations.push({
            file,
            rule: 'adapter-import',
            message: `imports adapter ${target}; only compose.ts may`,
          });
        }
      }
    }
    if (isEngine(file)) checkEngineGlobals(file, text, violations);
  }
  for (const cycle of findCycles(moduleEdges)) {
    violations.push({
      file: `src/${cycle[0]}`,
      rule: 'module-cycle',
      message: `modules import each other: ${cycle.join(' → ')}`,
    });
  }
  return violations;
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function resolveImport(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const joined = normalize(join(dirname(file), spec)).replace(/\\/g, '/');
  return joined.replace(/\.js$/, '.ts').replace(/\.jsx$/, '.tsx');
}

/** `src/protect/x.ts` → `protect`; `src/platform/...` → `platform`; `src/cli.ts` → `root`. */
function moduleOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? (parts[1] as string) : 'root';
}

function isEngine(file: string): boolean {
  return file.split('/').includes('engine') && !/\.test\.ts$/.test(file);
}

function engineRoot(file: string): string {
  const parts = file.split('/');
  return parts.slice(0, parts.indexOf('engine') + 1).join('/');
}

function checkEngineImport(
  file: string,
  spec: string,
  target: string | undefined,
  out: Violation[],
): void {
  if (target === undefined) {
    out.push({
      file,
      rule: 'engine-purity',
      message: `engine code imports "${spec}" (no node:* or packages in engine/)`,
    });
    return;
  }
  const own = engineRoot(file);
  if (!target.startsWith(`${own}/`) && !target.startsWith('src/platform/engine-kit/')) {
    out.push({
      file,
      rule: 'engine-purity',
      message: `engine code imports ${relative(own, target)} outside ${own}`,
    });
  }
}

/** Implicit clock, randomness and I/O globals an engine must receive as parameters instead. */
const ENGINE_GLOBALS: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bcrypto\.(getRandomValues|randomUUID|subtle)\b/, 'crypto'],
  [/\b(fetch|setTimeout|setInterval|process)\s*[.(]/, 'I/O or process globals'],
];

function checkEngineGlobals(file: string, text: string, out: Violation[]): void {
  const code = stripComments(text);
  for (const [re, what] of ENGINE_GLOBALS) {
    if (re.test(code))
      out.push({ file, rule: 'engine-purity', message: `engine code uses ${what}; pass it in` });
  }
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

function addEdge(edges: Map<string, Set<string>>, from: string, to: string): void {
  const set = edges.get(from) ?? new Set<string>();
  set.add(to);
  edges.set(from, set);
}

function findCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (state.get(node) === undefined) visit(node);
  return cycles;
}
