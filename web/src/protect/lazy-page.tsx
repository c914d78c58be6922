import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';

/** The only words shown before the page's own chunk (and catalogs) arrive. */
const words = defineMessages({
  en: {
    loading: 'Loading…',
    failed: 'This page could not be loaded. Check your internet connection and reload the page.',
  },
  es: {
    loading: 'Cargando…',
    failed: 'No se pudo cargar esta página. Compruebe su conexión a internet y vuelva a cargarla.',
  },
});

/**
 * Protect's pages beyond the checker load on first visit (their data, catalogs and code are their
 * own chunk), so the first load of Shieldwall — the scam checker — stays small for everyone.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  let loaded: ComponentType | undefined;
  return function LazyPage() {
    const [page, setPage] = useState<ComponentType | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    const locale = useLocale();
    useEffect(() => {
      if (page !== undefined) return;
      load().then(
        (component) => {
          loaded = component;
          setPage(() => component);
        },
        () => setFailed(true),
      );
    }, [page]);
    if (failed) return <p role="alert">{words.t(locale, 'failed')}</p>;
    const Page = page;
    return Page === undefined ? (
      <LoadingMessage>{words.t(locale, 'loading')}</LoadingMessage>
    ) : (
      <Page />
    );
  };
}
