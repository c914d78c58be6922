/**
 * STIX in plain words: what kind of thing an object is, what its TLP marking
 * means for who may see it, and the one line that names it.
 */

/** Each STIX type as a person would say it, with one sentence about what it is. */
const TYPES: Readonly<Record<string, { readonly name: string; readonly about: string }>> = {
  indicator: {
    name: 'Indicator',
    about: 'A sign of an attack or scam — a link, domain, address or file — that you can look for.',
  },
  sighting: {
    name: 'Sighting',
    about: 'Someone saw an indicator or other threat: how often, when, and who saw it.',
  },
  'attack-pattern': {
    name: 'Attack method',
    about: 'A way attackers work, such as phishing or misusing an AI system.',
  },
  malware: { name: 'Malware', about: 'Harmful software: what it is and what it does.' },
  'threat-actor': {
    name: 'Threat actor',
    about: 'A person or group behind attacks.',
  },
  'intrusion-set': {
    name: 'Attack group',
    about: 'Attacks and tools believed to come from the same group.',
  },
  campaign: { name: 'Campaign', about: 'A set of attacks aimed at the same targets over time.' },
  vulnerability: {
    name: 'Vulnerability',
    about: 'A weakness in software that attackers can use, often with a CVE number.',
  },
  report: { name: 'Report', about: 'A write-up that collects related threat intelligence.' },
  'observed-data': {
    name: 'Observed data',
    about: 'Things seen on a network or computer, such as addresses or files.',
  },
  tool: { name: 'Tool', about: 'Software attackers (or defenders) use.' },
  identity: { name: 'Organization or person', about: 'Who shared or is named in intelligence.' },
  relationship: { name: 'Relationship', about: 'How two other objects are connected.' },
  note: { name: 'Note', about: 'A comment someone added to other intelligence.' },
  opinion: { name: 'Opinion', about: 'Whether someone agrees with other intelligence.' },
  'course-of-action': {
    name: 'What to do',
    about: 'Steps that prevent or respond to an attack.',
  },
  infrastructure: {
    name: 'Infrastructure',
    about: 'Servers, domains or services used in attacks.',
  },
  'marking-definition': {
    name: 'Marking',
    about: 'A rule about who may see or share intelligence.',
  },
};

export function typeName(type: string): string {
  return TYPES[type]?.name ?? type;
}

export function typeAbout(type: string): string {
  return TYPES[type]?.about ?? `A STIX “${type}” object.`;
}

/** TLP 2.0 levels: the label shown on the badge, and who may see intelligence marked so. */
const TLP: Readonly<Record<string, { readonly label: string; readonly who: string }>> = {
  clear: { label: 'TLP:CLEAR', who: 'anyone may see and share it' },
  green: {
    label: 'TLP:GREEN',
    who: 'verified defenders in the community may see it; do not publish it',
  },
  amber: {
    label: 'TLP:AMBER',
    who: 'only your organization and the groups this collection is shared with',
  },
  'amber+strict': {
    label: 'TLP:AMBER+STRICT',
    who: 'only the organization that shared it',
  },
  red: { label: 'TLP:RED', who: 'only the people and organizations it names' },
};

/** Badge text: `TLP:AMBER`, or "No marking". */
export function tlpLabel(tlp: string | null): string {
  return tlp === null ? 'No TLP marking' : (TLP[tlp]?.label ?? `TLP:${tlp.toUpperCase()}`);
}

/** "TLP:AMBER — only your organization and …" */
export function tlpExplained(tlp: string | null): string {
  if (tlp === null)
    return 'No TLP marking — whoever may read this collection may see it; ask the sharer before passing it on.';
  const level = TLP[tlp];
  return level === undefined
    ? `${tlpLabel(tlp)} — a marking this page does not know; treat it as restricted.`
    : `${level.label} — ${level.who}.`;
}

/** A CSS modifier for the badge colour (the text always says the level too). */
export function tlpClass(tlp: string | null): string {
  return `tlp tlp--${tlp === null ? 'none' : tlp.replace('+', '-')}`;
}

/** The one line that names an object: its name, its value, its pattern, else its id. */
export function objectTitle(object: Readonly<Record<string, unknown>>, id: string): string {
  for (const key of ['name', 'value', 'pattern', 'number']) {
    const v = object[key];
    if (typeof v === 'string' && v.trim() !== '') return v.length > 160 ? `${v.slice(0, 157)}…` : v;
  }
  return id;
}
