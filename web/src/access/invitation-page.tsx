import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { acceptInvitation } from './access-api.js';
import { accessPaths, tokenInHash } from './access-paths.js';
import { useAccount } from './account-state.js';
import { BackLink } from './back-link.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';
import { roleWords } from './role-words.js';

/**
 * `/access/invitations#<code>`, the link in an invitation mail (or the code
 * typed by hand): join the organization.
 */
export function InvitationPage() {
  const { account, reload } = useAccount();
  const action = useAction();
  const [code, setCode] = useState(tokenInHash);
  const [joined, setJoined] = useState<{ org: string; role: string } | null>(null);
  const joinedOrg = account.me.orgs.find((o) => o.id === joined?.org);
  return (
    <>
      <BackLink />
      <Page
        title="Join an organization"
        lead={`Accept an invitation that was sent to ${account.session.account.email}.`}
      >
        {joined !== null ? (
          <div class="notice" role="status">
            <p class="notice__title">
              You joined {joinedOrg?.name ?? 'the organization'} as{' '}
              {roleWords(joined.role).withArticle}.
            </p>
            <p>
              <AppLink href={accessPaths.org(joined.org)}>Open the organization</AppLink>
            </p>
          </div>
        ) : (
          <form
            class="form"
            onSubmit={submitWith(action, async () => {
              const answer = await acceptInvitation(code.trim());
              await reload();
              setJoined(answer);
            })}
          >
            <TextField
              id="invitation-code"
              label="Invitation code"
              hint="It is in the invitation email. If you opened the link in the email, it is already filled in."
              autoComplete="off"
              value={code}
              onValue={setCode}
              code
            />
            <FormAlert error={action.error} heading="We couldn't accept the invitation." />
            <SubmitButton busy={action.busy} busyText="Joining…">
              Accept the invitation
            </SubmitButton>
          </form>
        )}
      </Page>
    </>
  );
}
