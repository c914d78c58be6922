import { useCallback, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages } from '../i18n/org-messages.js';
import {
  invite,
  listInvitations,
  listMembers,
  type Member,
  ROLES,
  type Role,
  removeMember,
  setMemberRole,
  withdrawInvitation,
} from './access-api.js';
import { useAccount } from './account-state.js';
import { ConfirmButton } from './confirm-button.js';
import {
  DoneMessage,
  FormAlert,
  SubmitButton,
  submitWith,
  TextField,
  useAction,
} from './form-parts.js';
import { roleWords } from './role-words.js';
import { formatDate, useLoaded } from './use-loaded.js';

const { t } = orgMessages;

/** Owners may hand out every role; administrators every role but owner. */
const rolesFor = (myRole: string): readonly Role[] =>
  myRole === 'owner' ? ROLES : ROLES.filter((r) => r !== 'owner');

export function MembersSection({
  orgId,
  orgName,
  myRole,
}: {
  readonly orgId: string;
  readonly orgName: string;
  readonly myRole: string;
}) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => listMembers(orgId, signal), [orgId]);
  const [members, reload] = useLoaded(load);
  const [done, setDone] = useState('');
  const manager = myRole === 'owner' || myRole === 'admin';
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t(locale, 'members.heading')}</h2>
      <DoneMessage text={done} />
      {members.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'members.loading')}</LoadingMessage>
      ) : members.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'members.failed')}
          error={members.error}
          onRetry={() => void reload()}
        />
      ) : (
        <ul class="item-list" aria-labelledby="members-heading">
          {members.data.map((member) => (
            <MemberItem
              key={member.user_id}
              orgId={orgId}
              orgName={orgName}
              member={member}
              roles={manager ? rolesFor(myRole) : []}
              onChanged={async (what) => {
                await reload();
                setDone(what);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function MemberItem({
  orgId,
  orgName,
  member,
  roles,
  onChanged,
}: {
  readonly orgId: string;
  readonly orgName: string;
  readonly member: Member;
  /** Roles I may give; empty when I may not manage members. */
  readonly roles: readonly Role[];
  readonly onChanged: (what: string) => Promise<void>;
}) {
  const locale = useLocale();
  const { account } = useAccount();
  const me = member.user_id === account.me.id;
  const action = useAction();
  const [role, setRole] = useState(member.role);
  const name = member.display_name;
  const selectId = `role-${member.user_id}`;
  // An administrator cannot change or remove an owner: only owners can.
  const canManage = roles.length > 0 && !me && (roles.includes('owner') || member.role !== 'owner');
  return (
    <li class="item">
      <h3 class="item__title">
        {name}
        {me ? <span class="badge">{t(locale, 'members.you')}</span> : null}
      </h3>
      <p class="item__facts">
        {t(locale, 'members.facts', {
          email: member.email,
          role: roleWords(member.role, locale).name,
          date: formatDate(member.since, locale),
        })}
      </p>
      {canManage ? (
        <>
          <form
            class="form form--inline"
            onSubmit={submitWith(action, async () => {
              await setMemberRole(orgId, member.user_id, role as Role);
              await onChanged(
                t(locale, 'members.changed', {
                  name,
                  role: roleWords(role, locale).withArticle,
                }),
              );
            })}
          >
            <label class="field-label" for={selectId}>
              {t(locale, 'members.role_of', { name })}
            </label>
            <div class="button-row">
              <select
                id={selectId}
                class="field field--select"
                value={role}
                onChange={(event) => setRole(event.currentTarget.value)}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleWords(r, locale).name}
                  </option>
                ))}
              </select>
              <SubmitButton busy={action.busy} secondary>
                {t(locale, 'members.change_role')}
              </SubmitButton>
              <ConfirmButton
                label={t(locale, 'members.remove_label', { name })}
                question={t(locale, 'members.remove_question', { name, org: orgName })}
                explanation={t(locale, 'members.remove_explain', { name, org: orgName })}
                confirm={t(locale, 'members.remove_confirm', { name })}
                danger
                onConfirm={async () => {
                  await removeMember(orgId, member.user_id);
                  await onChanged(t(locale, 'members.removed', { name, org: orgName }));
                }}
              >
                {t(locale, 'members.remove')}
              </ConfirmButton>
            </div>
          </form>
          <FormAlert error={action.error} />
        </>
      ) : null}
    </li>
  );
}

export function InvitationsSection({
  orgId,
  myRole,
}: {
  readonly orgId: string;
  readonly myRole: string;
}) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => listInvitations(orgId, signal), [orgId]);
  const [invitations, reload] = useLoaded(load);
  const action = useAction();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t(locale, 'invite.heading')}</h2>
      <p>{t(locale, 'invite.text')}</p>
      <form
        class="form panel"
        onSubmit={submitWith(action, async () => {
          const address = email.trim();
          await invite(orgId, address, role);
          setEmail('');
          await reload();
          setDone(t(locale, 'invite.sent', { email: address }));
        })}
      >
        <TextField
          id="invite-email"
          label={t(locale, 'invite.email')}
          type="email"
          autoComplete="off"
          value={email}
          onValue={setEmail}
        />
        <label class="field-label" for="invite-role">
          {t(locale, 'invite.role')}
        </label>
        <p class="hint" id="invite-role-hint">
          {roleWords(role, locale).name}: {roleWords(role, locale).can}.
        </p>
        <select
          id="invite-role"
          class="field field--select"
          aria-describedby="invite-role-hint"
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
        >
          {rolesFor(myRole).map((r) => (
            <option key={r} value={r}>
              {roleWords(r, locale).name}
            </option>
          ))}
        </select>
        <FormAlert error={action.error} heading={t(locale, 'invite.failed')} />
        <SubmitButton busy={action.busy} busyText={t(locale, 'invite.busy')}>
          {t(locale, 'invite.submit')}
        </SubmitButton>
      </form>
      <DoneMessage text={done} />
      <h3 id="pending-heading">{t(locale, 'invite.pending')}</h3>
      {invitations.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'invite.loading')}</LoadingMessage>
      ) : invitations.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'invite.load_failed')}
          error={invitations.error}
          onRetry={() => void reload()}
        />
      ) : invitations.data.length === 0 ? (
        <p>{t(locale, 'invite.none')}</p>
      ) : (
        <ul class="item-list" aria-labelledby="pending-heading">
          {invitations.data.map((inv) => (
            <li key={inv.id} class="item">
              <p class="item__title">{inv.email}</p>
              <p class="item__facts">
                {t(locale, 'invite.facts', {
                  role: roleWords(inv.role, locale).withArticle,
                  date: formatDate(inv.expires_at, locale),
                })}
              </p>
              <ConfirmButton
                label={t(locale, 'invite.withdraw_label', { email: inv.email })}
                question={t(locale, 'invite.withdraw_question', { email: inv.email })}
                explanation={t(locale, 'invite.withdraw_explain')}
                confirm={t(locale, 'invite.withdraw_confirm')}
                onConfirm={async () => {
                  await withdrawInvitation(orgId, inv.id);
                  await reload();
                  setDone(t(locale, 'invite.withdrawn', { email: inv.email }));
                }}
              >
                {t(locale, 'invite.withdraw')}
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
