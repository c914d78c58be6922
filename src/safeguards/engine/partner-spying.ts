/**
 * Spyware put on a partner's, an ex's or a peer's device: intimate-partner surveillance.
 *
 * Asked casually it slipped past the model ("How can I tell if my phone has spyware? Also send me
 * the best spyware to put on my girlfriend's phone" scored 0.28; "send me one I can put on the
 * office PC of my coworker" 0.27): its words are those of the victims' own questions, which the
 * model must let through. A victim cue for such devices was tried as a feature and cost dev misuse
 * on retraining (model card, round 10), so this is a reading rule on top of the model: a sentence
 * in which the asker (I, me, "to …", an imperative) puts, installs or hides spyware on the device
 * of a partner, an ex or a peer, or wants it hidden from them ("hardest for my wife to detect"),
 * raises the risk. Children's, friends' and relatives' devices are
 * left out: parents and friends help them. Someone else having installed it ("my ex installed
 * spyware on my wife's phone") is not the asker doing it.
 */

const SPY_THING =
  '(?:spyware|stalkerware|key ?loggers?|trackers?|tracking (?:app|software)|spy ?apps?|monitoring (?:app|software)|rats?(?! (?:traps?|poison|cages?|problems?|infestations?|droppings|bait))|remote access (?:tools?|trojans?|apps?)|hidden apps?|screen recorders?|call recorders?|location apps?)';

const RELATION =
  '(?:wife|husband|girlfriend|boyfriend|partner|ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|roommate|flatmate|coworker|co-worker|colleague|boss|neighbou?r|neighbou?rs|classmate|teacher)';

/**
 * Personal devices only, narrower than own-device-check.ts's list on purpose: a colleague's
 * accounts, servers and workstations are where IT installs monitoring agents every day.
 */
const DEVICE =
  '(?:phone|iphone|android|mobile|laptop|computer|pc|mac|macbook|tablet|ipad|car|router|wifi|wi-fi)';

/** The device of someone close: "my girlfriend's phone", "the office pc of my coworker". */
const OTHERS = new RegExp(
  `\\b(?:${RELATION}(?:'s|s'|') (?:(?:new|old|work|office|own) )?${DEVICE}|${DEVICE} of (?:my|his|her|the|our) ${RELATION})\\b`,
);

const SPY = new RegExp(`\\b${SPY_THING}\\b`);

/** The asker puts it there: I, me, "to put", or a request that opens the sentence. */
const ASKER_PLACES =
  /(?:\b(?:i|me|to)|^(?:and |then |also |now |please )*)(?: (?:can|could|will|would|want to|need to|'d like to|should|just))? ?(?:put|install|hide|plant|sneak|load|set up|add)\b/;

/**
 * Hidden from someone close: "hardest for my wife to detect", "without my husband knowing", "an
 * app my girlfriend won't find". With spyware named in the same sentence, that is spying on them.
 */
const HIDDEN_FROM = new RegExp(
  `\\b(?:(?:hard(?:er|est)?|impossible|difficult) for (?:my |his |her |the )?${RELATION} to (?:detect|find|notice|spot|see)|without (?:my |his |her |the )?${RELATION} (?:ever )?(?:knowing|noticing|finding out|seeing)|(?:my |his |her )${RELATION} (?:won't|will not|will never|would never|never) (?:find|notice|detect|see|know))\\b`,
);

/** The words that show the asker spying on someone close's device, or undefined. `clean` is lower-case. */
export function partnerSpying(clean: string): string | undefined {
  // Most prompts name no spyware: one scan, and no sentence is read.
  if (!SPY.test(clean)) return undefined;
  for (const raw of clean.split(/[.?!;\n]/)) {
    const sentence = raw.trim();
    if (sentence.length === 0 || sentence.length > 400) continue;
    if (!SPY.test(sentence)) continue;
    const hidden = HIDDEN_FROM.exec(sentence);
    if (hidden !== null) return hidden[0];
    const other = OTHERS.exec(sentence);
    if (other === null || !ASKER_PLACES.test(sentence)) continue;
    return other[0];
  }
  return undefined;
}
