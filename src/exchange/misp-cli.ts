/**
 * The MISP halves of `shieldwall intel import --format misp` and
 * `intel export --format misp-feed`: events converted to STIX (then stored
 * through the same validation as any bundle), and a collection's shareable
 * indicators written as a MISP feed.
 */
import { randomUUID } from 'node:crypto';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import { mispEventToStix, stixToMispEvent } from './engine/misp/index.js';
import { TLP_LEVELS, type TlpLevel, tlpOf } from './engine/stix/index.js';
import type { Exchange } from './exchange-service.js';
import type { ImportReport } from './import-cli.js';
import { importInSlices, newTally } from './import-slice.js';
import { readMispEvents, writeMispFeed } from './misp-feed.js';

export async function importMisp(
  context: CliContext,
  exchange: Exchange,
  path: string,
  collection: string,
  actor: string,
  sourceOrg?: string,
): Promise<ImportReport> {
  if (path === '-')
    throw platformErrors.create('usage', {
      message: 'MISP import reads a file or a feed directory, not standard input.',
    });
  if ((await exchange.objects.collection(collection)) === undefined)
    throw platformErrors.create('usage', {
      message: `There is no collection ${collection}; see shieldwall intel collections.`,
    });
  const files = await readMispEvents(path);
  const progress = context.out.progress(`Importing ${files.length} MISP events`, files.length);
  const tally = newTally();
  const { refused } = tally;
  let events = 0;
  const skipped: { where: string; uuid: string; type: string; why: string }[] = [];
  const requestId = `cli-${randomUUID()}`;
  for (const file of files) {
    const converted = mispEventToStix(file.event);
    progress.tick();
    if ('error' in converted) {
      refused.push({ id: file.where, message: converted.error });
      continue;
    }
    events += 1;
    for (const s of converted.skipped) skipped.push({ where: file.where, ...s });
    await importInSlices(
      exchange,
      { actor, collection, requestId, sourceOrg },
      converted.objects,
      tally,
    );
  }
  progress.done();
  const { added, already } = tally;
  return {
    value: { collection, events, added, already, refused, skipped },
    human: [
      `${events} MISP event${events === 1 ? '' : 's'} converted: ${added} objects added, ${already} already there, ${refused.length} refused, ${skipped.length} attributes with no STIX equivalent skipped`,
      ...refused.slice(0, 50).map((r) => `  refused ${r.id || '(no id)'}: ${r.message}`),
      ...skipped.slice(0, 20).map((s) => `  skipped ${s.type} ${s.uuid}: ${s.why}`),
    ].join('\n'),
    refused: refused.length,
  };
}

/**
 * Write the collection's indicators, up to `maxTlp` (CLEAR unless asked: a feed
 * is usually published), as one MISP event in a feed directory. The event's
 * uuid is kept in the feed, so exporting again updates the same event.
 */
export async function exportMispFeed(
  context: CliContext,
  objects: readonly unknown[],
  collection: string,
  out: string,
  maxTlp: TlpLevel = 'clear',
): Promise<void> {
  const limit = TLP_LEVELS.indexOf(maxTlp);
  const shareable = objects.filter((o): o is Record<string, unknown> => {
    const tlp = tlpOf(o as { object_marking_refs?: unknown });
    // Unmarked objects are treated as the strictest level asked for is allowed only when it is AMBER or above.
    return tlp === undefined
      ? limit >= TLP_LEVELS.indexOf('amber')
      : TLP_LEVELS.indexOf(tlp) <= limit;
  });
  const existing = await readMispEvents(out).catch(() => []);
  const previous = existing
    .map((e) => (e.event as { Event?: { uuid?: unknown; info?: unknown } }).Event)
    .find((e) => e?.info === eventInfo(collection));
  const uuid = typeof previous?.uuid === 'string' ? previous.uuid : randomUUID();
  const { event, exported, notExported } = stixToMispEvent(shareable, {
    uuid,
    info: eventInfo(collection),
    timestamp: Math.floor(Date.now() / 1000),
    org: { name: 'Shieldwall', uuid: collectionUuid(collection) },
  });
  const { files } = await writeMispFeed(out, event);
  context.out.data(
    {
      collection,
      feed: out,
      event: uuid,
      exported,
      notExported,
      withheld: objects.length - shareable.length,
      files,
    },
    () =>
      `${exported} MISP attributes written to ${out} (event ${uuid}); ${notExported} indicators have no exact MISP form; ${objects.length - shareable.length} objects withheld by TLP (above ${maxTlp.toUpperCase()})`,
  );
}

function eventInfo(collection: string): string {
  return `Shieldwall collection ${collection}`;
}

/** The collection id when it is a uuid (the default collection's is), else a fixed Shieldwall org uuid. */
function collectionUuid(collection: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(collection)
    ? collection
    : '5d1e1a7e-5b1e-4d1a-8a11-5b1e1d000000';
}
