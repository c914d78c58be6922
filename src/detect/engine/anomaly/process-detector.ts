/**
 * Rare parent → child processes per host: "Word started PowerShell, and this computer has never
 * done that". The baseline is a RarityTable keyed by host with values `parent>child`.
 */
import type { LogEvent } from '../event.js';
import type { ProcessStart } from './activity-extractor.js';
import {
  type AnomalyFinding,
  DAY_MS,
  days,
  type ResolvedOptions,
  round,
  surpriseScore,
} from './anomaly-types.js';
import { RarityTable, type RarityTableState } from './rarity-table.js';

export class ProcessDetector {
  constructor(
    private readonly o: ResolvedOptions,
    readonly table = new RarityTable(o.capacity.entities, o.capacity.pairs),
  ) {}

  static fromJSON(o: ResolvedOptions, state: RarityTableState): ProcessDetector {
    return new ProcessDetector(
      o,
      RarityTable.fromJSON(state, o.capacity.entities, o.capacity.pairs),
    );
  }

  observe(p: ProcessStart, event: LogEvent, time: number): AnomalyFinding | null {
    const value = `${p.parent}>${p.child}`;
    const r = this.table.assess(p.host, value);
    this.table.learn(p.host, value, time);
    if (r === null) return null;
    const warm =
      r.n >= this.o.warmupEvents.process && time - r.firstSeen >= this.o.warmupDays * DAY_MS;
    if (!warm) return null;
    const score = surpriseScore(r.p);
    if (score < this.o.threshold) return null;
    const history = days(time - r.firstSeen);
    const seen =
      r.count === 0 ? 'has never done that' : `has done that only ${times(r.count)} before`;
    return {
      kind: 'rare_process',
      score: round(score),
      entity: { type: 'host', id: p.host },
      time,
      baseline: `parent → child processes on ${p.host}`,
      evidence: {
        parent: p.parentPath,
        child: p.childPath,
        ...(p.commandLine === null ? {} : { commandLine: p.commandLine.slice(0, 300) }),
        ...(p.user === null ? {} : { user: p.user }),
        seenOnHost: r.count,
        historyDays: history,
        processStartsOnHost: r.n,
        otherHostsWithIt: r.elsewhere,
        hostsKnown: r.entities,
        probability: Number(r.p.toPrecision(3)),
      },
      explanation:
        `On ${p.host}, ${p.parent} started ${p.child}. This computer ${seen} in ${history} days ` +
        `(${r.n} programs started), and ${r.elsewhere} of the other ${Math.max(0, r.entities - 1)} ` +
        'computers have done it.',
      nextSteps: [
        `Ask the person using ${p.host}${p.user === null ? '' : ` (${p.user})`} whether they expected this, for example after opening a document or installing something.`,
        'If nobody expected it, look at the command line in the evidence and disconnect the computer from the network until someone has checked it.',
        'If it is expected, no action is needed: it stops being unusual as it repeats.',
      ],
      origin: event.origin,
    };
  }
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
