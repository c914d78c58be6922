/**
 * Honest links WITH paths: the training data's benign URLs are bare home
 * pages, so a path must not by itself look like phishing. None of these may
 * get a signal with a prior weight above 1 (the same bar the data check uses).
 */
import { describe, expect, it } from 'vitest';
import { urlSignals } from './url-features.js';

const BENIGN_WITH_PATHS = [
  // Banks: sign-in and account pages
  'https://www.chase.com/personal/checking',
  'https://secure.chase.com/web/auth/dashboard#/dashboard/overview',
  'https://www.bankofamerica.com/online-banking/sign-in/',
  'https://connect.secure.wellsfargo.com/auth/login/present?origin=cob&LOB=CONS',
  'https://www.hsbc.co.uk/online/dashboard/',
  'https://www.barclays.co.uk/ways-to-bank/online-banking/',
  'https://www.lloydsbank.com/online-banking/log-on.html',
  'https://www.natwest.com/personal/log-in.html',
  'https://netbanking.hdfcbank.com/netbanking/?_ga=2.1234',
  'https://retail.onlinesbi.sbi/retail/login.htm',
  'https://www.commbank.com.au/digital/netbank/login',
  'https://www.rbcroyalbank.com/ways-to-bank/online-banking/index.html',
  'https://www.smbc.co.jp/kojin/otetsuduki/',
  'https://direct.bk.mufg.jp/',
  'https://monzo.com/help/account-and-profile/change-phone-number',
  'https://www.revolut.com/en-GB/help/my-account/',
  // Government
  'https://www.gov.uk/log-in-register-hmrc-online-services',
  'https://www.gov.uk/government/organisations/hm-revenue-customs',
  'https://www.tax.service.gov.uk/account',
  'https://www.gov.uk/vehicle-tax',
  'https://www.irs.gov/payments/direct-pay',
  'https://www.irs.gov/refunds',
  'https://www.ssa.gov/myaccount/',
  'https://my.gov.au/en/services',
  'https://www.ato.gov.au/individuals-and-families/your-tax-return',
  'https://www.incometax.gov.in/iec/foportal/',
  'https://www.mygov.in/campaigns/',
  'https://www.e-tax.nta.go.jp/',
  'https://www.canada.ca/en/revenue-agency/services/e-services/cra-login-services.html',
  'https://www.nhs.uk/nhs-app/',
  'https://www.service.nsw.gov.au/transaction/pay-a-fine',
  'https://www.ncsc.gov.uk/collection/phishing-scams',
  'https://www.ftc.gov/news-events/topics/identity-theft/phishing-scams',
  'https://www.scamwatch.gov.au/report-a-scam',
  'https://www.actionfraud.police.uk/reporting-fraud-and-cyber-crime',
  // Shopping and orders
  'https://www.amazon.com/gp/your-account/order-history?ref_=ya_d_c_yo',
  'https://www.amazon.co.uk/gp/css/order-details?orderID=203-1234567-1234567',
  'https://www.amazon.co.jp/gp/your-account/order-details?orderID=249-1234567-1234567',
  'https://www.amazon.in/gp/your-account/order-history',
  'https://www.ebay.com/itm/256123456789',
  'https://www.walmart.com/orders',
  'https://www.flipkart.com/account/orders',
  'https://jp.mercari.com/item/m12345678901',
  'https://www.bestbuy.com/site/apple-airpods-pro/6447382.p?skuId=6447382',
  'https://www.apple.com/shop/buy-iphone/iphone-15',
  'https://www.tesco.com/groceries/en-GB/orders',
  'https://www.booking.com/hotel/gb/the-savoy.html?checkin=2024-06-01',
  'https://www.airbnb.com/rooms/12345678',
  // Documents and accounts
  'https://docs.google.com/document/d/1a2B3c4D5e6F7g8H9i0J/edit?usp=sharing',
  'https://drive.google.com/file/d/1AbCdEfGhIjKlMn/view?usp=sharing',
  'https://docs.google.com/spreadsheets/d/1xyz/edit#gid=0',
  'https://mail.google.com/mail/u/0/#inbox',
  'https://accounts.google.com/signin/v2/identifier',
  'https://support.google.com/accounts/answer/185839',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://contoso.sharepoint.com/sites/finance/Shared%20Documents/report.xlsx',
  'https://www.dropbox.com/scl/fi/abc123/report.pdf?rlkey=xyz&dl=0',
  'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fwww.office.com%2Flandingv2',
  'https://outlook.live.com/mail/0/inbox',
  'https://appleid.apple.com/account/manage',
  'https://www.icloud.com/photos/',
  'https://www.paypal.com/myaccount/summary',
  'https://www.netflix.com/browse',
  'https://www.coinbase.com/settings/security_settings',
  'https://www.binance.com/en/my/dashboard',
  // Code
  'https://github.com/nodejs/node',
  'https://github.com/microsoft/TypeScript/issues/12345',
  'https://github.com/vitest-dev/vitest/blob/main/README.md',
  'https://gist.github.com/someone/0123456789abcdef',
  'https://raw.githubusercontent.com/nodejs/node/main/README.md',
  'https://www.npmjs.com/package/fast-check',
  'https://pypi.org/project/requests/',
  'https://stackoverflow.com/questions/12345678/how-to-parse-a-url-in-javascript',
  // News and reference
  'https://www.bbc.co.uk/news/uk-politics-67912345',
  'https://www.nytimes.com/2024/05/12/technology/apple-ai-iphone.html',
  'https://www.theguardian.com/money/2024/jan/15/scam-texts-how-to-spot-them',
  'https://www.abc.net.au/news/2024-03-01/scam-warning/103532000',
  'https://timesofindia.indiatimes.com/business/india-business/story/articleshow/108123456.cms',
  'https://www3.nhk.or.jp/news/html/20240512/k10014447171000.html',
  'https://www.reuters.com/world/europe/some-story-2024-05-12/',
  'https://edition.cnn.com/2024/05/12/tech/scam-texts/index.html',
  'https://en.wikipedia.org/wiki/Phishing',
  'https://www.reddit.com/r/Scams/comments/abc123/got_a_text_from_usps/',
  'https://medium.com/@someone/how-i-nearly-got-scammed-1234abcd',
  'https://www.linkedin.com/in/someone-123456/',
  'https://x.com/NCSC/status/1789012345678901234',
  'https://www.instagram.com/p/C1a2b3c4d5e/',
  // Parcels and tolls
  'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490',
  'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB',
  'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784',
  'https://www.fedex.com/fedextrack/?trknbr=123456789012',
  'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890',
  'https://auspost.com.au/mypost/track/details/ABC123456789',
  'https://www.canadapost-postescanada.ca/track-reperage/en#/details/1234567890123456',
  'https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=123456789012',
  'https://www.evri.com/track/parcel/H01ABC1234567890',
  'https://www.e-zpassny.com/vector/account/home/accountLogin.do',
  'https://www.sunpass.com/en/home/index.shtml',
  'https://www.bayareafastrak.org/en/howtopay/pay-toll-invoice.shtml',
  'https://www.linkt.com.au/sydney/accounts/login',
  // Meetings and messaging
  'https://zoom.us/j/1234567890?pwd=abcDEF',
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%22abc%22%7d',
  'https://web.whatsapp.com/',
  'https://wa.me/447700900123',
  'https://t.me/durov',
  'https://www.python.org/downloads/release/python-3123/',
  'https://nodejs.org/en/download',
];

describe('honest links with paths', () => {
  it('has a realistic number of examples', () => {
    expect(BENIGN_WITH_PATHS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(BENIGN_WITH_PATHS)('%s gets no high-weight signal', (url) => {
    const strong = urlSignals(url).filter((s) => s.weight > 1);
    expect(strong.map((s) => `${s.code}: ${s.message}`)).toEqual([]);
  });

  it('keeps the total prior low', () => {
    for (const url of BENIGN_WITH_PATHS) {
      const total = urlSignals(url).reduce((sum, s) => sum + s.weight, 0);
      expect(total, url).toBeLessThanOrEqual(1.5);
    }
  });
});
