import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { navigate } from '../router.js';
import { rememberCsrfToken } from './access-client.js';
import { accessPaths } from './access-paths.js';
import { signOut } from './account-api.js';
import { useAccount } from './account-state.js';
import { FormAlert, useAction } from './form-parts.js';
import { protectionOf } from './protection-words.js';
import { RecoveryBanner } from './recovery-banner.js';

/** `/access` when signed in: who you are, how safe your sign-in is, what you can use, where to go. */
export function OverviewPage({ title }: { readonly title: string }) {
  const { account } = useAccount();
  const { me } = account;
  const facts = account.session.account;
  const protection = protectionOf(facts);
  const earned = me.earned_tier;
  const capped = earned !== undefined && earned.level > me.tier.level;
  const reviewer = me.capabilities.includes('access.review');
  return (
    <Page title={title} lead={`Signed in as ${me.name} (${facts.email}).`}>
      <RecoveryBanner />
      {facts.email_verified ? null : (
        <div class="notice">
          <p class="notice__title">Please confirm your email address</p>
          <p>
            We sent a link to {facts.email}. Open it so we can reach you if something happens to
            your account.
          </p>
        </div>
      )}
      <dl class="summary">
        <div class={`summary__item summary__item--${protection.level}`}>
          <dt>How well your account is protected</dt>
          <dd>
            <strong>{protection.title}:</strong> {protection.text}
          </dd>
        </div>
        <div class="summary__item">
          <dt>What you can use</dt>
          <dd>
            <strong>{me.tier.name}</strong>
            {capped ? (
              <>
                . You have been verified for <strong>{earned.name}</strong>, but it needs stronger
                sign-in protection first: see{' '}
                <AppLink href={accessPaths.security}>Sign-in and security</AppLink>.
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <h2>Manage your account</h2>
      <ul class="cards">
        <Card href={accessPaths.security} title="Sign-in and security">
          Passkeys, the authenticator app, recovery codes, your password and your trusted contact.
        </Card>
        <Card href={accessPaths.devices} title="Devices">
          The computers and phones where you are signed in. Sign out the ones you don't know.
        </Card>
        <Card href={accessPaths.orgs} title="Organizations">
          {me.orgs.length === 0
            ? 'Create one for your team, or join one you were invited to.'
            : `You belong to ${me.orgs.map((o) => o.name).join(', ')}.`}
        </Card>
        <Card href={accessPaths.verification} title="Verification">
          Ask to be verified, so you or your organization can use more of Shieldwall.
        </Card>
        {reviewer ? (
          <Card href={accessPaths.review} title="Reviewer queue">
            Requests from other people waiting for a decision.
          </Card>
        ) : null}
      </ul>
      <SignOut />
    </Page>
  );
}

function Card({
  href,
  title,
  children,
}: {
  readonly href: string;
  readonly title: string;
  readonly children: string;
}) {
  return (
    <li class="card">
      <h3 class="card__title">
        <AppLink href={href} class="card__link">
          {title}
        </AppLink>
      </h3>
      <p>{children}</p>
    </li>
  );
}

function SignOut() {
  const { reload } = useAccount();
  const action = useAction();
  return (
    <section aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">Finished?</h2>
      <p>Sign out when you are done, especially on a computer other people use.</p>
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await signOut();
            rememberCsrfToken(null);
            await reload();
            navigate(accessPaths.overview);
          })
        }
      >
        {action.busy ? 'Signing out…' : 'Sign out'}
      </button>
      <FormAlert error={action.error} />
    </section>
  );
}
