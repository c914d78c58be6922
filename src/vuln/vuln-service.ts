/**
 * The vuln module's use cases: import OSV advisories into the store, and scan a path's
 * lockfiles against them. Both land in the audit log (what was imported; what a scan found).
 */
import type { AuditLog } from '../platform/audit/audit-log.js';
import type { Store } from '../platform/ports/store.js';
import { AdvisoryStore } from './advisory-store.js';
import { type Coverage, type Finding, matchDependencies } from './engine/advisory-matcher.js';
import {
  DEFAULT_FINDER_LIMITS,
  type FileError,
  type FinderLimits,
  findDependencies,
  type ScannedFile,
} from './lockfile-finder.js';
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type ImportReport,
  importOsv,
} from './osv-import.js';

export interface ScanReport {
  readonly files: readonly ScannedFile[];
  readonly errors: readonly FileError[];
  readonly findings: readonly Finding[];
  readonly coverage: Coverage;
}

export interface VulnServiceDeps {
  readonly store: Store;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly now: () => number;
  readonly actor: string;
  readonly finderLimits?: FinderLimits;
  readonly importLimits?: ImportLimits;
}

export function createVulnService(deps: VulnServiceDeps) {
  const advisories = new AdvisoryStore(deps.store, deps.now);
  return {
    /** Load OSV records from a file or directory; returns counts and the rejected inputs. */
    async importAdvisories(
      path: string,
    ): Promise<ImportReport & { ecosystems: Array<{ ecosystem: string; advisories: number }> }> {
      const report = await importOsv(advisories, path, deps.importLimits ?? DEFAULT_IMPORT_LIMITS);
      const ecosystems = await advisories.recount();
      await deps.audit.append({
        actor: deps.actor,
        action: 'vuln.db.imported',
        subject: `path:${path.slice(-400)}`,
        data: {
          files: report.files,
          records: report.records,
          withdrawn: report.withdrawn,
          rejected: report.rejected,
          ecosystems: ecosystems.map((e) => `${e.ecosystem}:${e.advisories}`),
        },
      });
      return { ...report, ecosystems };
    },

    /** Ecosystems with advisories loaded, and how many. */
    ecosystems: () => advisories.ecosystems(),

    /** Find and parse the lockfiles under `path` and match them against the stored advisories. */
    async scan(path: string): Promise<ScanReport> {
      const found = await findDependencies(path, deps.finderLimits ?? DEFAULT_FINDER_LIMITS);
      const index = await advisories.indexFor(found.dependencies);
      const { findings, coverage } = matchDependencies(found.dependencies, index);
      await deps.audit.append({
        actor: deps.actor,
        action: 'vuln.scan.completed',
        subject: `path:${path.slice(-400)}`,
        outcome: findings.length > 0 || found.errors.length > 0 ? 'failure' : 'success',
        data: {
          files: found.files.length,
          unreadable: found.errors.length,
          packages: coverage.packages,
          findings: findings.length,
          advisories: [...new Set(findings.map((f) => f.id))].slice(0, 200),
          notChecked: [...coverage.noData, ...coverage.unsupported],
        },
      });
      return { files: found.files, errors: found.errors, findings, coverage };
    },
  };
}

export type VulnService = ReturnType<typeof createVulnService>;
