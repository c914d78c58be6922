/**
 * How the accounts part sends mail. The default writes each message to the
 * `access_mail_outbox` table, where an operator's relay (or, on a laptop, the
 * console) picks it up: sign-up works with nothing configured, and no mail
 * server's credentials live in this module.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logger.js';
import type { Store } from '../../platform/ports/store.js';
import type { AccountTables } from './account-tables.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** `alice@example.com` → `a***e@e***.com`: enough to tell addresses apart in a log, not to read them. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  const mask = (s: string) => (s.length <= 2 ? `${s[0] ?? ''}***` : `${s[0]}***${s.at(-1)}`);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return `${mask(address.slice(0, at))}@${dot < 1 ? mask(domain) : `${mask(domain.slice(0, dot))}${domain.slice(dot)}`}`;
}

/**
 * The default mailer. The body holds one-time links, so it is written to the
 * outbox only; the log gets the masked address.
 *
 * @example
 * const mailer = createOutboxMailer(store, logger, Date.now);
 * await mailer.send({ to: 'alice@example.com', subject: 'Hello', text: '…' });
 */
export function createOutboxMailer(
  store: Store,
  logger: Pick<Logger, 'info'>,
  now: () => number = Date.now,
): Mailer {
  return {
    async send(message) {
      await store
        .db<AccountTables>()
        .insertInto('access_mail_outbox')
        .values({
          id: randomUUID(),
          to_address: message.to,
          subject: message.subject.slice(0, 200),
          body: message.text.slice(0, 20_000),
          created_at: now(),
          sent_at: null,
        })
        .execute();
      logger.info(`mail queued to ${maskEmail(message.to)}`);
    },
  };
}
