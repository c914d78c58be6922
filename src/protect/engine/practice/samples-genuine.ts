/**
 * Genuine practice messages that look like scams at first glance: what real banks, couriers and
 * colleagues send. They teach the signs of a real message (use a number you already know, no link
 * to pay, details you can check). Names, numbers and addresses are made up, as in the scam samples.
 */
import { type PracticeSample, p, safe } from './practice-types.js';

const AUTH_PASS = (domain: string) => [
  `Authentication-Results: mx.mail.example; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}`,
];

export const GENUINE_SAMPLES: readonly PracticeSample[] = [
  {
    id: 'genuine-bank-fraud-alert',
    kind: 'sms',
    category: 'bank_payment',
    scam: false,
    title: 'Bank fraud alert',
    from: [p('Harbor Bank')],
    body: [
      p('Harbor Bank: did you try to spend $842.10 at ElectroMart with your card ending 4417?'),
      p(' If not,'),
      safe(' call the number on the back of your card', 'official_channel'),
      p('.'),
      safe(' We will never ask for your PIN or a code', 'never_ask', 'cue.never_share_warning'),
      p('.'),
    ],
    summary:
      'It asks nothing of you except to call the number printed on your own card, and has no link. That is how real fraud alerts work.',
  },
  {
    id: 'genuine-login-code',
    kind: 'sms',
    category: 'account_takeover',
    scam: false,
    title: 'Your sign-in code',
    from: [p('Chatterly')],
    body: [
      p('482913 is your Chatterly sign-in code.'),
      safe(
        ' Don’t share it with anyone, not even Chatterly staff',
        'never_ask',
        'cue.never_share_warning',
      ),
      p('.'),
    ],
    summary:
      'A code you asked for by signing in yourself, with a warning not to share it. Genuine, as long as you were the one signing in.',
  },
  {
    id: 'genuine-delivery-notice',
    kind: 'sms',
    category: 'delivery',
    scam: false,
    title: 'Delivery on its way',
    from: [p('Parcelo')],
    body: [
      safe('Parcelo: your order from Greenleaf Books', 'expected'),
      p(' will be delivered today between 1pm and 3pm.'),
      safe(' No action needed', 'no_link'),
      p('. Track it in the Parcelo app.'),
    ],
    summary:
      'It matches an order you made, asks for no payment and has no link: it sends you to the app you already use.',
  },
  {
    id: 'genuine-colleague-invoice',
    kind: 'email',
    category: 'invoice_bec',
    scam: false,
    title: 'Invoice from a colleague',
    from: [p('Priya Nair '), p('<priya.nair@brightline-supplies.example>')],
    subject: [p('Invoice INV-4470 for the March order')],
    body: [
      safe('Hi Tom,', 'known_details'),
      safe(
        '\n\nAs we discussed on Tuesday, here is the invoice for the 40 desk chairs delivered on 3 March',
        'known_details',
      ),
      p(' (PO 2231).'),
      safe(' Payment to our usual account as per our contract, 30 days', 'known_details'),
      p('.'),
      p(' Any questions, ring me on the office line.\n\nThanks,\nPriya\nBrightline Supplies'),
    ],
    hiddenHeaders: AUTH_PASS('brightline-supplies.example'),
    summary:
      'It names you, a real order and your contact, and pays the usual account on normal terms. Nothing changes and nothing is rushed.',
  },
  {
    id: 'genuine-tax-reminder',
    kind: 'email',
    category: 'government_impersonation',
    scam: false,
    title: 'Tax deadline reminder',
    from: [p('National Revenue Office '), p('<no-reply@revenue.gov.example>')],
    subject: [p('Reminder: your annual return is due on 30 April')],
    body: [
      p('Dear Ana Lopez,'),
      p('\n\nThis is a reminder that your annual tax return is due on 30 April.'),
      safe(
        ' To file, go to the National Revenue Office website by typing its address yourself',
        'official_channel',
      ),
      p('.'),
      safe(' We never ask for payment or bank details by email', 'never_ask'),
      p('.'),
    ],
    hiddenHeaders: AUTH_PASS('revenue.gov.example'),
    summary:
      'A reminder with your name that asks you to go to the website yourself, with no link and no payment request.',
  },
  {
    id: 'genuine-shop-receipt',
    kind: 'email',
    category: 'marketing_spam',
    scam: false,
    title: 'Order receipt',
    from: [p('Greenleaf Books '), p('<orders@greenleaf-books.example>')],
    subject: [p('Your Greenleaf Books order #GB-55821')],
    body: [
      safe('Hi Ana, thanks for your order', 'expected'),
      p(' of "The Quiet Garden" ($18.99), paid with your card ending 4417.'),
      safe(' You can see your order any time in your account', 'no_link'),
      p('.\n\nGreenleaf Books'),
    ],
    hiddenHeaders: AUTH_PASS('greenleaf-books.example'),
    summary:
      'A receipt for something you bought, with your name and the real details, asking you to do nothing.',
  },
  {
    id: 'genuine-password-changed',
    kind: 'email',
    category: 'account_takeover',
    scam: false,
    title: 'Password changed notice',
    from: [p('Meridian Mail '), p('<security@meridianmail.example>')],
    subject: [p('Your password was changed')],
    body: [
      p(
        'Hi Ana,\n\nThe password for your Meridian Mail account was changed on 4 December at 09:12.',
      ),
      safe(' If this was you, you don’t need to do anything', 'expected'),
      p('.'),
      safe(
        ' If not, open the Meridian Mail app or type meridianmail.example yourself',
        'official_channel',
      ),
      p(' and choose "Forgot password".'),
    ],
    hiddenHeaders: AUTH_PASS('meridianmail.example'),
    summary:
      'It tells you what happened and sends you to the app or address you already know, not to a link in the email.',
  },
  {
    id: 'genuine-school-notice',
    kind: 'sms',
    category: 'government_impersonation',
    scam: false,
    title: 'School closure text',
    from: [p('Oakridge School')],
    body: [
      p('Oakridge School: the school will close at 1pm on Friday for staff training.'),
      safe(' Details are in the newsletter sent home on Monday', 'known_details'),
      p('.'),
      safe(' No reply needed', 'no_link'),
      p('.'),
    ],
    summary:
      'Information you can check elsewhere, asking for nothing: no link, no money, no reply.',
  },
];
