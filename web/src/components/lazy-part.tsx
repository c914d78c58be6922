import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LoadingMessage } from './loading-message.js';

/** The words a lazy part shows while its chunk loads, or when it cannot be loaded. */
export interface LazyWords {
  readonly loading: string;
  readonly failed: string;
}

/**
 * A part of a page kept in its own chunk and fetched the first time it is shown, such as a form
 * only an organization's admins see: the first load stays small for everyone else
 * (test/browser/web-bundle.test.ts holds it under 100 KiB). Loaded once per page load.
 *
 * @example
 * const LazyForm = lazyPart(() => import('./form.js').then((m) => m.Form));
 * <LazyForm words={{ loading: '…', failed: '…' }} {...formProps} />
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  return function LazyPart(props: P & { readonly words: LazyWords }) {
    const [part, setPart] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (part !== undefined) return;
      let shown = true;
      load().then(
        (component) => {
          loaded = component;
          if (shown) setPart(() => component);
        },
        () => {
          if (shown) setFailed(true);
        },
      );
      return () => {
        shown = false;
      };
    }, [part]);
    const { words, ...rest } = props;
    if (failed) return <p role="alert">{words.failed}</p>;
    if (part === undefined) return <LoadingMessage>{words.loading}</LoadingMessage>;
    const Part = part;
    return <Part {...(rest as unknown as P)} />;
  };
}
