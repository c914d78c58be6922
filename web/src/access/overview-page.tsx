import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { listOf, orgMessages, tierName } from '../i18n/org-messages.js';
import { withNodes } from '../i18n/rich-text.js';
import { moduleTitle } from '../i18n/shell-messages.js';
import { navigate } from '../router.js';
import { rememberCsrfToken } from './access-client.js';
import { accessPaths } from './access-paths.js';
import { signOut } from './account-api.js';
import { useAccount } from './account-state.js';
import { FormAlert, useAction } from './form-parts.js';
import { protectionOf } from './protection-words.js';
import { RecoveryBanner } from './recovery-banner.js';

const { t } = orgMessages;

/** `/access` when signed in: who you are, how safe your sign-in is, what you can use, where to go. */
export function OverviewPage({ title }: { readonly title: string }) {
  const locale = useLocale();
  const { account } = useAccount();
  const { me } = account;
  const facts = account.session.account;
  const protection = protectionOf(facts, locale);
  const earned = me.earned_tier;
  const capped = earned !== undefined && earned.level > me.tier.level;
  const reviewer = me.capabilities.includes('access.review');
  return (
    <Page
      title={moduleTitle(locale, { id: 'access', title })}
      lead={t(locale, 'overview.lead', { name: me.name, email: facts.email })}
    >
      <RecoveryBanner />
      {facts.email_verified ? null : (
        <div class="notice">
          <p class="notice__title">{t(locale, 'overview.confirm_email_title')}</p>
          <p>{t(locale, 'overview.confirm_email_text', { email: facts.email })}</p>
        </div>
      )}
      <dl class="summary">
        <div class={`summary__item summary__item--${protection.level}`}>
          <dt>{t(locale, 'overview.protection')}</dt>
          <dd>
            <strong>{protection.title}:</strong> {protection.text}
          </dd>
        </div>
        <div class="summary__item">
          <dt>{t(locale, 'overview.can_use')}</dt>
          <dd>
            <strong>{tierName(locale, me.tier)}</strong>
            {capped
              ? withNodes(t(locale, 'overview.capped'), {
                  tier: <strong>{tierName(locale, earned)}</strong>,
                  link: (
                    <AppLink href={accessPaths.security}>{t(locale, 'overview.security')}</AppLink>
                  ),
                })
              : null}
          </dd>
        </div>
      </dl>
      <h2>{t(locale, 'overview.manage')}</h2>
      <ul class="cards">
        <Card href={accessPaths.security} title={t(locale, 'overview.security')}>
          {t(locale, 'overview.security_text')}
        </Card>
        <Card href={accessPaths.devices} title={t(locale, 'devices.title')}>
          {t(locale, 'overview.devices_text')}
        </Card>
        <Card href={accessPaths.orgs} title={t(locale, 'orgs.title')}>
          {me.orgs.length === 0
            ? t(locale, 'overview.orgs_none')
            : t(locale, 'overview.orgs_some', {
                orgs: listOf(
                  locale,
                  me.orgs.map((o) => o.name),
                ),
              })}
        </Card>
        <Card href={accessPaths.verification} title={t(locale, 'verification.title')}>
          {t(locale, 'overview.verification_text')}
        </Card>
        {reviewer ? (
          <Card href={accessPaths.review} title={t(locale, 'review.title')}>
            {t(locale, 'overview.review_text')}
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
  const locale = useLocale();
  const { reload } = useAccount();
  const action = useAction();
  return (
    <section aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">{t(locale, 'overview.finished')}</h2>
      <p>{t(locale, 'overview.finished_text')}</p>
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
        {action.busy ? t(locale, 'sign_out.busy') : t(locale, 'sign_out.button')}
      </button>
      <FormAlert error={action.error} />
    </section>
  );
}
