import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainSafeguards } from '../../scripts/train-safeguards.js';
import { SAFEGUARDS_MODEL_PATH } from './load-model.js';

describe('the committed safeguards model', () => {
  it('is exactly what `npm run train:safeguards` produces, and under 1 MB', () => {
    const committed = readFileSync(SAFEGUARDS_MODEL_PATH, 'utf8');
    expect(committed.length).toBeLessThan(1024 * 1024);
    const { file } = trainSafeguards((JSON.parse(committed) as { created: string | null }).created);
    expect(`${JSON.stringify(file)}\n`).toBe(committed);
  }, 60_000);
});
