/**
 * Traffic Light Protocol markings (FIRST TLP 2.0, with TLP 1.0 accepted and
 * mapped: WHITE becomes CLEAR). The marking-definition ids are fixed by OASIS
 * (cti-stix-common-objects for 2.0; STIX 2.1 §7.2.1.4 for 1.0), so an object's
 * TLP is read from its `object_marking_refs` without a lookup.
 */

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** TLP 2.0 marking-definition ids. */
export const TLP2_IDS: Readonly<Record<TlpLevel, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** TLP 1.0 marking-definition ids (STIX 2.1 §7.2.1.4), mapped to TLP 2.0. */
export const TLP1_IDS: Readonly<Record<string, TlpLevel>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear', // TLP:WHITE
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

const BY_ID: ReadonlyMap<string, TlpLevel> = new Map<string, TlpLevel>([
  ...Object.entries(TLP2_IDS).map(([level, id]) => [id, level as TlpLevel] as const),
  ...Object.entries(TLP1_IDS),
]);

/** The TLP level a marking-definition id stands for (1.0 ids mapped to 2.0), or undefined. */
export function tlpOfMarking(id: string): TlpLevel | undefined {
  return BY_ID.get(id);
}

/**
 * The strictest TLP among an object's markings, or undefined when it has none
 * (callers decide the default; sharing groups treat unmarked as their own rule).
 *
 * @example
 * tlpOf({ object_marking_refs: [TLP2_IDS.green] }); // 'green'
 */
export function tlpOf(object: { readonly object_marking_refs?: unknown }): TlpLevel | undefined {
  const refs = object.object_marking_refs;
  if (!Array.isArray(refs)) return undefined;
  let strictest: TlpLevel | undefined;
  for (const ref of refs) {
    const level = typeof ref === 'string' ? tlpOfMarking(ref) : undefined;
    if (
      level !== undefined &&
      (strictest === undefined || TLP_LEVELS.indexOf(level) > TLP_LEVELS.indexOf(strictest))
    )
      strictest = level;
  }
  return strictest;
}

/** Replace TLP 1.0 marking refs with their TLP 2.0 equivalents (WHITE → CLEAR), keeping the others. */
export function upgradeTlpMarkings(refs: readonly string[]): string[] {
  return [...new Set(refs.map((r) => (r in TLP1_IDS ? TLP2_IDS[TLP1_IDS[r] as TlpLevel] : r)))];
}
