/** OSV range evaluation per the schema: events, limits, versions[], GIT ranges, withdrawn records. */
import { describe, expect, it } from 'vitest';
import { AdvisoryIndex, matchDependencies } from './advisory-matcher.js';
import { isAffected } from './osv-range.js';
import { type OsvRecord, parseOsvRecord } from './osv-record.js';

function record(raw: Record<string, unknown>): OsvRecord {
  const parsed = parseOsvRecord({ modified: '2024-01-01T00:00:00Z', ...raw });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.record;
}

const ranged = (ecosystem: string, name: string, events: object[], type = 'ECOSYSTEM') =>
  record({ id: 'X-1', affected: [{ package: { ecosystem, name }, ranges: [{ type, events }] }] });

describe('OSV range evaluation', () => {
  it('introduced/fixed, with several intervals and the smallest fix above the version', () => {
    const r = ranged('PyPI', 'Django', [
      { introduced: '0' },
      { fixed: '2.2.25' },
      { introduced: '3.0' },
      { fixed: '3.1.14' },
    ]);
    expect(isAffected(r, 'PyPI', 'django', '2.2.24')).toMatchObject({
      affected: true,
      fixed: '2.2.25',
    });
    expect(isAffected(r, 'PyPI', 'django', '2.2.25').affected).toBe(false);
    expect(isAffected(r, 'PyPI', 'django', '2.9')).toMatchObject({ affected: false });
    expect(isAffected(r, 'PyPI', 'django', '3.0')).toMatchObject({
      affected: true,
      fixed: '3.1.14',
    });
    expect(isAffected(r, 'PyPI', 'django', '3.1.14rc1').affected).toBe(true);
    expect(isAffected(r, 'PyPI', 'django', '3.1.14').affected).toBe(false);
  });
  it('events given out of order are sorted by version', () => {
    const r = ranged('npm', 'x', [{ fixed: '1.5.0' }, { introduced: '1.2.0' }]);
    expect(isAffected(r, 'npm', 'x', '1.1.9').affected).toBe(false);
    expect(isAffected(r, 'npm', 'x', '1.3.0').affected).toBe(true);
  });
  it('last_affected includes its version; limit caps the range', () => {
    const la = ranged('npm', 'x', [{ introduced: '1.0.0' }, { last_affected: '1.4.2' }]);
    expect(isAffected(la, 'npm', 'x', '1.4.2')).toMatchObject({ affected: true });
    expect(isAffected(la, 'npm', 'x', '1.4.2').fixed).toBeUndefined();
    expect(isAffected(la, 'npm', 'x', '1.4.3').affected).toBe(false);
    const lim = ranged('npm', 'x', [{ introduced: '0' }, { limit: '2.0.0' }]);
    expect(isAffected(lim, 'npm', 'x', '1.9.9').affected).toBe(true);
    expect(isAffected(lim, 'npm', 'x', '2.0.0').affected).toBe(false);
  });
  it('explicit versions[] match exactly, without ranges', () => {
    const r = record({
      id: 'X-2',
      affected: [{ package: { ecosystem: 'RubyGems', name: 'ast' }, versions: ['2.4.2'] }],
    });
    expect(isAffected(r, 'RubyGems', 'ast', '2.4.2').affected).toBe(true);
    expect(isAffected(r, 'RubyGems', 'ast', '2.4.3').affected).toBe(false);
  });
  it('SEMVER ranges use SemVer even in another ecosystem; GIT ranges are skipped with a note', () => {
    const r = ranged('Go', 'golang.org/x/net', [{ introduced: '0' }, { fixed: '0.7.0' }], 'SEMVER');
    expect(
      isAffected(r, 'Go', 'golang.org/x/net', '0.0.0-20220906165146-f3363e06e74c').affected,
    ).toBe(true);
    const git = ranged('PyPI', 'x', [{ introduced: 'abc' }, { fixed: 'def' }], 'GIT');
    const result = isAffected(git, 'PyPI', 'x', '1.0');
    expect(result.affected).toBe(false);
    expect(result.notes.join()).toContain('GIT range skipped');
  });
  it('withdrawn records never match, and are not indexed', () => {
    const r = record({
      id: 'X-3',
      withdrawn: '2024-02-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'x' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }],
        },
      ],
    });
    expect(isAffected(r, 'npm', 'x', '1.0.0').affected).toBe(false);
    expect(new AdvisoryIndex().add(r)).toBe(false);
  });
  it('matches names as each ecosystem normalizes them (PEP 503, npm case)', () => {
    const r = ranged('PyPI', 'Zope.Interface', [{ introduced: '0' }, { fixed: '5' }]);
    expect(isAffected(r, 'PyPI', 'zope_interface', '4.0').affected).toBe(true);
    expect(isAffected(r, 'PyPI', 'zope-interfaces', '4.0').affected).toBe(false);
  });
  it('does not report an ecosystem it has no data for as clean', () => {
    const index = new AdvisoryIndex();
    index.add(ranged('PyPI', 'flask', [{ introduced: '0' }, { fixed: '2.2.5' }]));
    const { findings, coverage } = matchDependencies(
      [
        { ecosystem: 'PyPI', name: 'Flask', version: '1.0', source: 'r.txt' },
        { ecosystem: 'npm', name: 'left-pad', version: '1.0.0', source: 'p.json' },
        { ecosystem: 'Alpine', name: 'musl', version: '1.2.3-r4', source: 'sbom' },
      ],
      index,
    );
    expect(findings.map((f) => [f.package, f.id, f.fixed])).toEqual([['Flask', 'X-1', '2.2.5']]);
    expect(coverage).toMatchObject({ covered: ['PyPI'], noData: ['npm'], unsupported: ['Alpine'] });
  });
  it('rejects records that are not OSV and bounds what it keeps', () => {
    expect(parseOsvRecord(null)).toMatchObject({ ok: false });
    expect(parseOsvRecord({ id: 'A' })).toMatchObject({
      ok: false,
      reason: 'A: no "affected" list',
    });
    expect(parseOsvRecord({ id: 'x'.repeat(500), affected: [] })).toMatchObject({ ok: false });
    const ok = parseOsvRecord({ id: 'A', affected: [{ ranges: [{ type: 'WEIRD', events: [] }] }] });
    expect(ok.ok && ok.record.affected[0]?.ranges).toEqual([]);
  });
});
