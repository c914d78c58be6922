/**
 * What the round generators (generate-round5-prompts.ts, generate-round6-prompts.ts) share:
 * drawing from a list, the held-out rule, and items set into frames.
 */
import type { Prng } from '../../../platform/engine-kit/model/prng.js';
import type { PromptLabel } from '../types.js';
import type { TacticRecord } from './generate-tactic-prompts.js';

export const pick = <T>(items: readonly T[], prng: Prng): T =>
  items[Math.floor(prng.next() * items.length)] as T;

/** Every fourth item is held out. */
export const held = (i: number): boolean => i % 4 === 3;

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One item to set into every frame, with its label, source and place in its list. */
export interface FramedItem {
  readonly item: string;
  readonly label: PromptLabel;
  readonly source: string;
  /** Its place in its list: every fourth is held out. */
  readonly index: number;
}

/**
 * Each item in each frame (`slot` in the frame's text replaced by the item), labelled as the item
 * is, sourced `<source>-t<frame>`; held out when the item or the frame is.
 */
export function framedItems(
  items: readonly FramedItem[],
  frames: readonly { readonly text: string; readonly heldout?: boolean }[],
  slot: string,
  add: (r: TacticRecord) => void,
): void {
  for (const { item, label, source, index } of items)
    for (const [t, frame] of frames.entries())
      add({
        text: frame.text.replace(slot, item),
        label,
        defensive: false,
        split: held(index) || frame.heldout === true ? 'heldout' : 'train',
        source: `${source}-t${t}`,
      });
}

/** `framedItems` for whole lists, each with one label and source. */
export function framed(
  lists: readonly (readonly [readonly string[], PromptLabel, string])[],
  frames: readonly { readonly text: string; readonly heldout?: boolean }[],
  slot: string,
  add: (r: TacticRecord) => void,
): void {
  const items = lists.flatMap(([list, label, source]) =>
    list.map((item, index) => ({ item, label, source, index })),
  );
  framedItems(items, frames, slot, add);
}
