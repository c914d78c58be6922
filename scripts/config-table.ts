/**
 * Print the README's configuration table from the config key table, so the
 * documentation cannot drift from the code (test/docs/readme.test.ts checks it).
 * Usage: node --import tsx scripts/config-table.ts
 */
import { configKeys, envName } from '../src/platform/config/config-keys.js';

export function configTable(): string {
  const rows = Object.entries(configKeys).map(([key, spec]) => {
    const def = spec.default === undefined ? '—' : `\`${String(spec.default)}\``;
    return `| \`${key}\` | \`${envName(key)}\` | ${def} | ${spec.description}${'secret' in spec && spec.secret ? ' *(masked in output)*' : ''} |`;
  });
  return [
    '| key (config file) | environment variable | default | what it does |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${configTable()}\n`);
