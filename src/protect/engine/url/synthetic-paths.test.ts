import { describe, expect, it } from 'vitest';
import { withSyntheticPath } from './synthetic-paths.js';
import { URL_HOST_FEATURE_COUNT, urlFeatureVector } from './url-features.js';

describe('withSyntheticPath', () => {
  it('is deterministic and keeps the origin', () => {
    const a = withSyntheticPath('https://bbc.co.uk/', 1);
    expect(withSyntheticPath('https://bbc.co.uk/', 1)).toBe(a);
    expect(a.startsWith('https://bbc.co.uk/')).toBe(true);
    expect(a.length).toBeGreaterThan('https://bbc.co.uk/'.length);
  });

  it('varies with the seed and the host', () => {
    const paths = new Set(
      [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => withSyntheticPath('https://example.org/', seed)),
    );
    expect(paths.size).toBeGreaterThan(4);
  });

  it('never changes host features', () => {
    for (const url of ['https://paypal.com/', 'https://secure-login.top/', 'http://192.168.0.1/']) {
      const before = urlFeatureVector(url).slice(0, URL_HOST_FEATURE_COUNT);
      const after = urlFeatureVector(withSyntheticPath(url, 3)).slice(0, URL_HOST_FEATURE_COUNT);
      expect([...after]).toEqual([...before]);
    }
  });
});
