import { defineErrorCodes } from '../../platform/errors.js';

/**
 * Stable error codes of the accounts part. Codes the access module already has
 * (unauthenticated, forbidden, not_found, invalid_input, rate_limited) are
 * thrown through `accessErrors`; these are the ones it lacks.
 */
export const accountErrors = defineErrorCodes({
  csrf_failed: {
    status: 403,
    message:
      'This change needs the x-csrf-token header of your session. Reload the page and try again.',
    es: 'Este cambio necesita la cabecera x-csrf-token de su sesión. Vuelva a cargar la página e inténtelo de nuevo.',
  },
  invalid_credentials: {
    status: 401,
    message: 'The email address or password is not right.',
    es: 'La dirección de correo o la contraseña no son correctas.',
  },
  reauth_failed: {
    status: 403,
    message: 'That password is not right.',
    es: 'Esa contraseña no es correcta.',
  },
  invalid_code: {
    status: 403,
    message: 'That code is not right, or was already used. Check your authenticator app.',
    es: 'Ese código no es correcto o ya se usó. Revise su aplicación de autenticación.',
  },
  second_factor_expired: {
    status: 401,
    message: 'The sign-in took too long. Please start again with your email and password.',
    es: 'El inicio de sesión tardó demasiado. Empiece de nuevo con su correo y su contraseña.',
  },
  code_required: {
    status: 400,
    message: 'Enter the code from your authenticator app as well.',
    es: 'Escriba también el código de su aplicación de autenticación.',
  },
  passkey_required: {
    status: 403,
    message:
      'This account is protected by advanced protection: sign in with your passkey or security key.',
    es: 'Esta cuenta tiene la protección avanzada: inicie sesión con su llave de acceso (passkey) o su llave de seguridad.',
  },
  weak_password: {
    status: 400,
    message: 'Please choose another password.',
    es: 'Elija otra contraseña, por favor.',
  },
  invalid_token: {
    status: 400,
    message: 'This link is not valid: it may have expired or been used already. Ask for a new one.',
    es: 'Este enlace no es válido: puede que haya caducado o que ya se haya usado. Pida uno nuevo.',
  },
  email_recovery_disabled: {
    status: 403,
    message: 'Password reset by email is turned off for this account.',
    es: 'El restablecimiento de la contraseña por correo está desactivado para esta cuenta.',
  },
  totp_not_enabled: {
    status: 409,
    message: 'Two-step sign-in with an authenticator app is not turned on.',
    es: 'El inicio de sesión en dos pasos con una aplicación de autenticación no está activado.',
  },
  totp_already_enabled: {
    status: 409,
    message: 'Two-step sign-in with an authenticator app is already on.',
    es: 'El inicio de sesión en dos pasos con una aplicación de autenticación ya está activado.',
  },
  no_totp_enrolment: {
    status: 409,
    message: 'Start setting up the authenticator app first.',
    es: 'Primero empiece a configurar la aplicación de autenticación.',
  },
  passkey_missing: {
    status: 409,
    message: 'Add a passkey or security key before turning on advanced protection.',
    es: 'Añada una llave de acceso (passkey) o una llave de seguridad antes de activar la protección avanzada.',
  },
});
