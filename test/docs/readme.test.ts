import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable } from '../../scripts/config-table.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README stays true', () => {
  it('opens with a Quick start of exactly the two commands', () => {
    const quick = /## Quick start\n+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = quick
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
    expect(readme.indexOf('## Quick start')).toBeLessThan(readme.indexOf('## What Shieldwall is'));
  });

  it('documents every configuration key, exactly as the code defines it', () => {
    const block = /<!-- config-table:start[^>]*-->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(
      readme,
    )?.[1];
    expect(block).toBe(configTable());
  });

  it('names every CLI command the program has', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const help = await runCli(['--help']);
    const section = help.stdout.slice(help.stdout.indexOf('Commands:'));
    const commands = [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)]
      .map((m) => m[1])
      .filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(3);
    for (const c of commands) expect(readme).toContain(`shieldwall ${c}`);
  });
});
