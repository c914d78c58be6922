/**
 * Who acts on what: a small clause reader that tells "write code that does X"
 * from "write code that detects X". A bag of n-grams sees the same words in
 * both; here every word gets a scope from the clause it sits in:
 *   build  — inside the thing asked for ("a script that …", "code to …"),
 *   defend — under a defensive verb ("detect …", "block …", "alert on …"),
 *   none   — anything else (framing, context, closing remarks).
 * Defend is sticky to the end of the sentence ("detect a program that tries
 * to X": X is still what is detected). A defensive verb right after a
 * negation or an evasion verb ("without being detected", "bypass the
 * monitoring") does not open a defend scope: it is a sign of evasion instead.
 * A plain negation ("without exposing the key to attackers", "must not use
 * malicious techniques") takes the next few words out of every scope, up to
 * "and" / "but" or the sentence's end: a requirement that rules a harm out is
 * not what is built, and an evasion verb under it ("not … evading detection")
 * is not evasion. A verb that stops something, followed by a defense
 * ("preventing easy blocking", "to hinder analysis"), is evasion too.
 * An introductory clause ("While you investigate malware attacks, …",
 * "For this capture-the-flag round, …") ends at its first comma: it sets the
 * scene, raises no harm feature and does not govern the request that follows
 * ("to" is left out: "To detect X, …" states the request's purpose). A short defensive word
 * right after a determiner is a noun ("capture the flag", "a block of text"),
 * not a defensive verb.
 *
 * From the scopes come the named intent features (harm words in a build
 * scope, harm words in a defend scope, evasion of defenses) and the scoped
 * words the model hashes as a family of their own. Linear in the words read;
 * lexicons are word stems looked up by prefix in Sets (no backtracking).
 */

import { LEGITIMATE_SPARED, MADE_HARDER, NOT_NOTICED_SPEED, UNLESS_REACH } from './cues.js';

export const SCOPE_NONE = 0;
export const SCOPE_BUILD = 1;
export const SCOPE_DEFEND = 2;

/** Dense intent features, in the order the model lists them. */
export const INTENT_FEATURES = [
  'intent.build_harm',
  'intent.defend_harm',
  'intent.evade_defense',
  'intent.build_code',
] as const;
export type IntentFeature = (typeof INTENT_FEATURES)[number];

export const INTENT_MESSAGES: Readonly<Record<IntentFeature, string>> = {
  'intent.build_harm': 'What it asks to be built or done is itself an attack.',
  'intent.defend_harm': 'The attack it names is the thing to detect, block or defend against.',
  'intent.evade_defense': 'It asks to avoid detection or get around a defense.',
  'intent.build_code': 'It asks for a program, script or code.',
};

export interface IntentReading {
  /** The words, exactly as `wordsOf` reads them. */
  readonly words: string[];
  /** Scope of each word (SCOPE_*). */
  readonly scopes: Uint8Array;
  /** Intent features that fired, with the words behind each. */
  readonly hits: readonly { readonly feature: IntentFeature; readonly evidence: string }[];
}

const stems = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Defensive verbs and their nouns (English, Spanish, French, German, Portuguese). */
const DEFEND = stems(`
  detect detecc detectar détect erkenn block bloque bloqu blockier prevent previen prevenir
  empêch verhinder monitor monitore monitoriz surveill überwach alert alerta alarm flagging audit
  auditar harden endurec bastion härt mitigat mitigar mitig patch parche defend defens
  protect proteg protej protég schütz quarantin cuarenten sanitiz sanitis saneam whitelist allowlist
  remediat remedi thwart countermeasure spotting hunt hunting triage investigat investig revok
  restrict restring enforc notif warn neutraliz isolat aislar aísl aisl lockdown vigil vigilar repér
  catch spot flag guard shield notic`);

/**
 * Evasion verbs, after which a defensive verb is being defeated, not used ("bypass the
 * monitoring"). Matched as stems, so plain negations are not here: as stems "not", "sin" and
 * "sem" caught "notify", "single" and "semantic" ("a single alert" read as evasion).
 */
const NEGATE = stems(`
  avoid avoiding avoids evade evading evades evasion bypass bypassing bypasses
  circumvent circumventing escape escaping escapes defeat defeating disable disabling disables
  evitar eludir evadir éviter umgehen burlar undetect kill kills killing tamper tampering
  blind blinding`);

/**
 * Plain negations, matched whole. Like the evasion verbs they turn a defensive verb into evasion
 * ("without being detected"); unlike them they also rule out the harms that follow.
 */
const PLAIN_NEGATION = new Set(
  `without not never no avoid avoiding avoids cannot can't won't don't doesn't shouldn't mustn't
  isn't aren't sin nunca evitar sans jamais éviter ohne nicht kein keine nie sem não pas nunca evitando`
    .trim()
    .split(/\s+/),
);

/** Words that end a plain negation's reach ("without downtime and exfiltrates …"). */
const ENDS_NEGATION = new Set(
  'and but while instead then also y pero mientras et mais und aber e mas'.split(' '),
);

/** Words that carry a negation on through a list ("not … such as X or Y"). */
const CARRIES_NEGATION = new Set('or nor such like including o ni ou oder weder nem'.split(' '));

/** Words a plain negation reaches (without, the negated words, up to this many). */
const NEGATION_REACH = 7;

/** Harm verbs and nouns: what an attack does. */
const HARM = stems(`
  exploit exploits exploiting escalat exfiltr steal steals stealing stolen harvest inject
  bypass evad evasion obfuscat obscur persist backdoor keylog ransom malware malicious
  shellcode rootkit implant beacon hijack spoof impersonat phish brute crack escape escapi
  tamper disguis conceal covert covertly stealth compromis infect propagat lateral pivot
  flood ddos overwhelm smuggl tunnel siphon intercept sniff eavesdrop wipe destroy unauthori
  attacker attacker's victim victims c2 command-and-control trojan worm botnet spyware
  stalkerware elevat doppelg hollow unhook timestomp mimikatz lsass kerberoast pass-the-hash
  explotar explota robar roba robe roben inyect exfiltrar evadir ocultar oculta inyectar escalar suplant
  voler exfiltrer contourn injecter cacher stehlen umgehen verstecken roubar ocultar burlar
  invadir víctima victime opfer vítima keystroke keystrokes fast-flux`);

/**
 * Verbs that stop something: before a defense ("preventing blocking", "hinder analysis",
 * "thwart detection") they defeat it; before anything else ("prevent attacks") they defend.
 */
const STOPPERS = stems(`
  prevent hinder imped hamper obstruct frustrat thwart foil stop complicat impedir obstacul
  empêch entrav verhinder behinder`);

/**
 * Defenses a stopper can defeat (not "scan": "prevent port scans" is defense); "stops the
 * logging service", "halts the telemetry" defeat one too.
 */
const DEFENSES = stems(`
  detect detecc détect erkenn block bloque bloqu analys analiz forensic forens investigat
  monitor surveill überwach attribut takedown antivirus edr logging telemetry audit`);

/** Words after which a short defensive word is a noun ("the flag", "a block"). */
const DETERMINERS = new Set(
  'the a an this that my your our their its his her each every el la un una le une der die das ein eine'.split(
    ' ',
  ),
);

/** Words that make a compound noun of a following "block" / "flag" ("message block", "feature flag"). */
const COMPOUND_HEADS = new Set(
  'message code building feature country text data address'.split(' '),
);

/**
 * Verbs that keep something safe: before a harm with nothing in between that names what it is
 * kept safe from ("protect the exfiltrated data", "shield the C2 servers") they shield the attack.
 */
const SHIELDS = new Set(
  'protect protects protecting shield shields shielding guard guards guarding safeguard safeguards'.split(
    ' ',
  ),
);

/** Words that name what a shield keeps away ("protect against malware", "guard users from phishing"). */
const AWAY_FROM = new Set('against from contra de contre gegen vor'.split(' '));

/** Short defensive words that are nouns after a determiner ("the flag", "the audit trail"). */
const NOUN_AFTER_DETERMINER = new Set(
  'flag flags block blocks catch spot guard shield hunt audit'.split(' '),
);

/**
 * First words of an introductory clause, which ends at the sentence's first comma ("While you
 * study malware, write …", "For this capture-the-flag round, …", "Como analista, escribe …").
 */
const INTRODUCERS = new Set(
  `while whilst since given as when because although though after before once considering
  for in during with mientras como dado para durante pendant comme puisque pour während da
  als weil für enquanto`
    .trim()
    .split(/\s+/),
);

/** Things asked for (the deliverable). */
const DELIVERABLE = stems(`
  code codes script scripts program programs programme snippet snippets tool tools function
  functions module modules implementation blueprint solution routine routines utility app
  application algorithm poc proof-of-concept payload implant bot plugin extension macro
  command commands one-liner binary executable service daemon agent código programa
  herramienta función módulo rutina programme outil fonction skript programm werkzeug
  funktion modul ferramenta função software coding technique mechanism method approach system
  example sample demo demonstration`);

/** Words right after a deliverable that open its body ("a script that …", "code to …"). */
const OPENS = stems(`
  that which to should must will can could capable able designed meant for using que qui
  pour para der die das um zu`);

/**
 * What "patch" works on when it changes code in memory rather than fixing a system ("patch
 * AmsiScanBuffer in memory", "patch the bytes with NOPs"): looked for in the next few characters.
 */
const PATCHED_IN_MEMORY =
  /\b(?:in[ -]memory|bytes?|nops?|jmp|opcodes?|prologue|ntdll|amsi\w*|etw\w*)\b/;

export const WORD_OR_STOP = /[\p{L}\p{N}][\p{L}\p{N}'_-]*|[.!?;](?=\s|$)|,/gu;
const MAX_WORD = 24;

/**
 * Verbs that make something, matched whole: a harm named right after one is what is made
 * ("write ransomware", "draft a phishing email"), not a topic.
 */
const CREATE = new Set(
  `write make create draft build code generate compose craft develop produce assemble
  escribe crea genera écris crée schreib erstelle escreva crie`
    .trim()
    .split(/\s+/),
);

/** Words a stem would wrongly catch ("blockchain" is not blocking anything). */
const NOT_STEMS = new Set([
  'blockchain',
  'counter',
  'notify-send',
  'warning',
  'warnings',
  // Adjectives frame a request ("for our defensive programming class"); they do not say what is defended.
  'defensive',
  'defensively',
  'protective',
  'preventive',
  'preventative',
  'defensiva',
  'defensivo',
  'défensif',
  'défensive',
  'defensiv',
]);

function matchesStem(set: ReadonlySet<string>, word: string): boolean {
  if (set.has(word)) return true;
  if (NOT_STEMS.has(word)) return false;
  const top = Math.min(word.length - 1, 12);
  for (let n = 3; n <= top; n++) if (set.has(word.slice(0, n))) return true;
  return false;
}

const IS_NEGATE = 1;
const IS_DEFEND = 2;
const IS_DELIVERABLE = 4;
const IS_HARM = 8;
const IS_STOPPER = 16;
const IS_DEFENSE = 32;
/** A determiner or compound head: a short defensive word after it is a noun. */
const IS_NOUN_BEFORE = 64;
const IS_NOUNABLE = 128;
const IS_SHIELD = 256;
const IS_AWAY = 512;
const IS_PLAIN_NEGATION = 1024;
const IS_ENDS_NEGATION = 2048;
const IS_CARRIES_NEGATION = 4096;
const IS_INTRODUCER = 8192;
const IS_OPENS = 16384;
const IS_CREATE = 32768;
/**
 * Lexicon classes of a word, every list the reader asks about in one bit mask, memoised in a
 * bounded table: prompts repeat words and the answer depends only on the word, so the cache
 * changes speed, never output, and each word costs one lookup.
 */
const CLASSES = new Map<string, number>();
const CLASSES_MAX = 50_000;

function classesOf(word: string): number {
  const cached = CLASSES.get(word);
  if (cached !== undefined) return cached;
  const c =
    (matchesStem(NEGATE, word) ? IS_NEGATE : 0) |
    (matchesStem(DEFEND, word) ? IS_DEFEND : 0) |
    (matchesStem(DELIVERABLE, word) ? IS_DELIVERABLE : 0) |
    (matchesStem(HARM, word) ? IS_HARM : 0) |
    (matchesStem(STOPPERS, word) ? IS_STOPPER : 0) |
    (matchesStem(DEFENSES, word) ? IS_DEFENSE : 0) |
    (DETERMINERS.has(word) || COMPOUND_HEADS.has(word) ? IS_NOUN_BEFORE : 0) |
    (NOUN_AFTER_DETERMINER.has(word) ? IS_NOUNABLE : 0) |
    (SHIELDS.has(word) ? IS_SHIELD : 0) |
    (AWAY_FROM.has(word) ? IS_AWAY : 0) |
    (PLAIN_NEGATION.has(word) ? IS_PLAIN_NEGATION : 0) |
    (ENDS_NEGATION.has(word) ? IS_ENDS_NEGATION : 0) |
    (CARRIES_NEGATION.has(word) ? IS_CARRIES_NEGATION : 0) |
    (INTRODUCERS.has(word) ? IS_INTRODUCER : 0) |
    (OPENS.has(word) ? IS_OPENS : 0) |
    (CREATE.has(word) ? IS_CREATE : 0);
  if (CLASSES.size >= CLASSES_MAX) CLASSES.clear();
  CLASSES.set(word, c);
  return c;
}

// The tokens of WORD_OR_STOP (the reference; intent-clauses.test.ts checks the two agree), read by hand (the regex's match objects were a third of the
// reader's time): per BMP code unit, 1 = letter or digit, 2 = white space, 0 = neither, filled
// in on first sight from the regex classes themselves, so the two cannot disagree.
const KIND_UNKNOWN = 255;
const KIND = new Uint8Array(65_536).fill(KIND_UNKNOWN);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

function kindOf(code: number): number {
  let k = KIND[code] as number;
  if (k === KIND_UNKNOWN) {
    const ch = String.fromCharCode(code);
    k = LETTER_OR_DIGIT.test(ch) ? 1 : SPACE.test(ch) ? 2 : 0;
    KIND[code] = k;
  }
  return k;
}

/** Code units of the letter or digit starting at `i` (2 for an astral one), 0 if none. */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return kindOf(code) === 1 ? 1 : 0;
  const low = text.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
}

/** End of the word starting at `i` (`[\p{L}\p{N}][\p{L}\p{N}'_-]*`). */
function wordEnd(text: string, i: number, first: number): number {
  let j = i + first;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code === 39 || code === 95 || code === 45) {
      j += 1;
      continue;
    }
    const n = letterAt(text, j);
    if (n === 0) break;
    j += n;
  }
  return j;
}

/** Read the scopes and intent features of cleaned (lower-case) text, at most `maxWords` words. */
export function readIntent(clean: string, maxWords: number): IntentReading {
  const words: string[] = [];
  const scopeList: number[] = [];
  const found = new Map<IntentFeature, string>();
  const note = (f: IntentFeature, evidence: string) => {
    if (!found.has(f)) found.set(f, evidence);
  };
  let scope = SCOPE_NONE;
  let sinceDeliverable = 99;
  let deliverable = '';
  let recentNegation = 99;
  let negWord = '';
  let defendVerb = '';
  let negated = 0;
  let recentStopper = 99;
  let stopWord = '';
  let scopeAtStopper = SCOPE_NONE;
  let recentShield = 99;
  let shieldWord = '';
  let recentCreate = 99;
  let createWord = '';
  let scopeAtShield = SCOPE_NONE;
  // 0: at a sentence's start; 1: inside an introductory clause; 2: past it.
  let intro = 0;
  let prevClasses = 0;
  let at = 0;
  const end = clean.length;
  while (at < end) {
    const code = clean.charCodeAt(at);
    // A sentence stop is one of . ! ? ; before white space or the end; a comma counts anywhere.
    const stop =
      (code === 46 || code === 33 || code === 63 || code === 59) &&
      (at + 1 === end || kindOf(clean.charCodeAt(at + 1)) === 2);
    if (stop) {
      at += 1;
      scope = SCOPE_NONE;
      sinceDeliverable = 99;
      recentNegation = 99;
      recentStopper = 99;
      recentShield = 99;
      recentCreate = 99;
      negated = 0;
      intro = 0;
      prevClasses = 0;
      continue;
    }
    if (code === 44) {
      at += 1;
      if (intro === 1) {
        // The scene-setting clause is over: what it defended or built does not reach the request.
        scope = SCOPE_NONE;
        sinceDeliverable = 99;
        recentStopper = 99;
        negated = 0;
      }
      if (intro < 2) intro = 2;
      continue;
    }
    const first = letterAt(clean, at);
    if (first === 0) {
      at += 1;
      continue;
    }
    const to = wordEnd(clean, at, first);
    if (words.length >= maxWords) break;
    const w = clean.slice(at, Math.min(to, at + MAX_WORD));
    at = to;
    const raw = classesOf(w);
    if (intro === 0) intro = (raw & IS_INTRODUCER) !== 0 ? 1 : 2;
    recentNegation += 1;
    sinceDeliverable += 1;
    recentStopper += 1;
    const noun = (prevClasses & IS_NOUN_BEFORE) !== 0 && (raw & IS_NOUNABLE) !== 0;
    prevClasses = raw;
    const inMemory =
      (raw & IS_DEFEND) !== 0 &&
      w.startsWith('patch') &&
      PATCHED_IN_MEMORY.test(clean.slice(at, at + UNLESS_REACH));
    const cls = noun || inMemory ? raw & ~IS_DEFEND : raw;
    if (recentStopper <= 3 && (cls & IS_DEFENSE) !== 0 && negated === 0) {
      // "preventing easy blocking", "to hinder analysis": a defense is being defeated.
      note('intent.evade_defense', `${stopWord} … ${w}`);
      scope = scopeAtStopper;
      recentStopper = 99;
      words.push(w);
      scopeList.push(scope);
      continue;
    }
    if (recentShield <= 3 && (cls & IS_AWAY) !== 0) recentShield = 99;
    recentShield += 1;
    if (recentShield <= 3 && (cls & IS_HARM) !== 0 && negated === 0) {
      // "protect the true location of the C2 servers": what is shielded is the attack.
      note('intent.evade_defense', `${shieldWord} … ${w}`);
      scope = scopeAtShield;
      recentShield = 99;
    }
    recentCreate += 1;
    if ((cls & IS_DEFEND) !== 0 || (cls & IS_DELIVERABLE) !== 0) recentCreate = 99;
    if (
      recentCreate <= 3 &&
      (cls & IS_HARM) !== 0 &&
      negated === 0 &&
      intro !== 1 &&
      // "make phishing harder": what is made is a defense.
      !MADE_HARDER.test(clean.slice(at, at + UNLESS_REACH))
    ) {
      // "write ransomware", "draft a phishing email": the harm named is the thing made.
      note('intent.build_harm', `${createWord} … ${w}`);
      recentCreate = 99;
    }
    if ((raw & IS_CREATE) !== 0 && negated === 0) {
      recentCreate = 0;
      createWord = w;
    }
    if ((cls & IS_STOPPER) !== 0 && negated === 0) {
      recentStopper = 0;
      stopWord = w;
      scopeAtStopper = scope;
    }
    if ((cls & IS_SHIELD) !== 0 && negated === 0) {
      recentShield = 0;
      shieldWord = w;
      scopeAtShield = scope;
    }
    const plain = (raw & IS_PLAIN_NEGATION) !== 0;
    if (negated > 0) negated -= 1;
    if (plain || (negated > 0 && (raw & IS_CARRIES_NEGATION) !== 0)) negated = NEGATION_REACH;
    else if ((raw & IS_ENDS_NEGATION) !== 0) negated = 0;
    if ((cls & IS_NEGATE) !== 0 || plain) {
      // An evasion verb that is itself ruled out ("must not … evade detection") is no evasion.
      if (plain || negated === 0) {
        recentNegation = 0;
        negWord = w;
      }
    } else if ((cls & IS_DEFEND) !== 0) {
      const after = clean.slice(at, at + UNLESS_REACH);
      if (recentNegation <= 3 && NOT_NOTICED_SPEED.test(after)) {
        // "without users noticing any lag": a request about speed, neither evasion nor defense.
      } else if (recentNegation <= 3 && LEGITIMATE_SPARED.test(after)) {
        // "without blocking real customers": the defense's collateral damage, a defender's worry.
      } else if (recentNegation <= 3) {
        note('intent.evade_defense', `${negWord} … ${w}`);
        negated = 0; // "never triggers alerts, exfiltrates …": what follows is the attack again
      } else if (scope !== SCOPE_DEFEND) {
        scope = SCOPE_DEFEND;
        defendVerb = w;
      }
    } else if (scope !== SCOPE_DEFEND) {
      if ((cls & IS_DELIVERABLE) !== 0) {
        sinceDeliverable = 0;
        deliverable = w;
      } else if (
        sinceDeliverable <= 4 &&
        ((raw & IS_OPENS) !== 0 || (sinceDeliverable <= 2 && w.length > 5 && w.endsWith('ing')))
      ) {
        // "a script that …", "code to …", "a snippet achieving …"
        scope = SCOPE_BUILD;
        sinceDeliverable = 99;
        note('intent.build_code', `${deliverable} ${w}`);
      }
    }
    // Harms named while setting the scene are context, not what the request does.
    if (scope !== SCOPE_NONE && negated === 0 && intro !== 1 && (cls & IS_HARM) !== 0) {
      if (scope === SCOPE_BUILD) note('intent.build_harm', w);
      else note('intent.defend_harm', `${defendVerb} … ${w}`);
    }
    words.push(w);
    scopeList.push(negated > 0 ? SCOPE_NONE : scope);
  }
  const hits = [...found].map(([feature, evidence]) => ({
    feature,
    evidence: evidence.length > 60 ? `${evidence.slice(0, 60)}…` : evidence,
  }));
  return { words, scopes: Uint8Array.from(scopeList), hits };
}
