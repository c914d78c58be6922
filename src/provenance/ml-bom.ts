/**
 * `shieldwall model bom`: a CycloneDX 1.6 ML-BOM for a model directory. The model is a
 * `machine-learning-model` component with its files (SHA-256 each) as sub-components and its
 * OMS root digest as a property; datasets are `data` components referenced from the model
 * card. Built with @cyclonedx/cyclonedx-library (which has no `modelCard` model), then the
 * model card is added and the whole document validated with ajv against the official
 * CycloneDX 1.6 JSON schema shipped with that library.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { rootDigest } from './engine/oms-statement.js';
import { provenanceErrors } from './errors.js';
import { DEFAULT_IGNORES, hashModel, sha256 } from './model-hasher.js';

export interface BomOptions {
  readonly model: string;
  readonly name?: string;
  readonly version?: string;
  /** SPDX licence id of the model. */
  readonly license?: string;
  /** A CycloneDX `modelCard` object (validated by the schema). */
  readonly modelCard?: Record<string, unknown>;
  readonly datasets: readonly string[];
  readonly ignore: readonly string[];
  /** Serial number (urn:uuid:…) and timestamp, passed in for reproducible output. */
  readonly serialNumber: string;
  readonly timestamp: Date;
}

async function component(
  dir: string,
  type: Enums.ComponentType,
  name: string | undefined,
  ignore: readonly string[],
): Promise<{ component: Models.Component; digest: string }> {
  const manifest = await hashModel(dir, {
    method: 'files',
    ignorePaths: [...DEFAULT_IGNORES, ...ignore],
  });
  const digest = rootDigest(manifest.resources, sha256);
  const c = new Models.Component(type, name ?? manifest.modelName, {
    bomRef: `${type}:${name ?? manifest.modelName}`,
  });
  c.properties.add(new Models.Property('oms:root-digest:sha256', digest));
  for (const r of manifest.resources) {
    const file = new Models.Component(Enums.ComponentType.File, r.name, {
      bomRef: `${c.bomRef.value}/${r.name}`,
    });
    file.hashes.set(Enums.HashAlgorithm['SHA-256'], r.digest);
    c.components.add(file);
  }
  return { component: c, digest };
}

/** The ML-BOM as a plain JSON object, validated against the CycloneDX 1.6 schema. */
export async function buildMlBom(options: BomOptions): Promise<Record<string, unknown>> {
  const bom = new Models.Bom({ serialNumber: options.serialNumber });
  bom.metadata.timestamp = options.timestamp;
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'shieldwall'),
  );
  const model = await component(
    options.model,
    Enums.ComponentType.MachineLearningModel,
    options.name,
    options.ignore,
  );
  if (options.version !== undefined) model.component.version = options.version;
  if (options.license !== undefined)
    model.component.licenses.add(new Models.SpdxLicense(options.license));
  bom.metadata.component = model.component;
  const datasetRefs: string[] = [];
  for (const d of options.datasets) {
    const ds = await component(d, Enums.ComponentType.Data, undefined, []);
    datasetRefs.push(ds.component.bomRef.value ?? '');
    bom.components.add(ds.component);
  }
  const factory = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6);
  const json = factory.makeForBom().normalize(bom, { sortLists: false }) as unknown as Record<
    string,
    unknown
  >;
  const card: Record<string, unknown> = { ...(options.modelCard ?? {}) };
  if (datasetRefs.length > 0) {
    const params = (card.modelParameters ?? {}) as Record<string, unknown>;
    const existing = Array.isArray(params.datasets) ? params.datasets : [];
    card.modelParameters = {
      ...params,
      datasets: [...existing, ...datasetRefs.map((ref) => ({ ref }))],
    };
  }
  const metadata = json.metadata as { component: Record<string, unknown> };
  if (Object.keys(card).length > 0) metadata.component.modelCard = card;
  const validate = schemaValidator();
  if (!validate(json))
    throw provenanceErrors.create('bom_invalid', {
      message: `The ML-BOM does not validate against CycloneDX 1.6: ${validate.errors
        ?.slice(0, 3)
        .map((e) => `${e.instancePath} ${e.message}`)
        .join('; ')}`,
    });
  return json;
}

let validator: ValidateFunction | undefined;

/** Ajv validator for the official CycloneDX 1.6 JSON schema (from the library's `res/schema`). */
export function schemaValidator(): ValidateFunction {
  if (validator !== undefined) return validator;
  const require = createRequire(import.meta.url);
  const dir = join(
    dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')),
    'res/schema',
  );
  const load = (f: string) =>
    JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  // ajv-formats is CommonJS: its function is the module's default export.
  (formats as unknown as { default: (a: Ajv) => void }).default(ajv);
  // Formats ajv-formats lacks: accepted unchecked (we only ever write URLs and e-mails we were given).
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  // The BOM schema refers to these by file name, relative to its own $id.
  for (const f of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
    const { $id: _id, ...schema } = load(f);
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${f}`);
  }
  validator = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
  return validator;
}
