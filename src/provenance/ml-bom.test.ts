/** The ML-BOM validates against the official CycloneDX 1.6 schema, and carries what it says. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMlBom, schemaValidator } from './ml-bom.js';

const work = mkdtempSync(join(tmpdir(), 'sw-bom-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const model = join(work, 'tiny-model');
const data = join(work, 'train-set');
mkdirSync(model);
mkdirSync(data);
writeFileSync(join(model, 'model.safetensors'), 'weights');
writeFileSync(join(model, 'config.json'), '{}');
writeFileSync(join(data, 'rows.jsonl'), '{"x":1}\n');

const base = {
  model,
  datasets: [data],
  ignore: [],
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  timestamp: new Date('2026-01-02T03:04:05Z'),
};

describe('model bom', () => {
  it('builds a valid CycloneDX 1.6 ML-BOM with model card, datasets, hashes and licence', async () => {
    const bom = await buildMlBom({
      ...base,
      version: '1.0.0',
      license: 'Apache-2.0',
      modelCard: {
        modelParameters: { task: 'text-classification', architectureFamily: 'logistic regression' },
      },
    });
    expect(schemaValidator()(bom)).toBe(true);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    const c = (bom.metadata as { component: Record<string, unknown> }).component;
    expect(c).toMatchObject({
      type: 'machine-learning-model',
      name: 'tiny-model',
      version: '1.0.0',
    });
    expect(JSON.stringify(c.licenses)).toContain('Apache-2.0');
    expect(c.modelCard).toMatchObject({
      modelParameters: { task: 'text-classification', datasets: [{ ref: 'data:train-set' }] },
    });
    const files = c.components as { name: string; hashes: { alg: string; content: string }[] }[];
    expect(files.map((f) => f.name).sort()).toEqual(['config.json', 'model.safetensors']);
    expect(files.find((f) => f.name === 'config.json')?.hashes[0]).toEqual({
      alg: 'SHA-256',
      content: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    });
    expect((bom.components as { type: string; name: string }[])[0]).toMatchObject({
      type: 'data',
      name: 'train-set',
    });
  });

  it('refuses a model card the schema rejects, and the validator is not a rubber stamp', async () => {
    await expect(
      buildMlBom({ ...base, modelCard: { modelParameters: { task: 42 } } }),
    ).rejects.toMatchObject({
      code: 'bom_invalid',
    });
    const bom = await buildMlBom(base);
    expect(schemaValidator()({ ...bom, specVersion: 1.6 })).toBe(false);
  });
});
