/**
 * "What do I do now?" in plain words, for people without a security team. Built from three small
 * tables: how urgent the level is, what to check for the ATT&CK tactic, and the rule's own hints
 * (what it is known to fire on by mistake). Never empty: an alert with no tactic still gets the
 * general steps.
 */
import type { Level } from '../engine/sigma/index.js';

export interface Advice {
  readonly summary: string;
  readonly steps: readonly string[];
}

const URGENCY: Readonly<Record<Level, string>> = {
  critical: 'Act now: this is very likely an attack in progress.',
  high: 'Look at this today: it often means an attack.',
  medium: 'Look at this soon: it may be an attack, or ordinary work that looks like one.',
  low: 'Worth a look when you have time: it is usually harmless on its own.',
  informational: 'For your information: nothing needs doing unless it fits something else you saw.',
};

const BY_TACTIC: Readonly<Record<string, readonly string[]>> = {
  reconnaissance: [
    'Find out who is probing you: look up the source address and whether it keeps coming back.',
    'Block the address at your firewall if it has no business with you.',
  ],
  'resource-development': [
    'Check whether the names, domains or accounts in the alert belong to you.',
  ],
  'initial-access': [
    'Check whether the service named in the alert is up to date and needs to be reachable from the internet.',
    'Look for sign-ins or new programs on the same computer right after this alert.',
  ],
  execution: [
    'Ask the person who uses the computer whether they started this program on purpose.',
    'If nobody did, disconnect the computer from the network and keep it switched on for a specialist.',
  ],
  persistence: [
    'Look for what was added to start automatically (services, scheduled tasks, start-up entries) and who added it.',
    'Remove it only after you have noted what it was; a specialist may need it.',
  ],
  'privilege-escalation': [
    'Check whether the account gained administrator rights it should not have, and remove them.',
  ],
  'defense-evasion': [
    'Check that your antivirus and logging are still switched on for this computer.',
    'Treat the computer as possibly compromised until you know why this happened.',
  ],
  'credential-access': [
    'Change the password of the accounts involved from a different, trusted computer.',
    'Turn on two-step sign-in for those accounts if it is not on yet.',
  ],
  discovery: [
    'Find out which account ran the commands and whether that person was exploring the network on purpose.',
  ],
  'lateral-movement': [
    'Check which other computers the account or address reached, and look at those too.',
    'Consider disconnecting the computers involved from the network until you know more.',
  ],
  collection: ['Check which files or data were gathered and whether they left the computer.'],
  'command-and-control': [
    'Block the remote address or domain in the alert at your firewall or DNS filter.',
    'Disconnect the computer that contacted it from the network and have it examined.',
  ],
  exfiltration: [
    'Find out what data left and where it went; you may have to tell the people it is about.',
    'Block the destination and disconnect the computer involved.',
  ],
  impact: [
    'Disconnect affected computers from the network now to stop the damage spreading.',
    'Check that your backups are safe and offline before you restore anything.',
  ],
};

const GENERAL = [
  'Check the events listed in the alert: which computer, which account, what time.',
  'If you cannot explain it, ask someone who knows the system, or your IT provider, to look at it with you.',
];

export function sigmaAdvice(input: {
  readonly level: Level;
  readonly tactics: readonly string[];
  readonly title: string;
  readonly falsepositives: readonly string[];
  readonly description?: string | undefined;
}): Advice {
  const steps: string[] = [];
  for (const t of input.tactics) for (const s of BY_TACTIC[t] ?? []) steps.push(s);
  const fp = input.falsepositives
    .map((f) => f.trim())
    .filter((f) => f !== '' && !/^(unknown|none|unlikely)\.?$/i.test(f));
  if (fp.length > 0)
    steps.push(
      `This rule is known to fire on harmless things too: ${fp.slice(0, 3).join('; ')}. Check whether that explains it before doing anything drastic.`,
    );
  steps.push(...GENERAL);
  const what = firstSentence(input.description);
  return {
    summary: `${URGENCY[input.level]} The rule "${input.title}" matched${what === '' ? '.' : `: ${what}`}`,
    steps: [...new Set(steps)].slice(0, 8),
  };
}

/** "Detects X. More detail…" → "detects X." (bounded: descriptions are written by others). */
function firstSentence(text: string | undefined): string {
  if (text === undefined) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.indexOf('. ');
  const sentence = (end < 0 ? flat : flat.slice(0, end + 1)).slice(0, 300);
  if (sentence === '') return '';
  const lower = sentence.charAt(0).toLowerCase() + sentence.slice(1);
  return /[.!?]$/.test(lower) ? lower : `${lower}.`;
}

export function anomalyAdvice(explanation: string, nextSteps: readonly string[]): Advice {
  const steps = [...nextSteps.filter((s) => s.trim() !== '').slice(0, 6), ...GENERAL];
  return {
    summary: `Something unusual for your organisation happened. ${explanation}`.slice(0, 1000),
    steps: [...new Set(steps)].slice(0, 8),
  };
}
