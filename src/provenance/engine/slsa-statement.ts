/**
 * SLSA v1 provenance for a training run, as an in-toto Statement v1: the subject is the
 * model (name + the OMS root digest of its files); the resolved dependencies are the
 * training code (git commit) and every dataset (its OMS root digest). Checking the chain
 * dataset -> training run -> model is comparing these digests with what is on disk.
 */
import { STATEMENT_TYPE } from './oms-statement.js';

export const SLSA_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';
export const TRAINING_BUILD_TYPE = 'https://shieldwall.dev/model-training/v1';

export interface TrainingRun {
  readonly model: { readonly name: string; readonly sha256: string };
  readonly datasets: readonly { readonly name: string; readonly sha256: string }[];
  readonly code: { readonly repository: string; readonly commit: string };
  readonly builderId: string;
  /** ISO 8601 times, when known. */
  readonly startedOn?: string;
  readonly finishedOn?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function buildSlsaStatement(run: TrainingRun): Record<string, unknown> {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: run.model.name, digest: { sha256: run.model.sha256 } }],
    predicateType: SLSA_PREDICATE_TYPE,
    predicate: {
      buildDefinition: {
        buildType: TRAINING_BUILD_TYPE,
        externalParameters: { repository: run.code.repository, commit: run.code.commit },
        resolvedDependencies: [
          {
            uri: `git+${run.code.repository}@${run.code.commit}`,
            digest: { gitCommit: run.code.commit },
          },
          ...run.datasets.map((d) => ({
            name: d.name,
            digest: { sha256: d.sha256 },
            annotations: { role: 'dataset' },
          })),
        ],
      },
      runDetails: {
        builder: { id: run.builderId },
        metadata: {
          ...(run.startedOn === undefined ? {} : { startedOn: run.startedOn }),
          ...(run.finishedOn === undefined ? {} : { finishedOn: run.finishedOn }),
        },
      },
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read a training run back out of a statement; a string names what is wrong. */
export function parseSlsaStatement(v: unknown): TrainingRun | string {
  if (!isRecord(v) || v._type !== STATEMENT_TYPE) return 'not an in-toto Statement v1';
  if (v.predicateType !== SLSA_PREDICATE_TYPE)
    return `not SLSA v1 provenance (${String(v.predicateType)})`;
  const subject = Array.isArray(v.subject) && v.subject.length === 1 ? v.subject[0] : undefined;
  const sha = isRecord(subject) && isRecord(subject.digest) ? subject.digest.sha256 : undefined;
  if (
    !isRecord(subject) ||
    typeof subject.name !== 'string' ||
    typeof sha !== 'string' ||
    !HEX64.test(sha)
  )
    return 'expected one subject with a sha256 digest';
  const p = v.predicate;
  const def = isRecord(p) ? p.buildDefinition : undefined;
  if (!isRecord(p) || !isRecord(def) || def.buildType !== TRAINING_BUILD_TYPE)
    return 'unknown build type';
  const ext = def.externalParameters;
  if (
    !isRecord(ext) ||
    typeof ext.repository !== 'string' ||
    typeof ext.commit !== 'string' ||
    !COMMIT.test(ext.commit)
  )
    return 'externalParameters needs a repository and a full git commit';
  const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies : [];
  const datasets: { name: string; sha256: string }[] = [];
  let commitSeen = false;
  for (const d of deps) {
    if (!isRecord(d) || !isRecord(d.digest)) return 'a resolved dependency has no digest';
    if (d.digest.gitCommit === ext.commit) commitSeen = true;
    else if (
      typeof d.name === 'string' &&
      typeof d.digest.sha256 === 'string' &&
      HEX64.test(d.digest.sha256)
    )
      datasets.push({ name: d.name, sha256: d.digest.sha256 });
  }
  if (!commitSeen) return 'the code commit is not among the resolved dependencies';
  const builder =
    isRecord(p.runDetails) && isRecord(p.runDetails.builder) ? p.runDetails.builder.id : undefined;
  if (typeof builder !== 'string') return 'runDetails.builder.id is missing';
  return {
    model: { name: subject.name, sha256: sha },
    datasets,
    code: { repository: ext.repository, commit: ext.commit },
    builderId: builder,
  };
}
