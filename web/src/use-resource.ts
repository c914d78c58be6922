import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';

/** The three states every piece of server data is in, so each page shows all three. */
export type Resource<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'failed'; readonly error: ApiError };

/**
 * Load data when the component mounts, again when `retry` is called, and stop
 * listening (abort) when it unmounts. `load` must be stable (a module-level
 * function or a useCallback), or it reloads on every render.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    void load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: 'ready', data });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ state: 'failed', error: toApiError(err) });
      },
    );
    return () => controller.abort();
    // `attempt` is a dependency only to run the effect again on retry.
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [resource, retry];
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // A bug in a parser or page, not the network: still say something a person can act on.
  return new ApiError(
    'unexpected',
    'Something went wrong in this page. Reloading it usually helps.',
  );
}
