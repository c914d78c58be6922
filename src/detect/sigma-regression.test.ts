/**
 * SigmaHQ's regression data (issue 9): each of the 202 cases is a Sysmon capture that must fire
 * its own rule with the expected number of events (null: at least one), with the whole active
 * SigmaHQ rule set loaded, as a user would run it. Prints `detect.regression_pass_rate: N/202`.
 *
 * Four cases disagree and are listed below with the reason: in each, the current rule matches
 * more events of the capture than upstream recorded. We checked each event by hand against the
 * rule (see the notes); the expected counts were recorded against an older rule version or a
 * checker that counts differently, and we will not bend the matching to them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowsEventFromJson } from './engine/mapping/index.js';
import { compileRuleSet } from './engine/sigma/index.js';
import { loadRules } from './rules-loader.js';

const data = join(import.meta.dirname, '../../../shared/data/detect');
const folders = [
  'rules',
  'rules-emerging-threats',
  'rules-threat-hunting',
  'rules-compliance',
  'rules-dfir',
  'rules-placeholder',
];

const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  // TargetFilename|contains '\AppData\Roaming\AnyDesk\user.conf': three events write user.conf.new / user.conf~RF…TMP.
  '0b9ad457-2554-44c1-82c2-d56a99c42377': 'three user.conf* files match the contains',
  // procdump64.exe, procdump64a.exe and procdump.exe are all in the rule's endswith list.
  '8fbf3271-1ef6-4e94-8210-03c2317947f6': 'three dropped tool names match',
  // ZoneMap\Domains\…\https, \http and \* all set to 2 (Internet zone changes).
  '45e112d0-7759-4c2a-aa36-9f8fb79d3393': 'three zone values match',
  // AutoShareServer and AutoShareWks both set to 0.
  'c7dcacd0-cc59-4004-b0a4-1d6cdebe6f3e': 'both AutoShare values match',
};

interface Case {
  rule_id: string;
  rule_path: string;
  expected_match_count: number | null;
  events: unknown[];
}

describe('SigmaHQ regression data', () => {
  it('fires every case’s rule with the expected count', { timeout: 180_000 }, async () => {
    const loaded = await loadRules(folders.map((f) => join(data, f)));
    const set = compileRuleSet(loaded.documents);
    // The whole active rule set loads; only rules that need site placeholders are skipped.
    expect(loaded.problems).toEqual([]);
    expect(set.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(set.rules.length).toBeGreaterThan(3700);
    const cases = readFileSync(join(data, 'sigma-regression/cases.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Case);
    const failed: string[] = [];
    for (const c of cases) {
      let count = 0;
      c.events.forEach((json, i) => {
        const event = windowsEventFromJson(json, { source: c.rule_id, line: i + 1 });
        if (event === null) return;
        for (const m of set.feed(event).matches) if (m.rule.id === c.rule_id) count += 1;
      });
      const ok = c.expected_match_count === null ? count > 0 : count === c.expected_match_count;
      if (!ok)
        failed.push(
          `${c.rule_id} ${c.rule_path}: expected ${c.expected_match_count ?? '≥1'}, got ${count}`,
        );
    }
    process.stdout.write(
      `detect.regression_pass_rate: ${cases.length - failed.length}/${cases.length}\n`,
    );
    expect(cases).toHaveLength(202);
    expect(failed.map((f) => f.split(' ')[0])).toEqual(Object.keys(KNOWN_DISAGREEMENTS));
  });
});
