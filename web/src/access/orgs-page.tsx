import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages, tierName } from '../i18n/org-messages.js';
import { navigate } from '../router.js';
import { createOrg, listOrgs } from './access-api.js';
import { accessPaths } from './access-paths.js';
import { useAccount } from './account-state.js';
import { BackLink } from './back-link.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';
import { roleWords } from './role-words.js';
import { useLoaded } from './use-loaded.js';

const { t } = orgMessages;

/** `/access/orgs`: the organizations you belong to, and "Create an organization". */
export function OrgsPage() {
  const locale = useLocale();
  const [orgs, reload] = useLoaded(listOrgs);
  return (
    <>
      <BackLink />
      <Page title={t(locale, 'orgs.title')} lead={t(locale, 'orgs.lead')}>
        <h2 id="your-orgs">{t(locale, 'orgs.yours')}</h2>
        {orgs.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'orgs.loading')}</LoadingMessage>
        ) : orgs.state === 'failed' ? (
          <ErrorMessage
            heading={t(locale, 'orgs.failed')}
            error={orgs.error}
            onRetry={() => void reload()}
          />
        ) : orgs.data.length === 0 ? (
          <p>{t(locale, 'orgs.none')}</p>
        ) : (
          <ul class="cards" aria-labelledby="your-orgs">
            {orgs.data.map((org) => (
              <li key={org.id} class="card">
                <h3 class="card__title">
                  <AppLink href={accessPaths.org(org.id)} class="card__link">
                    {org.name}
                  </AppLink>
                </h3>
                <p>
                  {org.role === undefined
                    ? ''
                    : `${t(locale, 'orgs.your_role', { role: roleWords(org.role, locale).withArticle })} `}
                  {t(locale, 'orgs.level', { tier: tierName(locale, org.tier) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <CreateOrg />
      </Page>
    </>
  );
}

function CreateOrg() {
  const locale = useLocale();
  const { reload } = useAccount();
  const action = useAction();
  const [name, setName] = useState('');
  return (
    <section aria-labelledby="create-org-heading" class="panel">
      <h2 id="create-org-heading">{t(locale, 'orgs.create_heading')}</h2>
      <p>{t(locale, 'orgs.create_text')}</p>
      <form
        class="form"
        onSubmit={submitWith(action, async () => {
          const org = await createOrg(name.trim());
          await reload();
          navigate(accessPaths.org(org.id));
        })}
      >
        <TextField
          id="org-name"
          label={t(locale, 'orgs.create_name')}
          autoComplete="organization"
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <FormAlert error={action.error} heading={t(locale, 'orgs.create_failed')} />
        <SubmitButton busy={action.busy} busyText={t(locale, 'orgs.create_busy')}>
          {t(locale, 'orgs.create_submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
