import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/engine-kit/i18n/messages.js';
import { checkerMessages } from '../i18n/checker-messages.js';
import {
  EMAIL_SIGNAL_CODES,
  EMAIL_SIGNAL_CODES_KEEP_PRIOR,
  EMAIL_SIGNAL_TABLE,
  emailSignals,
  fieldText,
} from './email-signals.js';
import type { ParsedEmail } from './email-types.js';
import { parseEmail } from './parse-email.js';

const enc = new TextEncoder();
const mail = (headers: string, body = 'Hello', type = 'text/plain'): ParsedEmail =>
  parseEmail(enc.encode(`${headers}\nContent-Type: ${type}\n\n${body}`));
const codes = (p: ParsedEmail) => emailSignals(p).map((s) => s.code);
const html = (from: string, body: string) => mail(`From: ${from}`, body, 'text/html');

describe('sender signals', () => {
  it('flags a display name that claims a brand the address does not belong to', () => {
    const [signal] = emailSignals(mail('From: "PayPal Support" <x@mail-secure-pp.top>'));
    expect(signal?.code).toBe('email.display_name_brand');
    expect(signal?.message).toBe(
      'The email says it is from PayPal, but it was sent from mail-secure-pp.top, which is not PayPal.',
    );
    expect(signal?.evidence).toEqual({
      field: 'from',
      start: 0,
      end: 14,
      excerpt: 'PayPal Support',
    });
    expect(signal?.source).toBe('email_header');
  });

  it('sees brand names through hidden characters and look-alike letters', () => {
    expect(codes(mail('From: "P\u200bay\u0420al" <a@x.example>'))).toContain(
      'email.display_name_brand',
    );
    expect(codes(mail('From: "Аpple Support" <a@x.example>'))).toContain(
      'email.display_name_brand',
    );
  });

  it('says so when the brand writes from a free email account', () => {
    const [signal] = emailSignals(mail('From: Microsoft Account Team <msteam.security@gmail.com>'));
    expect(signal?.message).toContain('gmail.com (a free email account anyone can open)');
  });

  it.each([
    'From: PayPal <service@paypal.com>',
    'From: "Apple" <no_reply@email.apple.com>',
    'From: Chase Smith <chase.smith@gmail.com>',
    'From: Jane Doe <jane@example.org>',
    'From: PayPal',
    'From: Vodafone <info@news.vodafone.it>',
    'From: The UPS Store <store4421@theupsstore.com>',
    // The name is a public suffix the sender's domain sits inside.
    'From: "GOV.UK" <noreply@notifications.service.gov.uk>',
  ])('stays quiet for %s', (from) => {
    expect(codes(mail(from))).toEqual([]);
  });

  it('flags a display name showing another address or site', () => {
    const signals = emailSignals(mail('From: "support@apple.com" <abc@xyz.ru>'));
    const shown = signals.find((s) => s.code === 'email.display_name_address');
    expect(shown?.message).toBe(
      "The sender's name shows apple.com, but the email really came from abc@xyz.ru.",
    );
    expect(codes(mail('From: "jane@example.org" <jane@mail.example.org>'))).toEqual([]);
    // Inside the name shown means a subdomain of it, not a name that merely ends the same way.
    expect(codes(mail('From: "GOV.UK" <refunds@hmrc-gov.uk.example.com>'))).toContain(
      'email.display_name_address',
    );
    expect(codes(mail('From: "GOV.UK" <refunds@notgov.uk>'))).toContain(
      'email.display_name_address',
    );
    expect(codes(mail('From: "\'jane@example.org\' via Team" <team@groups.example>'))).toEqual([]);
  });

  it('flags a look-alike sender domain', () => {
    const signal = emailSignals(mail('From: Service <service@paypa1.com>')).find(
      (s) => s.code === 'email.sender_lookalike',
    );
    expect(signal?.evidence.excerpt).toBe('service@paypa1.com');
    expect(signal?.message).toContain('paypa1.com');
  });

  it("flags the recipient's own address in the subject, as a whole address only", () => {
    const p = mail(
      'From: Support <a@x.example>\nTo: Jane <Jane.Doe@Example.com>\nSubject: jane.doe@example.com, your parcel is waiting',
    );
    const [signal] = emailSignals(p).filter((s) => s.code === 'email.recipient_in_subject');
    expect(signal?.evidence).toEqual({
      field: 'subject',
      start: 0,
      end: 20,
      excerpt: 'jane.doe@example.com',
    });
    expect(signal?.message).toContain('(Jane.Doe@Example.com)');
    const quiet = (to: string, subject: string) =>
      expect(codes(mail(`From: a@x.example\nTo: ${to}\nSubject: ${subject}`))).not.toContain(
        'email.recipient_in_subject',
      );
    quiet('jane@example.com', 'Hello Jane'); // a name is how companies greet people
    quiet('jane@example.com', 'Forwarded from mary.jane@example.com'); // inside another address
    quiet('jane@example.com', 'Mail for jane@example.com.au'); // a longer domain
    quiet('jane@example.com', 'Note: ajane@example.com wrote');
    quiet('"Group" <list@example.org>', '[list] Meeting notes');
    expect(
      codes(mail('From: a@x.example\nTo: jane@example.com\nSubject: Ends with jane@example.com.')),
    ).toContain('email.recipient_in_subject');
  });

  it("flags a sender named like the recipient's own systems or desks, from outside", () => {
    const role = (from: string, to = 'dana@corvane-logistics.com') =>
      codes(mail(`From: ${from}\nTo: ${to}\nSubject: Notice`)).includes(
        'email.display_name_internal_role',
      );
    const [signal] = emailSignals(
      mail('From: "Voice Mail Service" <office@ridgeway-hvac.com>\nTo: m@larkspur-dental.com'),
    ).filter((s) => s.code === 'email.display_name_internal_role');
    expect(signal?.message).toContain('"Voice Mail Service"');
    expect(signal?.message).toContain('ridgeway-hvac.com');
    expect(signal?.message).toContain('(larkspur-dental.com)');
    expect(role('"Corvane IT Security" <noreply@corvane-itsecurity.com>')).toBe(true);
    expect(role('"Payroll Department" <pay@hr-portal.example>')).toBe(true);
    expect(role('"IT Support" <it@corvane-logistics.com>')).toBe(false); // the organisation itself
    expect(role('"Corvane IT Service Desk" <no-reply@corvane.service-now.com>')).toBe(false); // its ticketing service
    expect(role('"Brightline IT Support" <help@brightline-it.com>')).toBe(false); // a vendor's own name
    expect(role('"Tomas Reyes" <t.reyes@ridgeline-freight.com>')).toBe(false);
    expect(role('"The Team" <hello@shop.example>')).toBe(false); // filler words alone
    expect(role('"IT Support" <it@helpers.example>', 'jane@gmail.com')).toBe(false); // no organisation to be outside of
  });

  it("flags a sender whose domain is made from the recipient's own organisation's name", () => {
    const mimics = (from: string, to: string) =>
      codes(mail(`From: ${from}\nTo: ${to}\nSubject: Hello`)).includes(
        'email.sender_mimics_recipient',
      );
    const [signal] = emailSignals(
      mail(
        'From: "IT Service Desk" <helpdesk@acme-support.help>\nTo: jane@acme.co.uk\nSubject: MFA',
      ),
    ).filter((s) => s.code === 'email.sender_mimics_recipient');
    expect(signal?.message).toContain('acme-support.help');
    expect(signal?.message).toContain('(acme.co.uk)');
    expect(signal?.evidence?.excerpt).toBe('helpdesk@acme-support.help');
    expect(mimics('mark@acme-co.uk', 'accounts@acme.co.uk')).toBe(true); // a hyphen for a dot
    expect(mimics('ceo@brightlnie.com', 'pay@brightline.com')).toBe(true); // one edit
    expect(mimics('it@acme.co.uk', 'jane@acme.co.uk')).toBe(false); // the organisation itself
    expect(mimics('it@mail.acme.co.uk', 'jane@acme.co.uk')).toBe(false);
    expect(mimics('hr@acme.com', 'jane@acme.co.uk')).toBe(false); // one company, two suffixes
    expect(mimics('noreply@acme.bamboohr.com', 'jane@acme.co.uk')).toBe(false); // a service's site
    expect(mimics('friend@gmail-news.com', 'jane@gmail.com')).toBe(false); // free mail is no organisation
    expect(mimics('shop@acne-care.com', 'jane@acme.com')).toBe(false); // a short name one letter off is another name
    expect(mimics('a@abc-news.com', 'jane@abc.com')).toBe(false); // too short to read inside another
  });

  it('flags hidden and reversed characters in the name and subject', () => {
    const p = mail(
      'From: "Invoice \u202efdp.exe" <a@x.example>\nSubject: Ver\u200bify your account',
    );
    expect(codes(p)).toEqual(['email.sender_hidden_chars', 'email.subject_hidden_chars']);
    const subject = emailSignals(p)[1];
    expect(subject?.evidence).toMatchObject({ field: 'subject', start: 3, end: 4 });
    // Direction marks in right-to-left text and emoji joiners are honest.
    expect(
      codes(
        mail('From: "\u05d3\u05d5\u05d3 \u200f" <a@x.example>\nSubject: Family 👨\u200d👩\u200d👧'),
      ),
    ).toEqual([]);
  });
});

describe('routing signals', () => {
  it('flags a Reply-To of another organisation, and personal accounts more strongly', () => {
    expect(codes(mail('From: a@shop.example\nReply-To: b@elsewhere.example'))).toEqual([
      'email.reply_to_mismatch',
    ]);
    const [free] = emailSignals(
      mail('From: billing@shop.example\nReply-To: shop.billing@gmail.com'),
    );
    expect(free?.code).toBe('email.reply_to_freemail');
    expect(free?.evidence).toMatchObject({ field: 'reply_to', excerpt: 'shop.billing@gmail.com' });
  });

  it('stays quiet for same-organisation, help-desk and mailing-list Reply-To', () => {
    expect(codes(mail('From: a@shop.example\nReply-To: support@shop.zendesk.com'))).toEqual([]);
    expect(codes(mail('From: a@shop.example\nReply-To: help@support.shop.example'))).toEqual([]);
    expect(
      codes(
        mail(
          'From: a@person.example\nReply-To: team@lists.example.org\nList-Id: Team <team.lists.example.org>',
        ),
      ),
    ).toEqual([]);
    expect(codes(mail('From: PayPal <a@paypal.com>\nReply-To: b@paypal.co.uk'))).toEqual([]);
  });

  it('flags a Return-Path of an unrelated organisation', () => {
    const [signal] = emailSignals(
      mail('From: alerts@bank.example\nReturn-Path: <root@vps123.host.example>'),
    );
    expect(signal?.code).toBe('email.return_path_mismatch');
    expect(signal?.evidence.field).toBe('return_path');
    // A bounce-looking word inside a plain name is not a bounce handler.
    expect(codes(mail('From: a@bank.example\nReturn-Path: <bouncer.jo@vps.host.example>'))).toEqual(
      ['email.return_path_mismatch'],
    );
    expect(
      codes(mail('From: a@bank.example\nReturn-Path: <MAILER-DAEMON@vps.host.example>')),
    ).toEqual(['email.return_path_mismatch']);
  });

  it.each([
    'Return-Path: <0100018a@amazonses.com>',
    'Return-Path: <bounces+123@em1234.sendgrid.net>',
    'Return-Path: <SRS0=abc=XY=bank.example=alerts@forwarder.example>',
    'Return-Path: <x@vps.host.example>\nList-Id: <news.bank.example>',
    'Return-Path: <x@vps.host.example>\nAuthentication-Results: mx.example; dkim=pass header.d=bank.example',
    'Return-Path: <>',
    // Issue 3 (round 2): mailing services not known by name handle bounces with such addresses.
    'Return-Path: <10182839.55483860.8@bounced.mailer.example>',
    'Return-Path: <bounce-news-2643761@ls10.mailer.example>',
    'Return-Path: <owner-nolist-seg25187*user**example*-com@smtp.mailer.example>',
    'Return-Path: <list-errors.1700002104.0.15118.0@lists.mailer.example>',
  ])('stays quiet for an explained Return-Path: %s', (header) => {
    expect(codes(mail(`From: alerts@bank.example\n${header}`))).toEqual([]);
  });
});

describe('authentication signals', () => {
  const from = 'From: service@paypal.com';

  it('reads failures from the topmost Authentication-Results only', () => {
    const p =
      mail(`Authentication-Results: mx.example; spf=softfail smtp.mailfrom=evil.example; dkim=fail header.d=paypal.com; dmarc=fail header.from=paypal.com
Authentication-Results: forged.example; dmarc=pass header.from=paypal.com
${from}`);
    expect(codes(p)).toEqual([
      'email.auth_spf_fail',
      'email.auth_dkim_fail',
      'email.auth_dmarc_fail',
    ]);
    const dmarc = emailSignals(p)[2];
    expect(dmarc?.evidence.excerpt).toBe('dmarc=fail');
    expect(dmarc?.message).toBe(
      'The email failed the check that proves it really comes from paypal.com. It is probably forged.',
    );
  });

  it('counts Microsoft compauth=fail and Received-SPF, and ignores lower headers', () => {
    expect(
      codes(
        mail(
          `Authentication-Results: spf=pass smtp.mailfrom=x.example; dmarc=none header.from=paypal.com;compauth=fail reason=001\n${from}`,
        ),
      ),
    ).toEqual(['email.auth_dmarc_fail']);
    expect(codes(mail(`Received-SPF: Fail (domain does not designate)\n${from}`))).toEqual([
      'email.auth_spf_fail',
    ]);
    expect(
      codes(
        mail(
          `Authentication-Results: mx.example; spf=pass\nAuthentication-Results: old.example; dmarc=fail\n${from}`,
        ),
      ),
    ).toEqual([]);
  });

  it('does not call a failed signature forged when another one passes', () => {
    expect(
      codes(
        mail(
          `Authentication-Results: mx.example; dkim=fail header.d=list.example; dkim=pass header.d=paypal.com\n${from}`,
        ),
      ),
    ).toEqual([]);
  });

  it('notes a domain without any protection, weakly', () => {
    expect(
      codes(
        mail(
          `Authentication-Results: mx.example; spf=none smtp.mailfrom=x.example; dkim=none; dmarc=none\nFrom: a@x.example`,
        ),
      ),
    ).toEqual(['email.auth_none']);
  });

  it('counts an aligned DMARC pass as a good sign', () => {
    const [pass] = emailSignals(
      mail(`Authentication-Results: mx.example; dmarc=pass header.from=paypal.com\n${from}`),
    );
    expect(pass?.code).toBe('email.auth_dmarc_pass');
    expect(pass?.weight).toBeLessThan(0);
    expect(
      codes(
        mail(`Authentication-Results: mx.example; dmarc=pass header.from=other.example\n${from}`),
      ),
    ).toEqual([]);
  });

  it('gives no credit for a DMARC pass when the sender pretends to be someone else', () => {
    // The lookalike's own domain passes its own DMARC: that authenticates the pretender.
    const pretender = codes(
      mail(
        'Authentication-Results: mx.example; dmarc=pass header.from=mail-secure-pp.top\nFrom: "PayPal Support" <x@mail-secure-pp.top>',
      ),
    );
    expect(pretender).toContain('email.display_name_brand');
    expect(pretender).not.toContain('email.auth_dmarc_pass');
    expect(
      codes(
        mail(
          'Authentication-Results: mx.example; dmarc=pass header.from=shop.example\nFrom: "Shop Team" <news@shop.example>',
        ),
      ),
    ).toEqual(['email.auth_dmarc_pass']);
  });

  it('treats a missing header as neutral', () => {
    expect(codes(mail(from))).toEqual([]);
  });
});

describe('link signals', () => {
  it('flags link text showing one site while the link goes to another', () => {
    const p = html(
      'a@shop.example',
      '<p>Log in: <a href="https://evil.example/login">https://www.paypal.com/signin</a></p>',
    );
    const [signal] = emailSignals(p);
    expect(signal?.code).toBe('email.link_text_mismatch');
    expect(signal?.message).toBe(
      'A link shows www.paypal.com, but clicking it would take you to evil.example.',
    );
    expect(signal?.evidence).toMatchObject({
      field: 'body',
      excerpt: 'https://www.paypal.com/signin',
    });
  });

  it('still flags a brand name under a domain ending the brand does not use', () => {
    expect(
      codes(html('a@shop.example', '<a href="https://paypal.xyz/login">paypal.com</a>')),
    ).toEqual(['email.link_text_mismatch']);
  });

  it('unwraps Outlook Safe Links before comparing', () => {
    const wrapped = (target: string) =>
      `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(target)}&data=x`;
    expect(
      codes(
        html('a@shop.example', `<a href="${wrapped('https://www.paypal.com/x')}">paypal.com</a>`),
      ),
    ).toEqual([]);
    expect(
      codes(
        html('a@shop.example', `<a href="${wrapped('https://evil.example/x')}">paypal.com</a>`),
      ),
    ).toEqual(['email.link_text_mismatch']);
  });

  it.each([
    ['same organisation', '<a href="https://links.shop.example/t/1">www.shop.example</a>'],
    ['same brand', '<a href="https://www.paypal.co.uk/">paypal.com</a>'],
    [
      'the same name in another country',
      '<a href="https://www.partner.co.uk/">www.partner.com</a>',
    ],
    [
      'a click tracker',
      '<a href="https://u123.ct.sendgrid.net/ls/click?x">www.partner.example</a>',
    ],
    ["the sender's own tracker", '<a href="https://click.shop.example/x">www.partner.example</a>'],
    ['text that is not an address', '<a href="https://evil.example/">Click here</a>'],
    ['a mailto link', '<a href="mailto:help@evil.example">help@shop.example</a>'],
  ])('stays quiet for %s', (_name, body) => {
    expect(codes(html('news@shop.example', body))).toEqual([]);
  });

  it('flags links to public IP addresses (not private ones) and punycode hosts', () => {
    expect(codes(mail('From: a@x.example', 'Go to http://185.12.13.14/login now'))).toEqual([
      'email.link_ip_host',
    ]);
    expect(
      codes(mail('From: a@x.example', 'Router: http://192.168.1.1/ and http://127.0.0.1:8080/')),
    ).toEqual([]);
    const [puny] = emailSignals(mail('From: a@x.example', 'Visit https://xn--pypal-4ve.com/'));
    expect(puny?.code).toBe('email.link_punycode_host');
    expect(puny?.message).toContain('(pаypal.com)');
  });

  it('points at the link address when the link is not in the displayed body', () => {
    const p = parseEmail(
      enc.encode(`From: a@x.example
Content-Type: multipart/alternative; boundary=b

--b
Content-Type: text/plain

http://185.12.13.14/x
--b
Content-Type: text/html

<p>Hello</p>
--b--`),
    );
    const [signal] = emailSignals(p);
    expect(signal?.evidence).toEqual({
      field: 'url',
      start: 0,
      end: 21,
      excerpt: 'http://185.12.13.14/x',
    });
  });
});

describe('attachment and form signals', () => {
  const withAttachment = (
    name: string,
    type = 'application/octet-stream',
    body = 'See attached.',
  ) =>
    parseEmail(
      enc.encode(`From: a@x.example
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain

${body}
--b
Content-Type: ${type}; name="${name}"
Content-Disposition: attachment

AAAA
--b--`),
    );

  it.each([
    ['invoice.exe', 'email.attachment_executable'],
    ['update.JS', 'email.attachment_executable'],
    ['scan.html', 'email.attachment_html'],
    ['voicemail.svg', 'email.attachment_html'],
    ['order.iso', 'email.attachment_disk_image'],
    ['notes.one', 'email.attachment_disk_image'],
    ['report.lnk', 'email.attachment_disk_image'],
    ['budget.xlsm', 'email.attachment_macro'],
    ['invoice.pdf.exe', 'email.attachment_double_extension'],
    ['invoice.pdf       .scr', 'email.attachment_double_extension'],
    ['invoice\u202efdp.exe', 'email.attachment_double_extension'],
    ['setup.exe. .', 'email.attachment_executable'],
  ])('%s → %s', (name, code) => {
    const signals = emailSignals(withAttachment(name));
    expect(signals.map((s) => s.code)).toEqual([code]);
    expect(signals[0]?.evidence).toMatchObject({ field: 'attachment', excerpt: name });
  });

  it('flags a locked archive sent with its password, and only then', () => {
    expect(codes(withAttachment('docs.zip', 'application/zip', 'The password is 1234.'))).toEqual([
      'email.attachment_protected_archive',
    ]);
    expect(codes(withAttachment('docs.zip', 'application/zip'))).toEqual([]);
    expect(codes(withAttachment('report.pdf', 'application/pdf', 'Password: 1234'))).toEqual([]);
  });

  it('flags executable MIME types even without a telling name', () => {
    expect(codes(withAttachment('document', 'application/x-msdownload'))).toEqual([
      'email.attachment_executable',
    ]);
  });

  it('flags a password form inside the email', () => {
    const p = html(
      'a@x.example',
      '<p>Confirm</p><form action="https://x.example/">Email <input name=e> Password <input type=password><button>Go</button></form>',
    );
    const [signal] = emailSignals(p);
    expect(signal?.code).toBe('email.html_password_form');
    expect(signal?.evidence.excerpt).toBe('Email Password Go');
    expect(codes(html('a@x.example', '<form action="/search"><input name=q></form>'))).toEqual([]);
  });
});

describe('the signal table', () => {
  it('has a plain message (in every catalog) and a finite weight for every code', () => {
    for (const code of EMAIL_SIGNAL_CODES) {
      const spec = EMAIL_SIGNAL_TABLE[code];
      expect(Number.isFinite(spec.weight)).toBe(true);
      for (const locale of LOCALES) {
        expect(checkerMessages.catalogs[locale][code].length).toBeGreaterThan(20);
      }
      expect(code.startsWith('email.')).toBe(true);
    }
  });

  it('marks the authentication signals the 2002–03 ham cannot measure as keep-prior', () => {
    expect(EMAIL_SIGNAL_CODES_KEEP_PRIOR).toEqual(
      EMAIL_SIGNAL_CODES.filter((c) => c.startsWith('email.auth_')),
    );
  });

  it('keeps every excerpt equal to the text at its offsets', () => {
    const p = mail(
      'From: "PayPal" <a@paypa1.com>\nReply-To: x@gmail.com\nSubject: Hi\u200b',
      '<a href="http://185.1.2.3/">paypal.com</a>',
      'text/html',
    );
    const signals = emailSignals(p);
    expect(signals.length).toBeGreaterThan(3);
    for (const s of signals)
      expect(fieldText(p, s).slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.excerpt);
  });
});

describe('genuine modern mail that looks like what scammers imitate', () => {
  const pass = (domain: string) =>
    `Authentication-Results: mx.google.com; dkim=pass header.i=@${domain}; spf=pass smtp.mailfrom=${domain}; dmarc=pass (p=REJECT) header.from=${domain}`;
  const genuine: [string, string, string][] = [
    [
      'a PayPal receipt',
      `${pass('paypal.com')}\nReturn-Path: <bounce@emails.paypal.com>\nFrom: "PayPal" <service@paypal.com>\nSubject: Receipt for your payment`,
      '<p>You sent $20.00 USD. <a href="https://www.paypal.com/myaccount/transactions">www.paypal.com</a></p>',
    ],
    [
      'an Amazon shipment sent through Amazon SES',
      `${pass('amazon.com')}\nReturn-Path: <0100018f-abc@email.amazonses.com>\nFrom: "Amazon.com" <shipment-tracking@amazon.com>\nSubject: Your package has shipped`,
      '<a href="https://www.amazon.com/gp/css/order-history?ref_=abc">amazon.com/your-orders</a> <a href="https://amzn.to/3xyz">Track package</a>',
    ],
    [
      "a small business's Mailchimp newsletter",
      'Return-Path: <bounce-mc.us5_1.2-x=y@mail123.atl11.mcdlv.net>\nFrom: "Local Bakery" <hello@localbakery.example>\nReply-To: hello@localbakery.example\nList-Unsubscribe: <https://localbakery.us5.list-manage.com/unsubscribe>',
      '<a href="https://localbakery.us5.list-manage.com/track/click?u=1">www.localbakery.example</a> <form action="https://x/">Search <input name=q></form>',
    ],
    [
      'a Google security alert',
      `${pass('accounts.google.com')}\nFrom: Google <no-reply@accounts.google.com>\nSubject: Security alert`,
      '<p>New sign-in on Windows. <a href="https://myaccount.google.com/notifications">Check activity</a></p>',
    ],
    [
      'a Microsoft one-time code',
      `${pass('accountprotection.microsoft.com')}\nFrom: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\nSubject: Your single-use code`,
      '<p>Your single-use code is: 482913</p>',
    ],
    [
      'a friend writing through a mailing list',
      'Return-Path: <team-bounces@lists.example.org>\nFrom: Jane Doe <jane.doe@gmail.com>\nReply-To: team@lists.example.org\nList-Id: Team talk <team.lists.example.org>\nList-Post: <mailto:team@lists.example.org>',
      '<p>See https://github.com/example/project and http://192.168.1.10:8080/ on my laptop.</p>',
    ],
  ];

  it.each(genuine)('raises nothing against %s', (_name, headers, body) => {
    const signals = emailSignals(mail(headers, body, 'text/html'));
    expect(signals.filter((s) => s.weight > 0).map((s) => s.code)).toEqual([]);
  });
});
