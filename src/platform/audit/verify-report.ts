/**
 * What `verify` reports: every problem, named by entry index in plain words.
 * Consecutive entries with the same problem are merged into one range (so a
 * renumbered tail reads as one finding, not ten thousand), and the list is
 * capped so memory stays constant however damaged the log is.
 */

export type VerifyProblemKind =
  /** Indexes are missing: entries were removed. */
  | 'index_gap'
  /** The same index is stored more than once. */
  | 'index_duplicate'
  /** An index that can never exist (negative). */
  | 'index_invalid'
  /** The entry's own record (or its tree head) names another position: reordered or renumbered. */
  | 'entry_moved'
  /** The stored content no longer hashes to the stored leaf hash. */
  | 'content_modified'
  /** The signed tree head of this entry does not match the tree built from the entries up to it. */
  | 'root_mismatch'
  /** The entry could not be tied to any signed tree head (it follows an earlier problem). */
  | 'tree_unverified'
  /** Stored proof hashes completed by this entry are missing or wrong (proofs would fail). */
  | 'node_mismatch'
  /** The signature over this entry's tree head is not valid for this log's key. */
  | 'signature_invalid'
  /** The witness checkpoint given is not a checkpoint signed by this log. */
  | 'witness_invalid'
  /** At the witness checkpoint's size the log's root differs: history was rewritten. */
  | 'witness_mismatch'
  /** The log is smaller than the witness checkpoint: entries at the end were removed. */
  | 'truncated';

export interface VerifyProblem {
  readonly kind: VerifyProblemKind;
  /** First entry concerned; null when the problem is not about an entry (a bad checkpoint file). */
  readonly index: number | null;
  /** Last entry concerned, when it is a range. */
  readonly lastIndex?: number;
  readonly message: string;
}

export interface VerifyReport {
  /** True when no problem was found. */
  readonly ok: boolean;
  readonly origin: string;
  /** Last index seen + 1. */
  readonly treeSize: number;
  /** Root stored with the last entry, hex; null for an empty log. */
  readonly root: string | null;
  readonly entriesChecked: number;
  readonly problems: readonly VerifyProblem[];
  /** Problems beyond the cap that were counted but not listed. */
  readonly problemsOmitted: number;
  /** Present when a witness checkpoint was given and could be read. */
  readonly witness?: { readonly size: number; readonly root: string; readonly consistent: boolean };
}

export const MAX_LISTED_PROBLEMS = 1000;

interface Draft {
  kind: VerifyProblemKind;
  index: number | null;
  lastIndex: number | null;
  detail: string | undefined;
}

export class ProblemList {
  readonly #drafts: Draft[] = [];
  readonly #lastOfKind = new Map<VerifyProblemKind, Draft>();
  #omitted = 0;

  get count(): number {
    return this.#drafts.length + this.#omitted;
  }

  get omitted(): number {
    return this.#omitted;
  }

  /** Record a problem for entries index..lastIndex (or none: index null). */
  add(kind: VerifyProblemKind, index: number | null, lastIndex?: number, detail?: string): void {
    const last = this.#lastOfKind.get(kind);
    const end = lastIndex ?? index;
    if (
      last !== undefined &&
      index !== null &&
      last.lastIndex !== null &&
      last.lastIndex + 1 === index
    ) {
      last.lastIndex = end;
      last.detail = undefined; // a range gets the general wording
      return;
    }
    if (this.#drafts.length >= MAX_LISTED_PROBLEMS) {
      this.#omitted++;
      return;
    }
    const draft: Draft = { kind, index, lastIndex: end, detail };
    this.#drafts.push(draft);
    this.#lastOfKind.set(kind, draft);
  }

  list(): VerifyProblem[] {
    return this.#drafts.map((d) => ({
      kind: d.kind,
      index: d.index,
      ...(d.lastIndex !== null && d.lastIndex !== d.index ? { lastIndex: d.lastIndex } : {}),
      message: describe(d),
    }));
  }
}

function entries(d: Draft): string {
  if (d.index === null) return '';
  return d.lastIndex !== null && d.lastIndex !== d.index
    ? `Entries ${d.index}–${d.lastIndex}`
    : `Entry ${d.index}`;
}

function describe(d: Draft): string {
  const who = entries(d);
  const plural = d.lastIndex !== null && d.lastIndex !== d.index;
  const detail = d.detail === undefined ? '' : ` (${d.detail})`;
  switch (d.kind) {
    case 'index_gap':
      return `${who} ${plural ? 'are' : 'is'} missing: removed from the log.`;
    case 'index_duplicate':
      return `${who} ${plural ? 'are' : 'is'} stored more than once.`;
    case 'index_invalid':
      return `${who} ${plural ? 'have' : 'has'} an index that cannot exist.`;
    case 'entry_moved':
      return `${who} ${plural ? 'are' : 'is'} not where ${plural ? 'they were' : 'it was'} written${detail}: entries were reordered or renumbered.`;
    case 'content_modified':
      return `${who} ${plural ? 'were' : 'was'} changed: the content no longer matches its recorded hash${detail}.`;
    case 'root_mismatch':
      return `${who}: the signed tree head does not match the entries up to ${plural ? 'them' : 'it'} — an entry up to here was changed, reordered or removed.`;
    case 'tree_unverified':
      return `${who} could not be tied to a signed tree head (${plural ? 'they follow' : 'it follows'} an earlier problem).`;
    case 'node_mismatch':
      return `${who}: the stored proof hashes ${plural ? 'they complete' : 'it completes'} are missing or wrong, so proofs for ${plural ? 'them' : 'it'} would fail.`;
    case 'signature_invalid':
      return `${who}: the signature over the tree head is not valid for this log's key.`;
    case 'witness_invalid':
      return `The checkpoint you gave is not one signed by this log${detail}.`;
    case 'witness_mismatch':
      return `${who}: at this size the log differs from the checkpoint you kept${detail} — its history was rewritten.`;
    case 'truncated':
      return `${who} ${plural ? 'are' : 'is'} gone: the checkpoint you kept shows more entries than the log has, so entries at the end were removed.`;
  }
}
