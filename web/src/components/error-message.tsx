import type { ApiError } from '../api.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale.js';

interface ErrorMessageProps {
  /** What we were trying to do, e.g. "We couldn't load the audit log." */
  readonly heading: string;
  readonly error: ApiError;
  readonly onRetry: () => void;
}

/**
 * A failure in plain words with one obvious thing to do. role="alert" so a
 * screen reader hears it even though focus stays where it was.
 */
export function ErrorMessage({ heading, error, onRetry }: ErrorMessageProps) {
  const locale = useLocale();
  return (
    <div class="notice notice--error" role="alert">
      <p class="notice__title">{heading}</p>
      <p>{error.message}</p>
      <button type="button" class="button" onClick={onRetry}>
        {commonMessages.t(locale, 'error.retry')}
      </button>
    </div>
  );
}
