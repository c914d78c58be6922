/**
 * Shieldwall's own checker as a "peer", so the peer suite measures it on the
 * same messages in the same run. It flags a message when the verdict is
 * `scam` (its strict threshold, like the peers' stock spam threshold);
 * `suspicious` is not counted. In-process on one core, where each peer has
 * two server workers.
 */
import { createScamChecker } from '../../src/protect/engine/index.js';
import { loadScamModelFiles } from '../../src/protect/load-models.js';
import type { Peer } from './peer-types.js';

export async function startShieldwall(): Promise<Peer> {
  const checker = createScamChecker({ models: loadScamModelFiles() });
  return {
    name: 'shieldwall',
    cores: 1,
    classify: async (raw) => checker.check({ kind: 'email', content: '', raw }).verdict === 'scam',
    stop: async () => {},
  };
}
