/**
 * STIX in plain words: what kind of thing an object is, what its TLP marking
 * means for who may see it, and the one line that names it. The words are in
 * web/src/i18n/intel-messages.ts, in every shipped language.
 */
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { type IntelMessageKey, intelMessages } from '../i18n/intel-messages.js';

/** The STIX types with a name and a sentence of their own (`type.<type>`, `type.<type>.about`). */
const TYPES = new Set([
  'indicator',
  'sighting',
  'attack-pattern',
  'malware',
  'threat-actor',
  'intrusion-set',
  'campaign',
  'vulnerability',
  'report',
  'observed-data',
  'tool',
  'identity',
  'relationship',
  'note',
  'opinion',
  'course-of-action',
  'infrastructure',
  'marking-definition',
]);

/** Each STIX type as a person would say it; an unknown type as STIX names it. */
export function typeName(locale: Locale, type: string): string {
  return TYPES.has(type) ? intelMessages.t(locale, `type.${type}` as IntelMessageKey) : type;
}

/** One sentence about what a STIX type is. */
export function typeAbout(locale: Locale, type: string): string {
  return TYPES.has(type)
    ? intelMessages.t(locale, `type.${type}.about` as IntelMessageKey)
    : intelMessages.t(locale, 'type.unknown.about', { type });
}

/** TLP 2.0 levels: the badge shows the standard's own label; `tlp.<level>` says who may see it. */
const TLP: Readonly<Record<string, string>> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  'amber+strict': 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

function knownLevel(tlp: string): string | undefined {
  return Object.hasOwn(TLP, tlp) ? TLP[tlp] : undefined;
}

/** Badge text: `TLP:AMBER`, or "No TLP marking". */
export function tlpLabel(locale: Locale, tlp: string | null): string {
  if (tlp === null) return intelMessages.t(locale, 'tlp.none');
  return knownLevel(tlp) ?? `TLP:${tlp.toUpperCase()}`;
}

/** "TLP:AMBER — only your organization and …" */
export function tlpExplained(locale: Locale, tlp: string | null): string {
  if (tlp === null) return intelMessages.t(locale, 'tlp.none_explained');
  const label = knownLevel(tlp);
  return label === undefined
    ? intelMessages.t(locale, 'tlp.unknown_explained', { label: tlpLabel(locale, tlp) })
    : intelMessages.t(locale, 'tlp.explained', {
        label,
        who: intelMessages.t(locale, `tlp.${tlp}` as IntelMessageKey),
      });
}

/** A CSS modifier for the badge colour (the text always says the level too). */
export function tlpClass(tlp: string | null): string {
  return `tlp tlp--${tlp === null ? 'none' : tlp.replace('+', '-')}`;
}

/**
 * The collections the server creates by itself (the shared one, the detection sightings ones)
 * have English titles and descriptions stored as data; shown in the reader's language while they
 * are still exactly what the server wrote. Anything an operator or organization wrote (or renamed)
 * is shown as written.
 */
const SEEDED: ReadonlyMap<string, IntelMessageKey> = new Map(
  (['shared', 'detect_server', 'detect_org'] as const).flatMap((name) =>
    (['title', 'description'] as const).map((part) => {
      const key: IntelMessageKey = `seeded.${name}.${part}`;
      return [intelMessages.t('en', key), key] as const;
    }),
  ),
);

/** A collection's title or description in the reader's language when the server wrote it. */
export function collectionText(locale: Locale, text: string): string {
  const key = SEEDED.get(text);
  return key === undefined ? text : intelMessages.t(locale, key);
}

/** The one line that names an object: its name, its value, its pattern, else its id. */
export function objectTitle(object: Readonly<Record<string, unknown>>, id: string): string {
  for (const key of ['name', 'value', 'pattern', 'number']) {
    const v = object[key];
    if (typeof v === 'string' && v.trim() !== '') return v.length > 160 ? `${v.slice(0, 157)}…` : v;
  }
  return id;
}
