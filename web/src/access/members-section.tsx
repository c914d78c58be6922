import { useCallback, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
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
  const load = useCallback((signal: AbortSignal) => listMembers(orgId, signal), [orgId]);
  const [members, reload] = useLoaded(load);
  const [done, setDone] = useState('');
  const manager = myRole === 'owner' || myRole === 'admin';
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <DoneMessage text={done} />
      {members.state === 'loading' ? (
        <LoadingMessage>Loading the members…</LoadingMessage>
      ) : members.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the members."
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
        {me ? <span class="badge">You</span> : null}
      </h3>
      <p class="item__facts">
        {member.email}. {roleWords(member.role).name} since {formatDate(member.since)}.
      </p>
      {canManage ? (
        <>
          <form
            class="form form--inline"
            onSubmit={submitWith(action, async () => {
              await setMemberRole(orgId, member.user_id, role as Role);
              await onChanged(`${name} is now ${roleWords(role).withArticle}.`);
            })}
          >
            <label class="field-label" for={selectId}>
              Role of {name}
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
                    {roleWords(r).name}
                  </option>
                ))}
              </select>
              <SubmitButton busy={action.busy} secondary>
                Change role
              </SubmitButton>
              <ConfirmButton
                label={`Remove ${name}`}
                question={`Remove ${name} from ${orgName}?`}
                explanation={`${name} will lose access to everything ${orgName} can use. You can invite them again later.`}
                confirm={`Yes, remove ${name}`}
                danger
                onConfirm={async () => {
                  await removeMember(orgId, member.user_id);
                  await onChanged(`${name} is removed from ${orgName}.`);
                }}
              >
                Remove
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
  const load = useCallback((signal: AbortSignal) => listInvitations(orgId, signal), [orgId]);
  const [invitations, reload] = useLoaded(load);
  const action = useAction();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p>We email them a code to join. They need a Shieldwall account with that email address.</p>
      <form
        class="form panel"
        onSubmit={submitWith(action, async () => {
          const address = email.trim();
          await invite(orgId, address, role);
          setEmail('');
          await reload();
          setDone(`We sent an invitation to ${address}.`);
        })}
      >
        <TextField
          id="invite-email"
          label="Their email address"
          type="email"
          autoComplete="off"
          value={email}
          onValue={setEmail}
        />
        <label class="field-label" for="invite-role">
          Their role
        </label>
        <p class="hint" id="invite-role-hint">
          {roleWords(role).name}: {roleWords(role).can}.
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
              {roleWords(r).name}
            </option>
          ))}
        </select>
        <FormAlert error={action.error} heading="We couldn't send the invitation." />
        <SubmitButton busy={action.busy} busyText="Sending…">
          Send invitation
        </SubmitButton>
      </form>
      <DoneMessage text={done} />
      <h3 id="pending-heading">Invitations not yet accepted</h3>
      {invitations.state === 'loading' ? (
        <LoadingMessage>Loading invitations…</LoadingMessage>
      ) : invitations.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the invitations."
          error={invitations.error}
          onRetry={() => void reload()}
        />
      ) : invitations.data.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="item-list" aria-labelledby="pending-heading">
          {invitations.data.map((inv) => (
            <li key={inv.id} class="item">
              <p class="item__title">{inv.email}</p>
              <p class="item__facts">
                As {roleWords(inv.role).withArticle}. The invitation ends on{' '}
                {formatDate(inv.expires_at)}.
              </p>
              <ConfirmButton
                label={`Withdraw the invitation to ${inv.email}`}
                question={`Withdraw the invitation to ${inv.email}?`}
                explanation="The code we emailed them will stop working."
                confirm="Yes, withdraw it"
                onConfirm={async () => {
                  await withdrawInvitation(orgId, inv.id);
                  await reload();
                  setDone(`The invitation to ${inv.email} is withdrawn.`);
                }}
              >
                Withdraw
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
