/**
 * "Your account" (/access) in a real browser against a real server: sign-up,
 * password and passkey sign-in (Chromium's virtual WebAuthn authenticator,
 * driven through the DevTools protocol), devices, organizations and API keys,
 * verification; axe-core on each page, and no sideways scrolling at 320 px.
 *
 * Pages are opened at http://localhost:<port>, not 127.0.0.1: browsers bind
 * passkeys to a host name. Screenshots go to test-results/access-console/.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessServices } from '../../src/access/index.js';
import { repoRoot } from '../../src/platform/test-support/test-server.js';
import { runAxe } from './axe-check.js';
import { browserSuite, hasChromium, requireChromium, smallTargets } from './chromium-session.js';

const shots = join(repoRoot, 'test-results', 'access-console');
const PASSWORD = 'Plum-Tractor-Velvet-93';

requireChromium('access console');

describe.runIf(hasChromium)('access console in Chromium', () => {
  // Accounts made through the API each come from their own address (X-Forwarded-For), so the
  // per-address sign-up limit (10 an hour) is not what the later tests run into.
  const suite = browserSuite(shots, { host: 'localhost', env: { SHIELDWALL_TRUST_PROXY: 'true' } });
  let people = 0;

  /**
   * Pages without transitions, so axe never measures a navigation link's colours
   * halfway through its 0.15 s change to "current page".
   */
  const open = (path: string, options: BrowserContextOptions = {}) =>
    suite.open(path, { reducedMotion: 'reduce', ...options });

  /** A new account made through the API (the sign-up form has its own test). */
  async function newAccount(name: string): Promise<string> {
    people += 1;
    const email = `person${people}-${Date.now()}@example.org`;
    const answer = await fetch(new URL('/api/access/account/sign-up', suite.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${people}` },
      body: JSON.stringify({ email, display_name: name, password: PASSWORD }),
    });
    expect(answer.status).toBe(202);
    return email;
  }

  /** Sign in with email and password on the page showing the sign-in form. */
  async function signInWithPassword(page: Page, email: string): Promise<void> {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function openSignedIn(path: string, name = 'Ann Example', width = 1280) {
    const email = await newAccount(name);
    const watched = await open(path, { viewport: { width, height: 900 } });
    await watched.page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await signInWithPassword(watched.page, email);
    return { ...watched, email };
  }

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const serious = await runAxe(page, label);
    expect(serious, `${label}: serious or critical axe violations (printed above)`).toEqual([]);
  }

  async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0);
  }

  /** The token of the last link to `path` (`…#token=`) mailed to `to`, from the mail outbox. */
  async function mailedToken(to: string, path: string): Promise<string> {
    const rows = await suite.server.platform.store
      .db<{ access_mail_outbox: { to_address: string; body: string; created_at: number } }>()
      .selectFrom('access_mail_outbox')
      .select('body')
      .where('to_address', '=', to)
      .orderBy('created_at', 'desc')
      .execute();
    const link = new RegExp(`${path}#token=([A-Za-z0-9_-]+)`);
    for (const row of rows) {
      const token = link.exec(row.body)?.[1];
      if (token !== undefined) return token;
    }
    throw new Error(`no mail to ${to} links to ${path}`);
  }

  /** The console errors that matter: the signed-out session check answers 401 on purpose. */
  async function unexpected(problems: () => Promise<string[]>): Promise<string[]> {
    return (await problems()).filter((line) => !/status of 401/.test(line));
  }

  it('signed out: "Sign in" with the passkey button first, then the password form and links', async () => {
    const { page, problems } = await open('/access');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Sign in – Shieldwall');
    const main = page.getByRole('main');
    const buttons = await main.getByRole('button').allTextContents();
    expect(buttons[0]).toBe('Sign in with a passkey');
    expect(await main.textContent()).toContain('fake websites can');
    await main.getByRole('link', { name: 'Create an account' }).waitFor();
    await main.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    expect(await smallTargets(page, 'main .button, main input')).toEqual([]);

    // A wrong password: the server's words in the alert, and what was typed is kept.
    await page.getByLabel('Email address').fill('nobody@example.org');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'With your email and password' })
          .locator('.form-alert')
          .textContent(),
      )
      .toContain('The email address or password is not right.');
    expect(await page.getByLabel('Email address').inputValue()).toBe('nobody@example.org');

    await expectAccessible(page, 'sign in');
    await page.screenshot({ path: join(shots, 'sign-in-desktop.png'), fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('sign up → sign in with a password → add a passkey → sign out → sign in with the passkey', async () => {
    const { page, problems } = await open('/access/sign-up');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    // Sign up.
    const email = `passkey-${Date.now()}@example.org`;
    await page.getByRole('heading', { name: 'Create an account', level: 1 }).waitFor();
    await page.getByLabel('Your name').fill('Pat Passkey');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await expectAccessible(page, 'sign up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your email').waitFor();

    // Sign in with the password: the overview.
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await signInWithPassword(page, email);
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/access');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const main = page.getByRole('main');
    expect(await main.textContent()).toContain('Basic:');
    expect(await main.textContent()).toContain('Public');
    await expectAccessible(page, 'overview');
    await page.screenshot({ path: join(shots, 'overview-desktop.png'), fullPage: true });

    // Add a passkey on the security page.
    await main.getByRole('link', { name: 'Sign-in and security' }).click();
    await page.getByRole('heading', { name: 'Sign-in and security', level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Sign-in and security – Shieldwall');
    await page.getByText('You have no passkeys yet.').waitFor();
    await page.getByLabel('A name for it (optional)').fill('Test laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('heading', { name: 'Test laptop', level: 3 }).waitFor();
    await expect.poll(() => main.locator('.protection').textContent()).toContain('Strong:');
    await expectAccessible(page, 'security');
    await page.screenshot({ path: join(shots, 'security-desktop.png'), fullPage: true });

    // Sign out from the overview.
    await page.getByRole('link', { name: 'Back to Your account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    // Sign in with the passkey: no email, no password.
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await main.textContent()).toContain('Signed in as Pat Passkey');
    expect(await main.textContent()).toContain('Strong:');
    expect(await unexpected(problems)).toEqual([]);
  });

  it('devices: this device is listed and can be renamed', async () => {
    const { page, problems } = await openSignedIn('/access/devices');
    await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Where you are signed in' });
    await list.getByText('This device').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    // Keyboard only: Enter on "Rename", focus lands in the field, Enter saves.
    await page.getByRole('button', { name: /^Rename / }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Kitchen computer');
    await page.keyboard.press('Enter');
    await list.getByRole('heading', { name: /Kitchen computer/ }).waitFor();
    await expectAccessible(page, 'devices');
    await page.screenshot({ path: join(shots, 'devices-desktop.png'), fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('organizations: create one, make an API key (shown once), then revoke it', async () => {
    const { page, problems } = await openSignedIn('/access/orgs', 'Olive Owner');
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    await page.getByLabel('Name of the organization').fill(`Acme Water ${Date.now()}`);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: /^Acme Water/, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/access\/orgs\/[0-9a-f-]{36}$/);
    const main = page.getByRole('main');
    await main.getByText('Olive Owner').first().waitFor();

    await page.getByLabel('What is it for?').fill('Mail filter');
    await page.getByLabel('When should it stop working?').selectOption('30d');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = main.locator('.secret__text');
    await secret.waitFor();
    const key = (await secret.textContent()) ?? '';
    expect(key).toMatch(/^sw_live_/);
    expect(await main.textContent()).toContain('we show it only this once');
    await expectAccessible(page, 'org with new key');
    await page.screenshot({ path: join(shots, 'org-new-key-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => secret.count()).toBe(0);
    const keys = page.getByRole('list', { name: 'Keys of this organization' });
    await keys.getByRole('heading', { name: 'Mail filter' }).waitFor();
    const listed = (await keys.textContent()) ?? '';
    // Only the key's id (its first part) is listed, never the whole key.
    expect(listed).not.toContain(key);
    expect(listed).toContain(key.slice(0, 20));

    // Escape closes the confirmation without revoking; focus returns to the button.
    const revoke = keys.getByRole('button', { name: 'Revoke Mail filter' });
    await revoke.click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the key "Mail filter"?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Revoke Mail filter',
    );
    await revoke.click();
    await dialog.waitFor();
    await expectAccessible(page, 'revoke dialog');
    await dialog.getByRole('button', { name: 'Yes, revoke it' }).click();
    await keys.getByText(/Revoked on/).waitFor();
    await expectAccessible(page, 'org');
    await page.screenshot({ path: join(shots, 'org-desktop.png'), fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('verification: ask to be verified, then the DNS record to publish is shown', async () => {
    const { page, problems } = await openSignedIn('/access/verification', 'Vera Fied');
    await page.getByRole('heading', { name: 'Verification', level: 1 }).waitFor();
    await page.getByText('You have not asked to be verified yet.').waitFor();
    await expectAccessible(page, 'verification (empty)');
    await page.getByLabel('Who is it for?').selectOption('me');
    await page.getByLabel('What level?').selectOption({ label: 'Verified individual' });
    await page
      .getByLabel('Tell the reviewer about yourself')
      .fill('I look after the computers of a small charity and want to check suspicious links.');
    await page.getByRole('button', { name: 'Send request' }).click();
    const request = page.getByRole('list', { name: 'Your requests' }).getByRole('listitem');
    await request.getByText('Waiting for a reviewer.').waitFor();

    await request.getByLabel('Your web address').first().fill('example.org');
    await request.getByRole('button', { name: 'Show me the record to add' }).click();
    const record = request.locator('.secret__text');
    await record.waitFor();
    expect((await record.textContent())?.length).toBeGreaterThan(10);
    expect(await request.textContent()).toContain('_shieldwall');
    await request.getByRole('button', { name: 'Check now' }).waitFor();
    await expectAccessible(page, 'verification');
    await page.screenshot({ path: join(shots, 'verification-desktop.png'), fullPage: true });
    expect(await unexpected(problems)).toEqual([]);
  });

  it('reviewer queue: a verifier opens a waiting request and denies it with a reason the applicant reads', async () => {
    // The applicant asks through the API, signed in with a session cookie.
    const applicant = await newAccount('Appy Plicant');
    const signIn = await fetch(new URL('/api/access/account/sign-in', suite.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: applicant, password: PASSWORD }),
    });
    const cookie = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] as string;
    const csrf = ((await signIn.json()) as { csrf_token: string }).csrf_token;
    const session = { cookie: `sw_session=${cookie}`, 'x-csrf-token': csrf };
    const asked = await fetch(new URL('/api/access/verification/requests', suite.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...session },
      body: JSON.stringify({
        subject: { type: 'user' },
        tier: 1,
        statement: 'I run the IT of a village food bank.',
      }),
    });
    expect(asked.status).toBe(201);
    const requestId = ((await asked.json()) as { id: string }).id;

    // The verifier is a staff member; a new account is made one by an operator.
    const verifier = await newAccount('Vic Verifier');
    const access = await accessServices(suite.server.platform);
    await access.directory.setStaffRoles(verifier, ['verifier'], { id: 'operator:test' });
    await access.close();
    const { page, problems } = await open('/access/review');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await signInWithPassword(page, verifier);
    await page.getByRole('heading', { name: 'Reviewer queue', level: 1 }).waitFor();
    const waiting = page.getByRole('list', { name: 'Waiting requests' }).getByRole('listitem');
    // Oldest first: this test's request is the last one (earlier tests may have left theirs).
    const ours = waiting.last();
    await ours.getByText('Person asks for Verified individual').waitFor();
    const before = await waiting.count();
    await expectAccessible(page, 'reviewer queue');
    await ours.getByRole('button', { name: /Open the request/ }).click();
    await page.getByText('I run the IT of a village food bank.').waitFor();
    await page
      .getByLabel('Your reason')
      .fill('Please add a letter from the food bank that says you look after its computers.');
    await expectAccessible(page, 'reviewer decision');
    await page.screenshot({ path: join(shots, 'review-desktop.png'), fullPage: true });
    await page.getByRole('button', { name: 'Deny', exact: true }).click();
    await expect
      .poll(async () => (before === 1 ? 0 : await waiting.count()), { timeout: 10_000 })
      .toBe(before - 1);
    if (before === 1) await page.getByText('Nothing is waiting. Thank you!').waitFor();

    // The applicant reads the decision and its reason.
    const mine = await fetch(
      new URL(`/api/access/verification/requests/${requestId}`, suite.server.url),
      { headers: session },
    );
    const body = JSON.stringify(await mine.json());
    expect(body).toContain('denied');
    expect(body).toContain('a letter from the food bank');
    expect(await unexpected(problems)).toEqual([]);
  });

  it('trusted contact: name one, see them listed, change nothing, remove them; the contact can stop the emails', async () => {
    const { page, problems } = await openSignedIn('/access/security', 'Tess Trusting');
    await page.getByRole('heading', { name: 'Sign-in and security', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Trusted contact' });
    await section.getByRole('heading', { name: 'Add a trusted contact' }).waitFor();
    const contactEmail = `carer-${Date.now()}@example.org`;
    await section.getByLabel('Their name').fill('Carl Carer');
    await section.getByLabel('Their email address').fill(contactEmail);
    // Every alert is ticked for a new contact; untick one.
    const signIns = section.getByLabel('Someone signs in from a new device or at an unusual time');
    expect(await signIns.isChecked()).toBe(true);
    await signIns.uncheck();
    expect(
      await smallTargets(page, 'main .button, main input[type=text], main input[type=email]'),
    ).toEqual([]);
    await expectAccessible(page, 'trusted contact form');
    await section.getByRole('button', { name: 'Save trusted contact' }).click();
    // A fresh sign-in needs no "Confirm it is you"; an older one would ask first.
    const confirm = page.getByRole('dialog', { name: 'Confirm it is you' });
    await Promise.race([
      section.getByRole('heading', { name: 'Carl Carer', level: 3 }).waitFor(),
      confirm.waitFor().then(async () => {
        await confirm.getByLabel('Your password').fill(PASSWORD);
        await confirm.getByRole('button', { name: 'Confirm' }).click();
      }),
    ]);
    await section.getByRole('heading', { name: 'Carl Carer', level: 3 }).waitFor();
    const listed = (await section.textContent()) ?? '';
    expect(listed).toContain(contactEmail);
    expect(listed).toContain('Carl Carer is now your trusted contact.');
    expect(listed).toContain('Your password, passkeys or sign-in settings change');
    expect(listed).not.toContain('Someone signs in from a new device');
    await expectAccessible(page, 'security with trusted contact');
    await page.screenshot({ path: join(shots, 'trusted-contact-desktop.png'), fullPage: true });

    // "Change" opens the form with what was saved; Cancel goes back.
    await section.getByRole('button', { name: 'Change Carl Carer or their emails' }).click();
    expect(await section.getByLabel('Their name').inputValue()).toBe('Carl Carer');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-name');
    await section.getByRole('button', { name: 'Cancel' }).click();

    // Remove, after a confirmation.
    await section.getByRole('button', { name: 'Remove Carl Carer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Carl Carer as your trusted contact?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Yes, remove them' }).click();
    await section.getByRole('heading', { name: 'Add a trusted contact' }).waitFor();
    expect(await section.textContent()).toContain('Carl Carer is no longer your trusted contact.');

    // Named again, the contact stops the emails with the link in their mail.
    await section.getByLabel('Their name').fill('Carl Carer');
    await section.getByLabel('Their email address').fill(contactEmail);
    await section.getByRole('button', { name: 'Save trusted contact' }).click();
    await section.getByRole('heading', { name: 'Carl Carer', level: 3 }).waitFor();
    const token = await mailedToken(contactEmail, '/access/trusted-contact/stop');
    const contact = await open(`/access/trusted-contact/stop#token=${token}`);
    await contact.page
      .getByRole('heading', { name: "Stop the emails about someone's account", level: 1 })
      .waitFor();
    await expectAccessible(contact.page, 'stop contact emails');
    await contact.page.getByRole('button', { name: 'Stop these emails' }).click();
    await contact.page.getByText('we will not email you about their account any more').waitFor();
    await expectAccessible(contact.page, 'contact emails stopped');
    await contact.page.screenshot({
      path: join(shots, 'contact-stop-desktop.png'),
      fullPage: true,
    });
    await page.reload();
    await page
      .getByRole('region', { name: 'Trusted contact' })
      .getByRole('heading', { name: 'Add a trusted contact' })
      .waitFor();
    expect(await unexpected(problems)).toEqual([]);
    expect(await unexpected(contact.problems)).toEqual([]);
  });

  it('recovery: asked by email, started from the link, shown on the signed-in overview, stopped there', async () => {
    const { page, email, problems } = await openSignedIn('/access', 'Rita Recover');
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    // The sign-in page links to the recovery page, which asks for the address.
    const start = await open('/access/sign-in');
    await start.page
      .getByRole('link', { name: 'Lost your phone and your recovery codes?' })
      .click();
    await start.page.getByRole('heading', { name: 'Recover your account', level: 1 }).waitFor();
    await expectAccessible(start.page, 'recover (ask)');
    await start.page.getByLabel('Email address of your account').fill(email);
    await start.page.getByRole('button', { name: 'Send me a link' }).click();
    await start.page.getByText('Check your email').waitFor();
    await start.page.screenshot({ path: join(shots, 'recover-ask-desktop.png'), fullPage: true });

    // The mailed link: nothing happens until the button is pressed.
    const token = await mailedToken(email, '/access/recover');
    const link = await open(`/access/recover#token=${token}`);
    await link.page.getByRole('heading', { name: 'Recover your account', level: 1 }).waitFor();
    await expectAccessible(link.page, 'recover (start)');
    await link.page.getByRole('button', { name: 'Start the recovery' }).click();
    const started = link.page.getByRole('status').filter({ hasText: 'Recovery started.' });
    await started.waitFor();
    expect(await started.textContent()).toContain('You can finish it on');
    expect(await started.textContent()).toContain('you can stop it from any device');
    await expectAccessible(link.page, 'recovery started');
    await link.page.screenshot({
      path: join(shots, 'recover-started-desktop.png'),
      fullPage: true,
    });

    // The finishing link, too early: the server's "not before" in the alert.
    const finish = await mailedToken(email, '/access/recover/finish');
    const early = await open(`/access/recover/finish#token=${finish}`);
    await early.page
      .getByRole('heading', { name: 'Finish recovering your account', level: 1 })
      .waitFor();
    await early.page.getByLabel('New password').fill('Quiet-Harbour-Lantern-58');
    await early.page.getByRole('button', { name: 'Save new password' }).click();
    await expect
      .poll(() => early.page.locator('.form-alert').textContent())
      .toContain('not before');
    await expectAccessible(early.page, 'recover finish (too early)');
    await early.page.screenshot({
      path: join(shots, 'recover-finish-early-desktop.png'),
      fullPage: true,
    });

    // The signed-in device shows it at the top, and stops it.
    await page.reload();
    const banner = page
      .getByRole('alert')
      .filter({ hasText: 'Someone asked to recover your account' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('If that was not you, stop it now.');
    const stop = page.getByRole('button', { name: 'Stop this recovery' });
    expect(await smallTargets(page, 'main .recovery-banner .button')).toEqual([]);
    await expectAccessible(page, 'overview with recovery');
    await page.screenshot({ path: join(shots, 'overview-recovery-desktop.png'), fullPage: true });
    await page.getByRole('link', { name: 'Sign-in and security' }).first().click();
    await page.getByRole('heading', { name: 'Sign-in and security', level: 1 }).waitFor();
    await banner.waitFor();
    await page.getByRole('link', { name: 'Back to Your account' }).click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    await stop.click();
    const stopped = page.getByRole('status').filter({ hasText: 'The recovery is stopped.' });
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain('Change the password of your email account');
    expect(await banner.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toContain('The recovery is stopped.');
    await expectAccessible(page, 'overview after stopping the recovery');
    await page.screenshot({
      path: join(shots, 'overview-recovery-stopped-desktop.png'),
      fullPage: true,
    });

    // Once stopped, the finishing link no longer works.
    await early.page.getByRole('button', { name: 'Save new password' }).click();
    await expect
      .poll(() => early.page.locator('.form-alert').textContent())
      .toContain('This link is not valid');
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await banner.count()).toBe(0);
    for (const watched of [{ problems }, start, link])
      expect(await unexpected(watched.problems)).toEqual([]);
    // The finishing page was refused twice on purpose (too early, then stopped).
    const refused = (line: string) => /status of 400/.test(line);
    expect((await unexpected(early.problems)).filter((line) => !refused(line))).toEqual([]);
  });

  it('320 px wide: no page scrolls sideways', async () => {
    const signedOut = await open('/access', { viewport: { width: 320, height: 700 } });
    await signedOut.page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expectNoHorizontalScroll(signedOut.page, 'sign in 320');
    await signedOut.page.screenshot({ path: join(shots, 'sign-in-320.png'), fullPage: true });
    for (const [path, heading, name] of [
      ['/access/recover', 'Recover your account', 'recover'],
      ['/access/recover#token=not-a-real-token', 'Recover your account', 'recover-link'],
      [
        '/access/recover/finish#token=not-a-real-token',
        'Finish recovering your account',
        'recover-finish',
      ],
      [
        '/access/trusted-contact/stop#token=not-a-real-token',
        "Stop the emails about someone's account",
        'contact-stop',
      ],
    ] as const) {
      const mailLink = await open(path, { viewport: { width: 320, height: 700 } });
      await mailLink.page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expectNoHorizontalScroll(mailLink.page, `${path} 320`);
      await mailLink.page.screenshot({ path: join(shots, `${name}-320.png`), fullPage: true });
    }

    const { page } = await openSignedIn('/access', 'Narrow Screen', 320);
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    for (const [path, heading] of [
      ['/access', 'Your account'],
      ['/access/security', 'Sign-in and security'],
      ['/access/devices', 'Devices'],
      ['/access/orgs', 'Organizations'],
      ['/access/verification', 'Verification'],
    ] as const) {
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new Event('shieldwall:navigate'));
      }, path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('.loading').first().waitFor({ state: 'detached' });
      await expectNoHorizontalScroll(page, `${path} 320`);
      const name = path === '/access' ? 'overview' : path.slice('/access/'.length);
      await page.screenshot({ path: join(shots, `${name}-320.png`), fullPage: true });
    }
  });
});
