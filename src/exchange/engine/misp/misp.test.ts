import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePattern, simpleIndicators } from '../pattern/index.js';
import { TLP2_IDS, validateBundle } from '../stix/index.js';
import { mispEventToStix, stixToMispEvent } from './index.js';

/** A MISP event as MISP 2.4/2.5 exports it (trimmed to the fields the converter reads, plus noise it must ignore). */
const EVENT = {
  Event: {
    id: '1234',
    uuid: '5f2b3c1e-9d4a-4f7b-8c2e-1a2b3c4d5e6f',
    info: 'Parcel-delivery smishing wave',
    date: '2026-11-20',
    timestamp: '1795651200',
    publish_timestamp: '1795654800',
    threat_level_id: '2',
    analysis: '1',
    Orgc: { id: '7', name: 'CERT Example', uuid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' },
    Tag: [{ name: 'tlp:white' }, { name: 'type:OSINT' }],
    Attribute: [
      {
        uuid: '11111111-1111-4111-8111-111111111111',
        type: 'domain',
        category: 'Network activity',
        value: 'Parcel-Redelivery.example',
        to_ids: true,
        timestamp: '1795651300',
        comment: 'landing page',
      },
      {
        uuid: '22222222-2222-4222-8222-222222222222',
        type: 'url',
        value: "https://parcel-redelivery.example/pay?it's=1",
        to_ids: true,
        timestamp: '1795651300',
        Tag: [{ name: 'tlp:amber' }],
      },
      {
        uuid: '33333333-3333-4333-8333-333333333333',
        type: 'ip-dst',
        value: '203.0.113.9',
        to_ids: false,
        timestamp: '1795651300',
      },
      {
        uuid: '44444444-4444-4444-8444-444444444444',
        type: 'phone-number',
        value: '+44 7700 900123',
        to_ids: true,
      },
      {
        uuid: '55555555-5555-4555-8555-555555555555',
        type: 'vulnerability',
        value: 'cve-2024-3400',
        to_ids: false,
      },
    ],
    Object: [
      {
        name: 'file',
        uuid: '66666666-6666-4666-8666-666666666666',
        Attribute: [
          {
            uuid: '77777777-7777-4777-8777-777777777777',
            type: 'sha256',
            value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
            to_ids: '1',
          },
          {
            uuid: '88888888-8888-4888-8888-888888888888',
            type: 'filename|md5',
            value: 'invoice.exe|d41d8cd98f00b204e9800998ecf8427e',
            to_ids: true,
          },
        ],
      },
    ],
  },
};

describe('MISP event → STIX 2.1', () => {
  const result = mispEventToStix(EVENT);
  if ('error' in result) throw new Error(result.error);
  const byId = new Map(result.objects.map((o) => [String(o.id), o]));

  it('produces objects that pass STIX 2.1 validation', () => {
    const checked = validateBundle({
      type: 'bundle',
      id: `bundle--${EVENT.Event.uuid}`,
      objects: result.objects,
    });
    const bad = checked.objects.filter((r) => !r.ok);
    expect(bad).toEqual([]);
    expect(checked.objects.length).toBe(result.objects.length);
  });

  it('turns to_ids attributes into indicators with exact, escaped patterns', () => {
    const domain = byId.get('indicator--11111111-1111-4111-8111-111111111111');
    expect(domain?.pattern).toBe("[domain-name:value = 'parcel-redelivery.example']");
    const url = byId.get('indicator--22222222-2222-4222-8222-222222222222');
    const triples = simpleIndicators(parsePattern(String(url?.pattern)));
    expect(triples).toEqual([
      { type: 'url', property: 'value', value: "https://parcel-redelivery.example/pay?it's=1" },
    ]);
    const file = byId.get('indicator--88888888-8888-4888-8888-888888888888');
    expect(file?.pattern).toBe(
      "[file:name = 'invoice.exe' AND file:hashes.'MD5' = 'd41d8cd98f00b204e9800998ecf8427e']",
    );
    expect(byId.get('indicator--77777777-7777-4777-8777-777777777777')?.pattern).toContain(
      "file:hashes.'SHA-256'",
    );
  });

  it('maps TLP tags (white → CLEAR), attribute tags overriding the event', () => {
    expect(
      byId.get('indicator--11111111-1111-4111-8111-111111111111')?.object_marking_refs,
    ).toEqual([TLP2_IDS.clear]);
    expect(
      byId.get('indicator--22222222-2222-4222-8222-222222222222')?.object_marking_refs,
    ).toEqual([TLP2_IDS.amber]);
  });

  it('keeps non-detection attributes as observed data, CVEs as vulnerabilities, and says what it skipped', () => {
    const observed = byId.get('observed-data--33333333-3333-4333-8333-333333333333');
    expect(observed?.object_refs).toEqual(['ipv4-addr--33333333-3333-4333-8333-333333333333']);
    expect(byId.get('ipv4-addr--33333333-3333-4333-8333-333333333333')?.value).toBe('203.0.113.9');
    expect(byId.get('vulnerability--55555555-5555-4555-8555-555555555555')?.name).toBe(
      'CVE-2024-3400',
    );
    expect(result.skipped).toEqual([
      {
        uuid: '44444444-4444-4444-8444-444444444444',
        type: 'phone-number',
        why: 'MISP type phone-number has no STIX 2.1 mapping here',
      },
    ]);
  });

  it('makes a report of the event that refers to every converted object, by its author', () => {
    const report = byId.get('report--5f2b3c1e-9d4a-4f7b-8c2e-1a2b3c4d5e6f');
    expect(report?.name).toBe('Parcel-delivery smishing wave');
    expect(report?.created_by_ref).toBe('identity--0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e');
    expect(report?.object_refs).toHaveLength(6);
    expect(report?.labels).toContain('type:osint');
  });

  it('refuses what is not an event, clearly', () => {
    expect(mispEventToStix([])).toEqual({ error: 'not a MISP event: expected {"Event": {…}}' });
    expect(mispEventToStix({ Event: { uuid: 'nope' } })).toEqual({
      error: 'the MISP event has no valid uuid',
    });
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        mispEventToStix(value);
        mispEventToStix({
          Event: { uuid: EVENT.Event.uuid, date: '2026-01-01', Attribute: value },
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('STIX 2.1 → MISP event', () => {
  it('round-trips the detection values of a MISP event', () => {
    const stix = mispEventToStix(EVENT);
    if ('error' in stix) throw new Error(stix.error);
    const { event, exported, notExported } = stixToMispEvent(stix.objects, {
      uuid: '9a9a9a9a-9a9a-4a9a-8a9a-9a9a9a9a9a9a',
      info: 'export',
      timestamp: 1795660000,
      org: { name: 'Shieldwall', uuid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4f' },
    });
    const attrs = event.Event.Attribute as {
      type: string;
      value: string;
      to_ids: boolean;
      Tag: { name: string }[];
    }[];
    expect(exported).toBe(attrs.length);
    // filename AND md5 is one test of both; as two MISP attributes it would mean either.
    expect(notExported).toBe(1);
    expect(attrs.map((a) => [a.type, a.value])).toEqual(
      expect.arrayContaining([
        ['domain', 'parcel-redelivery.example'],
        ['url', "https://parcel-redelivery.example/pay?it's=1"],
        ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
        ['vulnerability', 'CVE-2024-3400'],
      ]),
    );
    expect(attrs.find((a) => a.type === 'url')?.Tag).toEqual([{ name: 'tlp:amber' }]);
    expect(event.Event.Tag).toEqual([{ name: 'tlp:amber' }]);
    // Back again: the same indicator values come out.
    const again = mispEventToStix(event);
    if ('error' in again) throw new Error(again.error);
    const patterns = again.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    expect(patterns).toContain("[domain-name:value = 'parcel-redelivery.example']");
  });

  it('counts indicators it cannot express instead of approximating them', () => {
    const { exported, notExported } = stixToMispEvent(
      [
        {
          type: 'indicator',
          id: 'indicator--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
          pattern_type: 'stix',
          pattern: "[url:value LIKE '%evil%']",
          modified: '2026-01-01T00:00:00.000Z',
        },
        {
          type: 'indicator',
          id: 'indicator--bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
          pattern_type: 'sigma',
          pattern: 'title: x',
        },
      ],
      {
        uuid: '9a9a9a9a-9a9a-4a9a-8a9a-9a9a9a9a9a9a',
        info: 'export',
        timestamp: 1795660000,
        org: { name: 'Shieldwall', uuid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4f' },
      },
    );
    expect({ exported, notExported }).toEqual({ exported: 0, notExported: 2 });
  });
});
