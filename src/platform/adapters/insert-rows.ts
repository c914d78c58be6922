import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Bulk inserts without a query builder per row. Building a multi-row INSERT
 * through Kysely parses and compiles every value (about 15 µs per row for a
 * 13-column row, as much as SQLite needs to store it); here the statement text
 * for a table, its columns and a row count is made once and the values are
 * passed as one flat parameter list. Rows go in chunks of power-of-two sizes
 * (500 rows = 256 + 128 + 64 + 32 + 16 + 4), so a table has at most a dozen
 * statement texts and SQLite can keep each one prepared.
 */

/** Table and column names come from code, never from input; they are checked all the same. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
/** Below SQLite's 32,766 host parameters per statement and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
const MAX_CHUNK = 256;
/** Statement texts kept; the power-of-two chunks need about a dozen per table. */
const MAX_TEXTS = 256;

export type RowInserter = (
  trx: Kysely<unknown>,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
) => Promise<void>;

/** Refuse names that are not plain identifiers and rows of the wrong width, before any SQL. */
export function checkRows(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): void {
  if (!IDENTIFIER.test(table) || columns.length === 0 || !columns.every((c) => IDENTIFIER.test(c)))
    throw new Error(
      `insertRows: "${table}" (${columns.join(', ')}) is not a plain table and column list`,
    );
  for (const row of rows)
    if (row.length !== columns.length)
      throw new Error(
        `insertRows: a row of ${row.length} values for ${columns.length} columns of ${table}`,
      );
}

/** `placeholder(n)` is the dialect's n-th parameter (1-based): `?` or `$n`. */
export function createRowInserter(placeholder: (n: number) => string): RowInserter {
  const texts = new Map<string, string>();

  const textFor = (table: string, columns: readonly string[], count: number): string => {
    const key = `${table}\u0000${columns.join(',')}\u0000${count}`;
    let text = texts.get(key);
    if (text === undefined) {
      const values: string[] = [];
      let n = 1;
      for (let r = 0; r < count; r++) {
        const slots: string[] = [];
        for (let c = 0; c < columns.length; c++) slots.push(placeholder(n++));
        values.push(`(${slots.join(', ')})`);
      }
      text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values.join(', ')}`;
      if (texts.size >= MAX_TEXTS) texts.clear();
      texts.set(key, text);
    }
    return text;
  };

  return async (trx, table, columns, rows) => {
    checkRows(table, columns, rows);
    const width = columns.length;
    const largest = Math.min(MAX_CHUNK, 2 ** Math.floor(Math.log2(MAX_PARAMETERS / width)));
    let at = 0;
    while (at < rows.length) {
      let count = largest;
      while (count > rows.length - at) count >>= 1;
      const parameters: unknown[] = new Array(count * width);
      let p = 0;
      for (let r = at; r < at + count; r++) {
        const row = rows[r] as readonly unknown[];
        for (let c = 0; c < width; c++) parameters[p++] = row[c];
      }
      await trx.executeQuery(CompiledQuery.raw(textFor(table, columns, count), parameters));
      at += count;
    }
  };
}
