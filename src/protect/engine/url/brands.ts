/**
 * Brands commonly impersonated in scams aimed at the US, UK, EU, India, Japan,
 * Australia and Canada, with the domains they really use, so `apple.com` and
 * `support.apple.com` are recognised as Apple while `apple-id-verify.top` is not.
 *
 * - `domains`: official domains; a host is official when it equals one or ends
 *   with `.` + one (so `gov.uk` covers every `*.gov.uk` page, `mufg.jp` covers
 *   `bk.mufg.jp`).
 * - `tokens`: distinctive lower-case ASCII names looked for inside host names.
 *   Tokens of 3 letters or fewer only match a whole hyphen/dot-separated part;
 *   generic words (`discover`, `target`, `line`, `zoom`) are left out on purpose.
 * - `ccTlds`: the brand holds its name under (nearly) every country domain
 *   (`google.dk`, `amazon.com.br`), so those count as official too.
 * - `aliases`: how people write the name in a message (lower case, `|`-separated),
 *   used by the phone and cue signals.
 *
 * Data, not logic: add a brand by adding a line. Sources: the brands named in
 * APWG, JPCERT/CC, UK NCSC, ACCC Scamwatch, FTC and CERT-In phishing reports.
 */

export type BrandSector =
  | 'bank'
  | 'payment'
  | 'delivery'
  | 'government'
  | 'tech'
  | 'crypto'
  | 'toll'
  | 'telecom'
  | 'retail'
  | 'social';

export interface Brand {
  readonly id: string;
  readonly name: string;
  readonly sector: BrandSector;
  readonly domains: readonly string[];
  readonly tokens: readonly string[];
  readonly ccTlds?: boolean;
  readonly aliases?: readonly string[];
}

type Row = readonly [
  id: string,
  name: string,
  sector: BrandSector,
  domains: string,
  tokens: string,
  extra?: { ccTlds?: boolean; aliases?: string },
];

/** Compact rows: domains and tokens are space-separated to keep the table scannable. */
// biome-ignore format: one brand per line keeps the table scannable
const ROWS: readonly Row[] = [
  // Technology and online services
  ['apple', 'Apple', 'tech', 'apple.com icloud.com me.com apple.co itunes.com apple.news', 'apple icloud itunes appleid', { ccTlds: true, aliases: 'apple|icloud|apple id|itunes' }],
  ['microsoft', 'Microsoft', 'tech', 'microsoft.com live.com outlook.com office.com office365.com microsoftonline.com hotmail.com msn.com windows.com xbox.com sharepoint.com onedrive.com bing.com azure.com microsofttranslator.com msftauth.net microsoft365.com skype.com', 'microsoft office365 outlook onedrive hotmail sharepoint microsoftonline msoffice microsoft365', { ccTlds: true, aliases: 'microsoft|outlook|office 365|windows defender' }],
  ['google', 'Google', 'tech', 'google.com gmail.com youtube.com youtu.be googledrive.com googlecode.com googleusercontent.com googleapis.com gstatic.com goo.gl g.co forms.gle googlemail.com blogger.com withgoogle.com google.dev', 'google gmail youtube googledocs googledrive', { ccTlds: true, aliases: 'google|gmail|youtube' }],
  ['amazon', 'Amazon', 'retail', 'amazon.com amazonaws.com amazon.jobs primevideo.com amazon.dev a.co amzn.to amzn.com ssl-images-amazon.com media-amazon.com amazon.co.uk amazon.co.jp amazon.in amazon.com.au amazon.com.br amazon.com.mx audible.com', 'amazon amzn primevideo', { ccTlds: true, aliases: 'amazon|prime video|amazon prime' }],
  ['netflix', 'Netflix', 'tech', 'netflix.com netflix.net nflxvideo.net nflximg.net', 'netflix', { ccTlds: true }],
  ['meta', 'Facebook / Meta', 'social', 'facebook.com fb.com fb.me meta.com messenger.com facebookmail.com', 'facebook messenger', { aliases: 'facebook|meta' }],
  ['instagram', 'Instagram', 'social', 'instagram.com instagr.am cdninstagram.com', 'instagram'],
  ['whatsapp', 'WhatsApp', 'social', 'whatsapp.com whatsapp.net wa.me', 'whatsapp'],
  ['paypal', 'PayPal', 'payment', 'paypal.com paypal.me paypalobjects.com paypal-community.com', 'paypal', { ccTlds: true }],
  ['ebay', 'eBay', 'retail', 'ebay.com ebayimg.com ebay-kleinanzeigen.de ebay.co.uk ebay.com.au ebay.de', 'ebay', { ccTlds: true }],
  ['dropbox', 'Dropbox', 'tech', 'dropbox.com db.tt dropboxusercontent.com', 'dropbox'],
  ['adobe', 'Adobe', 'tech', 'adobe.com adobe.io acrobat.com', 'adobe'],
  ['docusign', 'DocuSign', 'tech', 'docusign.com docusign.net', 'docusign'],
  ['linkedin', 'LinkedIn', 'social', 'linkedin.com lnkd.in', 'linkedin'],
  ['steam', 'Steam', 'tech', 'steampowered.com steamcommunity.com', 'steampowered steamcommunity'],
  ['spotify', 'Spotify', 'tech', 'spotify.com', 'spotify'],
  ['disney', 'Disney+', 'tech', 'disneyplus.com disney.com', 'disneyplus'],
  ['yahoo', 'Yahoo', 'tech', 'yahoo.com yahoo.co.jp yahoo.net yahoo-help.jp', 'yahoo', { ccTlds: true }],
  ['twitter', 'X / Twitter', 'social', 'twitter.com x.com t.co', 'twitter'],
  ['tiktok', 'TikTok', 'social', 'tiktok.com', 'tiktok'],
  ['telegram', 'Telegram', 'social', 'telegram.org t.me telegram.me', 'telegram'],
  ['mcafee', 'McAfee', 'tech', 'mcafee.com', 'mcafee'],
  ['norton', 'Norton', 'tech', 'norton.com nortonlifelock.com gen.com', 'norton nortonlifelock'],
  ['geeksquad', 'Geek Squad / Best Buy', 'tech', 'geeksquad.com bestbuy.com bestbuy.ca', 'geeksquad bestbuy', { aliases: 'geek squad|best buy' }],
  ['walmart', 'Walmart', 'retail', 'walmart.com walmart.ca walmart.com.mx', 'walmart', { ccTlds: true }],
  ['costco', 'Costco', 'retail', 'costco.com costco.co.uk costco.ca', 'costco'],
  ['flipkart', 'Flipkart', 'retail', 'flipkart.com', 'flipkart'],
  ['mercari', 'Mercari', 'retail', 'mercari.com mercari.jp', 'mercari'],
  ['temu', 'Temu', 'retail', 'temu.com', 'temu'],
  ['aliexpress', 'AliExpress', 'retail', 'aliexpress.com alibaba.com', 'aliexpress alibaba'],
  ['roblox', 'Roblox', 'tech', 'roblox.com', 'roblox'],
  ['wetransfer', 'WeTransfer', 'tech', 'wetransfer.com we.tl', 'wetransfer'],
  ['github', 'GitHub', 'tech', 'github.com', 'github'],
  // Payment apps and money transfer
  ['venmo', 'Venmo', 'payment', 'venmo.com', 'venmo'],
  ['cashapp', 'Cash App', 'payment', 'cash.app cash.me squareup.com square.com', 'cashapp', { aliases: 'cash app|cashapp' }],
  ['zelle', 'Zelle', 'payment', 'zellepay.com zelle.com', 'zelle'],
  ['revolut', 'Revolut', 'payment', 'revolut.com', 'revolut'],
  ['wise', 'Wise', 'payment', 'wise.com transferwise.com', 'transferwise'],
  ['monzo', 'Monzo', 'bank', 'monzo.com', 'monzo'],
  ['starling', 'Starling Bank', 'bank', 'starlingbank.com', 'starlingbank'],
  ['paytm', 'Paytm', 'payment', 'paytm.com paytm.in paytmbank.com', 'paytm'],
  ['phonepe', 'PhonePe', 'payment', 'phonepe.com', 'phonepe'],
  ['npci', 'NPCI / BHIM UPI', 'payment', 'npci.org.in bhimupi.org.in', 'npci bhimupi', { aliases: 'bhim|npci' }],
  ['paypay', 'PayPay', 'payment', 'paypay.ne.jp paypay-bank.co.jp', 'paypay'],
  ['afterpay', 'Afterpay', 'payment', 'afterpay.com', 'afterpay'],
  ['klarna', 'Klarna', 'payment', 'klarna.com', 'klarna', { ccTlds: true }],
  ['westernunion', 'Western Union', 'payment', 'westernunion.com wu.com', 'westernunion', { aliases: 'western union' }],
  ['moneygram', 'MoneyGram', 'payment', 'moneygram.com', 'moneygram'],
  ['visa', 'Visa', 'payment', 'visa.com visa.co.uk visa.co.in', 'visacard'],
  ['mastercard', 'Mastercard', 'payment', 'mastercard.com mastercard.us mastercard.co.uk', 'mastercard'],
  ['amex', 'American Express', 'payment', 'americanexpress.com amex.com aexp.com americanexpress.co.jp', 'americanexpress amex', { aliases: 'american express|amex' }],
  ['interac', 'Interac', 'payment', 'interac.ca', 'interac', { aliases: 'interac e-transfer' }],
  // US banks
  ['chase', 'Chase', 'bank', 'chase.com jpmorganchase.com jpmorgan.com', 'chase jpmorgan', { aliases: 'chase|jpmorgan' }],
  ['bofa', 'Bank of America', 'bank', 'bankofamerica.com bofa.com', 'bankofamerica bofa', { aliases: 'bank of america|bofa' }],
  ['wellsfargo', 'Wells Fargo', 'bank', 'wellsfargo.com wf.com', 'wellsfargo', { aliases: 'wells fargo' }],
  ['citi', 'Citi', 'bank', 'citi.com citibank.com citigroup.com citibankonline.com', 'citibank citi'],
  ['capitalone', 'Capital One', 'bank', 'capitalone.com capitalone.co.uk', 'capitalone', { aliases: 'capital one' }],
  ['usbank', 'U.S. Bank', 'bank', 'usbank.com', 'usbank', { aliases: 'us bank|u.s. bank' }],
  ['pnc', 'PNC', 'bank', 'pnc.com', 'pnc'],
  ['truist', 'Truist', 'bank', 'truist.com', 'truist'],
  ['tdbank', 'TD Bank', 'bank', 'td.com tdbank.com tdcanadatrust.com', 'tdbank', { aliases: 'td bank|td canada trust' }],
  ['navyfederal', 'Navy Federal Credit Union', 'bank', 'navyfederal.org', 'navyfederal', { aliases: 'navy federal' }],
  ['usaa', 'USAA', 'bank', 'usaa.com', 'usaa'],
  ['schwab', 'Charles Schwab', 'bank', 'schwab.com', 'schwab'],
  ['fidelity', 'Fidelity', 'bank', 'fidelity.com fidelity.co.uk', 'fidelity'],
  // UK banks and lenders
  ['hsbc', 'HSBC', 'bank', 'hsbc.com hsbc.co.uk hsbc.co.in hsbc.com.au hsbc.ca hsbcnet.com', 'hsbc', { ccTlds: true }],
  ['barclays', 'Barclays', 'bank', 'barclays.co.uk barclays.com barclaycard.co.uk barclays.in', 'barclays barclaycard'],
  ['lloyds', 'Lloyds Bank', 'bank', 'lloydsbank.com lloydsbank.co.uk lloydsbankinggroup.com', 'lloyds lloydsbank', { aliases: 'lloyds bank|lloyds' }],
  ['natwest', 'NatWest', 'bank', 'natwest.com', 'natwest'],
  ['santander', 'Santander', 'bank', 'santander.co.uk santander.com santander.es santander.de santanderconsumer.com santanderrio.com.ar bancosantander.es', 'santander', { ccTlds: true }],
  ['halifax', 'Halifax', 'bank', 'halifax.co.uk halifax-online.co.uk', 'halifax'],
  ['nationwide', 'Nationwide', 'bank', 'nationwide.co.uk nationwide.com', 'nationwide'],
  ['rbs', 'Royal Bank of Scotland', 'bank', 'rbs.co.uk rbs.com', 'rbs', { aliases: 'royal bank of scotland|rbs' }],
  ['tsb', 'TSB', 'bank', 'tsb.co.uk', 'tsb'],
  ['metrobank', 'Metro Bank', 'bank', 'metrobankonline.co.uk', 'metrobank', { aliases: 'metro bank' }],
  ['firstdirect', 'first direct', 'bank', 'firstdirect.com', 'firstdirect', { aliases: 'first direct' }],
  ['virginmoney', 'Virgin Money', 'bank', 'virginmoney.com virginmoney.com.au', 'virginmoney', { aliases: 'virgin money' }],
  // EU banks
  ['ing', 'ING', 'bank', 'ing.com ing.nl ing.de ing.be ing.es ing.it ing.com.au ing-diba.de', 'ing'],
  ['deutschebank', 'Deutsche Bank', 'bank', 'deutsche-bank.de db.com deutschebank.com', 'deutschebank', { aliases: 'deutsche bank' }],
  ['commerzbank', 'Commerzbank', 'bank', 'commerzbank.de commerzbank.com', 'commerzbank'],
  ['sparkasse', 'Sparkasse', 'bank', 'sparkasse.de sparkasse.at', 'sparkasse'],
  ['postbank', 'Postbank', 'bank', 'postbank.de', 'postbank'],
  ['volksbank', 'Volksbank', 'bank', 'vr.de volksbank.de', 'volksbank'],
  ['bnpparibas', 'BNP Paribas', 'bank', 'bnpparibas.com bnpparibas.fr bnpparibasfortis.be bnpparibas mabanque.bnpparibas', 'bnpparibas bnp', { aliases: 'bnp paribas' }],
  ['creditagricole', 'Crédit Agricole', 'bank', 'credit-agricole.fr credit-agricole.com ca-paris.fr', 'creditagricole', { aliases: 'credit agricole|crédit agricole' }],
  ['socgen', 'Société Générale', 'bank', 'societegenerale.fr societegenerale.com', 'societegenerale', { aliases: 'societe generale|société générale' }],
  ['labanquepostale', 'La Banque Postale', 'bank', 'labanquepostale.fr', 'labanquepostale', { aliases: 'la banque postale' }],
  ['abnamro', 'ABN AMRO', 'bank', 'abnamro.nl abnamro.com', 'abnamro', { aliases: 'abn amro' }],
  ['rabobank', 'Rabobank', 'bank', 'rabobank.nl rabobank.com', 'rabobank'],
  ['kbc', 'KBC', 'bank', 'kbc.be kbc.com', 'kbc'],
  ['bbva', 'BBVA', 'bank', 'bbva.es bbva.com bbva.mx', 'bbva'],
  ['caixabank', 'CaixaBank', 'bank', 'caixabank.es caixabank.com', 'caixabank'],
  ['unicredit', 'UniCredit', 'bank', 'unicredit.it unicreditgroup.eu unicredit.eu', 'unicredit'],
  ['intesa', 'Intesa Sanpaolo', 'bank', 'intesasanpaolo.com intesasanpaolo.it', 'intesasanpaolo intesa', { aliases: 'intesa sanpaolo' }],
  ['bunq', 'bunq', 'bank', 'bunq.com', 'bunq'],
  ['n26', 'N26', 'bank', 'n26.com', 'n26'],
  // India: banks, government, telecoms
  ['sbi', 'State Bank of India', 'bank', 'sbi.co.in onlinesbi.sbi onlinesbi.com sbi bank.sbi sbicard.com', 'sbi onlinesbi yono sbicard', { aliases: 'state bank of india|sbi|yono' }],
  ['hdfc', 'HDFC Bank', 'bank', 'hdfcbank.com hdfc.com hdfcbank.net', 'hdfc hdfcbank', { aliases: 'hdfc bank|hdfc' }],
  ['icici', 'ICICI Bank', 'bank', 'icicibank.com icici.com icicibank.co.in', 'icici icicibank', { aliases: 'icici bank|icici' }],
  ['axis', 'Axis Bank', 'bank', 'axisbank.com axisbank.co.in', 'axisbank', { aliases: 'axis bank' }],
  ['kotak', 'Kotak Mahindra Bank', 'bank', 'kotak.com kotakbank.com', 'kotak', { aliases: 'kotak' }],
  ['pnb', 'Punjab National Bank', 'bank', 'pnbindia.in pnb.co.in', 'pnb pnbindia', { aliases: 'punjab national bank|pnb' }],
  ['bob', 'Bank of Baroda', 'bank', 'bankofbaroda.in bankofbaroda.com bobcard.co.in', 'bankofbaroda', { aliases: 'bank of baroda' }],
  ['canara', 'Canara Bank', 'bank', 'canarabank.com canarabank.in', 'canarabank', { aliases: 'canara bank' }],
  ['yesbank', 'Yes Bank', 'bank', 'yesbank.in', 'yesbank', { aliases: 'yes bank' }],
  ['indusind', 'IndusInd Bank', 'bank', 'indusind.com', 'indusind'],
  ['unionbank', 'Union Bank of India', 'bank', 'unionbankofindia.co.in', 'unionbankofindia', { aliases: 'union bank of india' }],
  ['indiapost', 'India Post', 'delivery', 'indiapost.gov.in ippbonline.com', 'indiapost ippb', { aliases: 'india post' }],
  ['incometaxindia', 'Income Tax Department (India)', 'government', 'incometax.gov.in incometaxindia.gov.in', 'incometax incometaxindia', { aliases: 'income tax department' }],
  ['uidai', 'UIDAI / Aadhaar', 'government', 'uidai.gov.in', 'uidai aadhaar aadhar', { aliases: 'aadhaar|aadhar|uidai' }],
  ['mygovin', 'MyGov India', 'government', 'mygov.in', 'mygov', { aliases: 'mygov india' }],
  ['epfo', 'EPFO', 'government', 'epfindia.gov.in', 'epfo epfindia'],
  ['irctc', 'IRCTC', 'retail', 'irctc.co.in irctc.com', 'irctc'],
  ['fastag', 'FASTag (NHAI)', 'toll', 'ihmcl.co.in nhai.gov.in', 'fastag', { aliases: 'fastag' }],
  ['jio', 'Jio', 'telecom', 'jio.com', 'jio', { aliases: 'jio|reliance jio' }],
  ['airtel', 'Airtel', 'telecom', 'airtel.in airtel.com', 'airtel'],
  ['bsnl', 'BSNL', 'telecom', 'bsnl.co.in bsnl.in', 'bsnl'],
  // Japan
  ['rakuten', 'Rakuten', 'retail', 'rakuten.co.jp rakuten.com rakuten.jp rakuten-card.co.jp rakuten-bank.co.jp rakuten-sec.co.jp', 'rakuten', { ccTlds: true, aliases: 'rakuten|楽天' }],
  ['aeon', 'AEON', 'bank', 'aeon.co.jp aeon.com aeonbank.co.jp aeon.jp', 'aeon', { aliases: 'aeon|イオン' }],
  ['smbc', 'SMBC / Sumitomo Mitsui', 'bank', 'smbc.co.jp smbc-card.com vpass.ne.jp smbc.jp', 'smbc vpass', { aliases: 'smbc|三井住友' }],
  ['mufg', 'MUFG', 'bank', 'mufg.jp', 'mufg', { aliases: 'mufg|三菱ufj' }],
  ['mizuho', 'Mizuho Bank', 'bank', 'mizuhobank.co.jp mizuho-fg.co.jp mizuho-sc.com', 'mizuho', { aliases: 'mizuho|みずほ' }],
  ['resona', 'Resona Bank', 'bank', 'resonabank.co.jp resona-gr.co.jp', 'resona'],
  ['japanpost', 'Japan Post', 'delivery', 'japanpost.jp jp-bank.japanpost.jp', 'japanpost yucho', { aliases: 'japan post|日本郵便|ゆうちょ' }],
  ['yamato', 'Yamato Transport', 'delivery', 'kuronekoyamato.co.jp yamato-hd.co.jp', 'kuronekoyamato yamato kuroneko', { aliases: 'yamato|ヤマト運輸|クロネコ' }],
  ['sagawa', 'Sagawa Express', 'delivery', 'sagawa-exp.co.jp', 'sagawa', { aliases: 'sagawa|佐川' }],
  ['docomo', 'NTT docomo', 'telecom', 'docomo.ne.jp nttdocomo.co.jp', 'docomo', { aliases: 'docomo|ドコモ' }],
  ['kddi', 'au / KDDI', 'telecom', 'au.com kddi.com', 'kddi'],
  ['softbank', 'SoftBank', 'telecom', 'softbank.jp softbank.co.jp', 'softbank'],
  ['jcb', 'JCB', 'payment', 'jcb.co.jp jcb.jp jcb.com global.jcb', 'jcb'],
  ['saison', 'Saison Card', 'payment', 'saisoncard.co.jp credisaison.co.jp saisoncard-international.com', 'saison saisoncard'],
  ['orico', 'Orico', 'payment', 'orico.co.jp', 'orico'],
  ['epos', 'EPOS Card', 'payment', 'eposcard.co.jp', 'eposcard'],
  ['viewcard', 'View Card', 'payment', 'viewcard.co.jp', 'viewcard'],
  ['ekinet', 'Eki-net (JR East)', 'retail', 'eki-net.com jreast.co.jp', 'ekinet', { aliases: 'えきねっと|eki-net' }],
  ['etcmeisai', 'ETC Meisai (highway tolls)', 'toll', 'etc-meisai.jp', 'etcmeisai', { aliases: 'etc利用照会|etc meisai' }],
  ['nta', 'National Tax Agency (e-Tax)', 'government', 'nta.go.jp', 'etax', { aliases: '国税庁|e-tax' }],
  ['ana', 'ANA', 'retail', 'ana.co.jp', 'ana'],
  ['jal', 'JAL', 'retail', 'jal.co.jp jal.com', 'jal'],
  ['tepco', 'TEPCO', 'retail', 'tepco.co.jp', 'tepco', { aliases: '東京電力|tepco' }],
  // Australia
  ['commbank', 'Commonwealth Bank', 'bank', 'commbank.com.au netbank.com.au cba.com.au', 'commbank netbank', { aliases: 'commonwealth bank|commbank|netbank' }],
  ['westpac', 'Westpac', 'bank', 'westpac.com.au westpac.co.nz', 'westpac'],
  ['nab', 'NAB', 'bank', 'nab.com.au', 'nab', { aliases: 'national australia bank|nab' }],
  ['anz', 'ANZ', 'bank', 'anz.com.au anz.com anz.co.nz', 'anz'],
  ['stgeorge', 'St.George Bank', 'bank', 'stgeorge.com.au', 'stgeorge', { aliases: 'st george|st.george' }],
  ['ato', 'Australian Taxation Office', 'government', 'ato.gov.au', 'ato', { aliases: 'australian taxation office|ato' }],
  ['mygov', 'myGov', 'government', 'my.gov.au servicesaustralia.gov.au', 'mygov', { aliases: 'mygov' }],
  ['centrelink', 'Services Australia / Centrelink', 'government', 'servicesaustralia.gov.au humanservices.gov.au', 'centrelink servicesaustralia', { aliases: 'centrelink|services australia' }],
  ['auspost', 'Australia Post', 'delivery', 'auspost.com.au startrack.com.au', 'auspost', { aliases: 'australia post|auspost' }],
  ['linkt', 'Linkt (tolls)', 'toll', 'linkt.com.au', 'linkt'],
  ['telstra', 'Telstra', 'telecom', 'telstra.com.au telstra.com', 'telstra'],
  ['optus', 'Optus', 'telecom', 'optus.com.au', 'optus'],
  // Canada
  ['rbc', 'RBC Royal Bank', 'bank', 'rbc.com rbcroyalbank.com', 'rbc rbcroyalbank', { aliases: 'rbc|royal bank' }],
  ['scotiabank', 'Scotiabank', 'bank', 'scotiabank.com', 'scotiabank'],
  ['bmo', 'BMO', 'bank', 'bmo.com', 'bmo', { aliases: 'bmo|bank of montreal' }],
  ['cibc', 'CIBC', 'bank', 'cibc.com', 'cibc'],
  ['desjardins', 'Desjardins', 'bank', 'desjardins.com', 'desjardins'],
  ['canadapost', 'Canada Post', 'delivery', 'canadapost-postescanada.ca canadapost.ca postescanada.ca', 'canadapost', { aliases: 'canada post' }],
  ['cra', 'Canada Revenue Agency', 'government', 'canada.ca gc.ca', 'canadarevenue', { aliases: 'canada revenue agency' }],
  ['407etr', '407 ETR', 'toll', '407etr.com', '407etr'],
  ['telus', 'Telus', 'telecom', 'telus.com', 'telus'],
  ['rogers', 'Rogers', 'telecom', 'rogers.com', 'rogers'],
  ['bell', 'Bell Canada', 'telecom', 'bell.ca', 'bellcanada', { aliases: 'bell canada' }],
  // US government, carriers, tolls, telecoms
  ['irs', 'IRS', 'government', 'irs.gov', 'irs', { aliases: 'irs|internal revenue service' }],
  ['ssa', 'Social Security Administration', 'government', 'ssa.gov', 'socialsecurity', { aliases: 'social security' }],
  ['medicare', 'Medicare', 'government', 'medicare.gov cms.gov', 'medicare'],
  ['ftc', 'Federal Trade Commission', 'government', 'ftc.gov', 'ftc'],
  ['usps', 'USPS', 'delivery', 'usps.com usps.gov', 'usps', { aliases: 'usps|postal service' }],
  ['ups', 'UPS', 'delivery', 'ups.com', 'ups'],
  ['fedex', 'FedEx', 'delivery', 'fedex.com', 'fedex'],
  ['dhl', 'DHL', 'delivery', 'dhl.com dhl.de dhl.co.uk dhlparcel.co.uk dhlparcel.nl dhl.fr', 'dhl dhlparcel', { ccTlds: true }],
  ['ezpass', 'E-ZPass', 'toll', 'e-zpassny.com ezpassnj.com ezpassva.com ezpassmd.com e-zpassiag.com ezpassde.com ezpassoh.com ezpass.com paturnpike.com', 'ezpass', { aliases: 'e-zpass|ezpass' }],
  ['sunpass', 'SunPass', 'toll', 'sunpass.com', 'sunpass'],
  ['fastrak', 'FasTrak', 'toll', 'bayareafastrak.org thetollroads.com', 'fastrak', { aliases: 'fastrak' }],
  ['txtag', 'TxTag', 'toll', 'txtag.org', 'txtag'],
  ['ntta', 'NTTA TollTag', 'toll', 'ntta.org', 'ntta tolltag', { aliases: 'ntta|tolltag' }],
  ['peachpass', 'Peach Pass', 'toll', 'peachpass.com', 'peachpass', { aliases: 'peach pass' }],
  ['ezdrivema', 'EZDriveMA', 'toll', 'ezdrivema.com', 'ezdrivema', { aliases: 'ezdrivema|ezdrive' }],
  ['ncquickpass', 'NC Quick Pass', 'toll', 'ncquickpass.com', 'ncquickpass', { aliases: 'nc quick pass' }],
  ['goodtogo', 'Good To Go!', 'toll', 'mygoodtogo.com', 'mygoodtogo'],
  ['riverlink', 'RiverLink', 'toll', 'riverlink.com', 'riverlink'],
  ['pikepass', 'PikePass', 'toll', 'pikepass.com', 'pikepass', { aliases: 'pikepass' }],
  ['ipass', 'Illinois Tollway I-PASS', 'toll', 'illinoistollway.com getipass.com', 'ipass illinoistollway', { aliases: 'i-pass|illinois tollway' }],
  ['verizon', 'Verizon', 'telecom', 'verizon.com verizonwireless.com verizon.net', 'verizon'],
  ['att', 'AT&T', 'telecom', 'att.com att.net', 'att', { aliases: 'at&t' }],
  ['tmobile', 'T-Mobile', 'telecom', 't-mobile.com tmobile.com', 'tmobile', { aliases: 't-mobile' }],
  ['xfinity', 'Xfinity / Comcast', 'telecom', 'xfinity.com comcast.com comcast.net', 'xfinity comcast'],
  ['spectrum', 'Spectrum', 'telecom', 'spectrum.com spectrum.net', 'spectrum'],
  // UK government, carriers, telecoms
  ['govuk', 'GOV.UK', 'government', 'gov.uk', 'govuk', { aliases: 'gov.uk' }],
  ['hmrc', 'HMRC', 'government', 'gov.uk hmrc.gov.uk', 'hmrc', { aliases: 'hmrc' }],
  ['dvla', 'DVLA', 'government', 'gov.uk', 'dvla'],
  ['nhs', 'NHS', 'government', 'nhs.uk', 'nhs'],
  ['tvlicensing', 'TV Licensing', 'government', 'tvlicensing.co.uk', 'tvlicensing', { aliases: 'tv licensing|tv licence' }],
  ['royalmail', 'Royal Mail', 'delivery', 'royalmail.com royalmail.co.uk royalmailgroup.com', 'royalmail', { aliases: 'royal mail' }],
  ['evri', 'Evri', 'delivery', 'evri.com myhermes.co.uk', 'evri hermes'],
  ['dpd', 'DPD', 'delivery', 'dpd.co.uk dpd.com dpd.de dpd.fr dpdgroup.com dpdlocal.co.uk', 'dpd dpdlocal', { ccTlds: true }],
  ['parcelforce', 'Parcelforce', 'delivery', 'parcelforce.com', 'parcelforce'],
  ['yodel', 'Yodel', 'delivery', 'yodel.co.uk', 'yodel'],
  ['bt', 'BT', 'telecom', 'bt.com', 'bt'],
  ['ee', 'EE', 'telecom', 'ee.co.uk', 'ee'],
  ['vodafone', 'Vodafone', 'telecom', 'vodafone.com vodafone.co.uk vodafone.de vodafone.it vodafone.es vodafone.com.au', 'vodafone', { ccTlds: true }],
  ['o2', 'O2', 'telecom', 'o2.co.uk o2online.de', 'o2'],
  ['three', 'Three', 'telecom', 'three.co.uk three.ie', 'threeuk'],
  ['sky', 'Sky', 'telecom', 'sky.com', 'skyuk'],
  ['virginmedia', 'Virgin Media', 'telecom', 'virginmedia.com', 'virginmedia', { aliases: 'virgin media' }],
  ['britishgas', 'British Gas', 'retail', 'britishgas.co.uk', 'britishgas', { aliases: 'british gas' }],
  // EU government and carriers
  ['deutschepost', 'Deutsche Post', 'delivery', 'deutschepost.de', 'deutschepost', { aliases: 'deutsche post' }],
  ['laposte', 'La Poste / Colissimo', 'delivery', 'laposte.fr laposte.net colissimo.fr', 'laposte colissimo', { aliases: 'la poste|colissimo' }],
  ['chronopost', 'Chronopost', 'delivery', 'chronopost.fr', 'chronopost'],
  ['postnl', 'PostNL', 'delivery', 'postnl.nl postnl.com', 'postnl'],
  ['bpost', 'bpost', 'delivery', 'bpost.be', 'bpost'],
  ['correos', 'Correos', 'delivery', 'correos.es', 'correos'],
  ['correios', 'Correios (Brazil)', 'delivery', 'correios.com.br', 'correios'],
  ['posteitaliane', 'Poste Italiane', 'delivery', 'poste.it posteitaliane.it', 'posteitaliane', { aliases: 'poste italiane' }],
  ['gls', 'GLS', 'delivery', 'gls-group.eu gls-group.com gls-pakete.de', 'gls'],
  ['ameli', 'Ameli (Assurance Maladie)', 'government', 'ameli.fr', 'ameli'],
  ['impots', 'impots.gouv.fr', 'government', 'impots.gouv.fr gouv.fr', 'impots', { aliases: 'impots.gouv' }],
  ['belastingdienst', 'Belastingdienst', 'government', 'belastingdienst.nl', 'belastingdienst'],
  ['digid', 'DigiD', 'government', 'digid.nl', 'digid'],
  ['agenziaentrate', 'Agenzia delle Entrate', 'government', 'agenziaentrate.gov.it', 'agenziaentrate'],
  // Crypto exchanges and wallets
  ['binance', 'Binance', 'crypto', 'binance.com binance.us binance.org binance.net binance.cloud binance.vision bnbchain.org', 'binance'],
  ['coinbase', 'Coinbase', 'crypto', 'coinbase.com', 'coinbase'],
  ['kraken', 'Kraken', 'crypto', 'kraken.com', 'kraken'],
  ['metamask', 'MetaMask', 'crypto', 'metamask.io', 'metamask'],
  ['trustwallet', 'Trust Wallet', 'crypto', 'trustwallet.com', 'trustwallet', { aliases: 'trust wallet' }],
  ['ledger', 'Ledger', 'crypto', 'ledger.com ledgerwallet.com', 'ledgerlive ledgerwallet', { aliases: 'ledger live' }],
  ['trezor', 'Trezor', 'crypto', 'trezor.io', 'trezor'],
  ['cryptocom', 'Crypto.com', 'crypto', 'crypto.com', 'cryptocom'],
  ['blockchaincom', 'Blockchain.com', 'crypto', 'blockchain.com blockchain.info', 'blockchaincom'],
  ['bitflyer', 'bitFlyer', 'crypto', 'bitflyer.com bitflyer.jp', 'bitflyer'],
  ['coincheck', 'Coincheck', 'crypto', 'coincheck.com', 'coincheck'],
  ['kucoin', 'KuCoin', 'crypto', 'kucoin.com', 'kucoin'],
  ['okx', 'OKX', 'crypto', 'okx.com', 'okx'],
  ['bybit', 'Bybit', 'crypto', 'bybit.com', 'bybit'],
  ['myetherwallet', 'MyEtherWallet', 'crypto', 'myetherwallet.com', 'myetherwallet'],
  ['uniswap', 'Uniswap', 'crypto', 'uniswap.org', 'uniswap'],
  ['opensea', 'OpenSea', 'crypto', 'opensea.io', 'opensea'],
  ['phantom', 'Phantom', 'crypto', 'phantom.app phantom.com', 'phantomwallet', { aliases: 'phantom wallet' }],
];

function words(s: string | undefined): string[] {
  return s === undefined ? [] : s.split(' ').filter((w) => w.length > 0);
}

export const BRANDS: readonly Brand[] = ROWS.map(([id, name, sector, domains, tokens, extra]) => ({
  id,
  name,
  sector,
  domains: words(domains),
  tokens: words(tokens),
  ccTlds: extra?.ccTlds ?? false,
  aliases: extra?.aliases === undefined ? [name.toLowerCase()] : extra.aliases.split('|'),
}));
