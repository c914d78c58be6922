/** Findings as a SARIF 2.1.0 log, for code-scanning UIs (one rule per advisory id). */
import type { Finding } from './advisory-matcher.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(severity: string | null): 'error' | 'warning' | 'note' {
  const s = (severity ?? '').toUpperCase();
  if (s === 'CRITICAL' || s === 'HIGH') return 'error';
  if (s === 'LOW') return 'note';
  return 'warning';
}

/**
 * @example
 * JSON.stringify(toSarif(findings, '0.1.0'))
 */
export function toSarif(
  findings: readonly Finding[],
  toolVersion: string,
): Record<string, unknown> {
  const rules = new Map<string, Finding>();
  for (const f of findings) if (!rules.has(f.id)) rules.set(f.id, f);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shieldwall-vuln',
            version: toolVersion,
            informationUri: 'https://osv.dev/',
            rules: [...rules.values()].map((f) => ({
              id: f.id,
              shortDescription: { text: f.summary ?? `${f.id} in ${f.package}` },
              helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(f.id)}`,
              properties: {
                aliases: f.aliases,
                ...(f.severity === null ? {} : { severity: f.severity }),
              },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.id,
          level: level(f.severity),
          message: {
            text: `${f.package} ${f.version} (${f.ecosystem}) is affected by ${f.id}${
              f.aliases.length > 0 ? ` (${f.aliases.join(', ')})` : ''
            }. ${f.fixed === null ? 'No fixed version is known.' : `Upgrade to ${f.fixed} or later.`}`,
          },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.source } } }],
          partialFingerprints: { package: `${f.ecosystem}/${f.package}@${f.version}/${f.id}` },
        })),
      },
    ],
  };
}
