import { describe, expect, it } from 'vitest';
import {
  URL_FEATURE_NAMES,
  URL_HOST_FEATURE_COUNT,
  urlFeatureVector,
  urlHostOnly,
  urlSignals,
} from './url-features.js';

const codes = (url: string): string[] => urlSignals(url).map((s) => s.code);

describe('urlSignals: phishing-style links', () => {
  const cyrillicPaypal = new URL('https://p\u0430ypal.com/').hostname; // xn--… form, as a link would arrive
  it.each([
    ['https://\u0430pple.com/', 'url.homograph_brand'], // Cyrillic а
    ['https://раураl.com/signin', 'url.homograph_brand'],
    [`https://${cyrillicPaypal}/webscr`, 'url.homograph_brand'],
    ['https://xn--80ak6aa92e.com/', 'url.homograph_brand'], // аррӏе, all Cyrillic
    ['https://αmαzοn.com/', 'url.homograph_brand'], // Greek
    ['https://www.g\u043e\u043egle.com/', 'url.homograph_brand'],
    ['http://ｐａｙｐａｌ．ｃｏｍ/', 'url.disguised_characters'],
    ['http://𝐩𝐚𝐲𝐩𝐚𝐥.com/', 'url.disguised_characters'],
    ['https://pay%70al.com/', 'url.disguised_characters'],
    ['https://bücher-paypal.de/', 'url.punycode'],
    ['https://paypal.com.secure-login.top/verify', 'url.brand_domain_in_subdomain'],
    ['https://www.aeon.co.jp.n316.xyz/', 'url.brand_domain_in_subdomain'],
    ['https://aeno.co.jp.umewqzy.cn/aeon', 'url.brand_domain_in_subdomain'],
    ['https://secure.chase.com.account-alert.info/', 'url.brand_domain_in_subdomain'],
    ['https://amazon.wnfjxd.shop/', 'url.brand_in_subdomain'],
    // an official domain read across the dot before the site: the site is com-auth.ru
    ['https://login-microsoftonline.com-auth.ru/common/oauth2', 'url.brand_domain_in_subdomain'],
    ['https://usps.com-trackparcel.top/redelivery', 'url.brand_domain_in_subdomain'],
    ['https://e-zpass.com-njtoll.xyz/pay', 'url.brand_domain_in_subdomain'],
    ['https://txtag.org-paytoll.icu/', 'url.brand_domain_in_subdomain'],
    ['https://ezdrivema-tolls.com/pay-now', 'url.brand_combosquat'],
    ['https://smbc-card.com.ezosq6.cn/smbc/', 'url.brand_domain_in_subdomain'],
    ['https://paypal.com@evil.example/', 'url.brand_in_userinfo'],
    ['https://www.hsbc.co.uk:secure@198.51.100.7/', 'url.credentials'],
    ['https://paypa1.com/', 'url.brand_lookalike'],
    ['https://arnazon.com/', 'url.brand_lookalike'],
    ['https://rakutan.com/', 'url.brand_lookalike'],
    ['https://coinbasse.com/', 'url.brand_lookalike'],
    ['https://coinlbase.space/', 'url.brand_lookalike'],
    ['https://netfliix.com/login', 'url.brand_lookalike'],
    ['https://metamak.io/', 'url.brand_lookalike'], // one letter dropped inside a long name
    ['https://app.unimswap.com/', 'url.brand_lookalike'], // one letter added inside
    ['https://netfliix-billing.com/account', 'url.brand_lookalike'], // a typo as one word of several
    ['https://coinbsae-support.net/', 'url.brand_lookalike'],
    ['https://secure.wellsfragoonline.com/signon', 'url.brand_lookalike'], // a swapped typo glued to a word
    ['https://verifycoinbsae.com/', 'url.brand_lookalike'], // a word, then the typo
    ['https://paypal-verify.com/login', 'url.brand_combosquat'],
    ['https://appleid-verify.top/', 'url.brand_combosquat'],
    ['https://usps-redelivery.com/track', 'url.brand_combosquat'],
    ['https://ezpass-tollpay.com/pay', 'url.brand_combosquat'],
    ['https://sunpass-tolls.xyz/', 'url.brand_combosquat'],
    ['https://hmrc-refund.uk.com/claim', 'url.brand_combosquat'],
    ['https://chasebank-alerts.com/', 'url.brand_combosquat'],
    ['https://micros0ft-support.com/', 'url.brand_combosquat'],
    ['https://securepaypalverify.net/', 'url.brand_combosquat'],
    ['https://auspost-redelivery.com/', 'url.brand_combosquat'],
    ['https://paypal.xyz/', 'url.brand_wrong_tld'],
    ['https://netflix.shop/', 'url.brand_wrong_tld'],
    ['https://www.smboc-cascerd.co.jp.t5u9er.cfd/', 'url.fake_domain_in_subdomain'],
    ['https://login.example.com.evil.top/', 'url.fake_domain_in_subdomain'],
    ['http://3232235777/login', 'url.ip_disguised'],
    ['http://0xC0A80101/', 'url.ip_disguised'],
    ['http://0300.0250.0001.0001/', 'url.ip_disguised'],
    ['http://192.168.1.1/admin', 'url.ip_host'],
    ['http://[2001:db8::1]/', 'url.ipv6_host'],
    ['https://example.top:8443/x', 'url.nonstandard_port'],
    ['https://bit.ly/3abcXyZ', 'url.shortener'],
    ['https://evil-pages.web.app/login', 'url.shared_hosting'],
    ['https://x9k2.ngrok-free.app/', 'url.shared_hosting'],
    ['https://docs.google.com/forms/d/e/1FAIpQLSf/viewform', 'url.user_content'],
    ['https://contoso-my.sharepoint.com/:b:/g/personal/doc', 'url.user_content'],
    ['https://jolxjdtmi-xoqkaxa-net.translate.goog/eki-net.com/', 'url.proxy_host'],
    ['javascript:alert(document.cookie)', 'url.dangerous_scheme'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'url.dangerous_scheme'],
    ['https://example.top/app/update.apk', 'url.executable_download'],
    ['https://files.example.net/invoice.zip', 'url.archive_download'],
    ['https://a.b.c.d.example.com/', 'url.deep_subdomains'],
    ['https://login-secure-account-verify.example.com', 'url.many_hyphens'],
    ['https://secure-login.example.net/', 'url.keyword_in_host'],
    ['https://xkqjzvbnmw.xyz/', 'url.random_looking_name'],
    ['https://t5u9er.cfd/', 'url.random_looking_name'],
    ['https://example.xyz/', 'url.suspicious_tld'],
    ['https://example.shop/', 'url.cheap_tld'],
    ['https://example.com//evil.com', 'url.double_slash'],
    ['https://example.com/r?url=https://evil.com', 'url.embedded_url'],
    ['https://kit.example.com/index.php?email=victim@corp.com', 'url.email_in_query'],
    ['https://hacked.example.org/wp-content/plugins/x/login.php', 'url.wordpress_path'],
    ['https://example.net/paypal/webscr', 'url.brand_in_path'],
    ['https://example.net/wp-content/jcblogin/', 'url.brand_in_path'], // brand glued to login words
    ['http://example.net/', 'url.no_https'],
    [`https://example.net/${'a'.repeat(600)}`, 'url.very_long'],
  ])('%s → %s', (url, code) => {
    expect(codes(url)).toContain(code);
  });

  it('explains with evidence that points into the URL', () => {
    const url = 'https://paypal.com.secure-login.top/verify';
    const s = urlSignals(url).find((x) => x.code === 'url.brand_domain_in_subdomain');
    expect(s?.evidence).toEqual({
      field: 'url',
      start: 8,
      end: 35,
      excerpt: 'paypal.com.secure-login.top',
    });
    expect(s?.message).toContain('secure-login.top');
    expect(s?.source).toBe('url');
  });

  it('says a homograph once, not also as mixed scripts and punycode', () => {
    expect(codes('https://раураl.com/')).toEqual(['url.homograph_brand']);
  });
});

describe('urlSignals: the real sites', () => {
  it.each([
    'https://apple.com/',
    'https://support.apple.com/en-us/HT201222',
    'https://www.paypal.com/myaccount/summary',
    'https://www.google.co.uk/',
    'https://google.com.py/',
    'https://www.amazon.co.jp/gp/your-account/order-history',
    'https://www.gov.uk/log-in-register-hmrc-online-services',
    'https://www.irs.gov/payments/direct-pay',
    'https://bk.mufg.jp/',
    'https://retail.onlinesbi.sbi/retail/login.htm',
    'https://www.commbank.com.au/digital/netbank/login',
    'https://www.ezdrivema.com/ezpassmaaccount',
  ])('%s has no warning', (url) => {
    const signals = urlSignals(url);
    expect(signals.filter((s) => s.weight > 0)).toEqual([]);
    expect(signals.map((s) => s.code)).toContain('url.official_brand_domain');
  });

  it('reads a typo glued to words only when the rest is scam words and the typo is of a long name', () => {
    expect(codes('https://thermostatonline.com/')).not.toContain('url.brand_lookalike');
    expect(codes('https://wellsfargoonline.com/')).not.toContain('url.brand_lookalike'); // the name itself: a combosquat
    expect(codes('https://wellsfragoriver.com/')).not.toContain('url.brand_lookalike'); // "river" is no scam word
  });

  it('reads a domain across the dot only when the site itself starts with a top-level domain and a hyphen', () => {
    expect(codes('https://usps.telecom-store.com/')).not.toContain('url.brand_domain_in_subdomain');
    expect(codes('https://blog.company-usps.com/')).not.toContain('url.brand_domain_in_subdomain');
    expect(codes('https://myfan.com-unity.org/')).not.toContain('url.brand_domain_in_subdomain');
  });

  it('does not vouch for content anyone can publish on a brand domain', () => {
    expect(codes('https://docs.google.com/forms/d/e/x/viewform')).not.toContain(
      'url.official_brand_domain',
    );
    expect(codes('https://t.co/abc')).not.toContain('url.official_brand_domain');
    expect(codes('http://ｐａｙｐａｌ．ｃｏｍ/')).not.toContain('url.official_brand_domain');
  });

  it("reads a page someone published on a brand's host for other brands and sign-in words", () => {
    // sites.google.com is Google's; the page under /view/ is whoever made it.
    const page = codes('https://sites.google.com/view/paypal-resolution-center/sign-in');
    expect(page).toContain('url.brand_in_path');
    expect(page).toContain('url.login_words');
    expect(codes('https://storage.googleapis.com/b-1/office365/login.html')).toContain(
      'url.login_words',
    );
    // the host's own brand in its path is no sign, nor are Google's own sign-in pages
    expect(codes('https://sites.google.com/view/google-workspace-tips/home')).not.toContain(
      'url.brand_in_path',
    );
    expect(codes('https://www.google.com/search?q=paypal')).not.toContain('url.brand_in_path');
    expect(codes('https://accounts.google.com/signin/v2/identifier')).not.toContain(
      'url.login_words',
    );
    // Canva's `.site` is Canva's choice, not the page maker's
    expect(codes('https://bakesale.my.canva.site/')).not.toContain('url.cheap_tld');
    expect(codes('https://bakesale-canva.site/')).toContain('url.cheap_tld');
  });

  it('does not see a brand in path words that only start with its letters', () => {
    expect(codes('https://example.org/blog/amazonian-rainforest')).not.toContain(
      'url.brand_in_path',
    );
    expect(codes('https://example.org/news/appleton-weekly')).not.toContain('url.brand_in_path');
  });

  it('does not call a letter added at the end, or a changed first letter, a look-alike', () => {
    expect(codes('https://telegra.com/')).not.toContain('url.brand_lookalike');
    expect(codes('https://finance.com/')).not.toContain('url.brand_lookalike');
  });

  it('does not flag government sites it does not list', () => {
    expect(codes('https://www.service.nsw.gov.au/transaction/pay-a-fine')).toEqual([]);
    expect(codes('https://socialsecurity.gov/')).toEqual([]);
  });
});

describe('feature vector', () => {
  it('has a named entry for every value, host block first', () => {
    const v = urlFeatureVector('https://paypal.com.secure-login.top/verify?x=1');
    expect(v.length).toBe(URL_FEATURE_NAMES.length);
    expect(
      URL_FEATURE_NAMES.slice(0, URL_HOST_FEATURE_COUNT).every((n) => n.startsWith('host.')),
    ).toBe(true);
    expect(
      URL_FEATURE_NAMES.slice(URL_HOST_FEATURE_COUNT).every((n) => n.startsWith('path.')),
    ).toBe(true);
    expect(v[URL_FEATURE_NAMES.indexOf('host.brand_domain_in_subdomain')]).toBe(1);
    expect(v[URL_FEATURE_NAMES.indexOf('host.tld_high')]).toBe(1);
    expect([...v].every((x) => Number.isFinite(x) && x >= 0 && x <= 1)).toBe(true);
  });

  it('keeps host features independent of the path', () => {
    const a = urlFeatureVector('https://secure-login.top/');
    const b = urlFeatureVector('https://secure-login.top/a/b/c/login.php?email=x@y.z');
    expect([...a.slice(0, URL_HOST_FEATURE_COUNT)]).toEqual([
      ...b.slice(0, URL_HOST_FEATURE_COUNT),
    ]);
    expect([...b.slice(URL_HOST_FEATURE_COUNT)]).not.toEqual([...a.slice(URL_HOST_FEATURE_COUNT)]);
  });

  it('scores machine-made names above names people make up, in the label and in subdomains', () => {
    const at = (url: string, name: string) =>
      urlFeatureVector(url)[URL_FEATURE_NAMES.indexOf(name)] ?? Number.NaN;
    for (const made of ['https://jzcdfq.cn/', 'https://hjkknuo.com/', 'https://qcwbxm.net/']) {
      for (const real of [
        'https://kuroneko.co.jp/',
        'https://weather.com/',
        'https://wikipedia.org/',
      ]) {
        expect(at(made, 'host.label_odd_pairs')).toBeGreaterThan(at(real, 'host.label_odd_pairs'));
      }
    }
    expect(at('https://zxwkqvg.garden.com/', 'host.subdomain_odd_pairs')).toBeGreaterThan(0.4);
    expect(at('https://www.mail.garden.com/', 'host.subdomain_odd_pairs')).toBe(0);
    // Too short to judge: no score rather than a noisy one.
    expect(at('https://qx.garden.com/', 'host.subdomain_odd_pairs')).toBe(0);
  });

  it('can leave the path block at zero', () => {
    const v = urlFeatureVector('https://x.top/a/login.php', { pathFeatures: false });
    expect([...v.slice(URL_HOST_FEATURE_COUNT)].every((x) => x === 0)).toBe(true);
  });
});

describe('urlHostOnly', () => {
  it.each([
    ['https://www.aeon.co.jp.n316.xyz/login?x=1#y', 'https://www.aeon.co.jp.n316.xyz/'],
    ['http://paypal.com@evil.example:8080/login', 'http://paypal.com@evil.example:8080/'],
    ['paypal-verify.top/login', 'https://paypal-verify.top/'],
    ['hxxps://evil.example/x', 'https://evil.example/'],
    ['javascript:alert(1)', 'javascript:'],
  ])('%s → %s', (url, expected) => {
    expect(urlHostOnly(url)).toBe(expected);
  });

  it('gives the same host features as the full URL', () => {
    const url = 'https://amazon.wnfjxd.shop/ap/signin?openid=1';
    const full = urlFeatureVector(url).slice(0, URL_HOST_FEATURE_COUNT);
    const host = urlFeatureVector(urlHostOnly(url)).slice(0, URL_HOST_FEATURE_COUNT);
    expect([...host]).toEqual([...full]);
  });
});
