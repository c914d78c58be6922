import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandOwners, lazyModules } from './cli-modules.js';
import { modules } from './modules.js';
import { commandWord } from './platform/cli/program.js';
import type { CliContext } from './platform/module.js';

/** The top-level command names a module registers. */
function topLevelCommands(register: (program: Command, context: CliContext) => void): string[] {
  const program = new Command();
  register(program, {} as CliContext);
  return program.commands.map((command) => command.name());
}

describe('the CLI command map', () => {
  it('names every top-level command of every module, and loads that very module', async () => {
    const registered = new Map<string, string>();
    for (const module of modules)
      for (const name of topLevelCommands(module.commands ?? (() => {}))) {
        expect(registered.has(name), `${name} registered twice`).toBe(false);
        registered.set(name, module.id);
        expect(Object.keys(commandOwners), `${name} (${module.id}) is missing`).toContain(name);
        const loaded = await lazyModules.forCommand(name);
        expect(loaded).toEqual([module]);
        expect(loaded?.[0]).toBe(module);
      }
    // No name in the map that no module registers (a renamed command would otherwise load all).
    expect(Object.keys(commandOwners).sort()).toEqual([...registered.keys()].sort());
  });

  it('loads nothing for a word no module owns, and every module for all()', async () => {
    expect(await lazyModules.forCommand('serve')).toBeUndefined();
    expect(await lazyModules.forCommand('toString')).toBeUndefined();
    expect(await lazyModules.all()).toBe(modules);
  });
});

describe('commandWord', () => {
  const program = new Command()
    .option('-c, --config <file>')
    .option('-d, --data <dir>')
    .option('--json')
    .option('--colour [when]');

  it('skips global options and their values', () => {
    expect(commandWord(program, ['check', 'hello'])).toBe('check');
    expect(commandWord(program, ['--json', 'check', 'x'])).toBe('check');
    expect(commandWord(program, ['-c', 'shieldwall.yaml', 'intel', 'list'])).toBe('intel');
    expect(commandWord(program, ['--data', 'check', 'vuln'])).toBe('vuln');
    expect(commandWord(program, ['--config=x.yaml', '-dcheck', 'model'])).toBe('model');
    expect(commandWord(program, ['--colour', 'always', 'detect'])).toBe('detect');
    expect(commandWord(program, ['--', 'check'])).toBe('check');
  });

  it('finds none when only options are given', () => {
    expect(commandWord(program, [])).toBeUndefined();
    expect(commandWord(program, ['--help'])).toBeUndefined();
    expect(commandWord(program, ['--json', '-c', 'file'])).toBeUndefined();
  });
});
