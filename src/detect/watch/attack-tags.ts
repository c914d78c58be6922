/**
 * ATT&CK references of an alert from a Sigma rule's tags. The engine hands over technique ids
 * (`T1059.001`) and tactic names (`execution`, `initial-access`) taken from `attack.*` tags; an
 * alert lists each technique with the rule's tactic, or the tactics alone (as `TA00xx` ids) when
 * the rule names no technique.
 */

/** Enterprise ATT&CK tactics by the short names Sigma tags use. */
export const TACTICS: Readonly<Record<string, { readonly id: string; readonly name: string }>> = {
  reconnaissance: { id: 'TA0043', name: 'Reconnaissance' },
  'resource-development': { id: 'TA0042', name: 'Resource Development' },
  'initial-access': { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  persistence: { id: 'TA0003', name: 'Persistence' },
  'privilege-escalation': { id: 'TA0004', name: 'Privilege Escalation' },
  'defense-evasion': { id: 'TA0005', name: 'Defense Evasion' },
  'credential-access': { id: 'TA0006', name: 'Credential Access' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  'lateral-movement': { id: 'TA0008', name: 'Lateral Movement' },
  collection: { id: 'TA0009', name: 'Collection' },
  'command-and-control': { id: 'TA0011', name: 'Command and Control' },
  exfiltration: { id: 'TA0010', name: 'Exfiltration' },
  impact: { id: 'TA0040', name: 'Impact' },
};

const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

/** Older rules write tactics with underscores (`initial_access`). */
const tacticName = (tag: string): string | undefined => {
  const name = tag.toLowerCase().replace(/_/g, '-');
  return TACTICS[name] === undefined ? undefined : name;
};

export interface AttackRef {
  readonly id: string;
  readonly tactic: string | null;
}

/** `['initial-access', 'T1190']` → `[{ id: 'T1190', tactic: 'initial-access' }]`. */
export function attackRefs(attack: readonly string[]): AttackRef[] {
  const tactics = [...new Set(attack.map(tacticName).filter((t) => t !== undefined))];
  const techniques = [...new Set(attack.filter((a) => TECHNIQUE.test(a)))];
  // Sigma tags do not pair techniques with tactics: each technique gets the rule's first tactic.
  const tactic = tactics[0] ?? null;
  if (techniques.length > 0) return techniques.map((id) => ({ id, tactic }));
  return tactics.map((t) => ({ id: (TACTICS[t] as { id: string }).id, tactic: t }));
}

/** The tactics of an alert, for advice. */
export function tacticsOf(attack: readonly AttackRef[]): string[] {
  return [...new Set(attack.map((a) => a.tactic).filter((t): t is string => t !== null))];
}
