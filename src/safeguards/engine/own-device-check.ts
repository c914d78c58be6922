/**
 * A person checking their own phone, laptop or account for what someone may have put on it.
 *
 * "How can I tell if my phone has stalkerware on it? My ex had access to it" was blocked at 0.94:
 * the hashed words that name the spyware and the person outweigh the words that say whose device
 * it is, and training on such questions cost as much misuse detection as it gained (model card,
 * round 10). How to find and remove spyware on one's own device is never the harm, so such a
 * question is held at `monitor` (still logged for review) — but only when nothing else in it asks
 * for an attack: no build request, no code, no evasion or stealth, no planted orders, nothing
 * decoded or unwrapped, and no other person's device ("my ex's phone", "her laptop").
 */
import type { CueHit } from './cues.js';
import type { IntentReading } from './intent-clauses.js';

const DEVICE =
  '(?:own )?(?:(?:work|home|family|personal|old|new) )?(?:phone|iphone|android(?: phone)?|mobile|cell(?: ?phone)?|laptop|macbook|computer|pc|mac|tablet|ipad|accounts?|email|e-mail|inbox|gmail|icloud|router|wi-?fi|network|car|devices?|webcam|camera|machine|desktop|workstation|server)(?: account| id)?';

/** The reader's own device, asked about as something to check, clean or secure. Linear: no nested repeats. */
const OWN_DEVICE_CHECK = new RegExp(
  [
    // "… whether a keylogger is running on my Mac", "… if someone installed spyware on my laptop".
    `\\b(?:tell|check|find out|know|see|detect|be sure|make sure|verify|confirm) (?:if|whether) (?:(?:there is|there's|there are|a|an|any|some|someone|somebody|anyone|anything|something) [a-z' ]{1,40} (?:on|in|into) )?(?:my|our) ${DEVICE}\\b`,
    `\\b(?:make sure|be sure|ensure|check) (?:that )?there (?:is|are|'s) no [a-z ]{1,30} (?:on|in) (?:my|our) ${DEVICE}\\b`,
    // One's own router or phone, its password forgotten: a reset is the owner's way back in.
    `\\b(?:forgot|forgotten|lost|can't remember|cannot remember) (?:the |my )?(?:[a-z]{1,12} )?(?:password|passcode|pin) (?:of|for|to|on) (?:my|our) ${DEVICE}\\b`,
    `\\bis (?:my|our) ${DEVICE} (?:hacked|compromised|infected|bugged|tapped|being (?:tracked|monitored|watched|spied on))\\b`,
    `\\b(?:check|scan|search|inspect|look through) (?:my|our) ${DEVICE} for\\b`,
    `\\b(?:remove|get rid of|uninstall|delete|clean|wipe|get) (?:it|them|this|that|(?:the|a|an|any) [a-z]{1,20}(?: [a-z]{1,20})?) (?:from|off|out of) (?:my|our) ${DEVICE}\\b`,
    `\\b(?:on|in) (?:my|our) ${DEVICE}[^.?!]{0,60}\\b(?:how do i|how can i|how to) (?:find|remove|check|get rid of|detect|tell)\\b`,
  ].join('|'),
);

/** Someone else's device, named anywhere in the prompt: then it is not only about one's own. */
const OTHERS_DEVICE = new RegExp(
  `\\b(?:his|her|their|your|[a-z]+'s|[a-z]+s') ${DEVICE.replace('(?:own )?', '')}\\b`,
);

/** Readings that say the prompt also asks for an attack. */
const ATTACK_READINGS: ReadonlySet<string> = new Set([
  'intent.build_harm',
  'intent.evade_defense',
  'intent.build_code',
]);
const ATTACK_CUES: ReadonlySet<string> = new Set(['cue.code', 'cue.stealth', 'cue.harm.injection']);

/** Where a clause ends: a sentence stop, or a word that starts another request. */
const CLAUSE_END = /[.?!;\n]| (?:and|then|also|but|plus|after that|afterwards) /g;

export interface OwnDeviceCheck {
  /** The words that show it (clipped). */
  readonly evidence: string;
  /**
   * What the rest of the prompt asks for, without the clause about the reader's own device, and
   * the harms the prompt names: it must pass on its own ("… Then show me how to break into my
   * neighbour's router" does not ride on the check). Empty when the rest only sets the scene.
   */
  readonly rest: string;
}

/** The clause that checks the reader's own device, and the rest of the prompt; or undefined. `clean` is lower-case. */
export function ownDeviceCheck(
  clean: string,
  cues: readonly CueHit[],
  intent: IntentReading,
): OwnDeviceCheck | undefined {
  if (cues.some((h) => ATTACK_CUES.has(h.cue.code))) return undefined;
  if (intent.hits.some((h) => ATTACK_READINGS.has(h.feature))) return undefined;
  if (OTHERS_DEVICE.test(clean)) return undefined;
  const m = OWN_DEVICE_CHECK.exec(clean);
  if (m === null) return undefined;
  // The clause around the match: from the last boundary before it to the first one after it.
  let start = 0;
  let end = clean.length;
  CLAUSE_END.lastIndex = 0;
  for (let b = CLAUSE_END.exec(clean); b !== null; b = CLAUSE_END.exec(clean)) {
    if (b.index + b[0].length <= m.index) start = b.index + b[0].length;
    else if (b.index >= m.index + m[0].length) {
      end = b.index + b[0].length;
      break;
    }
  }
  const asks = asksIn(`${clean.slice(0, start)} ${clean.slice(end)}`);
  // With the harms the prompt names, so "… Then show me how to install the same app on a phone"
  // is read as asking for the stalkerware the check named, not for "the same app".
  const harms = cues.filter((h) => h.cue.group === 'harm').map((h) => h.evidence);
  return {
    evidence: m[0].slice(0, 80),
    rest: asks === '' ? '' : [asks, ...harms].join(' '),
  };
}

/** A sentence that asks for something: a question, or one that opens with a request. */
const ASK_OPENING =
  /^(?:(?:and|then|also|but|plus|now|so|ok|okay|please|and then|after that),? )*(?:write|give|show|tell|make|build|send|create|install|put|set|help|explain|list|find|get|code|generate|provide|describe|walk|teach|i (?:also |really |just |still )?(?:want|need)|i'd like|i would like|can you|could you|would you|will you|how)\b/;

/**
 * The sentences of `text` that ask for something, joined: what the rest of a prompt requests.
 * Statements around the question ("My ex had access to it.") set the scene and ask for nothing.
 */
function asksIn(text: string): string {
  const asks: string[] = [];
  for (const sentence of text.split(/(?<=[.?!;\n])/)) {
    const s = sentence.trim();
    if (s === '' || /^[.?!;]+$/.test(s)) continue;
    if (s.endsWith('?') || ASK_OPENING.test(s)) asks.push(s);
  }
  return asks.join(' ');
}
