import { defineMessages } from '../../../platform/engine-kit/i18n/messages.js';
import { type CheckupKey, checkupEn } from './checkup-messages-en.js';
import { checkupEs } from './checkup-messages-es.js';

export type { CheckupKey } from './checkup-messages-en.js';

/** Every sentence of the checkup, in every shipped language (adding one is adding a catalog here). */
export const checkupMessages = defineMessages<CheckupKey>({ en: checkupEn, es: checkupEs });
