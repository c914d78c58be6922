/**
 * `intel import FILE --format list`: a plain list (one value per line, or a
 * CSV feed) becomes STIX indicators in a collection. A value's indicator id is
 * a UUIDv5 of the value, so importing a list again adds new versions of the
 * same indicators rather than duplicates.
 */
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import { plainListToStix } from './engine/matcher/plain-list.js';
import type { Exchange } from './exchange-service.js';
import type { ImportReport } from './import-cli.js';
import { importInSlices, newTally } from './import-slice.js';

/** The UUIDv5 namespace of Shieldwall's plain-list indicators (a fixed random UUID). */
const NAMESPACE = '6f0c2b0e-9a52-4b8e-8f0d-3c1f4c8a2d71';

/** `text` is bounded by the caller (`intel import` reads at most MAX_IMPORT_BYTES of a file). */
export async function importPlainList(
  context: CliContext,
  exchange: Exchange,
  file: string,
  text: string,
  collection: string,
  actor: string,
  sourceOrg?: string,
): Promise<ImportReport> {
  if ((await exchange.objects.collection(collection)) === undefined)
    throw platformErrors.create('usage', {
      message: `There is no collection ${collection}; see shieldwall intel collections.`,
    });
  const { indicators, skipped } = plainListToStix(text, {
    now: new Date().toISOString(),
    idFor: (kind, value) => `indicator--${uuidV5(`${kind}:${value}`)}`,
    listName: file === '-' ? 'standard input' : basename(file),
  });
  const progress = context.out.progress(
    `Importing ${indicators.length} indicators`,
    indicators.length,
  );
  const tally = newTally();
  const requestId = `cli-${randomUUID()}`;
  await importInSlices(
    exchange,
    { actor, collection, requestId, sourceOrg },
    indicators,
    tally,
    (n) => progress.tick(n),
  );
  progress.done();
  const { added, already, refused } = tally;
  return {
    value: { collection, added, already, refused, skipped },
    human: [
      `${added} added, ${already} already there, ${refused.length} refused, ${skipped.length} lines skipped`,
      ...refused.slice(0, 50).map((r) => `  refused ${r.id}: ${r.message}`),
      ...skipped.slice(0, 20).map((s) => `  skipped line ${s.line}: ${s.why}: ${s.text}`),
    ].join('\n'),
    refused: refused.length,
  };
}

/** RFC 4122 name-based UUID (version 5, SHA-1). */
function uuidV5(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
