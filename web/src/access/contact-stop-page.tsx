import { useState } from 'preact/hooks';
import { Page } from '../components/page.js';
import { tokenInHash } from './access-paths.js';
import { stopContactAlerts } from './account-api.js';
import { FormAlert, useAction } from './form-parts.js';

/**
 * `/access/trusted-contact/stop#token=…`, the link in the mail a trusted
 * contact gets: they stop the alerts themselves, with no account of their own.
 */
export function ContactStopPage() {
  const token = tokenInHash();
  const action = useAction();
  const [stopped, setStopped] = useState(false);
  return (
    <Page
      title="Stop the emails about someone's account"
      lead="Someone named you as their trusted contact, so we email you when something important happens on their Shieldwall account. You can't see or use their account."
    >
      {token === '' ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">This address is not complete.</p>
          <p>Open the link from the email again.</p>
        </div>
      ) : stopped ? (
        <div class="notice" role="status">
          <p class="notice__title">Done: we will not email you about their account any more.</p>
          <p>We told them, so they can choose someone else if they want to.</p>
        </div>
      ) : (
        <>
          <p>
            If you don't want these emails, stop them here. We will tell the person, so they can
            choose someone else.
          </p>
          <FormAlert error={action.error} heading="We couldn't stop the emails." />
          <button
            type="button"
            class="button button--large"
            aria-disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await stopContactAlerts(token);
                setStopped(true);
              })
            }
          >
            {action.busy ? 'Stopping…' : 'Stop these emails'}
          </button>
        </>
      )}
    </Page>
  );
}
