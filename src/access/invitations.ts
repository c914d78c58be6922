/**
 * Invitations to join an organization: an admin invites an address with a role;
 * a token goes out by mail (only its hash is kept); only the account with that
 * address may accept it, once, before it expires (7 days).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Locale } from '../platform/engine-kit/i18n/messages.js';
import type { Store } from '../platform/ports/store.js';
import type { AccessTables } from './access-tables.js';
import { knownLocaleOfAddress, localeOfUser } from './accounts/account-language.js';
import { mailMessages as m } from './accounts/mail-messages.js';
import type { Actor, Directory } from './directory.js';
import { ORG_ROLES, type OrgRole } from './engine/index.js';
import { accessErrors } from './errors.js';

export const INVITATION_DAYS = 7;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;

/** Where mail goes: the accounts part supplies the outbox mailer. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export type Invitations = ReturnType<typeof createInvitations>;

/** Which language the invitation mail is written in (see `invite`). */
export interface InvitationLanguage {
  /** The inviter chose it for this person: used as it is. */
  readonly chosen?: Locale;
  /** The language of the inviter's request (Accept-Language), when the invitee has no account. */
  readonly requested?: Locale;
}

export function createInvitations(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly directory: Directory;
  readonly mailer: () => Mailer | undefined;
  readonly now: () => number;
  /** Base URL people open the link at, e.g. https://shieldwall.example.org */
  readonly baseUrl?: string;
}) {
  const db = () => deps.store.db<AccessTables>();
  return {
    /**
     * Invite an address; returns the token too so a caller without mail (the CLI) can hand it over.
     * The mail is in the language the inviter chose, else the invitee's own account's, else the
     * inviter's request's, else the inviter's account's, else English.
     */
    async invite(
      orgId: string,
      email: string,
      role: OrgRole,
      actor: Actor,
      language: InvitationLanguage = {},
    ) {
      const to = email.trim().toLowerCase();
      if (!EMAIL.test(to))
        throw accessErrors.create('invalid_input', {
          message: 'That is not an email address.',
          es: 'Esa no es una dirección de correo electrónico.',
        });
      if (!ORG_ROLES.includes(role))
        throw accessErrors.create('invalid_input', {
          message: `Unknown role ${role}.`,
          es: `El rol ${role} no existe.`,
        });
      const org = await deps.directory.getOrg(orgId);
      const token = randomBytes(24).toString('base64url');
      const now = deps.now();
      const id = randomUUID();
      await db()
        .insertInto('access_invitation')
        .values({
          id,
          org_id: org.id,
          email: to,
          role,
          token_hash: hash(token),
          created_at: now,
          created_by: actor.id,
          expires_at: now + INVITATION_DAYS * 86_400_000,
          accepted_at: null,
          revoked_at: null,
        })
        .execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'access.invitation.created',
        subject: `org:${org.id}`,
        data: { invitation: id, role },
        requestId: actor.requestId,
      });
      const mailer = deps.mailer();
      if (mailer !== undefined) {
        const locale =
          language.chosen ??
          (await knownLocaleOfAddress(deps.store, to)) ??
          language.requested ??
          (actor.id.startsWith('user:')
            ? await localeOfUser(deps.store, actor.id.slice('user:'.length))
            : 'en');
        await mailer.send({
          to,
          subject: m.t(locale, 'invite.subject', { org: org.name }),
          text: m.t(locale, 'invite.text', {
            org: org.name,
            role: m.t(locale, `role.${role}`),
            days: INVITATION_DAYS,
            token,
            link_block:
              deps.baseUrl === undefined
                ? ''
                : m.t(locale, 'invite.link_block', {
                    link: `${deps.baseUrl}/access/invitations#token=${token}`,
                  }),
          }),
        });
      }
      return { id, token, expiresAt: now + INVITATION_DAYS * 86_400_000 };
    },

    /** Accept with the mailed token; the signed-in account's address must be the invited one. */
    async accept(token: string, user: { id: string; email: string }, actor: Actor) {
      const now = deps.now();
      const row = await db()
        .selectFrom('access_invitation')
        .selectAll()
        .where('token_hash', '=', hash(token))
        .executeTakeFirst();
      if (
        row === undefined ||
        row.accepted_at !== null ||
        row.revoked_at !== null ||
        Number(row.expires_at) <= now ||
        row.email !== user.email.toLowerCase()
      ) {
        await deps.audit.append({
          actor: actor.id,
          action: 'access.invitation.accepted',
          outcome: 'denied',
          requestId: actor.requestId,
        });
        throw accessErrors.create('invitation_invalid');
      }
      const claimed = await db()
        .updateTable('access_invitation')
        .set({ accepted_at: now })
        .where('id', '=', row.id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw accessErrors.create('invitation_invalid');
      await deps.directory.addMember(row.org_id, user.id, row.role as OrgRole, actor);
      return { orgId: row.org_id, role: row.role as OrgRole };
    },

    async pending(orgId: string) {
      const rows = await db()
        .selectFrom('access_invitation')
        .select(['id', 'email', 'role', 'created_at', 'expires_at'])
        .where('org_id', '=', orgId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', deps.now())
        .orderBy('created_at', 'desc')
        .limit(1000)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        role: r.role,
        createdAt: Number(r.created_at),
        expiresAt: Number(r.expires_at),
      }));
    },

    async revoke(orgId: string, invitationId: string, actor: Actor) {
      const res = await db()
        .updateTable('access_invitation')
        .set({ revoked_at: deps.now() })
        .where('id', '=', invitationId)
        .where('org_id', '=', orgId)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw accessErrors.create('not_found');
      await deps.audit.append({
        actor: actor.id,
        action: 'access.invitation.revoked',
        subject: `org:${orgId}`,
        data: { invitation: invitationId },
        requestId: actor.requestId,
      });
    },
  };
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
