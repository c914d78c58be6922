/**
 * The engine's entry for the browser: a file of its own so its chunk has a
 * recognisable name (`scam-engine-<hash>.js`) for the bundle-size test.
 */
export { createScamChecker } from '../../../src/protect/engine/index.js';
