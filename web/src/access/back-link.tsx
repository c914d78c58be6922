import { AppLink } from '../components/app-link.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { accessPaths } from './access-paths.js';

/**
 * The way back up, above the heading of every account page but the overview.
 * `children` names the place in the person's language ("Your account" when not given).
 */
export function BackLink({
  href = accessPaths.overview,
  children,
}: {
  readonly href?: string;
  readonly children?: string;
}) {
  const { t } = useAccountWords();
  return (
    <p class="back-link">
      <AppLink href={href}>
        <span aria-hidden="true">←</span>
        {t('back.to', { place: children ?? t('back.account') })}
      </AppLink>
    </p>
  );
}
