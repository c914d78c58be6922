/**
 * Brands, banks, carriers and public services that scammers most often pretend
 * to be (US, UK, EU, India, Japan, Brazil), with the domains they really send
 * from. Data, not code. Temporary home: the URL engine is building a richer
 * brand list in src/protect/engine/url/, and the two will be merged.
 *
 * - `keywords`: lower-case phrases that, as whole words in a sender's display
 *   name, claim to be this brand. Ambiguous words ("chase", "visa", "ing")
 *   appear only inside longer phrases.
 * - `domains`: the brand's own domains; a sender domain equal to one or ending
 *   in `.` + one belongs to the brand. Free webmail domains the brand runs
 *   (gmail.com, outlook.com, icloud.com) are deliberately NOT listed: anyone
 *   can get an address there.
 * - `labels`: the names a look-alike domain imitates (`paypal` in `paypa1.com`).
 */
export interface Brand {
  readonly name: string;
  readonly keywords: readonly string[];
  readonly domains: readonly string[];
  readonly labels: readonly string[];
}

const AMAZON_TLDS = [
  'com',
  'co.uk',
  'de',
  'fr',
  'it',
  'es',
  'ca',
  'com.au',
  'co.jp',
  'in',
  'com.mx',
  'com.br',
  'nl',
  'se',
  'pl',
  'sg',
  'ae',
  'sa',
  'com.tr',
  'com.be',
];

const b = (name: string, keywords: string[], domains: string[], labels: string[] = []): Brand => ({
  name,
  keywords,
  domains,
  labels,
});

export const BRANDS: readonly Brand[] = [
  // Payments, shopping, tech accounts
  b(
    'PayPal',
    ['paypal'],
    [
      'paypal.com',
      'paypal.co.uk',
      'paypal.de',
      'paypal.fr',
      'paypal.it',
      'paypal.es',
      'paypal.com.au',
      'paypal.ca',
      'paypal.me',
      'paypal-communication.com',
      'paypal-community.com',
    ],
    ['paypal'],
  ),
  b(
    'Apple',
    ['apple', 'apple id', 'apple support', 'icloud', 'itunes', 'app store'],
    ['apple.com', 'itunes.com', 'apple.news', 'insideapple.apple.com'],
    ['apple', 'icloud', 'itunes'],
  ),
  b(
    'Microsoft',
    [
      'microsoft',
      'office 365',
      'office365',
      'microsoft 365',
      'outlook team',
      'outlook support',
      'onedrive',
      'sharepoint online',
      'windows defender',
      'hotmail team',
      'microsoft teams',
    ],
    [
      'microsoft.com',
      'microsoftonline.com',
      'office.com',
      'office365.com',
      'account.live.com',
      'microsoftstore.com',
      'xbox.com',
      'skype.com',
      'sharepointonline.com',
      'linkedin.com',
      'github.com',
    ],
    ['microsoft', 'office365', 'onedrive', 'outlook', 'hotmail'],
  ),
  b(
    'Amazon',
    ['amazon', 'amazon prime', 'prime video', 'amazon pay'],
    [
      ...AMAZON_TLDS.map((t) => `amazon.${t}`),
      'amazonaws.com',
      'amazon.jobs',
      'aboutamazon.com',
      'primevideo.com',
      'audible.com',
      'amzn.to',
      'amazonpay.com',
    ],
    ['amazon'],
  ),
  b(
    'Google',
    ['google', 'gmail team', 'google account', 'youtube'],
    [
      'google.com',
      'youtube.com',
      'google.co.uk',
      'google.de',
      'google.co.jp',
      'google.co.in',
      'withgoogle.com',
      'googleusercontent.com',
      'googlegroups.com',
      'blogger.com',
    ],
    ['google', 'youtube'],
  ),
  b(
    'Facebook / Meta',
    ['facebook', 'meta for business', 'meta support', 'meta business', 'instagram', 'whatsapp'],
    [
      'facebook.com',
      'facebookmail.com',
      'meta.com',
      'fb.com',
      'instagram.com',
      'mail.instagram.com',
      'whatsapp.com',
      'metamail.com',
    ],
    ['facebook', 'instagram', 'whatsapp'],
  ),
  b('Netflix', ['netflix'], ['netflix.com', 'netflix.net', 'mailer.netflix.com'], ['netflix']),
  b('Spotify', ['spotify'], ['spotify.com'], ['spotify']),
  b(
    'Disney+',
    ['disney+', 'disney plus', 'disneyplus'],
    ['disneyplus.com', 'disney.com', 'disneyonline.com'],
    ['disneyplus'],
  ),
  b('DocuSign', ['docusign'], ['docusign.com', 'docusign.net'], ['docusign']),
  b('Dropbox', ['dropbox'], ['dropbox.com', 'dropboxmail.com'], ['dropbox']),
  b(
    'Adobe',
    ['adobe', 'adobe sign', 'adobe acrobat'],
    ['adobe.com', 'adobesign.com', 'echosign.com'],
    ['adobe'],
  ),
  b('WeTransfer', ['wetransfer'], ['wetransfer.com'], ['wetransfer']),
  b(
    'Norton',
    ['norton', 'norton lifelock', 'norton 360'],
    ['norton.com', 'nortonlifelock.com', 'gen.com'],
    ['norton'],
  ),
  b('McAfee', ['mcafee'], ['mcafee.com'], ['mcafee']),
  b('Geek Squad', ['geek squad', 'geeksquad'], ['bestbuy.com', 'geeksquad.com'], ['geeksquad']),
  b(
    'eBay',
    ['ebay'],
    ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.fr', 'ebay.it', 'ebay.com.au', 'ebay.ca'],
    ['ebay'],
  ),
  b('Walmart', ['walmart'], ['walmart.com'], ['walmart']),
  b('Costco', ['costco'], ['costco.com', 'costco.co.uk'], ['costco']),
  b('Booking.com', ['booking.com'], ['booking.com'], ['booking']),
  b('Airbnb', ['airbnb'], ['airbnb.com', 'airbnb.co.uk'], ['airbnb']),
  b(
    'Steam',
    ['steam support', 'steam community', 'steampowered'],
    ['steampowered.com', 'steamcommunity.com'],
    ['steampowered', 'steamcommunity'],
  ),
  b('Venmo', ['venmo'], ['venmo.com'], ['venmo']),
  b('Cash App', ['cash app', 'cashapp'], ['cash.app', 'square.com', 'squareup.com'], ['cashapp']),
  b('Zelle', ['zelle'], ['zellepay.com', 'zelle.com'], ['zellepay']),
  b(
    'Mercado Pago',
    ['mercado pago', 'mercadopago', 'mercado livre', 'mercado libre'],
    ['mercadopago.com', 'mercadopago.com.br', 'mercadolivre.com.br', 'mercadolibre.com'],
    ['mercadopago', 'mercadolivre'],
  ),
  // Phone and internet providers
  b('Verizon', ['verizon'], ['verizon.com', 'verizonwireless.com', 'vzw.com'], ['verizon']),
  b('AT&T', ['at&t', 'att wireless'], ['att.com', 'att-mail.com'], []),
  b('T-Mobile', ['t-mobile', 'tmobile'], ['t-mobile.com', 't-mobile.de'], []),
  b(
    'Vodafone',
    ['vodafone'],
    ['vodafone.com', 'vodafone.co.uk', 'vodafone.de', 'vodafone.in'],
    ['vodafone'],
  ),
  // Parcel carriers and post
  b(
    'DHL',
    ['dhl'],
    [
      'dhl.com',
      'dhl.de',
      'dhl.co.uk',
      'dhl.fr',
      'dhl.nl',
      'dhlparcel.nl',
      'dhlparcel.co.uk',
      'dhl-news.com',
      'dhlecommerce.com',
    ],
    ['dhl'],
  ),
  b('FedEx', ['fedex'], ['fedex.com'], ['fedex']),
  b('UPS', ['ups', 'ups delivery'], ['ups.com', 'theupsstore.com'], ['ups']),
  b(
    'USPS',
    ['usps', 'united states postal service', 'us postal service'],
    ['usps.com', 'usps.gov', 'informeddelivery.usps.com'],
    ['usps'],
  ),
  b(
    'Royal Mail',
    ['royal mail', 'royalmail', 'parcelforce'],
    ['royalmail.com', 'royalmail.co.uk', 'parcelforce.com'],
    ['royalmail', 'parcelforce'],
  ),
  b('Evri', ['evri', 'hermes parcel'], ['evri.com', 'myhermes.co.uk'], ['evri']),
  b('DPD', ['dpd'], ['dpd.co.uk', 'dpd.com', 'dpd.de', 'dpd.fr', 'dpdlocal.co.uk'], ['dpd']),
  b(
    'Canada Post',
    ['canada post', 'postes canada'],
    ['canadapost.ca', 'postescanada.ca', 'canadapost-postescanada.ca'],
    ['canadapost'],
  ),
  b('Australia Post', ['australia post', 'auspost'], ['auspost.com.au'], ['auspost']),
  b(
    'Japan Post',
    ['japan post', 'japanpost', '日本郵便', 'ゆうちょ'],
    ['japanpost.jp', 'post.japanpost.jp', 'jp-bank.japanpost.jp'],
    ['japanpost'],
  ),
  b('India Post', ['india post', 'indiapost'], ['indiapost.gov.in'], ['indiapost']),
  b(
    'Yamato Transport',
    ['yamato transport', 'kuroneko yamato', 'ヤマト運輸'],
    ['kuronekoyamato.co.jp', 'yamato-hd.co.jp'],
    ['kuronekoyamato'],
  ),
  b('Sagawa Express', ['sagawa', '佐川急便'], ['sagawa-exp.co.jp'], ['sagawa']),
  b('Correios', ['correios'], ['correios.com.br'], ['correios']),
  b(
    'Deutsche Post / Bahn',
    ['deutsche post', 'deutsche bahn'],
    ['deutschepost.de', 'bahn.de', 'deutschebahn.com', 'dhl.de'],
    ['deutschepost', 'deutschebahn'],
  ),
  // Banks and cards
  b(
    'Chase',
    ['chase bank', 'chase online', 'jpmorgan chase', 'chase card', 'chase alerts', 'chase fraud'],
    ['chase.com', 'jpmorgan.com', 'jpmorganchase.com'],
    ['chase', 'jpmorgan'],
  ),
  b(
    'Bank of America',
    ['bank of america', 'bankofamerica', 'bofa'],
    ['bankofamerica.com', 'bofa.com', 'ml.com'],
    ['bankofamerica'],
  ),
  b(
    'Wells Fargo',
    ['wells fargo', 'wellsfargo'],
    ['wellsfargo.com', 'wellsfargoadvisors.com'],
    ['wellsfargo'],
  ),
  b(
    'Citi',
    ['citibank', 'citi cards', 'citi bank'],
    ['citi.com', 'citibank.com', 'citicards.com'],
    ['citibank', 'citicards'],
  ),
  b(
    'Capital One',
    ['capital one', 'capitalone'],
    ['capitalone.com', 'capitalone.co.uk'],
    ['capitalone'],
  ),
  b(
    'American Express',
    ['american express', 'amex'],
    ['americanexpress.com', 'aexp.com', 'americanexpress.co.uk'],
    ['americanexpress'],
  ),
  b(
    'Visa / Mastercard',
    ['visa card', 'visa secure', 'mastercard'],
    ['visa.com', 'mastercard.com', 'mastercard.co.uk'],
    ['mastercard'],
  ),
  b('HSBC', ['hsbc'], ['hsbc.com', 'hsbc.co.uk', 'hsbc.co.in', 'us.hsbc.com'], ['hsbc']),
  b(
    'Barclays',
    ['barclays', 'barclaycard'],
    ['barclays.co.uk', 'barclays.com', 'barclaycard.co.uk', 'barclaycardus.com'],
    ['barclays', 'barclaycard'],
  ),
  b(
    'Lloyds / Halifax',
    ['lloyds bank', 'lloydsbank', 'halifax bank', 'bank of scotland'],
    [
      'lloydsbank.co.uk',
      'lloydsbank.com',
      'halifax.co.uk',
      'bankofscotland.co.uk',
      'lloydsbankinggroup.com',
    ],
    ['lloydsbank', 'halifax'],
  ),
  b(
    'NatWest',
    ['natwest', 'royal bank of scotland'],
    ['natwest.com', 'rbs.co.uk', 'natwestgroup.com'],
    ['natwest'],
  ),
  b(
    'Santander',
    ['santander'],
    ['santander.co.uk', 'santander.com', 'santander.com.br', 'santander.de', 'santanderbank.com'],
    ['santander'],
  ),
  b(
    'Revolut / Monzo / Wise',
    ['revolut', 'monzo', 'wise transfer'],
    ['revolut.com', 'monzo.com', 'wise.com'],
    ['revolut', 'monzo'],
  ),
  b(
    'Deutsche Bank / Sparkasse',
    ['deutsche bank', 'sparkasse', 'postbank', 'commerzbank', 'volksbank'],
    [
      'deutsche-bank.de',
      'db.com',
      'sparkasse.de',
      'postbank.de',
      'commerzbank.de',
      'commerzbank.com',
      'vr.de',
    ],
    ['sparkasse', 'postbank', 'commerzbank'],
  ),
  b('ING', ['ing bank', 'ing direct'], ['ing.com', 'ing.nl', 'ing.de', 'ing.be', 'ing.es'], []),
  b(
    'State Bank of India',
    ['state bank of india', 'sbi bank', 'onlinesbi', 'yono sbi'],
    ['sbi.co.in', 'onlinesbi.sbi', 'onlinesbi.com', 'sbi.bank.in'],
    ['onlinesbi'],
  ),
  b(
    'HDFC / ICICI / Axis',
    ['hdfc bank', 'hdfc', 'icici bank', 'icici', 'axis bank'],
    [
      'hdfcbank.com',
      'hdfclife.com',
      'hdfcergo.com',
      'hdfcbank.net',
      'icicibank.com',
      'iciciprulife.com',
      'icicipruamc.com',
      'icicilombard.com',
      'axisbank.com',
    ],
    ['hdfcbank', 'icicibank', 'axisbank'],
  ),
  b(
    'MUFG / SMBC / Mizuho',
    ['mufg', 'smbc', 'mizuho', '三菱ufj', '三井住友', 'みずほ'],
    ['mufg.jp', 'bk.mufg.jp', 'smbc.co.jp', 'smbc-card.com', 'mizuhobank.co.jp', 'mizuho-fg.co.jp'],
    ['mizuhobank', 'smbc-card'],
  ),
  b(
    'Rakuten / AEON / JCB',
    ['rakuten', '楽天', 'aeon card', 'イオンカード', 'jcb'],
    ['rakuten.co.jp', 'rakuten.com', 'rakuten-card.co.jp', 'aeon.co.jp', 'aeon.com', 'jcb.co.jp'],
    ['rakuten', 'aeon'],
  ),
  b(
    'Bradesco / Itaú / Caixa',
    ['bradesco', 'itaú', 'itau', 'caixa', 'banco do brasil', 'nubank'],
    ['bradesco.com.br', 'itau.com.br', 'caixa.gov.br', 'bb.com.br', 'nubank.com.br'],
    ['bradesco', 'nubank'],
  ),
  // Crypto
  b('Coinbase', ['coinbase'], ['coinbase.com'], ['coinbase']),
  b('Binance', ['binance'], ['binance.com', 'binance.us'], ['binance']),
  b('MetaMask', ['metamask'], ['metamask.io', 'consensys.io', 'consensys.net'], ['metamask']),
  b(
    'Ledger',
    ['ledger live', 'ledger support', 'ledger wallet', 'ledger'],
    ['ledger.com'],
    ['ledger'],
  ),
  b('Trust Wallet', ['trust wallet', 'trustwallet'], ['trustwallet.com'], ['trustwallet']),
  b(
    'Kraken / Crypto.com',
    ['kraken', 'crypto.com', 'blockchain.com', 'opensea'],
    ['kraken.com', 'crypto.com', 'blockchain.com', 'opensea.io'],
    ['kraken', 'opensea'],
  ),
  // Government services
  b('IRS', ['irs', 'internal revenue service'], ['irs.gov', 'treasury.gov'], ['irs']),
  b(
    'Social Security / Medicare',
    ['social security administration', 'medicare'],
    ['ssa.gov', 'medicare.gov', 'cms.gov', 'hhs.gov'],
    ['medicare'],
  ),
  b(
    'HMRC / GOV.UK',
    ['hmrc', 'gov.uk', 'dvla', 'hm revenue'],
    ['gov.uk', 'hmrc.gov.uk', 'dvla.gov.uk', 'service.gov.uk'],
    ['hmrc', 'dvla'],
  ),
  b(
    'Indian Income Tax',
    ['income tax department', 'incometax', 'income tax india'],
    ['incometax.gov.in', 'gov.in', 'nic.in'],
    ['incometax'],
  ),
  b(
    'Japan National Tax Agency',
    ['national tax agency', '国税庁'],
    ['nta.go.jp', 'e-tax.nta.go.jp'],
    [],
  ),
  b(
    'US toll services',
    ['e-zpass', 'ezpass', 'sunpass', 'fastrak', 'txtag', 'ezdrivema', 'toll by plate'],
    [
      'e-zpassny.com',
      'ezpassnj.com',
      'e-zpassiag.com',
      'ezpassva.com',
      'ezpassmd.com',
      'ezpassde.com',
      'paturnpike.com',
      'sunpass.com',
      'bayareafastrak.org',
      'thetollroads.com',
      'txtag.org',
      'ezdrivema.com',
      'ntta.org',
      'illinoistollway.com',
    ],
    ['ezpass', 'sunpass', 'fastrak', 'txtag'],
  ),
  b('Receita Federal', ['receita federal'], ['receita.fazenda.gov.br', 'gov.br'], []),
];

let owners: Map<string, Brand> | undefined;

/** The brand that owns `domain` (one of its domains or a subdomain of one), if any. O(labels), not O(brands). */
export function brandOfDomain(domain: string): Brand | undefined {
  if (owners === undefined) {
    owners = new Map();
    for (const brand of BRANDS)
      for (const d of brand.domains) if (!owners.has(d)) owners.set(d, brand);
  }
  let rest = domain;
  for (;;) {
    const hit = owners.get(rest);
    if (hit !== undefined) return hit;
    const dot = rest.indexOf('.');
    if (dot < 0) return undefined;
    rest = rest.slice(dot + 1);
  }
}

/** True when `domain` is one of the brand's domains or a subdomain of one. */
export function brandOwns(brand: Brand, domain: string): boolean {
  return brand.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * brandOwns, or the brand's own name under a country domain (`vodafone.it`,
 * `amazon.com.mx`): big brands hold their name in most countries, and we do not
 * list them all. Used where a miss would accuse an honest sender.
 */
export function brandPlausiblyOwns(brand: Brand, domain: string, orgDomain: string): boolean {
  if (brandOwns(brand, domain)) return true;
  const dot = orgDomain.indexOf('.');
  const label = orgDomain.slice(0, dot);
  const tld = orgDomain.slice(orgDomain.lastIndexOf('.') + 1);
  return dot > 0 && tld.length === 2 && brand.labels.includes(label);
}
