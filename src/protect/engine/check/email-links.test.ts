/**
 * Links inside an email: a link to a brand's own site says nothing about who
 * sent the email (phishing links to the real brand's logo and privacy page
 * too), so it counts towards genuine only when the sender is that brand.
 */
import { describe, expect, it } from 'vitest';
import { loadScamModelFiles } from '../../load-models.js';
import { createScamChecker } from './check.js';

const checker = createScamChecker({ models: loadScamModelFiles() });
const email = (from: string) =>
  new TextEncoder().encode(`From: Facebook <${from}>
To: <someone@example.com>
Subject: New login to your account
Date: Mon, 09 Feb 2026 20:44:18 +0100
Content-Type: text/html

<p>We noticed a new login. <a href="https://www.facebook.com/settings?tab=security">Review logins</a></p>
`);
const codes = (from: string) =>
  Object.keys(checker.analyse({ kind: 'email', content: '', raw: email(from) }).features.priors);

describe('official brand links in emails', () => {
  it('count when the sender is the brand (its own domain or another of its domains)', () => {
    expect(codes('security@facebook.com')).toContain('url.official_brand_domain');
    expect(codes('security@facebookmail.com')).toContain('url.official_brand_domain');
  });

  it('do not count when someone else sends them', () => {
    expect(codes('security@fb-login-alerts.top')).not.toContain('url.official_brand_domain');
  });

  it('still count in a text message, where there is no sender to compare', () => {
    const r = checker.analyse({
      kind: 'sms',
      content: 'Review logins at https://www.facebook.com/settings?tab=security',
    });
    expect(Object.keys(r.features.priors)).toContain('url.official_brand_domain');
  });
});
