/**
 * The text form of the shipped warninglists (models/warninglists.txt.gz, built
 * by scripts/build-warninglists.ts): `#` comment lines, then per list a header
 * line `@name<TAB>type<TAB>description` followed by one value per line.
 */
import type { WarninglistSpec, WarninglistType } from './warninglist-index.js';

const TYPES: readonly WarninglistType[] = ['string', 'hostname', 'cidr'];

export function formatWarninglists(
  header: readonly string[],
  lists: readonly WarninglistSpec[],
): string {
  const lines = header.map((h) => `# ${h}`);
  for (const l of lists) {
    lines.push(`@${clean(l.name)}\t${l.type}\t${clean(l.description)}`);
    for (const v of l.values) lines.push(clean(v));
  }
  return `${lines.join('\n')}\n`;
}

/** The lists of a file; a malformed header line is an error (the file ships with the program). */
export function parseWarninglists(text: string): WarninglistSpec[] {
  const lists: { name: string; description: string; type: WarninglistType; values: string[] }[] =
    [];
  let current: (typeof lists)[number] | undefined;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const [name, type, description] = line.slice(1).split('\t');
      if (name === undefined || !TYPES.includes(type as WarninglistType))
        throw new Error(`bad warninglist header: ${line.slice(0, 80)}`);
      current = {
        name,
        type: type as WarninglistType,
        description: description ?? name,
        values: [],
      };
      lists.push(current);
      continue;
    }
    if (current === undefined) throw new Error('a warninglist value comes before any list header');
    current.values.push(line);
  }
  return lists;
}

function clean(s: string): string {
  return s.replace(/[\t\n\r]/g, ' ');
}
