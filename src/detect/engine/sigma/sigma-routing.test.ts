/**
 * The router with the whole active SigmaHQ rule set (issue 9): routing by literals must never
 * change an answer, only skip rules that cannot match. Every regression capture event, and a
 * near-miss copy of it (each text field cut in half, so literals are partly there), gives the
 * same matches with routing as when every rule of the event's logsource is evaluated; and
 * routing evaluates far fewer rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../rules-loader.js';
import type { FieldValue, LogEvent } from '../event.js';
import { windowsEventFromJson } from '../mapping/index.js';
import { compileRuleSet } from './index.js';

const data = join(import.meta.dirname, '../../../../../shared/data/detect');
const folders = [
  'rules',
  'rules-emerging-threats',
  'rules-threat-hunting',
  'rules-compliance',
  'rules-dfir',
  'rules-placeholder',
];

function regressionEvents(): LogEvent[] {
  const out: LogEvent[] = [];
  for (const line of readFileSync(join(data, 'sigma-regression/cases.jsonl'), 'utf8')
    .trim()
    .split('\n')) {
    const c = JSON.parse(line) as { rule_id: string; events: unknown[] };
    c.events.forEach((json, i) => {
      const e = windowsEventFromJson(json, { source: c.rule_id, line: i + 1 });
      if (e !== null) out.push(e);
    });
  }
  return out;
}

function nearMiss(e: LogEvent): LogEvent {
  const fields: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(e.fields))
    fields[k] = typeof v === 'string' ? v.slice(0, Math.ceil(v.length / 2)) : v;
  return { ...e, fields };
}

describe('routing with the SigmaHQ rule set', () => {
  it('matches exactly what evaluating every rule matches', { timeout: 300_000 }, async () => {
    const loaded = await loadRules(folders.map((f) => join(data, f)));
    const routed = compileRuleSet(loaded.documents);
    const everyRule = compileRuleSet(loaded.documents, { literalRouting: false });
    expect(routed.rules.length).toBeGreaterThan(3700);
    const events = regressionEvents().flatMap((e) => [e, nearMiss(e)]);
    const ids = (set: typeof routed, e: LogEvent) => set.feed(e).matches.map((m) => m.rule.id);
    let matched = 0;
    for (const e of events) {
      const want = ids(everyRule, e);
      expect(ids(routed, e), `${e.origin.source}:${e.origin.line}`).toEqual(want);
      matched += want.length;
    }
    expect(matched).toBeGreaterThan(events.length / 4); // the comparison saw real matches
    const pruned = routed.routingStats();
    const all = everyRule.routingStats();
    expect(pruned.events).toBe(events.length);
    // Routing must prune: at least 20 times fewer rules evaluated than the logsource alone gives.
    expect(pruned.rulesEvaluated * 20).toBeLessThan(all.rulesEvaluated);
  });
});
