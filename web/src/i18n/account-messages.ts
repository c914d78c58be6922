/**
 * The words of "Your account" (web/src/access/) for signing in and securing an
 * account: sign up, sign in, password reset, recovery, email confirmation,
 * invitations, the trusted contact's "stop" page, the security page and its
 * sections, "Confirm it is you", and the account pages' own error sentences.
 * Organizations, devices, keys and verification have their own catalog.
 *
 * `{link}` and `{strong}` mark where a link or emphasised words go inside a
 * sentence (filled by `withNodes` from ./rich-text.tsx): each language puts
 * them where its grammar needs them.
 */
import {
  defineMessages,
  type Locale,
  type Params,
} from '../../../src/platform/engine-kit/i18n/messages.js';
import { useLocale } from './locale.js';

const en = {
  'reason.security': 'Sign in to see and change how you sign in.',
  'reason.devices': 'Sign in to see the devices where your account is signed in.',
  'reason.orgs': 'Sign in to see your organizations.',
  'reason.invitations':
    'Sign in with the email address the invitation was sent to, then accept it.',
  'reason.verification': 'Sign in to ask to be verified or to see your requests.',
  'reason.review': 'Sign in to see the reviewer queue.',
  'page.loading': 'Checking whether you are signed in…',
  'page.failed': "We couldn't open your account.",
  'back.to': 'Back to {place}',
  'back.account': 'Your account',

  'common.email': 'Email address',
  'common.password': 'Password',
  'common.new_password': 'New password',
  'common.password_hint':
    'At least 8 characters. A few ordinary words strung together make a strong one.',
  'common.save_password': 'Save new password',
  'common.saving': 'Saving…',
  'common.sending': 'Sending…',
  'common.stopping': 'Stopping…',
  'common.wait': 'Please wait…',
  'common.cancel': 'Cancel',
  'common.remove': 'Remove',
  'common.on': 'On',
  'common.off': 'Off',
  'common.check_email': 'Check your email',
  'common.send_link': 'Send me a link',
  'common.link_failed': "We couldn't send the link.",
  'common.incomplete': 'This address is not complete.',
  'common.waiting_passkey': 'Waiting for your passkey…',
  'common.sign_in': 'Sign in',
  /** "Sign in" as the first words of a sentence, where Spanish needs the imperative. */
  'common.sign_in_sentence': 'Sign in',

  'sign_in.title': 'Sign in',
  'sign_in.lead': 'Sign in to see how your account is protected and what you can use.',
  'sign_in.create': 'Create an account',
  'sign_in.forgot': 'Forgot your password?',
  'sign_in.lost': 'Lost your phone and your recovery codes?',
  'sign_in.failed': "We couldn't sign you in.",
  'sign_in.busy': 'Signing in…',
  'passkey_sign_in.heading': 'With a passkey',
  'passkey_sign_in.text':
    "A passkey lets you sign in with your fingerprint, your face or your device's screen lock instead of a password, and fake websites can't steal it.",
  'passkey_sign_in.button': 'Sign in with a passkey',
  'passkey_sign_in.failed': "We couldn't sign you in with a passkey.",
  'passkey_sign_in.unsupported':
    "This browser can't use passkeys. Please sign in with your email address and password below, or try another browser.",
  'password_sign_in.heading': 'With your email and password',
  'second.heading': 'One more step',
  'second.recovery_label': 'One of your recovery codes',
  'second.recovery_hint':
    'The codes you saved when you turned on the authenticator app. Each works once.',
  'second.code_label': 'The 6-digit code from your authenticator app',
  'second.code_hint': 'Open the app on your phone and type the numbers it shows for Shieldwall.',
  'second.use_app': 'Use the app instead',
  'second.use_recovery': 'Use a recovery code instead',
  'second.start_again': 'Start again with another account',

  'sign_up.title': 'Create an account',
  'sign_up.lead':
    'An account lets you keep your sign-in safe, join your organization and ask to be verified.',
  'sign_up.nearly': 'Nearly done',
  'sign_up.already': 'You can already {link}.',
  'sign_up.already_link': 'sign in',
  'sign_up.name_label': 'Your name',
  'sign_up.name_hint': 'As you would like people in your organization to see it.',
  'sign_up.password_label': 'Choose a password',
  'sign_up.password_hint':
    'At least 8 characters. A few ordinary words strung together make a strong one that is easy to remember.',
  'sign_up.failed': "We couldn't create your account.",
  'sign_up.busy': 'Creating your account…',
  'sign_up.submit': 'Create account',
  'sign_up.have_account': 'Already have an account? {link}',

  'reset.title_new': 'Choose a new password',
  'reset.lead_ask':
    'Type the email address of your account. We will send it a link to choose a new password.',
  'reset.lead_new':
    'Choose a new password for your account. You will then be signed out everywhere, to be safe.',
  'reset.changed': 'Your password is changed',
  'reset.sign_in': '{link} with your new password.',
  'reset.failed': "We couldn't change your password.",

  'recover.title': 'Recover your account',
  'recover.lead_ask':
    'Lost your phone, your passkeys and your recovery codes? You can get back into your account through your email. For your safety, this takes 3 days.',
  'recover.lead_link':
    'You asked to recover your account because you lost every other way to confirm it is you.',
  'recover.email_label': 'Email address of your account',
  'recover.email_hint':
    'We send it a link. After you open it, you wait 3 days, then choose a new password.',
  'recover.only_password': 'Only forgot your password? Reset it instead',
  'recover.started': 'Recovery started.',
  'recover.finish_on':
    'You can finish it on {when}. We sent you a link for that. Nothing changes until then, and you can stop it from any device where you are still signed in.',
  'recover.wait':
    'For your safety, you wait 3 days. Nothing on your account changes during that time.',
  'recover.told':
    "We tell you by email, and every device where your account is still signed in shows a button to stop it. That way, someone who got into your email can't take your account.",
  'recover.after':
    'After the 3 days, you choose a new password. Your old authenticator app, passkeys and recovery codes are then removed.',
  'recover.start_failed': "We couldn't start the recovery.",
  'recover.starting': 'Starting…',
  'recover.start': 'Start the recovery',
  'finish.title': 'Finish recovering your account',
  'finish.lead':
    'Choose a new password. Your old authenticator app, passkeys and recovery codes will be removed, and every device will be signed out.',
  'finish.open_again': 'Open the link from the email "Account recovery started" again.',
  'finish.done': 'Your account is recovered.',
  'finish.sign_in': '{link} with your new password, then add a passkey.',
  'finish.failed': 'Your account is not recovered yet.',

  'verify.title': 'Confirm your email address',
  'verify.no_code':
    'This address has no confirmation code in it. Open the link from the email again.',
  'verify.checking': 'Confirming your email address…',
  'verify.done': 'Thank you: your email address is confirmed.',
  'verify.go_account': 'Go to your account',
  'verify.failed': "We couldn't confirm your email address.",

  'invite.title': 'Join an organization',
  'invite.lead': 'Accept an invitation that was sent to {email}.',
  'invite.joined': 'You joined {org} as {role}.',
  'invite.the_org': 'the organization',
  'invite.open_org': 'Open the organization',
  'invite.code_label': 'Invitation code',
  'invite.code_hint':
    'It is in the invitation email. If you opened the link in the email, it is already filled in.',
  'invite.failed': "We couldn't accept the invitation.",
  'invite.busy': 'Joining…',
  'invite.submit': 'Accept the invitation',

  'stop.title': "Stop the emails about someone's account",
  'stop.lead':
    "Someone named you as their trusted contact, so we email you when something important happens on their Shieldwall account. You can't see or use their account.",
  'stop.open_again': 'Open the link from the email again.',
  'stop.done': 'Done: we will not email you about their account any more.',
  'stop.told': 'We told them, so they can choose someone else if they want to.',
  'stop.explain':
    "If you don't want these emails, stop them here. We will tell the person, so they can choose someone else.",
  'stop.failed': "We couldn't stop the emails.",
  'stop.button': 'Stop these emails',

  'security.title': 'Sign-in and security',

  'passkeys.heading': 'Passkeys',
  'passkeys.text':
    "A passkey lets you sign in with your fingerprint, your face or your device's screen lock. It is the safest way to sign in: fake websites can't trick you into giving it away.",
  'passkeys.loading': 'Loading your passkeys…',
  'passkeys.load_failed': "We couldn't load your passkeys.",
  'passkeys.none': 'You have no passkeys yet.',
  'passkeys.list': 'Your passkeys',
  'passkeys.added': 'Your passkey "{name}" is added.',
  'passkeys.facts_added': 'Added {date}.',
  'passkeys.not_used': 'Not used to sign in yet.',
  'passkeys.last_used': 'Last used {date}.',
  'passkeys.rename_label': 'New name for {name}',
  'passkeys.renamed': 'The passkey is now called "{name}".',
  'passkeys.rename': 'Rename',
  'passkeys.rename_aria': 'Rename {name}',
  'passkeys.remove_aria': 'Remove {name}',
  'passkeys.remove_question': 'Remove the passkey "{name}"?',
  'passkeys.remove_explain':
    'You will no longer be able to sign in with it. If it is your only way to sign in, Shieldwall will keep it.',
  'passkeys.remove_confirm': 'Yes, remove it',
  'passkeys.removed': 'The passkey "{name}" is removed.',
  'passkeys.unsupported':
    "This browser can't make passkeys. Try a recent version of Chrome, Edge, Firefox or Safari, or your phone.",
  'passkeys.default_name': 'Passkey',
  'passkeys.add_heading': 'Add a passkey',
  'passkeys.name_label': 'A name for it (optional)',
  'passkeys.name_hint':
    'So you can tell your passkeys apart, for example "My phone" or "Work laptop".',
  'passkeys.add_failed': "We couldn't add the passkey.",
  'passkeys.add_busy': 'Follow the steps on your screen…',
  'passkeys.add': 'Add a passkey',

  'totp.heading': 'Authenticator app',
  'totp.text':
    'An app on your phone (such as Google Authenticator or Microsoft Authenticator) shows a new 6-digit code every 30 seconds. You type it after your password, so a stolen password alone is not enough.',
  'totp.on_one': 'On. You have {count} unused recovery code.',
  'totp.on_other': 'On. You have {count} unused recovery codes.',
  'totp.off': 'Off.',
  'totp.codes_saved': 'Your recovery codes are saved.',
  'totp.new_codes': 'Make new recovery codes',
  'totp.new_codes_question': 'Make new recovery codes?',
  'totp.new_codes_explain':
    'Your old recovery codes will stop working, and we will show you 10 new ones once.',
  'totp.new_codes_confirm': 'Yes, make new codes',
  'totp.turn_off': 'Turn off',
  'totp.off_question': 'Turn off the authenticator app?',
  'totp.off_explain':
    'You will sign in without a code from your phone, and your recovery codes will stop working. Your account will be less safe.',
  'totp.off_confirm': 'Yes, turn it off',
  'totp.turned_off': 'The authenticator app is turned off.',
  'totp.turn_on_app': 'Turn on the authenticator app',
  'enrol.heading': 'Set up the app',
  'enrol.install': "Install an authenticator app on your phone, if you don't have one.",
  'enrol.key':
    "In the app, choose to add an account, then {strong} and type this key (the spaces don't matter):",
  'enrol.key_strong': 'enter a setup key',
  'enrol.on_phone': 'On this phone? {link} instead.',
  'enrol.on_phone_link': 'Open Shieldwall in your authenticator app',
  'enrol.type_code': 'Type the 6-digit code the app now shows for Shieldwall:',
  'enrol.code_label': '6-digit code from the app',
  'enrol.failed': 'The app is not turned on yet.',
  'enrol.checking': 'Checking…',
  'enrol.turn_on': 'Turn on',

  'codes.heading': 'Save your recovery codes',
  'codes.text':
    'If you lose your phone, each of these codes lets you sign in once instead of the code from the app. Write them down or print them, and keep them somewhere safe, away from your phone.',
  'codes.label': 'Your recovery codes',
  'codes.copy': 'Copy the codes',
  'codes.copied': 'Codes copied. Paste them somewhere safe, such as a password manager.',
  'codes.once': '{strong} Any older codes no longer work.',
  'codes.once_strong': 'We show these codes only this once.',
  'codes.saved_label': 'I have saved my recovery codes',
  'codes.done': 'Done',
  'codes.tick_first': 'Tick the box above first, so the codes are not hidden by mistake.',

  'password.change_heading': 'Change your password',
  'password.add_heading': 'Add a password',
  'password.others_out':
    'Your other devices will be signed out, in case someone else knew your old password.',
  'password.changed': 'Your password is changed.',
  'password.ended_one': '{count} other device was signed out.',
  'password.ended_other': '{count} other devices were signed out.',
  'password.failed': 'Your password is not changed.',
  'advanced.heading': 'Advanced protection',
  'advanced.only_passkeys':
    'Only your passkeys can sign in: a stolen password or code is not enough.',
  'advanced.no_reset':
    'Nobody can reset your password by email, not even someone who gets into your email.',
  'advanced.more_often': 'You are asked to sign in again more often.',
  'advanced.meant_for':
    'It is meant for people attackers may target. You need at least one passkey to turn it on.',
  'advanced.is_on': 'Advanced protection is on.',
  'advanced.is_off': 'Advanced protection is off.',

  'contact.heading': 'Trusted contact',
  'contact.text':
    'A family member or carer who gets an email when something important happens on your account, so they can check with you. They can never see or use your account.',
  'contact.loading': 'Loading your trusted contact…',
  'contact.load_failed': "We couldn't load your trusted contact.",
  'contact.removed': '{name} is no longer your trusted contact.',
  'contact.saved': '{name} is now your trusted contact. We sent them an email to tell them.',
  'contact.since': '{email}. Your trusted contact since {date}.',
  'contact.no_emails': 'They get no emails at the moment. Choose "Change" to pick some.',
  'contact.gets': 'They get an email when:',
  'contact.change': 'Change',
  'contact.change_aria': 'Change {name} or their emails',
  'contact.remove_aria': 'Remove {name}',
  'contact.remove_question': 'Remove {name} as your trusted contact?',
  'contact.remove_explain':
    'They will stop getting emails about your account. You can name them or someone else again later.',
  'contact.remove_confirm': 'Yes, remove them',
  'contact.add_heading': 'Add a trusted contact',
  'contact.change_heading': 'Change {name}',
  'contact.name_label': 'Their name',
  'contact.email_label': 'Their email address',
  'contact.email_hint':
    'We email them once to say you named them. They can stop the emails at any time.',
  'contact.send_when': 'Send them an email when',
  'contact.not_saved': 'Your trusted contact is not saved.',
  'contact.save': 'Save trusted contact',
  'alert.new_sign_in': 'Someone signs in from a new device or at an unusual time',
  'alert.security_change': 'Your password, passkeys or sign-in settings change',
  'alert.recovery_started': 'Someone tries to recover your account without your second factor',
  'alert.scam_high_risk':
    'A message you check is very likely a scam (they get the reason, never the message)',
  'alert.scam_recovery': 'You ask for help after a scam ("I already clicked or paid")',

  'banner.title': 'Someone asked to recover your account. If that was not you, stop it now.',
  'banner.text':
    'Unless it is stopped, they can choose a new password on {when} and remove your passkeys and authenticator app.',
  'banner.stop': 'Stop this recovery',
  'banner.failed': "We couldn't stop the recovery.",
  'banner.stopped': 'The recovery is stopped. Nothing on your account was changed.',
  'banner.stopped_text':
    'If you did not ask for it, someone may be able to read your email. Change the password of your email account now, and check that its recovery phone number and address are yours.',

  'step_up.title': 'Confirm it is you',
  'step_up.why':
    'This change protects your account, so we check it is really you before making it.',
  'step_up.use_passkey': 'Use your passkey',
  'step_up.or_password': 'Or use your password',
  'step_up.password': 'Your password',
  'step_up.code_label': 'Code from your authenticator app',
  'step_up.code_hint': 'The 6 numbers the app shows now, or one of your recovery codes.',
  'step_up.confirm': 'Confirm',
  'step_up.cancelled': 'You did not confirm it is you, so nothing was changed.',

  'client.timeout':
    'The Shieldwall server is taking too long to answer. Please try again in a moment.',
  'client.unreachable':
    "We can't reach the Shieldwall server. Check your internet connection and try again.",
  'client.not_understood':
    "The server sent an answer this page doesn't understand. Try reloading the page.",
  'client.server_error':
    'The Shieldwall server could not do this (error {status}). Please try again.',
  'client.page_error':
    'Something went wrong in this page. Please try again; reloading the page usually helps.',
  'client.passkey_exists':
    'This device already has a passkey for your account, so there is nothing to add.',
  'client.passkey_cancelled':
    'The passkey step was cancelled or took too long. Nothing was changed. You can try again.',
  'client.passkey_refused':
    'Your browser refused to use a passkey on this address. Ask the person who looks after Shieldwall to check its web address (publicUrl).',
} as const;

export type AccountMessageKey = keyof typeof en;

export const accountMessages = defineMessages<AccountMessageKey>({
  en,
  es: {
    'reason.security': 'Inicie sesión para ver y cambiar cómo entra en su cuenta.',
    'reason.devices':
      'Inicie sesión para ver los dispositivos donde tiene abierta la sesión de su cuenta.',
    'reason.orgs': 'Inicie sesión para ver sus organizaciones.',
    'reason.invitations':
      'Inicie sesión con la dirección de correo a la que llegó la invitación y después acéptela.',
    'reason.verification': 'Inicie sesión para pedir que le verifiquen o para ver sus solicitudes.',
    'reason.review': 'Inicie sesión para ver las solicitudes que esperan revisión.',
    'page.loading': 'Comprobando si tiene la sesión iniciada…',
    'page.failed': 'No pudimos abrir su cuenta.',
    'back.to': 'Volver a {place}',
    'back.account': 'su cuenta',

    'common.email': 'Correo electrónico',
    'common.password': 'Contraseña',
    'common.new_password': 'Contraseña nueva',
    'common.password_hint':
      'Al menos 8 caracteres. Unas cuantas palabras corrientes seguidas forman una contraseña fuerte.',
    'common.save_password': 'Guardar la contraseña nueva',
    'common.saving': 'Guardando…',
    'common.sending': 'Enviando…',
    'common.stopping': 'Deteniendo…',
    'common.wait': 'Un momento…',
    'common.cancel': 'Cancelar',
    'common.remove': 'Quitar',
    'common.on': 'Activada',
    'common.off': 'Desactivada',
    'common.check_email': 'Revise su correo',
    'common.send_link': 'Enviarme un enlace',
    'common.link_failed': 'No pudimos enviar el enlace.',
    'common.incomplete': 'A esta dirección le falta una parte.',
    'common.waiting_passkey': 'Esperando su llave de acceso…',
    'common.sign_in': 'Iniciar sesión',
    'common.sign_in_sentence': 'Inicie sesión',

    'sign_in.title': 'Iniciar sesión',
    'sign_in.lead': 'Inicie sesión para ver cómo está protegida su cuenta y qué puede usar.',
    'sign_in.create': 'Crear una cuenta',
    'sign_in.forgot': '¿Olvidó su contraseña?',
    'sign_in.lost': '¿Perdió su teléfono y sus códigos de recuperación?',
    'sign_in.failed': 'No pudimos iniciar su sesión.',
    'sign_in.busy': 'Iniciando sesión…',
    'passkey_sign_in.heading': 'Con una llave de acceso',
    'passkey_sign_in.text':
      'Una llave de acceso (passkey) le permite entrar con su huella, su cara o el bloqueo de pantalla de su dispositivo en lugar de una contraseña. Las páginas falsas no pueden robarla.',
    'passkey_sign_in.button': 'Iniciar sesión con una llave de acceso',
    'passkey_sign_in.failed': 'No pudimos iniciar su sesión con la llave de acceso.',
    'passkey_sign_in.unsupported':
      'Este navegador no puede usar llaves de acceso. Inicie sesión más abajo con su correo y su contraseña, o pruebe con otro navegador.',
    'password_sign_in.heading': 'Con su correo y su contraseña',
    'second.heading': 'Un paso más',
    'second.recovery_label': 'Uno de sus códigos de recuperación',
    'second.recovery_hint':
      'Los códigos que guardó al activar la app de autenticación. Cada uno sirve una sola vez.',
    'second.code_label': 'El código de 6 cifras de su app de autenticación',
    'second.code_hint':
      'Abra la app en su teléfono y escriba los números que muestra para Shieldwall.',
    'second.use_app': 'Usar el código de la app',
    'second.use_recovery': 'Usar un código de recuperación',
    'second.start_again': 'Empezar de nuevo con otra cuenta',

    'sign_up.title': 'Crear una cuenta',
    'sign_up.lead':
      'Con una cuenta puede proteger su inicio de sesión, unirse a su organización y pedir que le verifiquen.',
    'sign_up.nearly': 'Ya casi está',
    'sign_up.already': 'Ya puede {link}.',
    'sign_up.already_link': 'iniciar sesión',
    'sign_up.name_label': 'Su nombre',
    'sign_up.name_hint': 'Tal como quiere que lo vean las personas de su organización.',
    'sign_up.password_label': 'Elija una contraseña',
    'sign_up.password_hint':
      'Al menos 8 caracteres. Unas cuantas palabras corrientes seguidas forman una contraseña fuerte y fácil de recordar.',
    'sign_up.failed': 'No pudimos crear su cuenta.',
    'sign_up.busy': 'Creando su cuenta…',
    'sign_up.submit': 'Crear la cuenta',
    'sign_up.have_account': '¿Ya tiene una cuenta? {link}',

    'reset.title_new': 'Elija una contraseña nueva',
    'reset.lead_ask':
      'Escriba la dirección de correo de su cuenta. Le enviaremos allí un enlace para elegir una contraseña nueva.',
    'reset.lead_new':
      'Elija una contraseña nueva para su cuenta. Después, por seguridad, se cerrará su sesión en todos los dispositivos.',
    'reset.changed': 'Su contraseña ya está cambiada',
    'reset.sign_in': '{link} con su contraseña nueva.',
    'reset.failed': 'No pudimos cambiar su contraseña.',

    'recover.title': 'Recuperar su cuenta',
    'recover.lead_ask':
      '¿Perdió su teléfono, sus llaves de acceso y sus códigos de recuperación? Puede volver a entrar en su cuenta a través de su correo. Por su seguridad, esto tarda 3 días.',
    'recover.lead_link':
      'Usted pidió recuperar su cuenta porque perdió todas las demás formas de confirmar que es usted.',
    'recover.email_label': 'Dirección de correo de su cuenta',
    'recover.email_hint':
      'Le enviamos allí un enlace. Después de abrirlo, espera 3 días y luego elige una contraseña nueva.',
    'recover.only_password': '¿Solo olvidó su contraseña? Cámbiela por aquí',
    'recover.started': 'La recuperación empezó.',
    'recover.finish_on':
      'Podrá terminarla el {when}. Le enviamos un enlace para eso. Hasta entonces no cambia nada, y puede detenerla desde cualquier dispositivo donde todavía tenga la sesión iniciada.',
    'recover.wait':
      'Por su seguridad, hay que esperar 3 días. Durante ese tiempo no cambia nada en su cuenta.',
    'recover.told':
      'Le avisamos por correo, y cada dispositivo donde su cuenta sigue con la sesión iniciada muestra un botón para detenerla. Así, alguien que haya entrado en su correo no puede quedarse con su cuenta.',
    'recover.after':
      'Pasados los 3 días, usted elige una contraseña nueva. Entonces se quitan su app de autenticación, sus llaves de acceso y sus códigos de recuperación anteriores.',
    'recover.start_failed': 'No pudimos empezar la recuperación.',
    'recover.starting': 'Empezando…',
    'recover.start': 'Empezar la recuperación',
    'finish.title': 'Terminar de recuperar su cuenta',
    'finish.lead':
      'Elija una contraseña nueva. Se quitarán su app de autenticación, sus llaves de acceso y sus códigos de recuperación anteriores, y se cerrará la sesión en todos los dispositivos.',
    // The mail's subject is not quoted: it may not be in the reader's language.
    'finish.open_again':
      'Vuelva a abrir el enlace del correo que le avisó de que empezó la recuperación de su cuenta.',
    'finish.done': 'Su cuenta está recuperada.',
    'finish.sign_in': '{link} con su contraseña nueva y después añada una llave de acceso.',
    'finish.failed': 'Su cuenta todavía no está recuperada.',

    'verify.title': 'Confirme su dirección de correo',
    'verify.no_code':
      'A esta dirección le falta el código de confirmación. Vuelva a abrir el enlace del correo.',
    'verify.checking': 'Confirmando su dirección de correo…',
    'verify.done': 'Gracias: su dirección de correo está confirmada.',
    'verify.go_account': 'Ir a su cuenta',
    'verify.failed': 'No pudimos confirmar su dirección de correo.',

    'invite.title': 'Unirse a una organización',
    'invite.lead': 'Acepte una invitación que se envió a {email}.',
    // Roles are said as roles ("el rol de administrador"), so no sentence guesses a gender.
    'invite.joined': 'Se unió a {org} con el rol de {role}.',
    'invite.the_org': 'la organización',
    'invite.open_org': 'Abrir la organización',
    'invite.code_label': 'Código de invitación',
    'invite.code_hint':
      'Está en el correo de invitación. Si abrió el enlace de ese correo, ya está escrito aquí.',
    'invite.failed': 'No pudimos aceptar la invitación.',
    'invite.busy': 'Aceptando…',
    'invite.submit': 'Aceptar la invitación',

    'stop.title': 'Dejar de recibir correos sobre la cuenta de otra persona',
    'stop.lead':
      'Alguien le eligió como su contacto de confianza, así que le escribimos cuando pasa algo importante en su cuenta de Shieldwall. Usted no puede ver ni usar esa cuenta.',
    'stop.open_again': 'Vuelva a abrir el enlace del correo.',
    'stop.done': 'Listo: ya no le escribiremos sobre la cuenta de esa persona.',
    'stop.told': 'Se lo dijimos, para que pueda elegir a otra persona si quiere.',
    'stop.explain':
      'Si no quiere recibir estos correos, puede detenerlos aquí. Se lo diremos a esa persona para que pueda elegir a otra.',
    'stop.failed': 'No pudimos detener los correos.',
    'stop.button': 'Dejar de recibir estos correos',

    'security.title': 'Inicio de sesión y seguridad',

    'passkeys.heading': 'Llaves de acceso',
    'passkeys.text':
      'Una llave de acceso (passkey) le permite entrar con su huella, su cara o el bloqueo de pantalla de su dispositivo. Es la forma más segura de iniciar sesión: las páginas falsas no pueden engañarle para que la entregue.',
    'passkeys.loading': 'Cargando sus llaves de acceso…',
    'passkeys.load_failed': 'No pudimos cargar sus llaves de acceso.',
    'passkeys.none': 'Todavía no tiene llaves de acceso.',
    'passkeys.list': 'Sus llaves de acceso',
    'passkeys.added': 'Se añadió su llave de acceso “{name}”.',
    'passkeys.facts_added': 'Añadida el {date}.',
    'passkeys.not_used': 'Todavía no se ha usado para iniciar sesión.',
    'passkeys.last_used': 'Último uso: {date}.',
    'passkeys.rename_label': 'Nombre nuevo para {name}',
    'passkeys.renamed': 'La llave de acceso ahora se llama “{name}”.',
    'passkeys.rename': 'Cambiar el nombre',
    'passkeys.rename_aria': 'Cambiar el nombre de {name}',
    'passkeys.remove_aria': 'Quitar {name}',
    'passkeys.remove_question': '¿Quitar la llave de acceso “{name}”?',
    'passkeys.remove_explain':
      'Ya no podrá iniciar sesión con ella. Si es su única forma de entrar, Shieldwall la conservará.',
    'passkeys.remove_confirm': 'Sí, quitarla',
    'passkeys.removed': 'Se quitó la llave de acceso “{name}”.',
    'passkeys.unsupported':
      'Este navegador no puede crear llaves de acceso. Pruebe con una versión reciente de Chrome, Edge, Firefox o Safari, o con su teléfono.',
    'passkeys.default_name': 'Llave de acceso',
    'passkeys.add_heading': 'Añadir una llave de acceso',
    'passkeys.name_label': 'Un nombre para ella (opcional)',
    'passkeys.name_hint':
      'Para distinguir sus llaves de acceso; por ejemplo, “Mi teléfono” o “Laptop del trabajo”.',
    'passkeys.add_failed': 'No pudimos añadir la llave de acceso.',
    'passkeys.add_busy': 'Siga los pasos que aparecen en su pantalla…',
    'passkeys.add': 'Añadir una llave de acceso',

    'totp.heading': 'App de autenticación',
    'totp.text':
      'Una app en su teléfono (como Google Authenticator o Microsoft Authenticator) muestra un código nuevo de 6 cifras cada 30 segundos. Usted lo escribe después de su contraseña, así que una contraseña robada no basta.',
    'totp.on_one': 'Activada. Le queda {count} código de recuperación sin usar.',
    'totp.on_other': 'Activada. Le quedan {count} códigos de recuperación sin usar.',
    'totp.off': 'Desactivada.',
    'totp.codes_saved': 'Sus códigos de recuperación están guardados.',
    'totp.new_codes': 'Crear códigos de recuperación nuevos',
    'totp.new_codes_question': '¿Crear códigos de recuperación nuevos?',
    'totp.new_codes_explain':
      'Sus códigos de recuperación anteriores dejarán de funcionar, y le mostraremos 10 nuevos una sola vez.',
    'totp.new_codes_confirm': 'Sí, crear códigos nuevos',
    'totp.turn_off': 'Desactivar',
    'totp.off_question': '¿Desactivar la app de autenticación?',
    'totp.off_explain':
      'Entrará sin un código de su teléfono, y sus códigos de recuperación dejarán de funcionar. Su cuenta estará menos protegida.',
    'totp.off_confirm': 'Sí, desactivarla',
    'totp.turned_off': 'La app de autenticación está desactivada.',
    'totp.turn_on_app': 'Activar la app de autenticación',
    'enrol.heading': 'Configure la app',
    'enrol.install': 'Instale una app de autenticación en su teléfono, si no tiene una.',
    'enrol.key':
      'En la app, elija añadir una cuenta y después {strong}. Escriba esta clave (los espacios no importan):',
    'enrol.key_strong': 'introducir una clave de configuración',
    'enrol.on_phone': '¿Está en este teléfono? Puede {link}.',
    'enrol.on_phone_link': 'abrir Shieldwall en su app de autenticación',
    'enrol.type_code': 'Escriba el código de 6 cifras que la app muestra ahora para Shieldwall:',
    'enrol.code_label': 'Código de 6 cifras de la app',
    'enrol.failed': 'La app todavía no está activada.',
    'enrol.checking': 'Comprobando…',
    'enrol.turn_on': 'Activar',

    'codes.heading': 'Guarde sus códigos de recuperación',
    'codes.text':
      'Si pierde su teléfono, cada uno de estos códigos le deja iniciar sesión una vez en lugar del código de la app. Anótelos o imprímalos, y guárdelos en un lugar seguro, lejos de su teléfono.',
    'codes.label': 'Sus códigos de recuperación',
    'codes.copy': 'Copiar los códigos',
    'codes.copied': 'Códigos copiados. Péguelos en un lugar seguro, como un gestor de contraseñas.',
    'codes.once': '{strong} Los códigos anteriores ya no funcionan.',
    'codes.once_strong': 'Solo le mostramos estos códigos esta vez.',
    'codes.saved_label': 'Ya guardé mis códigos de recuperación',
    'codes.done': 'Listo',
    'codes.tick_first':
      'Primero marque la casilla de arriba, para que los códigos no se oculten por error.',

    'password.change_heading': 'Cambiar su contraseña',
    'password.add_heading': 'Añadir una contraseña',
    'password.others_out':
      'Se cerrará la sesión en sus otros dispositivos, por si alguien más conocía su contraseña anterior.',
    'password.changed': 'Su contraseña está cambiada.',
    'password.ended_one': 'Se cerró la sesión en {count} dispositivo más.',
    'password.ended_other': 'Se cerró la sesión en {count} dispositivos más.',
    'password.failed': 'Su contraseña no se cambió.',
    'advanced.heading': 'Protección avanzada',
    'advanced.only_passkeys':
      'Solo se puede iniciar sesión con sus llaves de acceso: una contraseña o un código robados no bastan.',
    'advanced.no_reset':
      'Nadie puede restablecer su contraseña por correo, ni siquiera alguien que entre en su correo.',
    'advanced.more_often': 'Se le pedirá que vuelva a iniciar sesión más a menudo.',
    'advanced.meant_for':
      'Está pensada para personas que podrían ser blanco de ataques. Para activarla necesita al menos una llave de acceso.',
    'advanced.is_on': 'La protección avanzada está activada.',
    'advanced.is_off': 'La protección avanzada está desactivada.',

    'contact.heading': 'Contacto de confianza',
    'contact.text':
      'Un familiar o una persona que le cuida, que recibe un correo cuando pasa algo importante en su cuenta para que pueda preguntarle. Nunca puede ver ni usar su cuenta.',
    'contact.loading': 'Cargando su contacto de confianza…',
    'contact.load_failed': 'No pudimos cargar su contacto de confianza.',
    'contact.removed': '{name} ya no es su contacto de confianza.',
    'contact.saved':
      '{name} ahora es su contacto de confianza. Ya enviamos un correo a esa persona para avisarle.',
    'contact.since': '{email}. Es su contacto de confianza desde el {date}.',
    'contact.no_emails':
      'Por ahora esa persona no recibe correos. Elija “Cambiar” para escoger algunos.',
    'contact.gets': 'Recibe un correo cuando:',
    'contact.change': 'Cambiar',
    'contact.change_aria': 'Cambiar los datos o los correos de {name}',
    'contact.remove_aria': 'Quitar a {name}',
    'contact.remove_question': '¿Quitar a {name} como su contacto de confianza?',
    'contact.remove_explain':
      'Esa persona dejará de recibir correos sobre su cuenta. Más adelante puede elegir de nuevo a esa persona o a otra.',
    'contact.remove_confirm': 'Sí, quitar este contacto',
    'contact.add_heading': 'Añadir un contacto de confianza',
    'contact.change_heading': 'Cambiar los datos de {name}',
    'contact.name_label': 'Nombre de su contacto',
    'contact.email_label': 'Correo de su contacto',
    'contact.email_hint':
      'Esa persona recibirá un correo para saber que usted la eligió. Puede detener los correos cuando quiera.',
    'contact.send_when': 'Avisarle por correo cuando',
    'contact.not_saved': 'Su contacto de confianza no se guardó.',
    'contact.save': 'Guardar el contacto de confianza',
    'alert.new_sign_in':
      'Alguien inicia sesión desde un dispositivo nuevo o a una hora poco habitual',
    'alert.security_change':
      'Hay cambios en su contraseña, sus llaves de acceso o sus ajustes de inicio de sesión',
    'alert.recovery_started':
      'Alguien intenta recuperar su cuenta sin su segundo paso de seguridad',
    'alert.scam_high_risk':
      'Un mensaje que usted revisa es muy probablemente una estafa (esa persona recibe el motivo, nunca el mensaje)',
    'alert.scam_recovery': 'Usted pide ayuda después de una estafa (“Ya hice clic o pagué”)',

    'banner.title':
      'Alguien pidió recuperar su cuenta. Si no fue usted, detenga la recuperación ahora.',
    'banner.text':
      'Si no se detiene, esa persona podrá elegir una contraseña nueva el {when} y quitar sus llaves de acceso y su app de autenticación.',
    'banner.stop': 'Detener esta recuperación',
    'banner.failed': 'No pudimos detener la recuperación.',
    'banner.stopped': 'La recuperación está detenida. No se cambió nada en su cuenta.',
    'banner.stopped_text':
      'Si usted no la pidió, puede que alguien pueda leer su correo. Cambie ahora la contraseña de su cuenta de correo y compruebe que el teléfono y la dirección de recuperación de esa cuenta son suyos.',

    'step_up.title': 'Confirme que es usted',
    'step_up.why':
      'Este cambio protege su cuenta, así que antes de hacerlo comprobamos que de verdad es usted.',
    'step_up.use_passkey': 'Usar su llave de acceso',
    'step_up.or_password': 'O use su contraseña',
    'step_up.password': 'Su contraseña',
    'step_up.code_label': 'Código de su app de autenticación',
    'step_up.code_hint':
      'Los 6 números que muestra la app ahora, o uno de sus códigos de recuperación.',
    'step_up.confirm': 'Confirmar',
    'step_up.cancelled': 'No confirmó que es usted, así que no se cambió nada.',

    'client.timeout':
      'El servidor de Shieldwall está tardando demasiado en responder. Vuelva a intentarlo en un momento.',
    'client.unreachable':
      'No podemos conectar con el servidor de Shieldwall. Revise su conexión a internet y vuelva a intentarlo.',
    'client.not_understood':
      'El servidor envió una respuesta que esta página no entiende. Pruebe a recargar la página.',
    'client.server_error':
      'El servidor de Shieldwall no pudo hacerlo (error {status}). Vuelva a intentarlo.',
    'client.page_error':
      'Algo falló en esta página. Vuelva a intentarlo; recargar la página suele ayudar.',
    'client.passkey_exists':
      'Este dispositivo ya tiene una llave de acceso para su cuenta, así que no hay nada que añadir.',
    'client.passkey_cancelled':
      'El paso de la llave de acceso se canceló o tardó demasiado. No se cambió nada. Puede volver a intentarlo.',
    'client.passkey_refused':
      'Su navegador no quiso usar una llave de acceso en esta dirección. Pida a la persona que cuida Shieldwall que revise su dirección web (publicUrl).',
  },
});

/** The account pages' words in one locale: `t(key)`, `plural(key, count)`. */
export interface AccountWords {
  readonly locale: Locale;
  t(key: AccountMessageKey, params?: Params): string;
  plural(key: string, count: number, params?: Params): string;
}

export function accountWords(locale: Locale): AccountWords {
  return {
    locale,
    t: (key, params) => accountMessages.t(locale, key, params),
    plural: (key, count, params) => accountMessages.plural(locale, key, count, params),
  };
}

/** The words in the person's chosen language, re-rendering when they switch. */
export function useAccountWords(): AccountWords {
  return accountWords(useLocale());
}
