import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ApiError } from '../api.js';
import { currentLocale } from '../i18n/locale.js';
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

type DateStyle = 'date' | 'date_time';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The browser's own regional form of the chosen language when it has one
 * (en-GB, es-MX: the order and names people there expect), else the language
 * alone. Dates follow the language picked in the header, not only the browser.
 */
function regionalTag(locale: Locale): string {
  return navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === locale) ?? locale;
}

function formatter(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const tag = regionalTag(locale);
  const key = `${tag} ${style}`;
  let found = formatters.get(key);
  if (found === undefined) {
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
    try {
      found = new Intl.DateTimeFormat(tag, options);
    } catch {
      // A browser language tag Intl refuses: the language alone always works.
      found = new Intl.DateTimeFormat(locale, options);
    }
    formatters.set(key, found);
  }
  return found;
}

/** "22 Nov 2025" (en-GB), "22 nov 2025" (es) for dates where the time of day does not matter. */
export function formatDate(iso: string, locale: Locale = currentLocale()): string {
  return formatter(locale, 'date').format(new Date(iso));
}

/** "22 Nov 2025, 14:03" (en-GB), "22 nov 2025, 14:03" (es). */
export function formatWhen(iso: string, locale: Locale = currentLocale()): string {
  return formatter(locale, 'date_time').format(new Date(iso));
}
