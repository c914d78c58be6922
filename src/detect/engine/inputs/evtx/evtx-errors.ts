/** Thrown inside the EVTX parser for damaged input; caught per record / chunk and reported. */
export class EvtxFormatError extends Error {
  override readonly name = 'EvtxFormatError';
}
