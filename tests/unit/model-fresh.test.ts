import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packedModelSource } from '../../scripts/train-model';

describe('the shipped model', () => {
  it('is the one the corpus in the repository trains (run scripts/train-model.ts after changing the corpus)', () => {
    const shipped = readFileSync(new URL('../../utils/detect/general/model-data.ts', import.meta.url), 'utf8');
    expect(shipped === packedModelSource(), 'utils/detect/general/model-data.ts is stale: node --import tsx scripts/train-model.ts').toBe(true);
    expect(shipped.length).toBeLessThan(300 * 1024);
  });
});
