/**
 * Identity verification on a real access fixture (SQLite, or PostgreSQL with
 * `postgresUrl`), with an in-memory mailer and a test DNS server. Users are
 * inserted straight into access_user: the accounts part is built in parallel.
 */
import { randomUUID } from 'node:crypto';
import type { AccessTables } from '../../access-tables.js';
import { type AccessFixture, accessFixture } from '../../test-support/access-fixture.js';
import { createVerification, type Verification } from '../verification.js';
import type { Mailer } from '../verification-types.js';
import { startTestDnsServer, type TestDnsServer } from './test-dns-server.js';

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** A mailer that keeps what it sends; `failNext` makes the next send throw. */
export function memoryMailer(): Mailer & { sent: SentMail[]; failNext: boolean } {
  const mailer = {
    sent: [] as SentMail[],
    failNext: false,
    async send(message: SentMail) {
      if (mailer.failNext) {
        mailer.failNext = false;
        throw new Error('mail server down');
      }
      mailer.sent.push(message);
    },
  };
  return mailer;
}

export interface VerificationFixture {
  readonly fx: AccessFixture;
  readonly verification: Verification;
  readonly mailer: ReturnType<typeof memoryMailer>;
  readonly dns: TestDnsServer;
  addUser(options?: { staff?: readonly string[] }): Promise<string>;
  /** An organization with `userId` as a member in `role`. */
  addOrg(userId: string, role?: 'owner' | 'admin' | 'member', tier?: number): Promise<string>;
  close(): Promise<void>;
}

export async function verificationFixture(
  options: { postgresUrl?: string } = {},
): Promise<VerificationFixture> {
  const fx = await accessFixture(
    options.postgresUrl === undefined ? {} : { postgresUrl: options.postgresUrl },
  );
  const mailer = memoryMailer();
  const dns = await startTestDnsServer();
  const verification = createVerification({
    store: fx.store,
    audit: fx.audit,
    directory: fx.access.directory,
    limiter: fx.limiter,
    policy: fx.access.policy,
    mailer,
    now: fx.clock,
    resolverServers: [dns.address],
    dnsDeadlineMs: 1000,
    publicUrl: 'https://shieldwall.test/',
  });
  const operator = { id: 'operator:test' };
  return {
    fx,
    verification,
    mailer,
    dns,
    async addUser(opts = {}) {
      const id = randomUUID();
      await fx.store
        .db<AccessTables>()
        .insertInto('access_user')
        .values({
          id,
          email: `${id}@people.test`,
          display_name: `User ${id.slice(0, 8)}`,
          created_at: fx.clock(),
          email_verified_at: fx.clock(),
          password_hash: null,
          totp_secret: null,
          totp_enabled_at: null,
          advanced_protection: 0,
          staff_roles: JSON.stringify(opts.staff ?? []),
          disabled_at: null,
        })
        .execute();
      return id;
    },
    async addOrg(userId, role = 'owner', tier = 0) {
      const org = await fx.access.directory.createOrg(
        { name: `Org ${randomUUID()}`, tier },
        operator,
      );
      await fx.access.directory.addMember(org.id, userId, role, operator);
      return org.id;
    },
    async close() {
      await dns.close();
      await fx.close();
    },
  };
}
