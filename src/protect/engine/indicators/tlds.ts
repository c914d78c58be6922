/**
 * Top-level domains we accept for a bare domain written without `http://`
 * (`paypal-verify.top/login`), so `e.g.` or `file.txt` are not taken for
 * links. All ISO-3166 country codes plus the generic and new gTLDs that
 * carry real traffic or real abuse. With an explicit scheme any TLD is
 * accepted; this list only gates scheme-less text.
 */

const COUNTRY =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw ' +
  'by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu ' +
  'fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im ' +
  'in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc ' +
  'md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa ' +
  'pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss ' +
  'st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn ' +
  'vu wf ws ye yt za zm zw';

const GENERIC =
  'com net org info biz edu gov mil int name pro aero coop museum mobi asia tel travel jobs cat post ' +
  'xyz top online site club shop store app dev tech live life today world link click help support space ' +
  'website fun vip icu cfd sbs cyou buzz bond rest monster quest gdn loan loans win bid racing date men ' +
  'party review stream trade accountant cricket faith science download country kim work zip mov lol mom ' +
  'autos beauty hair skin makeup boats homes motorcycles yachts cam uno best bar ink email services cloud ' +
  'page digital pics host group global news blog media agency art design studio shopping money finance ' +
  'financial bank insurance credit cash fund capital investments exchange market markets trading bet ' +
  'casino poker games game video movie music photo photos events center company business solutions ' +
  'systems network consulting expert guru ninja rocks social chat dating love sexy xin wang ren ltd inc ' +
  'llc plus one tokyo osaka nagoya yokohama london berlin paris nyc amsterdam wien africa moe lat ' +
  'academy accountants army associates attorney auction audio band bargains bike bingo boutique build ' +
  'builders cafe camera camp capital cards care careers casa catering charity cheap church city claims ' +
  'cleaning clinic clothing coach codes coffee college community computer condos construction contractors ' +
  'cool coupons creditcard cruises dance deals degree delivery dental diamonds direct directory discount ' +
  'doctor dog domains education energy engineer engineering enterprises equipment estate exposed express ' +
  'fail family fans farm fashion film fish fitness flights florist football forsale foundation furniture ' +
  'futbol gallery garden gift gifts gives glass gmbh gold golf graphics gratis green gripe guide healthcare ' +
  'hockey holdings holiday hospital house how immo immobilien industries institute international investments ' +
  'irish jetzt jewelry kaufen kitchen land lease legal lighting limited limo luxury maison management ' +
  'marketing mba memorial moda mortgage navy network ngo observer partners parts pet pharmacy pizza place ' +
  'plumbing productions properties property pub recipes red rehab reise reisen rentals repair report ' +
  'republican restaurant rip run sale salon school schule security shoes show singles ski soccer software ' +
  'solar sport storage style supplies supply surgery swiss tax taxi team technology tennis theater tienda ' +
  'tips tires tools tours town toys training tube university vacations ventures vet viajes villas vision ' +
  'vodka voyage watch webcam wiki wine works wtf zone sbi bnpparibas google amazon apple microsoft ' +
  'ovh goog youtube mail phone mobile free hosting ooo icu xn--p1ai xn--80asehdb xn--c1avg';

/** TLDs that are also file extensions: a bare `report.zip` needs a path or `www.` to count as a link. */
export const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set(
  'zip mov py md sh rs ps so'.split(' '),
);

/**
 * Country codes that are also short English words. In SMS-speak a missing
 * space makes `differ.be`, `stupid.it` or `today.do` out of a sentence.
 */
const WORD_COUNTRY_CODES = new Set(
  'it be do is to at no as me us my am an by id im in so ly'.split(' '),
);

/**
 * Generic TLDs people and scammers write without `http://` (`paypal-verify.top`),
 * as opposed to word-like ones (`home.love`, `nice.how`) that appear when a
 * sentence lacks a space after its full stop.
 */
const BARE_GENERIC = new Set(
  (
    'com net org info biz edu gov mil int xyz top shop store online site club app dev tech live ' +
    'vip link click icu cfd sbs cyou buzz bond cam asia mobi pro work support help cloud host ' +
    'website space digital email services tokyo finance money bank'
  ).split(' '),
);

/**
 * How much evidence a scheme-less `name.tld` (no path, no `www.`) needs:
 * `plain` for .com and most country codes; `in` needs a name of 4+ letters
 * (`amazon.in`, not `log.in`); `word` needs a hyphen or a known brand domain.
 */
export function bareDomainEvidence(tld: string): 'plain' | 'in' | 'word' {
  if (tld === 'in') return 'in';
  if (BARE_GENERIC.has(tld)) return 'plain';
  return tld.length === 2 && !WORD_COUNTRY_CODES.has(tld) ? 'plain' : 'word';
}

export const KNOWN_TLDS: ReadonlySet<string> = new Set(`${COUNTRY} ${GENERIC}`.split(' '));
