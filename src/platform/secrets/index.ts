export { createSealer, loadOrCreateSecretKey, type Sealer } from './sealer.js';
