import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api.js';
import { Page } from '../../components/page.js';
import { useLocale } from '../../i18n/locale.js';
import { checkDomain, type DomainCheckAnswer } from './domain-api.js';
import { domainPageMessages } from './domain-page-messages.js';
import { DomainResults } from './domain-results.js';
import './email-domain.css';

type State =
  | { readonly state: 'asking' }
  | { readonly state: 'checking'; readonly domain: string }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'done'; readonly answer: DomainCheckAnswer };

type FieldError = 'error_empty' | 'error_not_domain' | 'error_selectors' | undefined;

/** A light check before asking the server, which validates strictly (IDN, lengths, labels). */
function looksLikeDomain(text: string): boolean {
  return text.length <= 253 && text.includes('.') && !/[\s/@:]/.test(text);
}
const SELECTOR = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9_])?$/;

/**
 * /protect/email-domain — is my email domain safe? One field (the domain), a
 * few options for whoever runs the email, then the findings grouped by record,
 * the records to paste with copy buttons, and the staged plan to DMARC p=reject.
 */
export function EmailDomainPage() {
  const locale = useLocale();
  const t = (key: Parameters<typeof domainPageMessages.t>[1], params?: Record<string, string>) =>
    domainPageMessages.t(locale, key, params);
  const [domain, setDomain] = useState('');
  const [selectors, setSelectors] = useState('');
  const [fetchPolicy, setFetchPolicy] = useState(false);
  const [fieldError, setFieldError] = useState<FieldError>(undefined);
  const [check, setCheck] = useState<State>({ state: 'asking' });
  const attempt = useRef(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const domainInput = useRef<HTMLInputElement>(null);
  const selectorsInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (check.state === 'done') resultsHeading.current?.focus();
  }, [check]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const name = domain.trim();
    const list = selectors
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const error: FieldError =
      name === ''
        ? 'error_empty'
        : !looksLikeDomain(name)
          ? 'error_not_domain'
          : list.length > 10 || !list.every((s) => SELECTOR.test(s))
            ? 'error_selectors'
            : undefined;
    setFieldError(error);
    if (error !== undefined) {
      (error === 'error_selectors' ? selectorsInput : domainInput).current?.focus();
      return;
    }
    const id = ++attempt.current;
    setCheck({ state: 'checking', domain: name });
    void checkDomain(name, { selectors: list, fetchPolicy }).then(
      (answer) => {
        if (id === attempt.current) setCheck({ state: 'done', answer });
      },
      (err: unknown) => {
        if (id === attempt.current)
          setCheck({
            state: 'failed',
            message: err instanceof ApiError ? err.message : String(err),
          });
      },
    );
  };

  const domainError = fieldError === 'error_empty' || fieldError === 'error_not_domain';
  return (
    <Page title={t('title')} lead={t('lead')}>
      <form class="domain-form" onSubmit={onSubmit} noValidate>
        <label class="field-label field-label--large" for="domain-name">
          {t('domain_label')}
        </label>
        <p class="hint" id="domain-hint">
          {t('domain_hint')}
        </p>
        {domainError ? (
          <p class="field-error" id="domain-error">
            {t(fieldError)}
          </p>
        ) : null}
        <input
          ref={domainInput}
          id="domain-name"
          name="domain"
          class="field field--line"
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
          maxLength={1000}
          value={domain}
          aria-invalid={domainError ? 'true' : undefined}
          aria-describedby={domainError ? 'domain-error domain-hint' : 'domain-hint'}
          onInput={(e) => setDomain((e.currentTarget as HTMLInputElement).value)}
        />
        <details
          class="details domain-form__more"
          open={fieldError === 'error_selectors' ? true : undefined}
        >
          <summary>{t('more_options')}</summary>
          <label class="field-label" for="domain-selectors">
            {t('selectors_label')}
          </label>
          <p class="hint" id="selectors-hint">
            {t('selectors_hint')}
          </p>
          {fieldError === 'error_selectors' ? (
            <p class="field-error" id="selectors-error">
              {t('error_selectors')}
            </p>
          ) : null}
          <input
            ref={selectorsInput}
            id="domain-selectors"
            class="field field--line"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            maxLength={700}
            value={selectors}
            aria-invalid={fieldError === 'error_selectors' ? 'true' : undefined}
            aria-describedby={
              fieldError === 'error_selectors' ? 'selectors-error selectors-hint' : 'selectors-hint'
            }
            onInput={(e) => setSelectors((e.currentTarget as HTMLInputElement).value)}
          />
          <div class="tick-option">
            <input
              id="domain-policy"
              type="checkbox"
              checked={fetchPolicy}
              onChange={(e) => setFetchPolicy((e.currentTarget as HTMLInputElement).checked)}
            />
            <label for="domain-policy">{t('policy_label')}</label>
          </div>
        </details>
        <button type="submit" class="button button--large" disabled={check.state === 'checking'}>
          {t('submit')}
        </button>
      </form>
      <div aria-live="polite" class="domain-status">
        {check.state === 'checking' ? (
          <p class="loading">{t('checking', { domain: check.domain })}</p>
        ) : null}
      </div>
      {check.state === 'failed' ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{t('failed_heading')}</p>
          <p>{check.message}</p>
        </div>
      ) : null}
      {check.state === 'done' ? (
        <DomainResults answer={check.answer} locale={locale} headingRef={resultsHeading} />
      ) : null}
    </Page>
  );
}
