/**
 * `shieldwall model keygen|sign|verify|scan`: sign and verify models and datasets (OpenSSF Model
 * Signing v1.0). Offline; these commands do not open the database, so they write no audit
 * entry (see docs/provenance.md). Exit status: 0 valid, 1 invalid (every modified, added
 * and removed file named), 2 wrong usage.
 */
import { randomUUID } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { ManifestDiff } from './engine/oms-statement.js';
import { provenanceErrors } from './errors.js';
import { HASH_ALGORITHMS, type HashAlgorithm } from './hash-pool.js';
import { generateKeys, type KeyAlgorithm, loadPrivateKey } from './key-material.js';
import type { FileScan } from './model-scanner.js';
import { signModel, type TrustInput, verifyModel } from './model-signing.js';
import { registerRegistryCommands } from './registry/registry-cli.js';
import { registerKeyCommands } from './registry/registry-key-cli.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const usage = (message: string) => platformErrors.create('usage', { message });

export function registerProvenanceCommands(program: Command, context: CliContext): void {
  const model = program
    .command('model')
    .description('sign and verify models and datasets (OpenSSF Model Signing)');

  model
    .command('keygen')
    .description('make a signing key pair: KEY (private, mode 0600) and KEY.pub')
    .requiredOption('--out <key>', 'where to write the private key; the public key goes to KEY.pub')
    .addOption(
      new Option('--algorithm <alg>', 'key type').choices(['ed25519', 'p256']).default('p256'),
    )
    .action(async (opts: { out: string; algorithm: KeyAlgorithm }) => {
      const keys = generateKeys(opts.algorithm);
      await writeFile(opts.out, keys.privatePem, { mode: 0o600, flag: 'wx' }).catch(
        (cause: unknown) => {
          throw provenanceErrors.create('key_unreadable', {
            message: `Cannot create ${opts.out} (does it exist?).`,
            cause,
          });
        },
      );
      await chmod(opts.out, 0o600);
      await writeFile(`${opts.out}.pub`, keys.publicPem, { mode: 0o644 });
      context.out.data(
        { privateKey: opts.out, publicKey: `${opts.out}.pub`, algorithm: opts.algorithm },
        () => `Private key: ${opts.out} (keep it secret)\nPublic key:  ${opts.out}.pub`,
      );
    });

  model
    .command('sign')
    .description('sign a model or dataset directory (or one file)')
    .argument('<dir>', 'the model directory or file')
    .requiredOption('--key <key>', 'private key (PEM) from `shieldwall model keygen`')
    .requiredOption('--out <sig>', 'where to write the signature (Sigstore bundle JSON)')
    .option('--ignore <path>', 'skip this file or directory (repeatable)', collect, [])
    .option('--shard-size <bytes>', 'hash in shards of this size (OMS "shards" method)')
    .addOption(
      new Option('--hash <algorithm>', 'digest for each file or shard')
        .choices(HASH_ALGORITHMS)
        .default('sha256'),
    )
    .action(
      async (
        dir: string,
        opts: {
          key: string;
          out: string;
          ignore: string[];
          shardSize?: string;
          hash: HashAlgorithm;
        },
      ) => {
        const shardSize = opts.shardSize === undefined ? undefined : positiveInt(opts.shardSize);
        const key = loadPrivateKey(await readText(opts.key));
        const { bundle, manifest } = await signModel({
          model: dir,
          key,
          signaturePath: opts.out,
          ignore: opts.ignore,
          ...(shardSize === undefined ? {} : { shardSize }),
          algorithm: opts.hash,
        });
        await writeFile(opts.out, bundle);
        context.out.data(
          { signed: manifest.modelName, resources: manifest.resources.length, signature: opts.out },
          () =>
            `Signed ${manifest.modelName}: ${manifest.resources.length} resources -> ${opts.out}`,
        );
      },
    );

  model
    .command('verify')
    .description('verify a model or dataset against its signature; exit 1 if anything differs')
    .argument('<dir>', 'the model directory or file')
    .requiredOption('--sig <sig>', 'the signature file')
    .option('--pub <pub>', 'public key (PEM) the model was signed with')
    .option('--cert-chain <pem>', 'trusted root certificate(s) (PEM) for certificate signatures')
    .option('--identity <id>', 'keyless: the signer identity (certificate SAN, e.g. an email)')
    .option('--issuer <url>', 'keyless: the OIDC issuer of that identity')
    .option('--ignore <path>', 'also skip this file or directory (repeatable)', collect, [])
    .option('--log <url>', "also check the signature is in this server's transparency log")
    .option('--log-key <key>', "the log's verifier key (pin it; default: asked from the server)")
    .action(
      async (
        dir: string,
        opts: {
          sig: string;
          pub?: string;
          certChain?: string;
          identity?: string;
          issuer?: string;
          ignore: string[];
          log?: string;
          logKey?: string;
        },
      ) => {
        const trust = await trustInput(opts);
        if (opts.logKey !== undefined && opts.log === undefined)
          throw usage('--log-key goes with --log URL.');
        const result = await verifyModel({
          model: dir,
          signaturePath: opts.sig,
          trust,
          ignore: opts.ignore,
          now: new Date(),
        });
        const log = opts.log === undefined || !result.valid ? undefined : await logCheck(opts);
        const valid = result.valid && (log === undefined || log.inLog);
        context.out.data(log === undefined ? result : { ...result, valid, log }, () =>
          result.valid
            ? `Valid: ${result.modelName} (${result.files} files) matches its signature.${log === undefined ? '' : formatLog(log)}`
            : `INVALID: ${result.reason}.${result.diff === undefined ? '' : formatDiff(result.diff)}`,
        );
        if (!valid) context.out.setExitCode(1);
      },
    );

  registerScan(model, context);
  registerBom(model, context);
  registerAttest(model, context);
  registerRegistryCommands(model, context);
  registerKeyCommands(model, context);
}

async function logCheck(opts: { sig: string; log?: string; logKey?: string }) {
  let url: URL;
  try {
    url = new URL(opts.log ?? '');
  } catch {
    throw usage('--log must be the URL of a Shieldwall server.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw usage('--log must be an http(s) URL.');
  const { checkSignatureInLog } = await import('./registry/log-check.js');
  return checkSignatureInLog({
    server: url.origin,
    bundle: Buffer.from(await readText(opts.sig, 64 * 1024 * 1024), 'utf8'),
    ...(opts.logKey === undefined ? {} : { logKey: opts.logKey }),
  });
}

function formatLog(log: {
  inLog: boolean;
  reason?: string;
  index?: number;
  origin?: string;
  keySource: string;
}): string {
  if (!log.inLog) return `\nNOT IN THE LOG: ${log.reason}.`;
  const pin =
    log.keySource === 'server'
      ? ' (log key taken from the server itself; pin it with --log-key)'
      : '';
  return `\nIn the transparency log ${log.origin} at entry ${log.index}, proven against its signed checkpoint${pin}.`;
}

const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function registerAttest(model: Command, context: CliContext): void {
  const attest = model
    .command('attest')
    .description('SLSA v1 provenance: which datasets and code commit produced a model');
  attest
    .command('create')
    .description('sign provenance for a training run')
    .argument('<dir>', 'the trained model directory')
    .requiredOption('--repo <url>', 'the training code repository')
    .requiredOption('--commit <sha>', 'the full git commit of the training code')
    .requiredOption('--key <key>', 'private key (PEM)')
    .requiredOption('--out <file>', 'where to write the signed attestation')
    .option('--dataset <dir>', 'a dataset the run trained on (repeatable)', collect, [])
    .option('--builder <id>', 'who or what ran the training', 'https://shieldwall.dev/cli')
    .option('--ignore <path>', 'skip this model file or directory (repeatable)', collect, [])
    .action(
      async (
        dir: string,
        opts: {
          repo: string;
          commit: string;
          key: string;
          out: string;
          dataset: string[];
          builder: string;
          ignore: string[];
        },
      ) => {
        if (!COMMIT.test(opts.commit))
          throw usage('--commit must be a full git commit (40 or 64 hex digits).');
        const { attestTraining } = await import('./attestation.js');
        const { bundle, run } = await attestTraining({
          model: dir,
          datasets: opts.dataset,
          repository: opts.repo,
          commit: opts.commit,
          builderId: opts.builder,
          key: loadPrivateKey(await readText(opts.key)),
          ignore: opts.ignore,
        });
        await writeFile(opts.out, bundle);
        context.out.data(
          run,
          () => `Attested ${run.model.name} (${run.datasets.length} datasets) -> ${opts.out}`,
        );
      },
    );
  attest
    .command('verify')
    .description('verify the chain dataset -> training run -> model; exit 1 if any link fails')
    .argument('<attestation>', 'the signed attestation')
    .requiredOption('--pub <pub>', 'public key (PEM)')
    .requiredOption('--model <dir>', 'the model directory to check')
    .option('--dataset <dir>', 'a dataset that must have been used (repeatable)', collect, [])
    .option('--commit <sha>', 'the code commit that must have been used')
    .option('--ignore <path>', 'skip this model file or directory (repeatable)', collect, [])
    .action(
      async (
        file: string,
        opts: { pub: string; model: string; dataset: string[]; commit?: string; ignore: string[] },
      ) => {
        const { verifyTrainingChain } = await import('./attestation.js');
        const result = await verifyTrainingChain({
          bundleText: await readText(file, 64 * 1024 * 1024),
          publicKeyPem: await readText(opts.pub),
          model: opts.model,
          datasets: opts.dataset,
          ignore: opts.ignore,
          ...(opts.commit === undefined ? {} : { commit: opts.commit }),
        });
        context.out.data(result, () =>
          result.valid
            ? `Valid: ${result.run?.model.name} was trained from commit ${result.run?.code.commit} on ${result.run?.datasets.length} dataset(s).`
            : `INVALID:\n${result.problems.map((p) => `  ${p}`).join('\n')}`,
        );
        if (!result.valid) context.out.setExitCode(1);
      },
    );
}

function registerBom(model: Command, context: CliContext): void {
  model
    .command('bom')
    .description('write a CycloneDX 1.6 ML-BOM (model card, datasets, file hashes, licence)')
    .argument('<dir>', 'the model directory')
    .option('--name <name>', 'model name (default: the directory name)')
    .option('--model-version <version>', 'model version')
    .option('--license <spdx>', 'SPDX licence id of the model, e.g. Apache-2.0')
    .option('--card <json>', 'a CycloneDX modelCard object (JSON file)')
    .option('--dataset <dir>', 'a dataset the model was trained on (repeatable)', collect, [])
    .option('--ignore <path>', 'skip this file or directory (repeatable)', collect, [])
    .option('--out <file>', 'write the BOM here instead of standard output')
    .action(
      async (
        dir: string,
        opts: {
          name?: string;
          modelVersion?: string;
          license?: string;
          card?: string;
          dataset: string[];
          ignore: string[];
          out?: string;
        },
      ) => {
        const { buildMlBom } = await import('./ml-bom.js');
        let modelCard: Record<string, unknown> | undefined;
        if (opts.card !== undefined) {
          const parsed: unknown = JSON.parse(await readText(opts.card).catch(() => 'null'));
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            throw usage('--card must be a JSON file holding one object.');
          modelCard = parsed as Record<string, unknown>;
        }
        const bom = await buildMlBom({
          model: dir,
          datasets: opts.dataset,
          ignore: opts.ignore,
          serialNumber: `urn:uuid:${randomUUID()}`,
          timestamp: new Date(),
          ...(opts.name === undefined ? {} : { name: opts.name }),
          ...(opts.modelVersion === undefined ? {} : { version: opts.modelVersion }),
          ...(opts.license === undefined ? {} : { license: opts.license }),
          ...(modelCard === undefined ? {} : { modelCard }),
        });
        const text = `${JSON.stringify(bom, null, 2)}\n`;
        if (opts.out === undefined) context.out.data(bom, () => text.trimEnd());
        else {
          await writeFile(opts.out, text);
          context.out.data(
            { bom: opts.out },
            () => `ML-BOM (CycloneDX 1.6, schema-valid) -> ${opts.out}`,
          );
        }
      },
    );
}

function registerScan(model: Command, context: CliContext): void {
  model
    .command('scan')
    .description('look for code that would run when model files are loaded; exit 1 on findings')
    .argument('<dir>', 'the model directory or file')
    .action(async (dir: string) => {
      const { scanModel } = await import('./model-scanner.js');
      const files = await scanModel(dir);
      const unsafe = files.filter((f) => !f.safe);
      context.out.data({ files, unsafe: unsafe.length }, () => formatScan(files));
      if (unsafe.length > 0) context.out.setExitCode(1);
    });
}

function formatScan(files: readonly FileScan[]): string {
  if (files.length === 0)
    return 'No model files to scan (pickle, PyTorch, joblib, safetensors, GGUF).';
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`${f.safe ? 'ok    ' : 'UNSAFE'} ${f.path} (${f.format})`);
    for (const x of f.findings)
      lines.push(
        `         ${x.entry === undefined ? '' : `${x.entry} `}@${x.offset} ${x.opcode}: ${x.detail}`,
      );
  }
  return lines.join('\n');
}

async function trustInput(opts: {
  pub?: string;
  certChain?: string;
  identity?: string;
  issuer?: string;
}): Promise<TrustInput> {
  const keyless = opts.identity !== undefined || opts.issuer !== undefined;
  const given = [opts.pub !== undefined, opts.certChain !== undefined, keyless].filter(
    Boolean,
  ).length;
  if (given !== 1)
    throw usage('Give exactly one of --pub, --cert-chain, or --identity with --issuer.');
  if (opts.pub !== undefined) return { kind: 'key', publicKeyPem: await readText(opts.pub) };
  if (opts.certChain !== undefined)
    return { kind: 'certificate', rootsPem: await readText(opts.certChain) };
  if (opts.identity === undefined || opts.issuer === undefined)
    throw usage('Keyless verification needs both --identity and --issuer.');
  return { kind: 'keyless', identity: opts.identity, issuer: opts.issuer };
}

function formatDiff(diff: ManifestDiff): string {
  const lines: string[] = [];
  for (const f of diff.modified) lines.push(`  modified: ${f}`);
  for (const f of diff.added) lines.push(`  added:    ${f}`);
  for (const f of diff.removed) lines.push(`  removed:  ${f}`);
  return lines.length === 0 ? '' : `\n${lines.join('\n')}`;
}

function positiveInt(text: string): number {
  const n = Number(text);
  if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(n) || n <= 0)
    throw usage('--shard-size must be a positive whole number of bytes.');
  return n;
}

/** Keys and certificates are small; anything over 1 MB is not one. */
async function readText(path: string, max = 1024 * 1024): Promise<string> {
  try {
    const data = await readFile(path);
    if (data.length > max) throw new Error('too large');
    return data.toString('utf8');
  } catch (cause) {
    throw provenanceErrors.create('key_unreadable', { message: `Cannot read ${path}.`, cause });
  }
}
