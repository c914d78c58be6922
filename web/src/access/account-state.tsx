import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { getMe, type Me } from './access-api.js';
import { isProblem, messageOf, rememberCsrfToken } from './access-client.js';
import { type CurrentSession, getSession } from './account-api.js';

/** Whether someone is signed in on this browser, and who. */
export type AccountState =
  | { readonly state: 'loading' }
  | { readonly state: 'signed_out' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'signed_in'; readonly session: CurrentSession; readonly me: Me };

export type SignedIn = Extract<AccountState, { state: 'signed_in' }>;

/**
 * Asks the server who is signed in (the session cookie is HttpOnly, so only the
 * server knows), remembers the session's CSRF token, and loads tier and
 * organizations. `reload` keeps showing the old state until the new one is in,
 * so pages do not flash a loading message after every change.
 */
export function useAccountState(): [AccountState, () => Promise<void>] {
  const [state, setState] = useState<AccountState>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      const session = await getSession();
      rememberCsrfToken(session.csrf_token);
      const me = await getMe();
      setState({ state: 'signed_in', session, me });
    } catch (err) {
      if (isProblem(err, 'unauthenticated')) {
        rememberCsrfToken(null);
        setState({ state: 'signed_out' });
        return;
      }
      setState({
        state: 'failed',
        error: err instanceof ApiError ? err : new ApiError('unexpected', messageOf(err)),
      });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [state, reload];
}

export interface AccountContextValue {
  readonly account: SignedIn;
  /** Load the account again after a change (protection level, organizations, tier). */
  readonly reload: () => Promise<void>;
}

export const AccountContext = createContext<AccountContextValue | null>(null);

/** The signed-in account; only used inside the signed-in pages. */
export function useAccount(): AccountContextValue {
  const value = useContext(AccountContext);
  if (value === null) throw new Error('useAccount() outside the signed-in account pages');
  return value;
}
