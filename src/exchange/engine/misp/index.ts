/**
 * MISP interoperability for the exchange module: MISP event JSON in (as
 * STIX 2.1 objects that then go through the same validation as any bundle),
 * MISP events out (for MISP-compatible feeds). Pure.
 *
 * @example
 * const converted = mispEventToStix(JSON.parse(eventJson));
 * const { event } = stixToMispEvent(objects, { uuid, info, timestamp, org });
 */
export {
  MAX_MISP_ATTRIBUTES,
  type MispConversion,
  type MispRejection,
  mispEventToStix,
} from './misp-to-stix.js';
export { type MispEventMeta, type MispExport, stixToMispEvent } from './stix-to-misp.js';
