import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDependencyRules } from './dependency-rules.js';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const abs = join(entry.parentPath, entry.name);
    files.set(relative(root, abs).replace(/\\/g, '/'), readFileSync(abs, 'utf8'));
  }
  return files;
}

describe('dependency rules (ARCHITECTURE.md)', () => {
  it('hold for the whole source tree', () => {
    const files = sourceFiles(join(root, 'src'));
    expect(files.size).toBeGreaterThan(10);
    const violations = checkDependencyRules(files);
    expect(violations.map((v) => `${v.file}: [${v.rule}] ${v.message}`)).toEqual([]);
  });

  // The checker itself must be able to fail: each rule against a file that breaks it.
  const cases: [string, Record<string, string>, string][] = [
    [
      'engine imports node:*',
      { 'src/protect/engine/a.ts': "import { readFileSync } from 'node:fs';" },
      'engine-purity',
    ],
    [
      'engine imports a package',
      { 'src/protect/engine/a.ts': "import x from 'left-pad';" },
      'engine-purity',
    ],
    [
      'engine imports service code',
      {
        'src/protect/engine/a.ts': "import { s } from '../service.js';",
        'src/protect/service.ts': '',
      },
      'engine-purity',
    ],
    [
      'engine reads the clock',
      { 'src/protect/engine/a.ts': 'export const t = () => Date.now();' },
      'engine-purity',
    ],
    [
      'engine uses randomness',
      { 'src/protect/engine/a.ts': 'export const r = Math.random();' },
      'engine-purity',
    ],
    [
      'module reaches into another module',
      { 'src/gateway/service.ts': "import { x } from '../access/service.js';" },
      'module-door',
    ],
    [
      'modules import each other',
      {
        'src/gateway/service.ts': "import { a } from '../access/index.js';",
        'src/access/service.ts': "import { g } from '../gateway/index.js';",
      },
      'module-cycle',
    ],
    [
      'a service imports an adapter',
      {
        'src/exchange/service.ts':
          "import { createSqliteStore } from '../platform/adapters/sqlite-store.js';",
      },
      'adapter-import',
    ],
    [
      'platform imports a module',
      { 'src/platform/http/x.ts': "import { p } from '../../protect/index.js';" },
      'platform-layering',
    ],
  ];
  it.each(cases)('flag: %s', (_name, files, rule) => {
    const violations = checkDependencyRules(new Map(Object.entries(files)));
    expect(violations.map((v) => v.rule)).toContain(rule);
  });

  it('allow what the architecture allows', () => {
    const files = new Map(
      Object.entries({
        'src/protect/engine/a.ts':
          "import { b } from './b.js'; import { h } from '../../platform/engine-kit/hex.js';",
        'src/protect/engine/b.ts': 'export const b = 1;',
        'src/protect/service.ts':
          "import { a } from './engine/a.js'; import type { Store } from '../platform/ports/store.js';",
        'src/gateway/service.ts': "import { check } from '../protect/index.js';",
        'src/platform/compose.ts':
          "import { createSqliteStore } from './adapters/sqlite-store.js';",
        'src/platform/adapters/sqlite-store.test.ts':
          "import { createSqliteStore } from './sqlite-store.js';",
      }),
    );
    expect(checkDependencyRules(files)).toEqual([]);
  });
});
