/**
 * `shieldwall model attest`: sign SLSA v1 provenance saying which datasets and which code
 * commit produced which model, and verify the chain dataset -> training run -> model against
 * what is on disk.
 */
import type { KeyObject } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { openStatement, signStatement } from './dsse-bundle.js';
import { rootDigest } from './engine/oms-statement.js';
import {
  buildSlsaStatement,
  parseSlsaStatement,
  type TrainingRun,
} from './engine/slsa-statement.js';
import { DEFAULT_IGNORES, hashModel, sha256 } from './model-hasher.js';

/** OMS root digest of a directory (the value an OMS signature's subject carries). */
export async function treeDigest(dir: string, ignore: readonly string[] = []): Promise<string> {
  const m = await hashModel(dir, { method: 'files', ignorePaths: [...DEFAULT_IGNORES, ...ignore] });
  return rootDigest(m.resources, sha256);
}

export interface AttestOptions {
  readonly model: string;
  readonly datasets: readonly string[];
  readonly repository: string;
  readonly commit: string;
  readonly builderId: string;
  readonly key: KeyObject;
  readonly ignore: readonly string[];
  readonly startedOn?: string;
  readonly finishedOn?: string;
}

export async function attestTraining(
  o: AttestOptions,
): Promise<{ bundle: string; run: TrainingRun }> {
  const run: TrainingRun = {
    model: { name: basename(resolve(o.model)), sha256: await treeDigest(o.model, o.ignore) },
    datasets: await Promise.all(
      o.datasets.map(async (d) => ({ name: basename(resolve(d)), sha256: await treeDigest(d) })),
    ),
    code: { repository: o.repository, commit: o.commit },
    builderId: o.builderId,
    ...(o.startedOn === undefined ? {} : { startedOn: o.startedOn }),
    ...(o.finishedOn === undefined ? {} : { finishedOn: o.finishedOn }),
  };
  return { bundle: signStatement(buildSlsaStatement(run), o.key), run };
}

export interface ChainCheck {
  readonly valid: boolean;
  readonly problems: readonly string[];
  readonly run?: TrainingRun;
}

/** Verify the attestation's signature, then the model and each given dataset against it. */
export async function verifyTrainingChain(o: {
  readonly bundleText: string;
  readonly publicKeyPem: string;
  readonly model: string;
  readonly datasets: readonly string[];
  readonly commit?: string;
  readonly ignore: readonly string[];
}): Promise<ChainCheck> {
  const opened = openStatement(o.bundleText, o.publicKeyPem);
  if (!opened.ok) return { valid: false, problems: [opened.reason] };
  const run = parseSlsaStatement(opened.statement);
  if (typeof run === 'string') return { valid: false, problems: [run] };
  const problems: string[] = [];
  if ((await treeDigest(o.model, o.ignore)) !== run.model.sha256)
    problems.push(`the model ${o.model} is not the one the training run produced`);
  for (const d of o.datasets) {
    const digest = await treeDigest(d);
    if (!run.datasets.some((x) => x.sha256 === digest))
      problems.push(`the dataset ${d} was not used by this training run`);
  }
  if (o.commit !== undefined && o.commit !== run.code.commit)
    problems.push(`the training code was commit ${run.code.commit}, not ${o.commit}`);
  return { valid: problems.length === 0, problems, run };
}
