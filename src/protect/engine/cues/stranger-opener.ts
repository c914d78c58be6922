/**
 * "Hi, is this Jenny?": a first message that asks whether it has reached a named person. Romance
 * and investment scams open this way to start a chat with whoever answers; a friend or a business
 * that has your number says who they are and uses your name ("Hi Jenny, it's Mark"). Read on the
 * text as written, because a name is told from a word by its capital ("is this true?" is not an
 * opener), and only near the start, where an opener is.
 */
import type { Evidence, Reason } from '../types.js';

export const STRANGER_OPENER_CODE = 'cue.stranger_opener';
/** The same prior weight as the phrase cue of the same code (cue-table.ts). */
const WEIGHT = 1.2;
/** An opener is in the first sentence or two. */
const REACH = 80;

/**
 * "is this Jenny?", "Is this Dr. Patel's office?", "is this Mark Stevens?", "am I speaking to
 * Linda?", "is this still Amy's number?", "Is Kevin there?", "is Mr. Robert available?". Bounded
 * repeats and no nested quantifiers: linear.
 */
const NAME = '((?:(?:Dr|Mr|Mrs|Ms|Miss)\\.? )?[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)';
const ASKED_FOR_A_NAME = new RegExp(
  `(?:^|[\\s,.!;:])(?:(?:[Ii]s this(?: still)?|[Aa]m I (?:speaking|talking) (?:to|with)) ${NAME}(?:'s (?:number|phone|cell|mobile|office|clinic|house))?|[Ii]s ${NAME} (?:there|available|around|in))\\s?\\?`,
);

/** Capitalised words that are not names ("Is this OK?", "Is this True?"), and family. */
const NOT_A_NAME = new Set([
  'It',
  'This',
  'That',
  'The',
  'You',
  'Your',
  'Ok',
  'Okay',
  'Real',
  'True',
  'Right',
  'Correct',
  'Legit',
  'Safe',
  'Fine',
  'Free',
  'Normal',
  'Allowed',
  'Possible',
  'Available',
  'Me',
  'Him',
  'Her',
  'Them',
  'Us',
  'Yours',
  'Mine',
  'Spam',
  'Scam',
  'Fake',
  'Genuine',
  'Official',
  'Working',
  // Family, asked for on someone else's phone: "Is Dad there? My phone's about to die".
  'Mum',
  'Mom',
  'Mam',
  'Dad',
  'Nan',
  'Gran',
  'Grandma',
  'Grandpa',
  'Granny',
  'Grandad',
  'Auntie',
  'Aunty',
  'Uncle',
]);

/** True when `excerpt` (a reason's evidence) is such a question asked of a name. */
export function asksForAName(excerpt: string): boolean {
  const m = ASKED_FOR_A_NAME.exec(excerpt);
  return m !== null && !NOT_A_NAME.has(firstName((m[1] ?? m[2]) as string));
}

function firstName(name: string): string {
  return name.replace(/^(?:Dr|Mr|Mrs|Ms|Miss)\.? /, '').split(' ')[0] as string;
}

export function strangerOpener(text: string, field: Evidence['field']): Reason | undefined {
  const head = text.slice(0, REACH + 40);
  const m = ASKED_FOR_A_NAME.exec(head);
  if (m === null) return undefined;
  if (NOT_A_NAME.has(firstName((m[1] ?? m[2]) as string))) return undefined;
  const start = m.index + (m[0].length - m[0].trimStart().length);
  if (start > REACH) return undefined;
  const end = m.index + m[0].length;
  const match = text.slice(start, end).trim();
  return {
    code: STRANGER_OPENER_CODE,
    message: '',
    params: { match },
    source: 'cue',
    weight: WEIGHT,
    evidence: { field, start, end, excerpt: text.slice(start, end) },
  };
}
