/**
 * `shieldwall intel match VALUE...`: look values up in the shared TLP:CLEAR
 * indicators (and CVEs in shared vulnerabilities) the way a running server's matcher does (the same index, loaded
 * from the same data), like grep: exit 1 when anything matched, 0 when nothing
 * did, 2 on wrong usage. `-` reads one value per line from standard input;
 * with `--json`, one JSON Lines record per value, in order. Values a
 * warninglist keeps from matching are shown with the list, never as hits.
 */
import type { Command } from 'commander';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { KnownIndicator } from './indicator-index.js';

/** Values read from standard input, at most. */
const MAX_STDIN_VALUES = 1_000_000;
/** Longest line read from standard input, in characters. */
const MAX_LINE_CHARS = 8192;

export function registerIntelMatchCommand(intel: Command, context: CliContext): void {
  intel
    .command('match')
    .description(
      'look values up in the shared TLP:CLEAR indicators (URL, domain, IP or range, hash, e-mail, phone, wallet) and vulnerabilities (CVE); exit 1 on a hit, 0 on none',
    )
    .argument('<values...>', 'the values; "-" reads one value per line from standard input')
    .action(async (values: string[]) => {
      const all: string[] = [];
      for (const v of values) {
        if (v === '-') for await (const line of readLines(context.stdin)) all.push(line);
        else all.push(v);
        if (all.length > MAX_STDIN_VALUES)
          throw platformErrors.create('usage', {
            message: `At most ${MAX_STDIN_VALUES} values at a time.`,
          });
      }
      const index = await openIndex(context);
      let hits = 0;
      try {
        for (const query of all) {
          if (query.trim() === '') continue;
          const r = index.explain(query);
          hits += r.hits.length;
          context.out.line(
            {
              query,
              kind: r.kind,
              value: r.value,
              hits: r.hits.map(record),
              suppressed: r.suppressed.map((s) => ({
                ...record(s),
                warninglist: s.warninglist.list,
                reason: s.warninglist.reason,
              })),
            },
            human(query, r),
          );
        }
      } finally {
        await index.close();
      }
      if (hits > 0) context.out.setExitCode(1);
    });
}

async function openIndex(context: CliContext) {
  const platform = await context.platform();
  const [{ createExchange, PUBLIC_VIEWER }, { createIndicatorIndex }] = await Promise.all([
    import('./exchange-service.js'),
    import('./indicator-index.js'),
  ]);
  const exchange = createExchange({
    store: platform.store,
    audit: platform.audit,
    bus: platform.bus,
    now: Date.now,
  });
  const index = createIndicatorIndex({
    objects: exchange.objects,
    readPublic: (collection, q) => exchange.readAs(PUBLIC_VIEWER, collection, q),
    bus: platform.bus,
    logger: platform.logger,
    now: Date.now,
  });
  await index.start();
  return index;
}

function record(k: KnownIndicator) {
  return {
    indicator: k.stixId,
    type: k.type,
    value: k.value,
    via: k.via,
    confidence: k.confidence,
    source: k.source,
  };
}

const VIA: Readonly<Record<KnownIndicator['via'], string>> = {
  exact: '',
  'parent-domain': ' (a name below it)',
  'url-host': ' (the link’s host)',
  'email-domain': ' (the address’s domain)',
  cidr: ' (in the range)',
};

function human(
  query: string,
  r: {
    kind: string | null;
    hits: readonly KnownIndicator[];
    suppressed: readonly (KnownIndicator & { warninglist: { reason: string } })[];
  },
): string {
  if (r.kind === null)
    return `${query}: not a URL, domain, IP address, hash, e-mail address, phone number, wallet or CVE`;
  const lines = r.hits.map(
    (h) =>
      `${query}: ${h.type} ${h.value}${VIA[h.via]} — ${h.stixId}, confidence ${h.confidence.toFixed(2)}, ${h.source}`,
  );
  for (const s of r.suppressed)
    lines.push(`${query}: not matched: ${s.stixId} names ${s.value}, but ${s.warninglist.reason}`);
  return lines.length === 0 ? `${query}: no match` : lines.join('\n');
}

/** Lines of a stream (LF or CRLF), each cut at MAX_LINE_CHARS. */
async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of stream) {
    pending +=
      typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      yield pending.slice(start, Math.min(nl, start + MAX_LINE_CHARS)).replace(/\r$/, '');
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) pending = pending.slice(0, MAX_LINE_CHARS);
  }
  pending += decoder.decode();
  if (pending !== '') yield pending.replace(/\r$/, '');
}
