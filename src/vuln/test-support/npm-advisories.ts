/**
 * Small, hand-written GHSA-shaped OSV records for the npm packages in the osv-scanner
 * fixtures (the npm advisory database is not in ../shared; see its README). Test data only.
 */
export const npmAdvisories = [
  {
    schema_version: '1.4.0',
    id: 'GHSA-whgm-jr23-g3j9',
    modified: '2023-01-01T00:00:00Z',
    published: '2021-08-18T00:00:00Z',
    aliases: ['CVE-2021-23424'],
    summary: 'Uncontrolled Resource Consumption in ansi-html',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'ansi-html' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.0.8' }] }],
      },
    ],
    database_specific: { severity: 'HIGH', github_reviewed: true },
  },
  {
    schema_version: '1.4.0',
    id: 'GHSA-43f8-2h32-f4cj',
    modified: '2023-01-01T00:00:00Z',
    published: '2021-03-24T00:00:00Z',
    aliases: ['CVE-2021-23362'],
    summary: 'Regular expression denial of service in hosted-git-info',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'hosted-git-info' },
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [
              { introduced: '0' },
              { fixed: '2.8.9' },
              { introduced: '3.0.0' },
              { fixed: '3.0.8' },
            ],
          },
        ],
      },
    ],
    database_specific: { severity: 'MODERATE', github_reviewed: true },
  },
  {
    schema_version: '1.4.0',
    id: 'GHSA-test-with-draw-n000',
    modified: '2023-01-01T00:00:00Z',
    withdrawn: '2023-02-01T00:00:00Z',
    aliases: [],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'ansi-html' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }],
      },
    ],
  },
] as const;

/** The same records as JSON Lines text. */
export const npmAdvisoriesJsonl = `${npmAdvisories.map((r) => JSON.stringify(r)).join('\n')}\n`;
