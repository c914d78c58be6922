/**
 * The accounts part on a real access fixture (SQLite, or PostgreSQL with
 * `postgresUrl`): the outbox mailer, a logger whose every line is kept so tests
 * can search it for secrets, and helpers to read mail and make signed-in users.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { generate } from 'otplib';
import { createLogger, type Logger } from '../../../platform/logger.js';
import { type AccessFixture, accessFixture } from '../../test-support/access-fixture.js';
import type { RequestContext } from '../account-deps.js';
import type { AccountTables } from '../account-tables.js';
import { type Accounts, createAccounts } from '../accounts.js';
import { createOutboxMailer } from '../mailer.js';
import { TOTP } from '../second-factor.js';

export interface AccountsFixture extends AccessFixture {
  readonly accounts: Accounts;
  readonly logger: Logger;
  /** Every log line written so far. */
  logText(): string;
  /** Every audit entry's canonical JSON so far. */
  auditText(): Promise<string>;
  /** Bodies of mail queued to an address, oldest first. */
  mailTo(address: string): Promise<{ subject: string; body: string }[]>;
  /** The token in the newest mail to the address whose link contains `path`. */
  tokenFrom(address: string, path: string): Promise<string>;
  /** A request context from its own address, so rate limits of tests do not meet. */
  ctx(userAgent?: string): RequestContext;
  /** Sign up, verify and sign in; returns the started session. */
  signedIn(email: string, password?: string): Promise<SignedInUser>;
  totpCode(secret: string, offsetSteps?: number): Promise<string>;
}

export interface SignedInUser {
  readonly userId: string;
  readonly token: string;
  readonly csrfToken: string;
  readonly sessionId: string;
  readonly session: { userId: string; sessionId: string; authenticatedAt: number };
  readonly ctx: RequestContext;
}

export const GOOD_PASSWORD = 'violet harbour lantern 42';
export const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

export async function accountsFixture(
  options: { postgresUrl?: string } = {},
): Promise<AccountsFixture> {
  const fx = await accessFixture(options);
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ logLevel: 'debug' }, sink);
  const accounts = createAccounts({
    store: fx.store,
    bus: fx.bus,
    audit: fx.audit,
    limiter: fx.limiter,
    directory: fx.access.directory,
    policy: fx.access.policy,
    now: fx.clock,
    logger,
    mailer: createOutboxMailer(fx.store, logger, fx.clock),
    appUrl: 'https://shieldwall.test',
  });
  const db = () => fx.store.db<AccountTables>();
  let ipCounter = 0;

  const mailTo = async (address: string) =>
    (
      await db()
        .selectFrom('access_mail_outbox')
        .select(['subject', 'body', 'created_at', 'id'])
        .where('to_address', '=', address)
        .orderBy('created_at')
        .execute()
    ).map((r) => ({ subject: r.subject, body: r.body }));

  const self: AccountsFixture = {
    ...fx,
    accounts,
    logger,
    logText: () => lines.join(''),
    async auditText() {
      const rows = await fx.store
        .db<{ audit_entry: { idx: number; content: string } }>()
        .selectFrom('audit_entry')
        .select('content')
        .orderBy('idx')
        .execute();
      return rows.map((r) => r.content).join('\n');
    },
    mailTo,
    async tokenFrom(address, path) {
      const mail = await mailTo(address);
      for (const m of mail.reverse()) {
        const found = new RegExp(`${path}#token=([A-Za-z0-9_-]{43})`).exec(m.body);
        if (found?.[1] !== undefined) return found[1];
      }
      throw new Error(`no ${path} mail to ${address}`);
    },
    ctx(userAgent = BROWSER) {
      ipCounter++;
      const salt = randomBytes(1)[0] as number;
      return {
        ip: `198.${(salt % 50) + 1}.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`,
        userAgent,
        requestId: `req-${ipCounter}`,
      };
    },
    async signedIn(email, password = GOOD_PASSWORD) {
      const ctx = self.ctx();
      await accounts.signUp({ email, displayName: 'Test Person', password }, ctx);
      await accounts.verifyEmail(await self.tokenFrom(email, '/access/verify-email'), ctx);
      const result = await accounts.signIn({ email, password }, ctx);
      if (result.kind !== 'signed_in') throw new Error('expected a session');
      return {
        userId: result.userId,
        token: result.token,
        csrfToken: result.csrfToken,
        sessionId: result.sessionId,
        session: {
          userId: result.userId,
          sessionId: result.sessionId,
          authenticatedAt: fx.clock(),
        },
        ctx,
      };
    },
    async totpCode(secret, offsetSteps = 0) {
      return generate({
        secret,
        ...TOTP,
        epoch: Math.floor(fx.clock() / 1000) + offsetSteps * TOTP.period,
      });
    },
  };
  return self;
}
