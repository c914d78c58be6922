/**
 * STIX 2.1 validation against the real corpus in ../shared/data/intel (the OASIS
 * examples, the TLP marking definitions, MITRE ATT&CK ICS and Mobile bundles),
 * with the official OASIS JSON schemas run in ajv as an independent second
 * opinion on valid objects and on broken ones.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_ABUSE_EXTENSION_DEFINITION, AI_ABUSE_EXTENSION_ID } from './ai-abuse-extension.js';
import { TLP1_IDS, TLP2_IDS, tlpOf, upgradeTlpMarkings } from './tlp.js';
import { validateBundle, validateStixObject, validTimestamp } from './validate.js';

const intel = join(import.meta.dirname, '../../../../../shared/data/intel');
const present = existsSync(intel);
if (!present)
  process.stderr.write(
    `\n  SKIP STIX corpus tests: ${intel} is absent (it is beside the repository in CI)\n`,
  );

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
const objectsOf = (file: string): Record<string, unknown>[] => {
  const doc = readJson(file);
  return Array.isArray(doc.objects) ? (doc.objects as Record<string, unknown>[]) : [doc];
};

/** ajv with every OASIS schema registered by its $id, and a validator per object type. */
function oasis() {
  const root = join(intel, 'oasis/stix2-json-schemas/schemas');
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: true,
    unicodeRegExp: false,
  });
  // ajv-formats is CommonJS: its function is the module's default export.
  (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  const byType = new Map<string, string>();
  for (const dir of ['common', 'sdos', 'sros', 'observables']) {
    for (const f of readdirSync(join(root, dir))) {
      const schema = readJson(join(root, dir, f));
      ajv.addSchema(schema);
      if (dir !== 'common') byType.set(f.replace(/\.json$/, ''), schema.$id as string);
    }
  }
  byType.set(
    'marking-definition',
    readJson(join(root, 'common/marking-definition.json')).$id as string,
  );
  return (o: Record<string, unknown>): boolean | undefined => {
    const id = byType.get(String(o.type));
    if (id === undefined) return undefined;
    const check = ajv.getSchema(id);
    return check === undefined ? undefined : (check(o) as boolean);
  };
}

describe.skipIf(!present)('STIX 2.1 validation on the real corpus', () => {
  const files = present
    ? [
        ...readdirSync(join(intel, 'oasis/cti-documentation-examples')).map((f) =>
          join(intel, 'oasis/cti-documentation-examples', f),
        ),
        ...readdirSync(join(intel, 'oasis/stix2-json-schemas/examples')).map((f) =>
          join(intel, 'oasis/stix2-json-schemas/examples', f),
        ),
        join(intel, 'oasis/tlp/tlp2-marking-definitions.json'),
        join(intel, 'oasis/tlp/tlp1-marking-definitions.json'),
        join(intel, 'attack/ics-attack-18.1.json'),
        join(intel, 'attack/mobile-attack-17.1.json'),
      ].filter((f) => f.endsWith('.json'))
    : [];
  const corpus = files.flatMap(objectsOf);

  it('accepts every object of the corpus, as the OASIS schemas do', () => {
    expect(corpus.length).toBeGreaterThan(3000);
    const schema = oasis();
    const refused: string[] = [];
    let crossChecked = 0;
    for (const o of corpus) {
      const r = validateStixObject(o);
      if (!r.ok)
        refused.push(
          `${String(o.id)}: ${r.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        );
      const theirs = schema(o);
      if (theirs !== undefined) {
        crossChecked++;
        expect(theirs, `OASIS schema on ${String(o.id)}`).toBe(true);
      }
    }
    expect(refused).toEqual([]);
    expect(crossChecked).toBeGreaterThan(1500);
  });

  it('refuses the malformed upstream TLP example, naming the object and property', () => {
    const bad = readJson(join(intel, 'oasis/tlp/INVALID-using-tlp2.0-green.json'));
    const r = validateBundle(bad);
    expect(r.problems.map((p) => p.path)).toContain('/type');
    const refused = r.objects.filter((o) => !o.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.ok === false && refused[0].problems.map((p) => p.path)).toContain(
      '/created',
    );
    // The rest of the bundle is still good.
    expect(r.objects.filter((o) => o.ok).length).toBe(r.objects.length - 1);
  });

  it('refuses broken objects exactly where the OASIS schemas also do', () => {
    const schema = oasis();
    const samples = corpus
      .filter((o) =>
        ['indicator', 'malware', 'relationship', 'attack-pattern', 'sighting', 'identity'].includes(
          String(o.type),
        ),
      )
      .slice(0, 200);
    expect(samples.length).toBeGreaterThan(50);
    const breakers: [string, (o: Record<string, unknown>) => Record<string, unknown>][] = [
      ['no id', ({ id: _, ...o }) => o],
      [
        'id of another type',
        (o) => ({ ...o, id: String(o.id).replace(/^[a-z-]+--/, 'campaign--') }),
      ],
      ['created without milliseconds', (o) => ({ ...o, created: '2020-01-01T00:00:00Z' })],
      ['spec_version 2.2', (o) => ({ ...o, spec_version: '2.2' })],
      ['confidence 101', (o) => ({ ...o, confidence: 101 })],
      ['empty labels', (o) => ({ ...o, labels: [] })],
      ['created_by_ref not an identifier', (o) => ({ ...o, created_by_ref: 'identity--nope' })],
    ];
    for (const o of samples)
      for (const [what, breakIt] of breakers) {
        const broken = breakIt(o);
        const ours = validateStixObject(broken);
        expect(ours.ok, `${what} on ${String(o.id)}`).toBe(false);
        expect(schema(broken), `OASIS schema, ${what} on ${String(o.id)}`).toBe(false);
      }
  });
});

describe('STIX 2.1 rules', () => {
  const indicator = {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    created: '2026-12-05T10:00:00.000Z',
    modified: '2026-12-05T10:00:00.000Z',
    pattern: "[url:value = 'https://example.org/phish']",
    pattern_type: 'stix',
    valid_from: '2026-12-05T10:00:00Z',
  };

  it('names each problem with its path', () => {
    const r = validateStixObject({
      ...indicator,
      valid_until: '2026-12-01T00:00:00Z',
      pattern_type: undefined,
      confidence: 'high',
      'Bad-Name': 1,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(
      ['', '/Bad-Name', '/confidence', '/pattern_type'].sort(),
    );
    expect(r.problems.find((p) => p.path === '')?.message).toBe(
      'valid_until must be later than valid_from',
    );
  });

  it('checks type-specific rules: observed-data, location, malware family, network traffic', () => {
    const base = {
      spec_version: '2.1',
      created: '2026-12-05T10:00:00.000Z',
      modified: '2026-12-05T10:00:00.000Z',
    };
    expect(
      validateStixObject({
        ...base,
        type: 'observed-data',
        id: 'observed-data--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        first_observed: '2026-12-05T10:00:00Z',
        last_observed: '2026-12-05T10:00:00Z',
        number_observed: 1,
      }).ok,
    ).toBe(false);
    expect(
      validateStixObject({
        ...base,
        type: 'location',
        id: 'location--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        latitude: 10,
      }).ok,
    ).toBe(false);
    expect(
      validateStixObject({
        ...base,
        type: 'malware',
        id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        is_family: true,
      }).ok,
    ).toBe(false);
    expect(
      validateStixObject({
        type: 'network-traffic',
        id: 'network-traffic--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        protocols: ['tcp'],
      }).ok,
    ).toBe(false);
    expect(
      validateStixObject({
        type: 'ipv4-addr',
        id: 'ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        value: '198.51.100.3',
      }).ok,
    ).toBe(true);
  });

  it('allows custom types and x_ properties', () => {
    const r = validateStixObject({
      ...indicator,
      type: 'x-shieldwall-abuse-signature',
      id: 'x-shieldwall-abuse-signature--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      x_shieldwall_prompt_hash: 'ab',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]?.message).toContain('not a STIX 2.1 type');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = validateStixObject(x);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    let deep: unknown = {};
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    expect(validateStixObject({ ...indicator, x_deep: deep }).ok).toBe(false);
  });

  it('takes a type or property named like an Object.prototype member as a custom one (issue 5)', () => {
    // `constructor` is a well-formed type name; the type table used to hand back Object for it.
    const r = validateStixObject({
      ...indicator,
      type: 'constructor',
      id: 'constructor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      x_shieldwall_note: 'x',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]?.message).toContain('not a STIX 2.1 type');
    expect(validateStixObject({ ...indicator, constructor: 'x' }).ok).toBe(true);
  });

  it('bounds depth and size at the limits, nested lists and objects alike', () => {
    const nest = (levels: number, leaf: unknown) => {
      let v = leaf;
      for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { x_a: v };
      return v;
    };
    // The object is level 0: a value 32 levels down is allowed, 33 is not, even an empty list.
    expect(validateStixObject({ ...indicator, x_n: nest(31, 1) }).ok).toBe(true);
    expect(validateStixObject({ ...indicator, x_n: nest(32, 1) }).ok).toBe(false);
    expect(validateStixObject({ ...indicator, x_n: nest(31, []) }).ok).toBe(true);
    expect(validateStixObject({ ...indicator, x_n: nest(32, []) }).ok).toBe(false);
    const keys = Object.keys(indicator).length;
    expect(
      validateStixObject({ ...indicator, x_list: new Array(10_000 - keys - 1).fill(1) }).ok,
    ).toBe(true);
    expect(validateStixObject({ ...indicator, x_list: new Array(10_000 - keys).fill(1) }).ok).toBe(
      false,
    );
  });

  it('orders created and modified by time, whatever their precision', () => {
    const at = (created: string, modified: string) =>
      validateStixObject({ ...indicator, created, modified }).ok;
    expect(at('2026-12-05T10:00:00.000Z', '2026-12-05T10:00:00.001Z')).toBe(true);
    expect(at('2026-12-05T10:00:00.001Z', '2026-12-05T10:00:00.000Z')).toBe(false);
    expect(at('2026-12-05T10:00:00.100Z', '2026-12-05T10:00:00.1000Z')).toBe(true);
    expect(at('2026-12-05T10:00:01.000Z', '2026-12-05T10:00:00.9999Z')).toBe(false);
    expect(at('2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z')).toBe(true);
  });
});

describe('TLP', () => {
  it('reads the strictest marking, maps TLP 1.0 (WHITE is CLEAR)', () => {
    expect(tlpOf({ object_marking_refs: [TLP2_IDS.green, TLP2_IDS.amber] })).toBe('amber');
    expect(
      tlpOf({ object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'] }),
    ).toBe('clear');
    expect(tlpOf({})).toBeUndefined();
    expect(
      upgradeTlpMarkings([
        'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
        TLP2_IDS.clear,
      ]),
    ).toEqual([TLP2_IDS.clear]);
  });

  it.skipIf(!present)('uses the ids of the OASIS marking definitions', () => {
    for (const o of objectsOf(join(intel, 'oasis/tlp/tlp2-marking-definitions.json'))) {
      const level = (
        Object.values(o.extensions as Record<string, { tlp_2_0: string }>)[0] as { tlp_2_0: string }
      ).tlp_2_0;
      expect(TLP2_IDS[level as keyof typeof TLP2_IDS]).toBe(o.id);
    }
    const tlp1 = objectsOf(join(intel, 'oasis/tlp/tlp1-marking-definitions.json'));
    expect(tlp1.map((o) => o.id).sort()).toEqual(Object.keys(TLP1_IDS).sort());
  });
});

describe('AI-abuse signature extension', () => {
  const pattern = (ext: Record<string, unknown>) => ({
    type: 'attack-pattern',
    spec_version: '2.1',
    id: 'attack-pattern--6f5d7a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    created: '2026-12-05T10:00:00.000Z',
    modified: '2026-12-05T10:00:00.000Z',
    name: 'Jailbreak asking for a working exploit by role-play',
    external_references: [{ source_name: 'mitre-atlas', external_id: 'AML.T0054' }],
    extensions: { [AI_ABUSE_EXTENSION_ID]: { extension_type: 'property-extension', ...ext } },
  });

  it('its definition is a valid STIX extension-definition', () => {
    expect(validateStixObject(AI_ABUSE_EXTENSION_DEFINITION).ok).toBe(true);
  });

  it('accepts a regex signature that runs in linear time, with ATLAS ids, capability and action', () => {
    const r = validateStixObject(
      pattern({
        signature_type: 'regex',
        signature: '(?i)pretend (you are|to be) .{0,40}(no|without) (rules|restrictions)',
        atlas_techniques: ['AML.T0054'],
        capability: 'ai.cyber.exploit-dev',
        action: 'friction',
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('refuses a signature that could not be matched in linear time, bad ATLAS ids and unknown actions, with paths', () => {
    const r = validateStixObject(
      pattern({
        signature_type: 'regex',
        signature: '(a+)\\1',
        atlas_techniques: ['T1059'],
        action: 'delete-account',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(
      [
        `/extensions/${AI_ABUSE_EXTENSION_ID}/action`,
        `/extensions/${AI_ABUSE_EXTENSION_ID}/atlas_techniques`,
        `/extensions/${AI_ABUSE_EXTENSION_ID}/signature`,
      ].sort(),
    );
  });

  it('belongs on attack patterns only', () => {
    const r = validateStixObject({
      ...pattern({ signature_type: 'phrase', signature: 'ignore previous instructions' }),
      type: 'malware',
      id: 'malware--6f5d7a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
      is_family: false,
    });
    expect(r.ok).toBe(false);
  });
});

describe('validTimestamp', () => {
  /** The definition it replaced: RFC 3339 UTC by regex, then a real calendar date. */
  const reference = (s: string): boolean => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/.exec(s);
    if (m === null) return false;
    const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as number[] as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 60) return false;
    return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  };

  it('accepts real UTC times to nine fraction digits and refuses the near misses', () => {
    for (const good of [
      '2026-12-05T10:00:00Z',
      '2026-12-05T10:00:00.1Z',
      '2026-12-05T10:00:00.123456789Z',
      '2024-02-29T23:59:60Z',
      '2000-02-29T00:00:00.000Z',
      '0000-02-29T00:00:00Z',
    ])
      expect(validTimestamp(good), good).toBe(true);
    for (const bad of [
      '2026-12-05T10:00:00',
      '2026-12-05T10:00:00.Z',
      '2026-12-05T10:00:00.1234567890Z',
      '2026-12-05 10:00:00Z',
      '2026-12-05T10:00:00+00:00',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-01T00:00:00Z',
      '2026-12-05T24:00:00Z',
      '2026-12-05T10:60:00Z',
      '２０２６-12-05T10:00:00Z',
      '',
    ])
      expect(validTimestamp(bad), bad).toBe(false);
  });

  it('agrees with the regex-and-calendar definition on generated strings', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .tuple(
        // From 100: Date.UTC reads years 0-99 as 1900-1999, so the reference is wrong about
        // 0000-02-29 (a leap day) where validTimestamp is right.
        fc.integer({ min: 100, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(14),
        two(33),
        two(25),
        two(61),
        two(61),
        fc.option(fc.stringMatching(/^\.[0-9]{0,11}$/), { nil: '' }),
        fc.constantFrom('Z', 'z', '', '+01:00'),
        fc.constantFrom('-', 'T', ':', ' '),
      )
      .map(([y, mo, d, h, mi, se, frac, z, sep]) => {
        const text = `${y}-${mo}-${d}T${h}:${mi}:${se}${frac}${z}`;
        // Sometimes swap one separator for another so position checks are exercised too.
        return sep === '-' ? text : text.replace(sep === 'T' ? '-' : 'T', sep);
      });
    fc.assert(
      fc.property(fc.oneof(stamp, fc.string({ maxLength: 32 })), (s) => {
        expect(validTimestamp(s)).toBe(reference(s));
      }),
      { numRuns: 20_000 },
    );
  });
});
