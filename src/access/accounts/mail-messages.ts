/**
 * Every email the access module sends, in every shipped language: account notices, sign-in
 * alerts, recovery, trusted-contact mail, invitations and verification. Each person gets mail in
 * the language stored on their account (see account-language.ts). Spanish uses usted throughout.
 * Links and codes are filled in, never translated.
 */
import { defineMessages, type Locale } from '../../platform/engine-kit/i18n/messages.js';

const en = {
  not_you:
    'If this was not you, reset your password at {app}/access/reset and review your signed-in sessions at {app}/access/security.',

  'verify_email.subject': 'Confirm your email address for {site}',
  'verify_email.text':
    'Hello {name},\n\nPlease confirm this is your email address by opening this link within 24 hours:\n\n{link}\n\nIf you did not create an account, you can ignore this message.\n',

  'already_registered.subject': 'Someone tried to create a {site} account with your address',
  'already_registered.text':
    'Someone tried to create a new account with this email address, but you already have one.\n\nIf it was you, sign in at {app}/access/sign-in, or reset your password at {app}/access/reset.\nIf it was not you, you do not need to do anything.\n',

  'new_sign_in.subject': 'New sign-in to your {site} account',
  'new_sign_in.text':
    'Your account was signed in to from a browser or network it has not been used from before:\n\n  {device}\n  {when}\n\n{not_you}\n',

  'unusual_hour.subject': 'Sign-in to your {site} account at an unusual time',
  'unusual_hour.text':
    'Your account was signed in to at {when}, a time of day you do not usually sign in.\n\nIf this was not you, sign out the other sessions at {app}/access/devices and change your password.\n',

  'reset_link.subject': 'Reset your {site} password',
  'reset_link.text':
    'Someone (hopefully you) asked to reset the password of your account. Open this link within 30 minutes to choose a new one:\n\n{link}\n\nThe link works once. If you did not ask, ignore this message: your password stays as it is.\n',

  'reset_refused.subject': 'Password reset for your {site} account',
  'reset_refused.text':
    'Someone asked to reset the password of your account by email, but {why}\n\nSign in with your passkey or security key instead. If you cannot, contact the people who run this {site} server.\n',
  'refused.advanced_password':
    'advanced protection is on, so the password cannot be reset or recovered by email.',
  'refused.advanced_account':
    'advanced protection is on, so the account cannot be reset or recovered by email.',
  'refused.tier': 'accounts at your access level cannot be recovered by email alone.',

  'security_change.subject': 'Security change on your {site} account',
  'security_change.text': '{what}\n\n  {when}\n\n{not_you}\n',
  'change.recovery_code_used':
    'A recovery code was used to confirm it is you. {left} of your codes are left.',
  'change.totp_on': 'Two-step sign-in with an authenticator app was turned on.',
  'change.totp_off':
    'Two-step sign-in with an authenticator app was turned off, and your recovery codes no longer work.',
  'change.recovery_codes_new':
    'New recovery codes were made for your account; the old ones no longer work.',
  'change.advanced_on':
    'Advanced protection was turned on: sign-in needs your passkey or security key, and password reset by email is off.',
  'change.advanced_off': 'Advanced protection was turned off.',
  'change.password_changed':
    'Your password was changed, and every other signed-in session was signed out.',
  'change.password_reset':
    'Your password was reset with a link sent to this address, and all {ended} signed-in sessions were signed out.',
  'change.recovered':
    'Your account was recovered: it has a new password, and its old authenticator app, passkeys and recovery codes were removed. Add a passkey again soon.',
  'change.recovery_stopped':
    'The recovery of your account was stopped from one of your signed-in devices. If that was not you, change your password now.',

  'recover.subject': 'Recover your {site} account',
  'recover.text':
    'Someone (hopefully you) said they lost every way to confirm it is them on this account: their authenticator app, passkeys and recovery codes.\n\nTo start recovering it, open this link within 30 minutes:\n\n{link}\n\nFor your safety nothing changes for {days} days after that, and you can stop it from any device where you are still signed in. If you did not ask, ignore this message.\n',
  'recovery_started.subject': 'Account recovery started on {site}',
  'recovery_started.text':
    'Recovery of your account has started. On {when} you can finish it with this link, which sets a new password and removes your old authenticator app, passkeys and recovery codes:\n\n{link}\n\nIf this was not you, sign in on any device you still have and press "Stop this recovery" ({app}/access/security), and change your email password.\n',

  'alert.new_device': 'A sign-in from a device not used before: {device}.',
  'alert.unusual_hour': 'A sign-in at an unusual time of day: {when}.',
  'alert.recovery_started':
    'Someone started recovering the account without its second factor. It can be finished on {when} unless it is stopped.',
  'alert.recovered':
    'The account was recovered with a new password, and its old second factors were removed.',

  'contact_alert.subject': "{site}: an alert about {name}'s account",
  'contact_alert.text':
    'Hello {contact},\n\n{name} asked {site} to tell you when this happens on their account:\n\n  {text}\n\nIf they did not expect it, please check with them: their account may be at risk. You cannot see or change their account; this is only an alert.\n',
  'contact_named.subject': '{name} named you as a trusted contact on {site}',
  'contact_named.text':
    'Hello {contact},\n\n{name} ({email}) named you as their trusted contact on {site}. You will get an email if any of these happens on their account: {alerts}.\n\nYou cannot see or use their account. If you do not want these emails, open this link:\n\n{link}\n',
  'contact_set.subject': 'You named a trusted contact on {site}',
  'contact_set.text':
    '{contact} ({contact_email}) will now get an email when: {alerts}. They cannot see or use your account. If this was not you, review your account at {app}/access/security.\n',
  'contact_stopped.subject': 'Your trusted contact stopped their alerts',
  'contact_stopped.text':
    'Your trusted contact asked not to get alerts about your account any more. You can name someone else at {app}/access/security.\n',
  'alerts.none': 'nothing yet',
  'describe.new_sign_in': 'someone signs in from a new device',
  'describe.security_change': 'a password, second factor or passkey is changed',
  'describe.recovery_started': 'someone asks to recover the account without its second factor',
  'describe.scam_high_risk': 'Shieldwall finds that a message they checked is very likely a scam',
  'describe.scam_recovery':
    'they open the "I already clicked or paid" checklist and ask to tell you',

  'invite.subject': 'You are invited to {org} on Shieldwall',
  'invite.text':
    'You have been invited to join {org} as {role}.\n\nSign in with this address and accept the invitation with this code within {days} days:\n\n{token}\n\n{link_block}If you did not expect this, ignore this message.',
  'invite.link_block': '{link}\n\n',
  'role.owner': 'owner',
  'role.admin': 'admin',
  'role.analyst': 'analyst',
  'role.member': 'member',

  'verification_code.subject': 'Your Shieldwall verification code',
  'verification_code.text':
    'Someone asked to show that they can read mail at {domain}, to verify an organization on Shieldwall.\n\nYour code: {code}\n\nEnter it {where}. It works once, for 24 hours.\n\nIf you did not ask for this, ignore this email: nothing happens without the code.',
  'verification_code.where_app': 'in Shieldwall, on the verification request',
  'verification_code.where_link': 'at {link}',
  'verification_reminder.subject': 'Your Shieldwall verification ends soon',
  'verification_reminder.text':
    'The verified tier {tier} of {whose} ends on {date}.\n\nTo keep it, make a new verification request {where} before then.\nAfter that date access falls back to the tier you would have without it.',
  'verification_reminder.whose_org': 'your organization',
  'verification_reminder.whose_user': 'your account',
  'verification_reminder.where_app': 'in Shieldwall',
  'verification_reminder.where_link': 'at {link}',

  'device.unknown_browser': 'A browser',
  'device.on': '{browser} on {os}',
  'device.label': '{device}, network {network}',
};

export type MailKey = keyof typeof en;

export const mailMessages = defineMessages<MailKey>({
  en,
  es: {
    not_you:
      'Si no fue usted, restablezca su contraseña en {app}/access/reset y revise sus sesiones abiertas en {app}/access/security.',

    'verify_email.subject': 'Confirme su dirección de correo para {site}',
    'verify_email.text':
      'Hola, {name}:\n\nConfirme que esta es su dirección de correo abriendo este enlace en las próximas 24 horas:\n\n{link}\n\nSi usted no creó ninguna cuenta, puede ignorar este mensaje.\n',

    'already_registered.subject': 'Alguien intentó crear una cuenta de {site} con su dirección',
    'already_registered.text':
      'Alguien intentó crear una cuenta nueva con esta dirección de correo, pero usted ya tiene una.\n\nSi fue usted, inicie sesión en {app}/access/sign-in o restablezca su contraseña en {app}/access/reset.\nSi no fue usted, no tiene que hacer nada.\n',

    'new_sign_in.subject': 'Nuevo inicio de sesión en su cuenta de {site}',
    'new_sign_in.text':
      'Alguien inició sesión en su cuenta desde un navegador o una red que no se había usado antes:\n\n  {device}\n  {when}\n\n{not_you}\n',

    'unusual_hour.subject': 'Inicio de sesión en su cuenta de {site} a una hora poco habitual',
    'unusual_hour.text':
      'Alguien inició sesión en su cuenta el {when}, a una hora del día en la que usted no suele hacerlo.\n\nSi no fue usted, cierre las demás sesiones en {app}/access/devices y cambie su contraseña.\n',

    'reset_link.subject': 'Restablezca su contraseña de {site}',
    'reset_link.text':
      'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta. Abra este enlace en los próximos 30 minutos para elegir una nueva:\n\n{link}\n\nEl enlace solo funciona una vez. Si usted no lo pidió, ignore este mensaje: su contraseña sigue siendo la misma.\n',

    'reset_refused.subject': 'Restablecimiento de la contraseña de su cuenta de {site}',
    'reset_refused.text':
      'Alguien pidió restablecer por correo la contraseña de su cuenta, pero {why}\n\nInicie sesión con su llave de acceso (passkey) o su llave de seguridad. Si no puede, póngase en contacto con las personas que administran este servidor de {site}.\n',
    'refused.advanced_password':
      'la protección avanzada está activada, así que la contraseña no se puede restablecer ni recuperar por correo.',
    'refused.advanced_account':
      'la protección avanzada está activada, así que la cuenta no se puede restablecer ni recuperar por correo.',
    'refused.tier': 'las cuentas de su nivel de acceso no se pueden recuperar solo por correo.',

    'security_change.subject': 'Cambio de seguridad en su cuenta de {site}',
    'security_change.text': '{what}\n\n  {when}\n\n{not_you}\n',
    'change.recovery_code_used':
      'Se usó un código de recuperación para confirmar que es usted. Le quedan {left} códigos.',
    'change.totp_on':
      'Se activó el inicio de sesión en dos pasos con una aplicación de autenticación.',
    'change.totp_off':
      'Se desactivó el inicio de sesión en dos pasos con una aplicación de autenticación, y sus códigos de recuperación ya no funcionan.',
    'change.recovery_codes_new':
      'Se crearon nuevos códigos de recuperación para su cuenta; los anteriores ya no funcionan.',
    'change.advanced_on':
      'Se activó la protección avanzada: para iniciar sesión se necesita su llave de acceso (passkey) o su llave de seguridad, y el restablecimiento de la contraseña por correo queda desactivado.',
    'change.advanced_off': 'Se desactivó la protección avanzada.',
    'change.password_changed':
      'Se cambió su contraseña y se cerraron todas las demás sesiones abiertas.',
    'change.password_reset':
      'Se restableció su contraseña con un enlace enviado a esta dirección, y se cerraron las {ended} sesiones abiertas.',
    'change.recovered':
      'Se recuperó su cuenta: tiene una contraseña nueva, y se quitaron su aplicación de autenticación, sus llaves de acceso (passkeys) y sus códigos de recuperación anteriores. Vuelva a añadir pronto una llave de acceso.',
    'change.recovery_stopped':
      'La recuperación de su cuenta se detuvo desde uno de sus dispositivos con sesión abierta. Si no fue usted, cambie su contraseña ahora.',

    'recover.subject': 'Recupere su cuenta de {site}',
    'recover.text':
      'Alguien (esperamos que usted) dijo que perdió todas las formas de confirmar su identidad en esta cuenta: su aplicación de autenticación, sus llaves de acceso (passkeys) y sus códigos de recuperación.\n\nPara empezar a recuperarla, abra este enlace en los próximos 30 minutos:\n\n{link}\n\nPor su seguridad, no cambia nada durante los {days} días siguientes, y usted puede detenerlo desde cualquier dispositivo en el que aún tenga la sesión abierta. Si usted no lo pidió, ignore este mensaje.\n',
    'recovery_started.subject': 'Comenzó la recuperación de su cuenta en {site}',
    'recovery_started.text':
      'Comenzó la recuperación de su cuenta. A partir del {when} podrá terminarla con este enlace, que pone una contraseña nueva y quita su aplicación de autenticación, sus llaves de acceso (passkeys) y sus códigos de recuperación anteriores:\n\n{link}\n\nSi no fue usted, inicie sesión en cualquier dispositivo que todavía tenga, pulse «Detener esta recuperación» ({app}/access/security) y cambie la contraseña de su correo electrónico.\n',

    'alert.new_device':
      'Un inicio de sesión desde un dispositivo que no se había usado antes: {device}.',
    'alert.unusual_hour': 'Un inicio de sesión a una hora poco habitual: {when}.',
    'alert.recovery_started':
      'Alguien empezó a recuperar la cuenta sin su segundo factor. Se podrá terminar a partir del {when}, salvo que se detenga.',
    'alert.recovered':
      'Se recuperó la cuenta con una contraseña nueva, y se quitaron sus segundos factores anteriores.',

    'contact_alert.subject': '{site}: un aviso sobre la cuenta de {name}',
    'contact_alert.text':
      'Hola, {contact}:\n\n{name} pidió a {site} que le avise cuando ocurra esto en su cuenta:\n\n  {text}\n\nSi no lo esperaba, hable con esa persona: su cuenta puede estar en peligro. Usted no puede ver ni cambiar su cuenta; esto es solo un aviso.\n',
    'contact_named.subject': '{name} le eligió como contacto de confianza en {site}',
    'contact_named.text':
      'Hola, {contact}:\n\n{name} ({email}) le eligió como su contacto de confianza en {site}. Recibirá un correo si ocurre alguna de estas cosas en su cuenta: {alerts}.\n\nUsted no puede ver ni usar su cuenta. Si no quiere recibir estos correos, abra este enlace:\n\n{link}\n',
    'contact_set.subject': 'Eligió un contacto de confianza en {site}',
    'contact_set.text':
      'A partir de ahora, {contact} ({contact_email}) recibirá un correo cuando: {alerts}. Esa persona no puede ver ni usar su cuenta. Si no fue usted, revise su cuenta en {app}/access/security.\n',
    'contact_stopped.subject': 'Su contacto de confianza dejó de recibir avisos',
    'contact_stopped.text':
      'Su contacto de confianza pidió no recibir más avisos sobre su cuenta. Puede elegir a otra persona en {app}/access/security.\n',
    'alerts.none': 'nada por ahora',
    'describe.new_sign_in': 'alguien inicia sesión desde un dispositivo nuevo',
    'describe.security_change':
      'se cambia una contraseña, un segundo factor o una llave de acceso (passkey)',
    'describe.recovery_started': 'alguien pide recuperar la cuenta sin su segundo factor',
    'describe.scam_high_risk':
      'Shieldwall detecta que un mensaje que revisó es muy probablemente una estafa',
    'describe.scam_recovery': 'abre la lista «Ya hice clic o pagué» y pide avisarle a usted',

    'invite.subject': 'Le invitan a {org} en Shieldwall',
    'invite.text':
      'Le invitaron a unirse a {org} con el rol de {role}.\n\nInicie sesión con esta dirección y acepte la invitación con este código en los próximos {days} días:\n\n{token}\n\n{link_block}Si no esperaba esta invitación, ignore este mensaje.',
    'invite.link_block': '{link}\n\n',
    'role.owner': 'titular',
    'role.admin': 'administrador',
    'role.analyst': 'analista',
    'role.member': 'miembro',

    'verification_code.subject': 'Su código de verificación de Shieldwall',
    'verification_code.text':
      'Alguien pidió demostrar que puede leer el correo de {domain}, para verificar una organización en Shieldwall.\n\nSu código: {code}\n\nEscríbalo {where}. Funciona una sola vez, durante 24 horas.\n\nSi usted no lo pidió, ignore este correo: sin el código no pasa nada.',
    'verification_code.where_app': 'en Shieldwall, en la solicitud de verificación',
    'verification_code.where_link': 'en {link}',
    'verification_reminder.subject': 'Su verificación de Shieldwall termina pronto',
    'verification_reminder.text':
      'El nivel verificado {tier} de {whose} termina el {date}.\n\nPara conservarlo, haga una nueva solicitud de verificación {where} antes de esa fecha.\nDespués, el acceso vuelve al nivel que tendría sin la verificación.',
    'verification_reminder.whose_org': 'su organización',
    'verification_reminder.whose_user': 'su cuenta',
    'verification_reminder.where_app': 'en Shieldwall',
    'verification_reminder.where_link': 'en {link}',

    'device.unknown_browser': 'Un navegador',
    'device.on': '{browser} en {os}',
    'device.label': '{device}, red {network}',
  },
});

/** A moment in mail: English keeps the RFC 7231 form it always had; Spanish reads as a sentence. */
export function mailTime(locale: Locale, ms: number): string {
  if (locale === 'en') return new Date(ms).toUTCString();
  return `${new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(ms)} (UTC)`;
}

/** A calendar day from an ISO date-time: `2027-01-31` in English (as before), `31 de enero de 2027` in Spanish. */
export function mailDay(locale: Locale, iso: string): string {
  if (locale === 'en') return iso.slice(0, 10);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso.slice(0, 10);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(ms);
}
