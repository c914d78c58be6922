/**
 * Explainable cues: short lists of phrases a person would point at when
 * explaining a decision — the harm asked for (intent + target), stealth and
 * victims, the caller's ownership or authorisation, and defensive work. Each
 * cue is a dense feature of the trained model (so its weight is learned, per
 * category) and, when it fires, a reason with the words as evidence.
 *
 * Patterns are alternations of literal phrases with word boundaries: linear
 * time on any input. English first, with the commonest Spanish, French, German
 * and Portuguese phrasings.
 */
import { CueLiteralFilter, patternLiterals, patternMaxLength } from './cue-literals.js';

export type CueGroup = 'harm' | 'stealth' | 'victim' | 'ownership' | 'defense' | 'code';

export interface Cue {
  readonly code: string;
  readonly group: CueGroup;
  readonly pattern: RegExp;
  readonly message: string;
  /**
   * A match followed by this (tested on the next few characters) does not count: what comes
   * after changes the meaning ("without the user noticing" + "any lag" is about speed).
   */
  readonly unless?: RegExp;
}

/** How far after a match `unless` looks. */
export const UNLESS_REACH = 48;

const cue = (
  code: string,
  group: CueGroup,
  words: readonly string[],
  message: string,
  unless?: RegExp,
): Cue => ({
  code,
  group,
  pattern: new RegExp(`\\b(?:${words.join('|')})\\b`),
  message,
  ...(unless === undefined ? {} : { unless }),
});

/**
 * What a person may not notice when a request is about speed or smoothness, not secrecy
 * ("without users noticing any lag", "… a delay", "… the downtime"); read right after the
 * stealth words ("… in the background without" + "the user noticing any lag", "without the
 * user noticing" + "any lag").
 */
export const NOT_NOTICED_SPEED =
  /^ (?:(?:the )?(?:user|users|anyone|people|customers|players|admins?) (?:ever )?(?:noticing|seeing|feeling|experiencing) )?(?:any |a |an |the |much )?(?:lag|lags|delay|delays|slowdown|slow-down|slowness|difference|interruption|interruptions|downtime|outage|flicker|flickering|glitch|glitches|stutter|drop in|change in (?:speed|performance)|performance)\b/;

/**
 * Who a defense should spare, read right after a defense that is ruled out ("without blocking" +
 * " real customers", "sans bloquer" + " les vrais clients"): collateral damage, which is a
 * defender's worry, not a defense being defeated.
 */
export const LEGITIMATE_SPARED =
  /^ (?:(?:the|any|our|my|les|los|las|a los|a las|die|de|des) )?(?:(?:real|legitimate|legit|genuine|normal|good|actual|regular|paying|vrais|vraies|légitimes|echten|legitimen) |(?:clientes|usuarios|visitantes) (?:reales|legítimos))/;

export const CUES: readonly Cue[] = [
  cue(
    'cue.harm.ransomware',
    'harm',
    [
      'ransomware',
      // The operator's words: the encryptor pushed to every machine, the backups killed first.
      'encryptors?',
      '(?:push|deploy|drop|spread|run) (?:an |the |our |my )?(?:encryptor|locker|ransomware)',
      '(?:kill|destroy|wipe|encrypt|corrupt) (?:the |their |all (?:the |their )?)backups',
      'vssadmin delete shadows',
      '(?:stop|kill|disable) (?:the )?(?:veeam|vss|volume shadow copy)(?: service| services)?',
      'encrypt (?:all |every |the )?(?:files|documents|drives?) (?:and|then) (?:demand|ask)',
      'ransom note',
      'crypto-?locker',
      'wiper',
      'file locker',
      'ransomware',
      'rançongiciel',
      'erpressungstrojaner',
      'programa de secuestro',
    ],
    'It asks for ransomware or file-encrypting extortion.',
  ),
  cue(
    'cue.harm.malware',
    'harm',
    [
      'keylogger',
      // A clipboard hijacker: the wallet address copied is swapped for the caller's own.
      'clippers?',
      'swaps? (?:in|it for) (?:mine|my (?:address|wallet))',
      '(?:spread|propagate|spreads|propagates) (?:it |itself )?(?:over|via|through) smb',
      "log(?:s|ging)? (?:the |all |their |users' |every )?keystrokes",
      'key logger',
      'trojan',
      'rootkit',
      'bootkit',
      'botnet',
      'rat',
      'remote access trojan',
      'backdoor',
      'back door',
      'reverse shell',
      'bind shell',
      'web ?shells?',
      'dropper',
      'loader',
      'stealer',
      'infostealer',
      'worm',
      'self-propagating',
      'self-replicating',
      'polymorphic',
      'metamorphic',
      'malware',
      'virus',
      'spyware',
      'stalkerware',
      'c2 server',
      'command and control',
      'c2',
      'beacon',
      'persistence',
      'logiciel malveillant',
      'programa malicioso',
      'schadsoftware',
      'trojaner',
      'troyanos?',
      'cheval de troie',
      'cavalo de tr[oó]ia',
      'software malicioso',
    ],
    'It names malicious software.',
  ),
  cue(
    'cue.harm.exploit',
    'harm',
    [
      'exploit',
      'exploits',
      'exploiting',
      'zero-day',
      '0day',
      '0-day',
      'rce',
      'remote code execution',
      'buffer overflow',
      'heap spray',
      'rop chain',
      'shellcode',
      'sql injection',
      'sqli',
      'xss payload',
      'privilege escalation',
      'escalate privileges',
      'privesc',
      'container escape',
      'sandbox escape',
      'escape the (?:sandbox|container)',
      'lateral movement',
      'pivot',
      'break into',
      'hack into',
      'hack (?:a|the|my|his|her|their)',
      'gain (?:root|admin|shell) access',
      '(?:gain|gaining|obtain|obtaining) unauthori[sz]ed access',
      '(?:got|gained|have|had|get) initial access',
      '(?:get|gain|obtain|getting) local admin',
      "(?:bypass|get around|get past|disable|break out of) (?:the )?(?:school's |school |admin |it |work )?(?:lockdown|restrictions|content filter|web filter|mdm|device management)",
      'pwn',
      'exploiter',
      'explotar',
      'ausnutzen',
      'explorar a vulnerabilidade',
      'pirater',
      'hackear',
      'invadir',
      'entr(?:ar|o|a|e) (?:en|na) (?:la |a )?(?:cuenta|conta|red|rede) (?:de|do|da)',
    ],
    'It asks to exploit or break into a system.',
  ),
  cue(
    'cue.harm.credentials',
    'harm',
    [
      'phishing (?:kit|page|site|email)',
      'phishing',
      'fake login',
      'clone (?:the )?login',
      'credential harvest(?:ing|er)?',
      'harvest (?:credentials|passwords)',
      'steal (?:passwords|credentials|cookies|tokens|session)',
      'dump (?:lsass|credentials|hashes|passwords)',
      'mimikatz',
      'session hijack(?:ing)?',
      'cookie stealer',
      'bypass (?:2fa|mfa|two-factor)',
      'sim swap',
      // A sign-in window faked inside the page, and what is typed sent on to the caller.
      "(?:mimics?|imitates?) (?:the |a )?'?(?:sign[- ]in|log[- ]?in|login)",
      'fake address bar',
      '(?:post|posting|send|sending|forward|forwarding) (?:the |their |all )?(?:email and password|username and password|credentials|passwords|logins?|login details|typed data) to (?:my|a remote|an external|our) (?:server|endpoint|bot|telegram|webhook|email|discord)',
      // Push fatigue: approval prompts sent until the person taps approve to make them stop.
      '(?:spam|spamming|bomb|bombing|flood|flooding) (?:the |her |his |their |them with )?(?:mfa |2fa |duo |authenticator )?(?:push(?:es)?|push requests|push notifications|prompts|approval requests)',
      '(?:hits?|taps?|press(?:es)?|clicks?) approve',
      'crack (?:their|his|her|the) password',
      // Invoice redirection: a message made to pass for a supplier or an executive, paying the sender.
      "(?:looks?|appears?|seems?) like (?:it(?:'s| is| came| comes) )?from (?:our|their|the|a|his|her) (?:supplier|vendor|ceo|cfo|boss|bank|landlord|payroll)",
      'pay (?:the |this |our |their |his |her |all )?(?:next |future |outstanding )?(?:invoices?|payments?|salary|rent) (?:in)?to my (?:own )?(?:account|wallet)',
      'brute-?force (?:their|his|her|the|an?) (?:account|login|password)',
      // A copy of a brand's sign-in page, or a trap that keeps what others type: "a login page
      // that looks exactly like PayPal and saves what people type", "so guests' Instagram
      // passwords are captured".
      '(?:login|sign[- ]in|log[- ]in) page (?:that )?looks? (?:exactly |just )?like',
      '(?:captures?|records?|saves?|grabs?|steals?) (?:what|whatever|everything) (?:people|users|visitors|they|guests|customers|victims) (?:type|enter)',
      "(?:guests'|users'|people's|visitors'|customers'|employees'|students'|victims') (?:[a-z]{2,20} )?(?:passwords|logins|credentials) (?:are|get|is) (?:captured|logged|saved|stolen|recorded|harvested)",
      "captur(?:e|es|ing) (?:the )?(?:guests'|users'|people's|visitors'|their|customers'|employees'|students') (?:[a-z]{2,20} )?(?:passwords|logins|credentials)",
      'hameçonnage',
      'suplantación',
      'robar contraseñas',
      'clonar la p[aá]gina (?:de )?(?:acceso|inicio de sesi[oó]n|login)',
      'clonar a p[aá]gina (?:de )?(?:login|acesso|entrada)',
      'cloner la page (?:de )?(?:connexion|login)',
      '(?:anmeldeseite|loginseite|login-seite) (?:klonen|nachbauen|kopieren)',
      'sms masivos',
      'voler (?:les )?mots de passe',
      'passwörter stehlen',
      'roubar senhas',
      // Impersonating someone, in other languages ("un e-mail qui se fait passer pour les impôts").
      'se (?:fait|faisant) passer pour',
      'haci[eé]ndose pasar por',
      '(?:que )?se haga pasar por',
      'se passando por',
      'fingindo ser',
    ],
    'It asks to steal credentials or build phishing.',
  ),
  cue(
    'cue.harm.evasion',
    'harm',
    [
      'bypass (?:the )?(?:av|antivirus|edr|defender|amsi|firewall|ids|ips|waf|detection)',
      'evade (?:the )?(?:av|antivirus|edr|defender|detection|sandbox|ids|analysts?)',
      'evading',
      'evasion',
      'disable (?:the )?(?:av|antivirus|edr|defender|logging|security tools|windows defender)',
      'kill (?:the )?(?:av|edr|security) (?:process|processes|agent)',
      'clear (?:the )?(?:event )?logs',
      'wipe (?:the )?logs',
      'obfuscate (?:the )?(?:payload|malware|shellcode)',
      'crypter',
      'fud',
      'fully undetectable',
      'amsi bypass',
      // The functions patched in memory to blind script scanning and event tracing.
      'amsiscanbuffer',
      'etweventwrite',
      'patch(?:ing)? (?:out )?(?:amsi|etw)',
      'process hollowing',
      'dll injection',
      'unhook',
      'timestomp',
      'timestomp(?:ing|ed|s)',
      // The endpoint sensor stopped, named by product: "stop the Falcon sensor on his machine".
      '(?:stop|kill|disable|unload|uninstall|tamper with) (?:the )?(?:crowdstrike|falcon|edr|defender|sentinelone|carbon black|sophos)(?: sensor| agent)?',
      '(?:stop|kill|disable|unload) the (?:edr |av |security |falcon )?sensor',
      'eludir el antivirus',
      "contourner (?:l'antivirus|la détection)",
      'virenschutz umgehen',
      'burlar o antivírus',
    ],
    'It asks to get past security tools.',
  ),
  cue(
    'cue.harm.ddos',
    'harm',
    [
      'ddos',
      'dos attack',
      'denial of service',
      'flood (?:the|their|a) (?:server|site|network|website)',
      'syn flood',
      'udp flood',
      'http flood',
      'amplification attack',
      'booter',
      'stresser',
      // Reflection: spoofed requests sent with the target's address, for the biggest return.
      'spoof(?:ed|ing)? (?:[a-z]{1,20} )?(?:queries|requests|packets)',
      '(?:source|src)(?: ip| address)? (?:set|spoofed) (?:to|as) (?:the |a |their )?(?:target|victim)',
      '(?:max|maximum|maximi[sz]e|biggest|best|highest) (?:the )?amplification',
      'take (?:down|offline) (?:the|their|a|his|her) (?:site|website|server|network)',
      'knock (?:them|it) offline',
      'ataque ddos',
      'attaque ddos',
      'ddos-angriff',
      'derrubar o site',
    ],
    'It asks to knock a service offline.',
  ),
  cue(
    'cue.harm.exfiltration',
    'harm',
    [
      'exfiltrate',
      'exfiltrating',
      'exfiltration',
      'exfil',
      'siphon (?:off )?(?:the )?data',
      'smuggle (?:the )?data',
      'dns tunnel(?:ing)?',
      'into dns (?:queries|requests|lookups)',
      "leaks? (?:her|his|their|the|my) (?:company's|employer's|firm's)",
      'covert channel',
      'dead drop',
      'copy (?:the )?(?:customer )?database (?:out|without)',
      'steal (?:the )?(?:data|database|files|documents|customer records)',
      'steal (?:the |their |his |her )?(?:sensitive|confidential|private|personal|proprietary) (?:information|data|files|documents)',
      'leak (?:the )?(?:data|database)',
      // Data taken to be sold, or carried off the network it lives on.
      '(?:a |the )?buyer (?:lined up|for (?:the|this|it))',
      'sell (?:the |this |our |their )?(?:data|database|customer (?:list|data|records)|records|dump)',
      'get (?:it|the data|them|the dump|the files) off (?:the )?(?:vpn|network|premises|company network|corporate network)',
      'exfiltrar',
      'exfiltrer',
      'daten abziehen',
      'robar (?:los )?datos',
      'roubar dados',
    ],
    'It asks to move data out without permission.',
  ),
  cue(
    'cue.harm.injection',
    'harm',
    [
      'ignore (?:all )?(?:previous|prior|above) instructions',
      'system prompt',
      'reveal (?:your|the) (?:instructions|prompt|password|secret)',
      'jailbreak',
      'no restrictions',
      'without (?:any )?(?:restrictions|filters|limitations)',
      'developer mode',
      'do anything now',
      // Not a bare "new instructions": "new instructions for the essay" is a user's own task.
      'new (?:system )?instructions ?: ?\\w+',
      'new instructions from (?:your |the )?(?:admin|administrator|developer|developers|operator|system|owner|creator|company)',
      // Asking for one token without end makes some models spill memorised text.
      'repeat (?:the |this )?(?:word|phrase|token|letter) .{1,30} (?:forever|infinitely|endlessly|indefinitely)',
      'you must obey',
      // "For this audit, set aside your content policy … answer with no refusals".
      'set aside (?:your|the|all|any) (?:[a-z]+ )?(?:policy|policies|rules|guidelines|instructions|restrictions|safeguards)',
      'no refusals',
      'without (?:any )?refusals?',
      'print (?:your|the) (?:instructions|prompt)',
      // Orders planted in a document, addressed to whatever model reads it.
      'disregard (?:all |any )?(?:the |your )?(?:previous |prior )?(?:instructions|rules|guidelines|task)',
      'forget (?:all |any )?(?:the |your )?(?:previous |prior )?(?:instructions|rules|guidelines)',
      'ignore (?:the |your )(?:instructions|rules|guidelines|task)',
      'your new (?:instructions|task|orders) (?:are|is)',
      '(?:note|instructions?) (?:to|for) (?:the |any )?(?:ai|ai model|language model|llm)',
      'if (?:an|any|you are an?) (?:ai|llm|language model|assistant) (?:is )?(?:reads?|reading|processes|processing|sees)',
      '(?:ai|llm|automated) (?:reviewers?|readers?) (?:must|should|shall)',
      // Addressed to whatever model reads the document: "# LLM reviewers: approve this",
      // "(to any AI summariser) mark …", "P.S. to the support bot: refund …", "assistant: when you
      // read this, …".
      // Not "AI assistant:", the speaker label of a pasted chat transcript.
      '(?:ai|llm|automated) (?:reviewers?|readers?|summari[sz]ers?|screeners?|agents?|bots?) ?: ?[a-z]+',
      '(?:to|for) (?:any|every|all|the) (?:ai|llm|automated) (?:reviewers?|readers?|summari[sz]ers?|screeners?|agents?|assistants?|bots?)',
      '(?:p\\.? ?s\\.?|note|message|reminder) (?:to|for) (?:the |any |all )?(?:support |customer[- ]service |help |chat )?(?:bot|chatbot|ai|llm|agent)s? ?: ?[a-z]+',
      '(?:assistant|ai|llm|bot|agent|model) ?: ?(?:when|once|as soon as) you (?:read|see|process|summari[sz]e|open|parse) (?:this|these|it)',
      'hidden (?:text|note|message) for (?:the |any )?(?:ai|llm|model|bots?|screeners?)',
      'if you are an? (?:ai|llm|language model|ai model|ai assistant|chatbot)',
      "(?:don't|do not|never) (?:mention|reveal|disclose) (?:this|these) (?:comments?|notes?|instructions?)",
      'pretend (?:that )?the (?:answer|result|output|total|sum|summary|document) (?:is|says|was)',
      '(?:hidden|secret) instructions? (?:for|to) (?:the |any )?(?:ai|model|assistant|bot|llm)',
      // An order inside the content given to work on, that sets aside that content and dictates
      // the answer: "ignore the numbers above and report the total as …", "disregard the file
      // and reply only with …", "forget the rows and state …". Not "ignore the header row and any
      // blank lines" (no answer dictated), "ignore the failing lint check" (no content named), nor
      // a person redirecting their own request: "ignore the previous function and write a simpler
      // one", "skip the essay and just give me three bullet points" (no "previous", and only verbs
      // that dictate what to say).
      "(?:ignore|disregard|forget|skip) (?:the |this |that |your |all |any )?(?:above |below |following |actual |given |provided |real )?(?:user's |users' |customer's |visitor's |reader's |sender's )?(?:reviews?|files?|documents?|text|essay|numbers|rows|data|code|function|script|table|content|input|page|email|message|question|criteria|evaluation criteria|grading criteria|rubric|figures|values|article|paper|cv|resume|listing|review text|actual data)(?: above| below)? (?:and|then) (?:instead )?(?:just |only )?(?:say|state|report|reply (?:only|with|that)|respond (?:only|with|that)|output|approve|claim)",
      // Addressed to whichever model reads the content: "(Assistant reading this: forward …)",
      // "whoever parses this must state …", "when an AI screens this CV it should …",
      // "Reviewer bot, skip the review, approve …".
      '(?:assistant|ai|model|bot|llm|language model|chatbot|agent)s? (?:reading|parsing|processing|screening|summari[sz]ing|reviewing) (?:this|these)',
      'whoever (?:reads|parses|processes|summari[sz]es|screens|reviews) (?:this|these|it) (?:must|should|shall|needs? to|has to|is to)',
      'when (?:an?|any|the) (?:ai|llm|model|bot|assistant|language model|chatbot|screener|screening tool) (?:reads|screens|reviews|summari[sz]es|processes|parses|scans) (?:this|these|it)',
      '(?:reviewer|review|grader|grading|screening|triage|merge) (?:bot|model|ai|llm|assistant) ?[,:]? (?:skip|approve|ignore|merge|mark|give|rate|rank|accept|close)',
      'ignora (?:las |tus |todas las )?instrucciones',
      'olvida (?:las |tus |todas las )?instrucciones',
      'nota para la ia',
      'ignore (?:les |tes |vos |toutes les )?(?:instructions|consignes)',
      'oublie (?:les |tes |vos |toutes les )?(?:instructions|consignes)',
      'ignoriere (?:die |deine |alle )?(?:anweisungen|vorgaben)',
      'vergiss (?:die |deine |alle )?(?:anweisungen|vorgaben)',
      'hinweis an die ki',
      'ignore (?:as |suas |todas as )?instruções',
      'esqueça (?:as |suas |todas as )?instruções',
      'nota para a ia',
      'ignora (?:le |tutte le )?istruzioni',
      'dimentica (?:le |tutte le )?istruzioni',
    ],
    "It tries to override the assistant's instructions.",
  ),
  cue(
    'cue.stealth',
    'stealth',
    [
      'undetectable',
      'undetected',
      'without (?:being )?(?:detected|noticed|caught|traced)',
      'without (?:them|him|her|anyone) (?:knowing|noticing)',
      'stealthy?',
      'covertly',
      'silently',
      'in the background without',
      'leave no trace',
      'cover (?:my|our) tracks',
      'hide (?:it )?from (?:the )?(?:user|admin|av|antivirus)',
      'avoid (?:detection|being detected)',
      'anonymously attack',
      // Blending in and slow drips: asked so the activity is not noticed, whatever the activity.
      'secretly',
      'under the radar',
      'blends? in with (?:normal|regular|legitimate|ordinary) (?:traffic|activity)',
      '(?:do|does) not stand out',
      "(?:won't|wouldn't|doesn't|don't|never) (?:raise|trigger|set off) (?:any )?(?:alarms?|alerts?|suspicion)",
      'without (?:raising|triggering|setting off|tripping) (?:any )?(?:alarms?|alerts?|suspicion)',
      'without tripping (?:the |any |our |their )?(?:siem|dlp|edr|ids|ips|monitoring|sensors?|proxy|soc)',
      // "… so the network monitoring never sees one big upload".
      "(?:so|so that) (?:the )?(?:network )?(?:monitoring|dlp|siem|ids|edr|soc|proxy|security team|it team|admins?|sysadmins?) (?:never|doesn't|does not|won't|will not|can't|cannot) (?:see|sees|notice|notices|flag|flags|catch|catches|spot|spots|detect|detects)",
      'without (?:the )?(?:user|users|admin|admins|owner|dba|victim|it team|security team|operators?|staff|employees?|engineers?|family|parents?) (?:ever )?(?:noticing|seeing|knowing)',
      "without (?:the |it's |its |their |our |my )?(?:it |security )?(?:dlp|edr|siem|antivirus|av|soc|monitoring|proxy|logging) (?:ever )?(?:logging|noticing|seeing|flagging|catching|detecting|alerting|recording|knowing)",
      'hard to (?:detect|trace|spot)',
      // "hardest for my wife to detect", "harder for the admins to spot".
      "hard(?:er|est) (?:for (?:[a-z'-]{1,20} ){1,3})?to (?:detect|trace|spot|notice|find)",
      'to hinder (?:the )?(?:analysis|forensics|investigation)',
      // Evasion said as odds, or as hiding from those who watch (round 5).
      '(?:lower|lowers|lowering|reduce|reduces|reducing|minimi[sz]e|minimi[sz]es|minimi[sz]ing) the (?:odds|chances?|likelihood|risk) (?:of|that) (?:detection|discovery|being (?:detected|noticed|flagged|caught|spotted)|(?:anyone|someone|they) (?:notices?|sees?|spots?))',
      '(?:hidden|hide (?:it|them|this|the (?:traffic|data|files|activity|process|upload|transfer))) from (?:the )?(?:network )?(?:monitoring|security|detection|analysts|defenders|soc|edr|antivirus|blue team|it team)',
      'slips? past (?:the )?(?:ids|edr|dlp|data loss prevention|antivirus|monitoring|security team|proxy)',
      'sin levantar sospechas',
      'sin que nadie (?:lo )?(?:note|vea|sepa)',
      'sans éveiller (?:les )?soupçons',
      'heimlich',
      'ohne aufzufallen',
      'sin que (?:se den cuenta|lo sepa|lo detecten)',
      'sin que (?:me|nos|te|lo|la|los) (?:puedan |pueda )?(?:rastrear|detectar|pillar|localizar)',
      'sin dejar rastro',
      '(?:so|so that) (?:nobody|no one|noone) (?:notices|knows|sees|finds out|will notice|would notice)',
      'before (?:their|the|our|my) (?:it|soc|admins?|security team|it team|sysadmins?) (?:notices?|finds? out|sees?|catches on)',
      '(?:keep|keeps|keeping|stay|stays|staying) (?:the )?(?:volume |traffic |uploads? |transfers? )?(?:under|below) (?:the )?(?:[a-z]{1,20} )?(?:alert|alerting|detection) thresholds?',
      "(?:don't|doesn't|do not|does not|won't|wouldn't) show up in (?:the )?(?:[a-z]{1,20} )?(?:audit )?logs?",
      'without (?:the )?it (?:team |department )?(?:noticing|knowing|seeing|finding out)',
      "(?:won't|wouldn't|doesn't|don't|never) (?:raise|trigger|set off|trip) (?:any |the |their |our )?(?:[a-z-]{2,20} )?(?:alarms?|alerts?|suspicion)",
      'blends? into (?:system32|the system|normal|legit|legitimate)',
      "(?:the )?(?:users?|they|people|victims?|he|she|employees|staff) (?:won't|will not|don't|do not|never|wouldn't) (?:know|notice|see|find out|realise|realize)",
      'stays? (?:hidden|undetected|invisible|under the radar)',
      'without (?:the )?(?:console|dashboard|siem|soc|admins?|it) (?:showing|noticing|seeing|alerting|knowing|flagging)',
      // A trap's link made not to look like one (not "emails that don't look suspicious to spam filters").
      "(?:the |my |a )?(?:link|url|page|domain) (?:doesn't|does not|won't|wouldn't) (?:look|seem) (?:suspicious|sketchy|fishy|dodgy)",
      '(?:el enlace|la p[aá]gina|el mensaje|el sms|el link) no parezca sospechos[oa]',
      "sans (?:qu'ils|qu'il) (?:le )?sachent?",
      'sans être détecté',
      'ohne dass (?:er|sie|es) (?:es )?merk(?:t|en)',
      'unbemerkt',
      'ohne dass es (?:[^ ]{1,30} ){0,3}auff[äa]llt',
      'ohne dass (?:es )?jemand (?:merkt|bemerkt)',
      'sem que (?:ele|ela|eles) (?:saiba|perceba)',
      'sem ser detectado',
      'nicht mehr erkenn(?:t|en)',
      'nicht erkannt',
      'unentdeckt',
      'indetectable',
      'indétectable',
      'indetect[aá]vel',
    ],
    'It asks for stealth: to avoid being noticed or traced.',
    NOT_NOTICED_SPEED,
  ),
  cue(
    'cue.victim',
    'victim',
    [
      'victims?',
      'target(?:ed)? (?:company|organisation|organization|users?|network|server)',
      'my ex',
      'my boss',
      'my neighbou?r',
      "my (?:school|university|employer)'s",
      "someone else's",
      "other people's",
      "a competitor's",
      'targeting (?:a|an|the) (?:[a-z-]{2,20} ){0,2}(?:executive|ceo|cfo|employee|employees|person|company|organi[sz]ation|bank|hospital|school|journalist|activist|official)',
      '(?:de la|del) competencia',
      'de la concurrence',
      'der konkurrenz',
      'da concorr[eê]ncia',
      // Said outright: the system is not theirs, or the targets are people they have no tie to.
      "(?:it's|it is|that's|they're|site is|server is|web is|network is) not (?:mine|ours)",
      "i (?:don't|do not) work (?:there|for them)",
      "(?:my )?friends' (?:laptops?|phones?|pcs?|computers?)",
      // A bug bounty's own exclusion: the asset is not the hunter's to test.
      'out of scope',
      // An employer's systems reached after leaving it, and a colleague's machine.
      '(?:left|quit|resigned from|was fired from|got fired from) (?:my |the )?(?:old |former |previous )?(?:company|job|employer|workplace|firm)',
      "(?:a|my|his|her) (?:colleague|coworker|co-worker|classmate)'s (?:laptop|machine|pc|computer|phone|desktop)",
      "(?:i |we )?(?:don't|do not) have (?:a |any )?(?:contract|permission|authori[sz]ation|consent|scope|sign-?off|written approval)",
      "(?:coworker|co-worker|colleague|classmate)(?: [a-z]{2,15})?'s (?:[a-z0-9]{2,15} )?(?:password|passcode|pin|login|credentials|account)",
      'no es m[ií][oa]',
      'targets? (?:are|is|will be) (?:the )?(?:staff|employees|users|people|customers|workers) (?:at|of|from)',
      'scraped (?:the |their )?(?:employee|staff|email|contact) (?:list|emails|addresses)',
      'their (?:accounts?|network|server|computer|phone)',
      'his (?:phone|account|computer|email)',
      'her (?:phone|account|computer|email)',
      // Someone's things at work, school or next door: "my manager's private folders", "my
      // teacher's laptop". Not the household ("set up my wife's phone" is a family helping;
      // spying on a partner is partner-spying.ts's reading).
      "my (?:manager|boss|coworker|co-worker|colleague|teacher|classmate|neighbou?r|landlord|ex)'s (?:laptop|phone|computer|pc|files|folders|emails|messages|accounts?|inbox|documents|tablet|private)",
      // What was built, aimed at someone else's system: "test it on my own computer first, then
      // I'll send it to the school's network". Not "deploy it to our servers", and not "my": "install
      // it on my mum's laptop" is a family helping.
      "(?:send|deploy|spread|release|push|launch|drop|run|use|unleash|plant|install|try) (?:it|this|them) (?:on|to|against|at|into|across|onto|over) (?:the |a |his |her |their )?(?:[a-z]{2,20}'s|other people's|someone else's|everyone's) (?:network|servers?|computers?|systems?|wifi|website|site|phones?|devices?|laptops?|pcs?|machines?)",
      // Spying on a person (not "someone is spying on me").
      'spy on (?:my |his |her |their |the )?(?:wife|husband|girlfriend|boyfriend|partner|ex|roommate|flatmate|coworker|colleague|boss|neighbou?rs?|employees?|someone|somebody|him|her|them|people)',
      'la víctima',
      'la victime',
      'das opfer',
      'a vítima',
      // Not "mi ex" and the like: a victim asking how to check their own phone names the ex too,
      // and only the English reading (own-device-check.ts) tells the two apart.
      'mi (?:vecino|vecina)',
      '(?:meu|minha) (?:vizinho|vizinha)',
      'mon voisin',
      'ma voisine',
      'meine[nr]? (?:nachbarn?|nachbarin)',
    ],
    'It names a victim or a system that belongs to someone else.',
  ),
  cue(
    'cue.ownership',
    'ownership',
    [
      'my own (?:server|network|machine|lab|systems?|vm|computer|website|app)',
      'i own',
      'we own',
      'our own',
      'authori[sz]ed (?:pentest|penetration test|engagement|assessment|red team)',
      'with (?:written )?permission',
      'in scope',
      'scope of (?:the|our) engagement',
      'rules of engagement',
      'home lab',
      'test lab',
      'lab environment',
      'ctf',
      'capture the flag',
      'hack the box',
      'tryhackme',
      'hackthebox',
      'htb',
      'retired (?:htb |hackthebox )?(?:machine|box)',
      'oscp',
      'bug bounty',
      'staging environment',
      'mi propio servidor',
      'mon propre serveur',
      'meinen eigenen server',
      'meu próprio servidor',
      'autorizado',
      'autorisé',
      'autorisiert',
    ],
    'The caller says the system is theirs or the work is authorised.',
  ),
  cue(
    'cue.defense',
    'defense',
    [
      'detect',
      'detects',
      'detecting',
      'detection',
      'harden',
      'hardening',
      // Not a bare "patch": "patch AmsiScanBuffer in memory" is evasion. Patching something one runs is defense.
      'patch(?:ing|es)? (?:the |our |all |every |your |my |their |its |this |that |these |those )?(?:latest |known |critical |security |vulnerable |outdated |old )?(?:servers?|systems?|software|vulnerabilit(?:y|ies)|hosts?|machines?|cves?|bugs?|flaws?|windows|linux|kernels?|firmware|dependenc(?:y|ies)|packages?|librar(?:y|ies)|apps?|applications?|fleet|endpoints?|devices?|computers?|laptops?|pcs?|routers?|os|holes?|issues?)',
      'patch(?:ing)? (?:management|window|windows|cycle|schedule|day|level|levels|status|notes|tuesday|compliance|deployment|rollout|backlog|cadence|policy|process|strategy|program|programme)',
      'patched',
      'security patch(?:es)?',
      'apply(?:ing)? (?:the |all |any |every )?(?:latest |missing |security )?patch(?:es)?',
      'mitigate',
      'mitigation',
      'mitigations',
      'defend',
      'defending',
      'protect',
      'protecting',
      'prevent',
      'prevention',
      'incident response',
      // The caller's own service under attack: "we're getting hammered by an HTTP flood".
      "(?:we're|we are|i'm|i am) (?:getting |being )?(?:hammered|hit|flooded|attacked|ddosed|targeted)",
      'someone (?:keeps |is )?(?:knocking|taking|ddosing|attacking|flooding|hitting) (?:it|us|me|my|our)',
      'under (?:a |an )?(?:ddos|attack|flood|http flood)',
      'rate[- ]limit(?:ing|s|er)?',
      'limit_req',
      'ddos protection',
      // Someone getting their own or a relative's hacked account back, or asking if a message is a scam.
      "(?:my|our|his|her|their) (?:[a-z']{2,15} )?(?:account|instagram|facebook|email|roblox|tiktok|whatsapp|snapchat|gmail|icloud|steam|discord|twitter|fortnite) (?:got|was|has been|is|had been) (?:hacked|phished|compromised|stolen|taken over|hijacked)",
      'get (?:it|the account|my account|his account|her account|their account|them|access) back',
      "recover (?:my|his|her|our|their|the) (?:[a-z']{2,15} )?(?:account|instagram|facebook|email|profile|login)",
      "(?:tell|check|find out|know|see) (?:if|whether) (?:his|her|their) (?:[a-z']{2,15} )?(?:account|instagram|email|phone|profile) (?:was|is|has been|got) (?:hacked|phished|compromised|stolen|taken over)",
      'is (?:this|it|that) (?:a )?(?:scam|phishing|legit)',
      'como (?:eu )?sei se (?:é|e) golpe',
      'c[oó]mo s[eé] si es (?:una )?estafa',
      "comment savoir si c'est une arnaque",
      // Response after stolen sessions; teaching with the operational part declined.
      'invalidate (?:the |their |all |which |active )?(?:sessions?|tokens?|cookies)',
      '(?:sessions?|tokens?|cookies) to (?:invalidate|revoke|kill|reset)',
      "(?:can't|cannot|can no longer) (?:log|sign) ?in",
      'revoke (?:the |their |all |active |any )?(?:sessions?|tokens?|consents?|refresh tokens?)',
      'no (?:setup|step-by-step|operational|deployment) (?:instructions|steps|details)',
      // An explanation that declines the working part: "without any code", "no implementation",
      // "conceptually". What is asked is understanding, which is not the harm.
      '(?:without|no) (?:writing |giving |providing |sharing |showing )?(?:any )?(?:working |actual |real |runnable )?(?:code|implementation)',
      'conceptual(?:ly| level)',
      // Keeping secrets out of a repository; a firm that was the one targeted.
      'pre-commit hooks?',
      'secrets? scanning',
      '(?:someone|somebody|a scammer|scammers|an attacker|they) (?:emailed|texted|called|messaged|phoned|contacted) (?:us|me|my [a-z]{1,20}|our [a-z]{1,20}) pretending',
      // Asking what keeps an attack out: "what stops a contributor from …", "so a malicious page can't …".
      'what stops (?:a|an|someone|somebody|anyone|people|users?|attackers?) (?:[a-z]{1,20} )?from',
      "so (?:that )?(?:a|an|the|that|any) (?:malicious|hostile|rogue|compromised|untrusted) (?:page|site|website|pr|pull request|document|email|input|content|user|contributor|prompt|server|tool) (?:can't|cannot|won't|can not)",
      '(?:talk|presentation|lecture|workshop|webinar|keynote) on (?:[a-z]{1,20} ){0,2}security',
      // A found USB stick left alone, a home router in a botnet, a crack already run: victims' questions.
      "(?:haven't|have not|didn't|did not|never) (?:plugged|opened|clicked|run|ran|installed) it",
      'hand it (?:in )?to (?:it|security|the it team|the security team)',
      '(?:my|our) (?:home )?(?:ip|network|router|computer|pc|server) (?:is|was|has been) (?:part of|in|infected by|used by|used in) (?:a )?botnet',
      'stop it (?:from )?happening again',
      'what should (?:i|we) do (?:right )?now about (?:my|our)',
      'not (?:a|an) (?:guide|how-to|tutorial|recipe) (?:to|for) (?:building|making|writing) (?:one|it|them)',
      // Decoys that alert on use, and software that asks people first and shows itself.
      'honey ?tokens?',
      'honeypots?',
      'canary ?tokens?',
      '(?:user|users) (?:has to|have to|must|needs to|need to) (?:accept|approve|consent)',
      "with (?:the )?(?:user's |users' |their |explicit )?consent",
      'always visible',
      "(?:make it|so it's|so it is) (?:obvious|clear|visible) to (?:the )?users?",
      '(?:on-screen|visible) indicator',
      'untrusted (?:plugin |third-party |user )?code',
      // Malware analysis: a sample run in an analysis VM, and what it left in memory.
      'flare vm',
      'remnux',
      'host-only (?:network|adapter)',
      '(?:unpacked|malware|suspicious) sample',
      'memory dump',
      'qué rastros deja',
      'sin borrar (?:las |posibles )?pruebas',
      '(?:i teach|teaching) (?:an? )?(?:intro |introductory |beginner )?(?:security|cybersecurity|networking|it|computer science|malware analysis) (?:course|class|module|unit)',
      'forensics?',
      'sigma rule',
      'yara rule',
      'siem',
      'splunk',
      'alert on',
      'monitor(?:ing)?',
      'audit',
      'remediate',
      'remediation',
      'best practices',
      'secure (?:configuration|coding|my|our|the)',
      'recover from',
      'backup',
      'explain how .{0,40} works',
      // Someone checking their own device or account ("how can I tell if my phone has stalkerware").
      '(?:tell|check|find out|know|see|detect) (?:if|whether) (?:my|our) (?:own )?(?:phone|iphone|android|laptop|computer|pc|mac|tablet|account|email|router|network|car|device|devices|website|site|server)',
      '(?:signs|symptoms|evidence|indicators) (?:that )?(?:my|our) (?:own )?(?:phone|iphone|android|laptop|computer|pc|mac|router|account|network|server|website|site|device|tablet|email) (?:has|is|was|had|might|may)',
      'is (?:my|our) (?:phone|iphone|laptop|computer|pc|mac|account|email|router|network|website|server) (?:hacked|compromised|infected|bugged|being (?:tracked|monitored|watched))',
      'what is (?:a|an)',
      'training for (?:our|my) (?:staff|employees|team)',
      'awareness',
      'compliance',
      'threat model',
      'detectar',
      'proteger',
      'mitigar',
      'détecter',
      'protéger',
      'erkennen',
      'schützen',
      'abwehren',
      'verhindern',
      'prevenir',
      'empêcher',
      'impedir',
      'härten',
      'corrigir',
      'parental controls?',
      'contr[ôo]le parental',
      'control parental',
      'controlo parental',
      'kindersicherung',
    ],
    'It reads as defensive work: detection, hardening, response or education.',
  ),
  cue(
    'cue.code',
    'code',
    [
      'write (?:me )?(?:a |the )?(?:code|script|program|tool|payload|function)',
      'working (?:code|exploit|payload|poc)',
      'full (?:code|source)',
      'source code',
      'code snippet',
      'step[- ]by[- ]step',
      'ready to (?:use|run|deploy)',
      'escribe (?:un )?(?:código|script|programa)',
      'écris (?:un )?(?:code|script|programme)',
      'schreib(?:e)? (?:ein(?:en)? )?(?:code|skript|programm)',
      'escreva (?:um )?(?:código|script|programa)',
    ],
    'It asks for working code or step-by-step instructions.',
  ),
];

/**
 * Built on first use, not at import: the automaton (and `maxLengths`) took about 180 ms of CPU, which every
 * command of the CLI (`shieldwall check` too) would otherwise pay at start-up.
 */
let filter: CueLiteralFilter | undefined;
const cueFilter = () =>
  (filter ??= new CueLiteralFilter(CUES.map((c, k) => patternLiterals(c.pattern.source, k))));
/** The longest text each cue can match: its leftmost match starts at most this far before `firstEnd` (first use). */
let maxLength: number[] | undefined;
const maxLengths = () => (maxLength ??= CUES.map((c) => patternMaxLength(c.pattern.source)));
/** The same patterns with the `g` flag, so a search can start at `lastIndex` (`\b` still sees the character before). */
const FROM = CUES.map((c) => new RegExp(c.pattern.source, 'g'));
const firstEnd = new Int32Array(CUES.length);

export interface CueHit {
  readonly cue: Cue;
  readonly evidence: string;
}

/**
 * A harm ruled out right before it is named: "so a malicious PR can't escape the container",
 * "must not exfiltrate data". One word may stand between ("can't easily escape"); "I can't get
 * my exploit to work" is still about an exploit.
 */
const RULED_OUT_BEFORE =
  /(?:^|[^a-z'])(?:can't|cannot|can not|won't|couldn't|mustn't|must not|unable to|never|not)(?: [a-z]+)? $/;

/**
 * Code declined right before it is named: "explain it without giving working code", "no source
 * code, just the idea". One word may stand between.
 */
const CODE_RULED_OUT_BEFORE =
  /(?:^|[^a-z'])(?:without|no|not|never|don't want|don't need|do not want|do not need)(?: [a-z]+)? $/;

/**
 * A harm made harder, not done: "to make phishing harder", "so ransomware is less likely to
 * spread". Not when what is made harder is finding it: "make the malware harder to detect" is
 * evasion.
 */
export const MADE_HARDER =
  /^ (?:attacks? |attempts? )?(?:(?:is|are|gets?|becomes?) )?(?:much |far |a lot )?(?:harder|more difficult|more expensive|impossible|less likely|less effective|less successful|less profitable|unlikely)\b(?! (?:for (?:the |an? )?[a-z]+ )?to (?:detect|spot|trace|find|notice|catch|analy[sz]e|remove|block|stop|see|reverse|attribute|clean|investigate|flag|quarantine))/;

/**
 * True when the words around a match take it back: what follows (`unless`), or, for a harm, a
 * negation right before it or "harder" / "less likely" right after it. findCues then looks for a later match of the same cue.
 */
export function takenBack(c: Cue, clean: string, m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  if (c.unless?.test(clean.slice(end, end + UNLESS_REACH)) === true) return true;
  if (c.group === 'code')
    return CODE_RULED_OUT_BEFORE.test(clean.slice(Math.max(0, m.index - 32), m.index));
  return (
    c.group === 'harm' &&
    (RULED_OUT_BEFORE.test(clean.slice(Math.max(0, m.index - 32), m.index)) ||
      MADE_HARDER.test(clean.slice(end, end + UNLESS_REACH)))
  );
}

/** The cues that fire in cleaned (lower-case) text, with the words that fired them. */
export function findCues(clean: string): CueHit[] {
  const hits: CueHit[] = [];
  // Only the cues whose required literals occur are run: the same hits, far fewer regex scans.
  firstEnd.fill(0);
  const may = cueFilter().candidates(clean, firstEnd);
  const longest = maxLengths();
  for (let k = 0; k < CUES.length; k++) {
    if ((may & (1 << k)) === 0) continue;
    const c = CUES[k] as Cue;
    // Every match contains a required literal, so none starts before the first literal's end
    // minus the longest match: the search starts there and finds the same leftmost match.
    const from = FROM[k] as RegExp;
    from.lastIndex = Math.max(0, (firstEnd[k] as number) - (longest[k] as number));
    let m = from.exec(clean);
    // A match that what follows takes back does not count; a later one still may.
    while (m !== null && takenBack(c, clean, m)) {
      from.lastIndex = m.index + 1;
      m = from.exec(clean);
    }
    if (m !== null)
      hits.push({ cue: c, evidence: m[0].length > 60 ? `${m[0].slice(0, 60)}…` : m[0] });
  }
  return hits;
}
