/**
 * The words of the shared pieces every page may show: the "Try again" of an error, the pages
 * shown while the module list loads or when it could not be loaded, and the page for a module
 * this web app has no screen for.
 */
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  'error.retry': 'Try again',
  'loading.title': 'Loading',
  'loading.text': 'Loading this page…',
  'unreachable.title': "We can't load this page",
  'unreachable.heading': 'Something stopped this page from loading.',
  'pending.text':
    'This part of Shieldwall is set up on the server, but this version of the web page does not have a screen for it yet. The person who looks after Shieldwall can update it.',
  'pending.home': 'Go to the home page',
} as const;

export type CommonMessageKey = keyof typeof en;

export const commonMessages = defineMessages<CommonMessageKey>({
  en,
  es: {
    'error.retry': 'Intentar de nuevo',
    'loading.title': 'Cargando',
    'loading.text': 'Cargando esta página…',
    'unreachable.title': 'No podemos cargar esta página',
    'unreachable.heading': 'Algo impidió que esta página se cargara.',
    'pending.text':
      'Esta parte de Shieldwall está instalada en el servidor, pero esta versión de la página web todavía no tiene una pantalla para ella. La persona que cuida Shieldwall puede actualizarla.',
    'pending.home': 'Ir a la página de inicio',
  },
});
