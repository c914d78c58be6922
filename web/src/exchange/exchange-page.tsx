import { useLocale } from '../i18n/locale.js';
import { moduleTitle } from '../i18n/shell-messages.js';
import type { ModulePageProps } from '../pages/module-pages.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { currentPath } from '../router.js';
import { EXCHANGE } from './intel-api.js';
import { IntelHomePage } from './intel-home-page.js';
import { ObjectPage } from './object-page.js';
import './exchange.css';

const OBJECT = /^objects\/([^/]{1,300})$/;

/**
 * "Threat intelligence" (`/exchange/…`): the console's home page, or one
 * object's page at `/exchange/objects/<stix id>`. The shell re-renders it on
 * every navigation, so `currentPath()` is the address being shown.
 */
export function ExchangePage({ module }: ModulePageProps) {
  const locale = useLocale();
  const rest = currentPath().slice(EXCHANGE.length).replace(/^\/+/, '');
  if (rest === '') return <IntelHomePage title={moduleTitle(locale, module)} />;
  const id = OBJECT.exec(rest)?.[1];
  if (id === undefined) return <NotFoundPage />;
  return <ObjectPage key={id} id={decode(id)} />;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
