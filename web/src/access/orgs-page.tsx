import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { navigate } from '../router.js';
import { createOrg, listOrgs } from './access-api.js';
import { accessPaths } from './access-paths.js';
import { useAccount } from './account-state.js';
import { BackLink } from './back-link.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';
import { roleWords } from './role-words.js';
import { useLoaded } from './use-loaded.js';

/** `/access/orgs`: the organizations you belong to, and "Create an organization". */
export function OrgsPage() {
  const [orgs, reload] = useLoaded(listOrgs);
  return (
    <>
      <BackLink />
      <Page
        title="Organizations"
        lead="An organization is your company, charity, school or team. Its members share what Shieldwall lets the organization use."
      >
        <h2 id="your-orgs">Your organizations</h2>
        {orgs.state === 'loading' ? (
          <LoadingMessage>Loading your organizations…</LoadingMessage>
        ) : orgs.state === 'failed' ? (
          <ErrorMessage
            heading="We couldn't load your organizations."
            error={orgs.error}
            onRetry={() => void reload()}
          />
        ) : orgs.data.length === 0 ? (
          <p>
            You are not in an organization yet. Create one below, or ask a colleague to invite you.
          </p>
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
                  {org.role === undefined ? '' : `You are ${roleWords(org.role).withArticle}. `}
                  Level: {org.tier.name}.
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
  const { reload } = useAccount();
  const action = useAction();
  const [name, setName] = useState('');
  return (
    <section aria-labelledby="create-org-heading" class="panel">
      <h2 id="create-org-heading">Create an organization</h2>
      <p>You will be its owner. You can then invite your colleagues.</p>
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
          label="Name of the organization"
          autoComplete="organization"
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <FormAlert error={action.error} heading="We couldn't create the organization." />
        <SubmitButton busy={action.busy} busyText="Creating…">
          Create organization
        </SubmitButton>
      </form>
    </section>
  );
}
