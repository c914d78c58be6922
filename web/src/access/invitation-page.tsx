import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
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
  const { t, locale } = useAccountWords();
  const { account, reload } = useAccount();
  const action = useAction();
  const [code, setCode] = useState(tokenInHash);
  const [joined, setJoined] = useState<{ org: string; role: string } | null>(null);
  const joinedOrg = account.me.orgs.find((o) => o.id === joined?.org);
  return (
    <>
      <BackLink />
      <Page
        title={t('invite.title')}
        lead={t('invite.lead', { email: account.session.account.email })}
      >
        {joined !== null ? (
          <div class="notice" role="status">
            <p class="notice__title">
              {t('invite.joined', {
                org: joinedOrg?.name ?? t('invite.the_org'),
                role: roleWords(joined.role, locale).withArticle,
              })}
            </p>
            <p>
              <AppLink href={accessPaths.org(joined.org)}>{t('invite.open_org')}</AppLink>
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
              label={t('invite.code_label')}
              hint={t('invite.code_hint')}
              autoComplete="off"
              value={code}
              onValue={setCode}
              code
            />
            <FormAlert error={action.error} heading={t('invite.failed')} />
            <SubmitButton busy={action.busy} busyText={t('invite.busy')}>
              {t('invite.submit')}
            </SubmitButton>
          </form>
        )}
      </Page>
    </>
  );
}
