import { useEffect, useRef, useState } from 'preact/hooks';
import { practiceMessages } from '../../../../src/protect/engine/practice/index.js';
import { messageOf } from '../../access/access-client.js';
import { accessPaths } from '../../access/access-paths.js';
import { useAccountState } from '../../access/account-state.js';
import { AppLink } from '../../components/app-link.js';
import { LoadingMessage } from '../../components/loading-message.js';
import { PAGE_HEADING_ID, Page } from '../../components/page.js';
import { useLocale } from '../../i18n/locale.js';
import { ExerciseAdmin } from './exercise-admin.js';
import { recordClick } from './exercises-api.js';
import { PracticeInbox } from './practice-inbox.js';
import './practice.css';

/** The token after `#caught=` when someone followed a practice message's link (kept out of server logs). */
function caughtToken(): string | null {
  const match = /^#caught=([A-Za-z0-9_-]{32})$/.exec(window.location.hash);
  return match?.[1] ?? null;
}

/**
 * /protect/exercises — the practice inbox for members, the exercises of the organizations the
 * person administers, and (with `#caught=…`) the friendly page a practice link opens.
 */
export function ExercisesPage() {
  const [token, setToken] = useState(caughtToken);
  useEffect(() => {
    // Following a practice link from the inbox only changes the fragment of this same page.
    const update = () => setToken(caughtToken());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return token === null ? <InboxAndAdmin /> : <CaughtPage key={token} token={token} />;
}

function InboxAndAdmin() {
  const locale = useLocale();
  const t = practiceMessages.t;
  const [account] = useAccountState();
  return (
    <Page title={t(locale, 'inbox_title')} lead={t(locale, 'inbox_intro')}>
      {account.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
      ) : account.state === 'signed_out' ? (
        <p>
          {t(locale, 'inbox_signed_out')}{' '}
          <AppLink href={accessPaths.signIn}>{t(locale, 'sign_in')}</AppLink>
        </p>
      ) : account.state === 'failed' ? (
        <p role="alert">{account.error.message}</p>
      ) : (
        <>
          <PracticeInbox />
          {account.me.orgs
            .filter((o) => o.role === 'owner' || o.role === 'admin')
            .map((o) => (
              <ExerciseAdmin key={o.id} orgId={o.id} orgName={o.name} />
            ))}
        </>
      )}
    </Page>
  );
}

function CaughtPage({ token }: { readonly token: string }) {
  const locale = useLocale();
  const t = practiceMessages.t;
  const [state, setState] = useState<'recording' | 'done' | 'unknown'>('recording');
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    document.getElementById(PAGE_HEADING_ID)?.focus();
    recordClick(token).then(
      () => setState('done'),
      (err: unknown) => {
        // Unknown or ended: still teach; say that nothing was recorded.
        void messageOf(err);
        setState('unknown');
      },
    );
  }, [token]);
  return (
    <Page title={t(locale, 'caught_title')} lead={t(locale, 'caught_body')}>
      <p>{t(locale, 'caught_tips')}</p>
      {state === 'unknown' ? <p role="status">{t(locale, 'caught_unknown')}</p> : null}
      <p>
        <AppLink href="/protect/practice" class="button">
          {t(locale, 'practice_title')}
        </AppLink>
      </p>
    </Page>
  );
}
