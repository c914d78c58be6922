import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import type { Resource } from '../use-resource.js';
import { messageOf } from './access-client.js';

/**
 * Like useResource, but `reload` keeps the data on screen while it loads again
 * (after a change), so lists do not vanish under the person's focus. `load`
 * must be stable (module-level or useCallback).
 */
export function useLoaded<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const controller = useRef<AbortController | null>(null);
  const reload = useCallback(async () => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    try {
      const data = await load(mine.signal);
      if (!mine.signal.aborted) setResource({ state: 'ready', data });
    } catch (err) {
      if (mine.signal.aborted) return;
      setResource({
        state: 'failed',
        error: err instanceof ApiError ? err : new ApiError('unexpected', messageOf(err)),
      });
    }
  }, [load]);
  useEffect(() => {
    setResource({ state: 'loading' });
    void reload();
    return () => controller.current?.abort();
  }, [reload]);
  return [resource, reload];
}

/** "22 Nov 2025" for dates where the time of day does not matter. */
const dateFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export function formatDate(iso: string): string {
  return dateFormatter.format(new Date(iso));
}

/** "22 Nov 2025, 14:03" */
const timeFormatter = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
export function formatWhen(iso: string): string {
  return timeFormatter.format(new Date(iso));
}
