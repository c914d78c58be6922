/** Finding lockfiles: size bound, skipped folders, links not followed, go.sum beside go.mod, the rest still read. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDependencies } from './lockfile-finder.js';

const root = mkdtempSync(join(tmpdir(), 'sw-vuln-find-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lockfile finder', () => {
  it('bounds file size and keeps scanning the rest', async () => {
    const project = join(root, 'p');
    mkdirSync(join(project, 'node_modules/x'), { recursive: true });
    mkdirSync(join(project, 'svc'));
    writeFileSync(join(project, 'requirements.txt'), `flask==1.0.0\n${'# padding\n'.repeat(2000)}`);
    writeFileSync(join(project, 'svc/requirements-dev.txt'), 'pytest==6.0\n');
    writeFileSync(join(project, 'node_modules/x/package-lock.json'), '{}');
    writeFileSync(join(project, 'svc/go.mod'), 'module m\nrequire golang.org/x/text v0.3.7\n');
    writeFileSync(join(project, 'svc/go.sum'), 'golang.org/x/other v1.0.0 h1:x=\n');
    symlinkSync(join(project, 'svc'), join(project, 'linked'));
    const found = await findDependencies(project, {
      maxFileBytes: 1000,
      maxFiles: 100,
      maxDepth: 10,
    });
    expect(found.errors).toEqual([
      { path: 'requirements.txt', reason: 'larger than 1000 bytes, not read' },
    ]);
    expect(found.files.map((f) => f.path).sort()).toEqual([
      'svc/go.mod',
      'svc/requirements-dev.txt',
    ]);
    expect(found.dependencies.map((d) => `${d.ecosystem}:${d.name}@${d.version}`).sort()).toEqual([
      'Go:golang.org/x/text@0.3.7',
      'PyPI:pytest@6.0',
    ]);
  });
  it('reads one named file whatever its name', async () => {
    const file = join(root, 'deps.txt');
    writeFileSync(file, 'django==2.2.24\n');
    const found = await findDependencies(file);
    expect(found.files).toEqual([
      { path: 'deps.txt', kind: 'requirements.txt', packages: 1, warnings: [] },
    ]);
  });
});
