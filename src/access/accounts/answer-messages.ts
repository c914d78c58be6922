/**
 * Sentences the account routes answer with (not errors: those are in errors.ts), in every shipped
 * language, chosen by the request's Accept-Language like problem details.
 */
import { defineMessages } from '../../platform/engine-kit/i18n/messages.js';

const en = {
  sign_up_sent: 'Check your email: we sent a link to confirm your address.',
  reset_sent: 'If an account uses that address, we sent it a link to reset the password.',
  recovery_sent:
    'If that address has an account that can be recovered by email, a link is on its way.',
};

export const answerMessages = defineMessages<keyof typeof en>({
  en,
  es: {
    sign_up_sent: 'Revise su correo: le enviamos un enlace para confirmar su dirección.',
    reset_sent:
      'Si alguna cuenta usa esa dirección, le enviamos un enlace para restablecer la contraseña.',
    recovery_sent:
      'Si esa dirección tiene una cuenta que se puede recuperar por correo, le llegará un enlace.',
  },
});
