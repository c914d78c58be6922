/**
 * The words of "Your account" part B: the overview, devices, organizations (members, invitations,
 * API keys), verification requests and the reviewer queue. The sign-in and security pages have
 * their own catalog (account-messages.ts); error sentences from the server arrive already in the
 * person's language.
 *
 * Tier names and descriptions come from the server's tier policy, which an operator may edit. The
 * built-in ones (src/access/engine/default-tiers.ts) are translated here by tier id, and only when
 * the server's English is still the default: an operator's own wording is shown as written.
 */
import { defineMessages, type Locale } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  'overview.lead': 'Signed in as {name} ({email}).',
  'overview.confirm_email_title': 'Please confirm your email address',
  'overview.confirm_email_text':
    'We sent a link to {email}. Open it so we can reach you if something happens to your account.',
  'overview.protection': 'How well your account is protected',
  'overview.can_use': 'What you can use',
  'overview.capped':
    '. You have been verified for {tier}, but it needs stronger sign-in protection first: see {link}.',
  'overview.manage': 'Manage your account',
  'overview.security': 'Sign-in and security',
  'overview.security_text':
    'Passkeys, the authenticator app, recovery codes, your password and your trusted contact.',
  'overview.devices_text':
    "The computers and phones where you are signed in. Sign out the ones you don't know.",
  'overview.orgs_none': 'Create one for your team, or join one you were invited to.',
  'overview.orgs_some': 'You belong to {orgs}.',
  'overview.verification_text':
    'Ask to be verified, so you or your organization can use more of Shieldwall.',
  'overview.review_text': 'Requests from other people waiting for a decision.',
  'overview.finished': 'Finished?',
  'overview.finished_text':
    'Sign out when you are done, especially on a computer other people use.',
  'sign_out.button': 'Sign out',
  'sign_out.busy': 'Signing out…',

  'protection.strongest': 'Strongest',
  'protection.strongest_text':
    'You can only sign in with a passkey, which scammers and fake websites cannot steal.',
  'protection.strong': 'Strong',
  'protection.strong_passkey': 'You sign in with a passkey, which fake websites cannot steal.',
  'protection.strong_app':
    'You sign in with your password and a code from the authenticator app on your phone.',
  'protection.basic': 'Basic',
  'protection.basic_text':
    'Only your password protects your account. Add a passkey to make it much harder to break into.',
  'protection.weak': 'Not protected',
  'protection.weak_text': 'Your account has no way to sign in yet. Add a passkey.',
  'security_need.phishing_resistant': 'a passkey and advanced protection turned on',
  'security_need.mfa': 'a passkey, or the authenticator app beside your password',
  'security_need.password': 'a password',
  'security_need.none': 'nothing more',

  'devices.title': 'Devices',
  'devices.lead':
    "These are the computers, phones and tablets where your account is signed in. If you see one you don't know, sign it out and change your password.",
  'devices.heading': 'Where you are signed in',
  'devices.loading': 'Loading your devices…',
  'devices.failed': "We couldn't load your devices.",
  'devices.signed_out': '{name} is signed out.',
  'devices.others_question': 'Sign out everywhere else?',
  'devices.others_explain':
    'Every other device will be signed out at once. This device stays signed in.',
  'devices.others_confirm': 'Yes, sign out the others',
  'devices.others_done_one': '{count} other device is signed out.',
  'devices.others_done_other': '{count} other devices are signed out.',
  'devices.others_button': 'Sign out everywhere else',
  'devices.only_here': 'You are not signed in anywhere else.',
  'devices.unnamed': 'Unnamed device',
  'devices.this': 'This device',
  'devices.last_used': 'Last used {when}, from internet address {ip}.',
  'devices.signed_in': 'Signed in {when}.',
  'devices.new_name': 'New name for {name}',
  'devices.rename': 'Rename',
  'devices.rename_label': 'Rename {name}',
  'devices.sign_out_label': 'Sign out {name}',
  'rename.save': 'Save name',
  'rename.saving': 'Saving…',
  'rename.cancel': 'Cancel',

  'orgs.title': 'Organizations',
  'orgs.back': 'Organizations',
  'orgs.lead':
    'An organization is your company, charity, school or team. Its members share what Shieldwall lets the organization use.',
  'orgs.yours': 'Your organizations',
  'orgs.loading': 'Loading your organizations…',
  'orgs.failed': "We couldn't load your organizations.",
  'orgs.none':
    'You are not in an organization yet. Create one below, or ask a colleague to invite you.',
  'orgs.your_role': 'You are {role}.',
  'orgs.level': 'Level: {tier}.',
  'orgs.create_heading': 'Create an organization',
  'orgs.create_text': 'You will be its owner. You can then invite your colleagues.',
  'orgs.create_name': 'Name of the organization',
  'orgs.create_failed': "We couldn't create the organization.",
  'orgs.create_busy': 'Creating…',
  'orgs.create_submit': 'Create organization',

  'org.title': 'Organization',
  'org.loading': 'Loading the organization…',
  'org.failed': "We couldn't load this organization.",
  'org.your_role': 'You are {role} here.',
  'org.level': 'Level: {tier}.',
  'org.level_until': 'Level: {tier}, until {date}.',
  'org.not_manager': 'Ask an owner or administrator of {org} to invite people or manage API keys.',

  'role.owner': 'Owner',
  'role.owner_article': 'an owner',
  'role.owner_can': 'can do everything, including removing the organization’s other owners',
  'role.admin': 'Administrator',
  'role.admin_article': 'an administrator',
  'role.admin_can': 'can invite and remove members and manage API keys',
  'role.analyst': 'Analyst',
  'role.analyst_article': 'an analyst',
  'role.analyst_can': 'can use and add to the organization’s security information',
  'role.member': 'Member',
  'role.member_article': 'a member',
  'role.member_can': 'can use what the organization may use',

  'members.heading': 'Members',
  'members.loading': 'Loading the members…',
  'members.failed': "We couldn't load the members.",
  'members.you': 'You',
  'members.facts': '{email}. {role} since {date}.',
  'members.changed': '{name} is now {role}.',
  'members.role_of': 'Role of {name}',
  'members.change_role': 'Change role',
  'members.remove': 'Remove',
  'members.remove_label': 'Remove {name}',
  'members.remove_question': 'Remove {name} from {org}?',
  'members.remove_explain':
    '{name} will lose access to everything {org} can use. You can invite them again later.',
  'members.remove_confirm': 'Yes, remove {name}',
  'members.removed': '{name} is removed from {org}.',

  'invite.heading': 'Invite someone',
  'invite.text':
    'We email them a code to join. They need a Shieldwall account with that email address.',
  'invite.sent': 'We sent an invitation to {email}.',
  'invite.email': 'Their email address',
  'invite.role': 'Their role',
  'invite.failed': "We couldn't send the invitation.",
  'invite.busy': 'Sending…',
  'invite.submit': 'Send invitation',
  'invite.pending': 'Invitations not yet accepted',
  'invite.loading': 'Loading invitations…',
  'invite.load_failed': "We couldn't load the invitations.",
  'invite.none': 'None.',
  'invite.facts': 'As {role}. The invitation ends on {date}.',
  'invite.withdraw': 'Withdraw',
  'invite.withdraw_label': 'Withdraw the invitation to {email}',
  'invite.withdraw_question': 'Withdraw the invitation to {email}?',
  'invite.withdraw_explain': 'The code we emailed them will stop working.',
  'invite.withdraw_confirm': 'Yes, withdraw it',
  'invite.withdrawn': 'The invitation to {email} is withdrawn.',

  'keys.heading': 'API keys',
  'keys.text':
    'An API key lets a program, such as your mail filter or firewall, use Shieldwall for this organization. Treat it like a password.',
  'keys.hidden': 'The key is hidden now. Only its name and number are listed below.',
  'keys.list': 'Keys of this organization',
  'keys.loading': 'Loading the keys…',
  'keys.failed': "We couldn't load the keys.",
  'keys.none': 'There are no keys yet.',
  'keys.revoked_done': 'The key "{name}" is revoked and no longer works.',
  'keys.note_never': 'It never stops working, unless you revoke it.',
  'keys.note_until': 'It stops working on {date}.',
  'keys.create_heading': 'Create a key',
  'keys.create_name': 'What is it for?',
  'keys.create_name_hint': 'A name to recognise it later, for example "Mail filter".',
  'keys.create_expires': 'When should it stop working?',
  'keys.expires_30d': 'In 30 days',
  'keys.expires_90d': 'In 90 days',
  'keys.expires_52w': 'In a year',
  'keys.expires_never': 'Never (not recommended)',
  'keys.create_failed': "We couldn't create the key.",
  'keys.create_busy': 'Creating…',
  'keys.create_submit': 'Create key',
  'keys.new_heading': 'Your new key "{name}"',
  'keys.new_label': 'The new key "{name}"',
  'keys.new_copy': 'Copy the key',
  'keys.new_copied': 'Key copied. Paste it into the program that needs it.',
  'keys.new_once': 'Copy this key now: we show it only this once.',
  'keys.new_no_copy':
    "We don't keep a copy we could show you again. If you lose it, make a new one.",
  'keys.new_done': 'I have copied it',
  'keys.status_revoked': 'Revoked on {date}',
  'keys.status_stopped': 'Stopped working on {date}',
  'keys.status_forever': 'Works until revoked',
  'keys.status_until': 'Works until {date}',
  'keys.unnamed': 'Unnamed key',
  'keys.number': 'Number {id}. Made {date}.',
  'keys.unused': 'Not used yet.',
  'keys.last_used': 'Last used {date}.',
  'keys.replace': 'Replace',
  'keys.replace_label': 'Replace {name}',
  'keys.replace_question': 'Replace the key "{name}"?',
  'keys.replace_explain':
    'We make a new key and show it once. The old key keeps working for one more day, so you have time to put the new one in place.',
  'keys.replace_confirm': 'Yes, make a new key',
  'keys.replace_note': 'The old key stops working on {date}.',
  'keys.revoke': 'Revoke',
  'keys.revoke_label': 'Revoke {name}',
  'keys.revoke_question': 'Revoke the key "{name}"?',
  'keys.revoke_explain':
    "It stops working at once, everywhere. Programs that use it will be refused. This can't be undone.",
  'keys.revoke_confirm': 'Yes, revoke it',

  'verification.title': 'Verification',
  'verification.lead':
    'Being verified lets you, or your organization, use more of Shieldwall. A person checks each request.',
  'verification.loading': 'Loading your requests…',
  'verification.failed': "We couldn't load your requests.",
  'verification.yours': 'Your requests',
  'verification.none': 'You have not asked to be verified yet.',
  'verification.level': 'Level {level}',
  'verification.for_you': '{tier} for you',
  'verification.for_org': '{tier} for {org}',
  'verification.your_org': 'your organization',
  'verification.asked': 'Asked on {date}.',
  'verification.valid_until': 'Valid until {date}.',
  'verification.reviewer_wrote': 'The reviewer wrote:',
  'verification.about_appeal': 'About your appeal:',
  'verification.withdraw': 'Withdraw this request',
  'verification.withdraw_question': 'Withdraw this request?',
  'verification.withdraw_explain': 'Reviewers will no longer look at it. You can ask again later.',
  'verification.withdraw_confirm': 'Yes, withdraw it',
  'appeal.heading': 'Think this is wrong?',
  'appeal.text': 'You can appeal once, within 30 days. A different reviewer will decide.',
  'appeal.label': 'Why should they look again?',
  'appeal.failed': 'Your appeal is not sent.',
  'appeal.busy': 'Sending…',
  'appeal.submit': 'Send appeal',
  'ask.heading': 'Ask to be verified',
  'ask.who': 'Who is it for?',
  'ask.me': 'Just me',
  'ask.level': 'What level?',
  'ask.statement': 'Tell the reviewer about yourself',
  'ask.statement_hint':
    'Who you are, what you do to protect people, and why you need this level. A few sentences are enough.',
  'ask.failed': 'Your request is not sent.',
  'ask.busy': 'Sending…',
  'ask.submit': 'Send request',

  'status.pending': 'Waiting for a reviewer.',
  'status.approved': 'Approved.',
  'status.denied': 'Not approved.',
  'status.appealed': 'Appealed: another reviewer will look at it.',
  'status.appeal_approved': 'Approved after your appeal.',
  'status.appeal_denied': 'Not approved, also after your appeal.',
  'status.withdrawn': 'Withdrawn.',
  'status.expired': 'Expired: ask again to keep your level.',
  'evidence.done': 'Done.',
  'evidence.not_done': 'Not done yet.',
  'evidence.dns': 'Web address {domain} (DNS record).',
  'evidence.email': 'Email address {address}.',
  'evidence.document': 'Document {file}.',
  'evidence.sponsor_org': 'Recommended by org {id}.',
  'evidence.sponsor_user': 'Recommended by user {id}.',
  'evidence.sponsor': 'Recommended by {type} {id}.',

  'steps.dns_heading': 'Step 1: show that you run your web address',
  'steps.dns_text':
    "Reviewers trust a request more when you prove you control your organization's web address (domain). Whoever looks after your website can add the record for you.",
  'steps.email_heading': 'Step 2: confirm an email address at that web address',
  'steps.domain': 'Your web address',
  'steps.domain_another': 'Another web address',
  'steps.domain_hint': 'Only the name, for example example.org',
  'steps.show_record': 'Show me the record to add',
  'steps.dns_done': 'Done. We found the record.',
  'steps.dns_todo':
    'Add this record to the DNS settings of your web address, then press "Check now". It can take up to an hour to be seen.',
  'steps.record_name': 'Name (host)',
  'steps.record_type': 'Type',
  'steps.record_value': 'Value of the record for {domain}',
  'steps.copy_value': 'Copy the value',
  'steps.value_copied': 'Value copied. Paste it into the DNS settings of your web address.',
  'steps.check': 'Check now',
  'steps.checking': 'Checking…',
  'steps.not_found_yet': 'We did not find the record yet.',
  'steps.dns_passed': 'Found the record at {name}: the domain is confirmed.',
  'steps.dns_not_found':
    'We did not find the TXT record at {name} yet. DNS changes can take up to an hour to show; check again later.',
  'steps.dns_wrong_token':
    "There is a shieldwall-verification record at {name}, but not with this request's token. Publish exactly: {value}",
  'steps.dns_timeout':
    'The DNS servers did not answer in time, so we could not check yet. Try again in a few minutes.',
  'steps.dns_error':
    "The DNS look-up failed. Check that the domain's DNS is working and try again later.",
  'steps.email_text':
    'We email a code to an address at your web address, such as security@ or info@.',
  'steps.email_domain_hint': 'For example example.org',
  'steps.email_address': 'Email address at it',
  'steps.email_busy': 'Sending…',
  'steps.email_submit': 'Email me a code',
  'steps.email_confirmed': '{address}: done, the address is confirmed.',
  'steps.code': 'The code we emailed to {address}',
  'steps.code_hint': '8 numbers, for example 1234-5678.',
  'steps.code_busy': 'Checking…',
  'steps.code_submit': 'Confirm',

  'review.title': 'Reviewer queue',
  'review.not_reviewer':
    'This page is for the people who check verification requests. Your account is not one of them.',
  'review.lead':
    'Requests waiting for a decision, oldest first. The applicant reads the reason you give.',
  'review.loading': 'Loading the queue…',
  'review.failed': "We couldn't load the queue.",
  'review.empty': 'Nothing is waiting. Thank you!',
  'review.list': 'Waiting requests',
  'review.org_asks': 'Organization asks for {tier}',
  'review.person_asks': 'Person asks for {tier}',
  'review.waiting_since': 'Waiting since {date}.',
  'review.open': 'Open',
  'review.open_label': 'Open the request from {date}',
  'review.opening': 'Opening the request…',
  'review.open_failed': "We couldn't open the request.",
  'review.statement': 'What they wrote',
  'review.appeal': 'Their appeal',
  'review.evidence': 'Evidence',
  'review.no_evidence': 'None yet.',
  'review.reason': 'Your reason',
  'review.reason_hint': 'The applicant reads this. Be kind and specific.',
  'review.failed_save': 'The decision is not saved.',
  'review.saving': 'Saving…',
  'review.approve': 'Approve',
  'review.deny': 'Deny',

  // The built-in tiers (src/access/engine/default-tiers.ts), by tier id; a test keeps them equal.
  'tier.public.name': 'Public',
  'tier.public.description': 'Anyone, including new accounts that have not been verified.',
  'tier.verified-individual.name': 'Verified individual',
  'tier.verified-individual.description':
    'A person whose identity or work as a defender has been checked, such as a solo developer hardening their own code.',
  'tier.verified-org.name': 'Verified organization',
  'tier.verified-org.description': 'An organization whose domain and identity have been checked.',
  'tier.critical-infrastructure.name': 'Critical infrastructure or security vendor',
  'tier.critical-infrastructure.description':
    'Operators of critical infrastructure (and the intermediaries that serve hospitals, water utilities and school districts) and security vendors.',
  'tier.government.name': 'Government or national CERT',
  'tier.government.description':
    'Federal, state and local government security teams and national CERTs.',
} as const;

export type OrgMessageKey = keyof typeof en;

/**
 * Spanish, in usted. Roles are named as roles ("con el rol de administrador"), never as a person
 * ("un administrador"), so no sentence guesses anyone's gender; the same goes for "quien revisa".
 */
const es: Readonly<Record<OrgMessageKey, string>> = {
  'overview.lead': 'Sesión iniciada como {name} ({email}).',
  'overview.confirm_email_title': 'Confirme su dirección de correo',
  'overview.confirm_email_text':
    'Le enviamos un enlace a {email}. Ábralo para que podamos avisarle si le pasa algo a su cuenta.',
  'overview.protection': 'Qué tan protegida está su cuenta',
  'overview.can_use': 'Qué puede usar',
  'overview.capped':
    '. Ya le verificamos para {tier}, pero ese nivel pide antes una forma más segura de iniciar sesión: vea {link}.',
  'overview.manage': 'Administrar su cuenta',
  'overview.security': 'Inicio de sesión y seguridad',
  'overview.security_text':
    'Llaves de acceso, la app de autenticación, los códigos de recuperación, su contraseña y su contacto de confianza.',
  'overview.devices_text':
    'Las computadoras y teléfonos donde tiene la sesión iniciada. Cierre la sesión en los que no reconozca.',
  'overview.orgs_none': 'Cree una para su equipo, o únase a una a la que le invitaron.',
  'overview.orgs_some': 'Es miembro de {orgs}.',
  'overview.verification_text':
    'Pida que le verifiquen, para que usted o su organización puedan usar más partes de Shieldwall.',
  'overview.review_text': 'Solicitudes de otras personas que esperan una decisión.',
  'overview.finished': '¿Terminó?',
  'overview.finished_text':
    'Cierre la sesión cuando termine, sobre todo en una computadora que usan otras personas.',
  'sign_out.button': 'Cerrar sesión',
  'sign_out.busy': 'Cerrando sesión…',

  'protection.strongest': 'La más fuerte',
  'protection.strongest_text':
    'Solo puede iniciar sesión con una llave de acceso, que ni los estafadores ni los sitios web falsos pueden robar.',
  'protection.strong': 'Fuerte',
  'protection.strong_passkey':
    'Inicia sesión con una llave de acceso, que los sitios web falsos no pueden robar.',
  'protection.strong_app':
    'Inicia sesión con su contraseña y un código de la app de autenticación de su teléfono.',
  'protection.basic': 'Básica',
  'protection.basic_text':
    'Solo su contraseña protege su cuenta. Añada una llave de acceso para que sea mucho más difícil entrar en ella.',
  'protection.weak': 'Sin protección',
  'protection.weak_text':
    'Su cuenta todavía no tiene ninguna forma de iniciar sesión. Añada una llave de acceso.',
  'security_need.phishing_resistant': 'una llave de acceso y la protección avanzada activada',
  'security_need.mfa': 'una llave de acceso, o la app de autenticación además de su contraseña',
  'security_need.password': 'una contraseña',
  'security_need.none': 'nada más',

  'devices.title': 'Dispositivos',
  'devices.lead':
    'Estas son las computadoras, teléfonos y tabletas donde su cuenta tiene la sesión iniciada. Si ve uno que no reconoce, cierre allí la sesión y cambie su contraseña.',
  'devices.heading': 'Dónde tiene la sesión iniciada',
  'devices.loading': 'Cargando sus dispositivos…',
  'devices.failed': 'No pudimos cargar sus dispositivos.',
  'devices.signed_out': 'Se cerró la sesión en {name}.',
  'devices.others_question': '¿Cerrar la sesión en todos los demás?',
  'devices.others_explain':
    'Se cerrará la sesión en todos los demás dispositivos a la vez. En este dispositivo seguirá abierta.',
  'devices.others_confirm': 'Sí, cerrar la sesión en los demás',
  'devices.others_done_one': 'Se cerró la sesión en {count} dispositivo más.',
  'devices.others_done_other': 'Se cerró la sesión en {count} dispositivos más.',
  'devices.others_button': 'Cerrar la sesión en todos los demás',
  'devices.only_here': 'No tiene la sesión iniciada en ningún otro sitio.',
  'devices.unnamed': 'Dispositivo sin nombre',
  'devices.this': 'Este dispositivo',
  'devices.last_used': 'Último uso: {when}, desde la dirección de internet {ip}.',
  'devices.signed_in': 'Inició sesión: {when}.',
  'devices.new_name': 'Nuevo nombre para {name}',
  'devices.rename': 'Cambiar el nombre',
  'devices.rename_label': 'Cambiar el nombre de {name}',
  'devices.sign_out_label': 'Cerrar la sesión en {name}',
  'rename.save': 'Guardar el nombre',
  'rename.saving': 'Guardando…',
  'rename.cancel': 'Cancelar',

  'orgs.title': 'Organizaciones',
  'orgs.back': 'sus organizaciones',
  'orgs.lead':
    'Una organización es su empresa, asociación, escuela o equipo. Sus miembros comparten lo que Shieldwall permite usar a la organización.',
  'orgs.yours': 'Sus organizaciones',
  'orgs.loading': 'Cargando sus organizaciones…',
  'orgs.failed': 'No pudimos cargar sus organizaciones.',
  'orgs.none':
    'Todavía no pertenece a ninguna organización. Cree una aquí abajo, o pida a alguien de su organización que le invite.',
  'orgs.your_role': 'Su rol: {role}.',
  'orgs.level': 'Nivel: {tier}.',
  'orgs.create_heading': 'Crear una organización',
  'orgs.create_text': 'Usted tendrá el rol de propietario. Después podrá invitar a sus colegas.',
  'orgs.create_name': 'Nombre de la organización',
  'orgs.create_failed': 'No pudimos crear la organización.',
  'orgs.create_busy': 'Creando…',
  'orgs.create_submit': 'Crear la organización',

  'org.title': 'Organización',
  'org.loading': 'Cargando la organización…',
  'org.failed': 'No pudimos cargar esta organización.',
  'org.your_role': 'Aquí tiene el rol de {role}.',
  'org.level': 'Nivel: {tier}.',
  'org.level_until': 'Nivel: {tier}, hasta el {date}.',
  'org.not_manager':
    'Para invitar a otras personas o administrar las claves de API, pídalo a quien tenga el rol de propietario o de administrador en {org}.',

  'role.owner': 'Propietario',
  'role.owner_article': 'propietario',
  'role.owner_can':
    'puede hacerlo todo, incluso quitar a los demás propietarios de la organización',
  'role.admin': 'Administrador',
  'role.admin_article': 'administrador',
  'role.admin_can': 'puede invitar y quitar miembros y administrar las claves de API',
  'role.analyst': 'Analista',
  'role.analyst_article': 'analista',
  'role.analyst_can': 'puede usar la información de seguridad de la organización y añadir más',
  'role.member': 'Miembro',
  'role.member_article': 'miembro',
  'role.member_can': 'puede usar lo que la organización tiene permitido',

  'members.heading': 'Miembros',
  'members.loading': 'Cargando los miembros…',
  'members.failed': 'No pudimos cargar los miembros.',
  'members.you': 'Usted',
  'members.facts': '{email}. {role} desde el {date}.',
  'members.changed': '{name} ahora tiene el rol de {role}.',
  'members.role_of': 'Rol de {name}',
  'members.change_role': 'Cambiar el rol',
  'members.remove': 'Quitar',
  'members.remove_label': 'Quitar a {name}',
  'members.remove_question': '¿Quitar a {name} de {org}?',
  'members.remove_explain':
    '{name} perderá el acceso a todo lo que puede usar {org}. Podrá volver a invitarle más adelante.',
  'members.remove_confirm': 'Sí, quitar a {name}',
  'members.removed': '{name} ya no está en {org}.',

  'invite.heading': 'Invitar a alguien',
  'invite.text':
    'Enviamos a esa persona un código por correo para unirse. Necesita una cuenta de Shieldwall con esa dirección de correo.',
  'invite.sent': 'Enviamos una invitación a {email}.',
  'invite.email': 'Dirección de correo de esa persona',
  'invite.role': 'Qué rol tendrá',
  'invite.failed': 'No pudimos enviar la invitación.',
  'invite.busy': 'Enviando…',
  'invite.submit': 'Enviar la invitación',
  'invite.pending': 'Invitaciones aún no aceptadas',
  'invite.loading': 'Cargando las invitaciones…',
  'invite.load_failed': 'No pudimos cargar las invitaciones.',
  'invite.none': 'Ninguna.',
  'invite.facts': 'Con el rol de {role}. La invitación caduca el {date}.',
  'invite.withdraw': 'Retirar',
  'invite.withdraw_label': 'Retirar la invitación a {email}',
  'invite.withdraw_question': '¿Retirar la invitación a {email}?',
  'invite.withdraw_explain': 'El código que enviamos a esa persona por correo dejará de funcionar.',
  'invite.withdraw_confirm': 'Sí, retirarla',
  'invite.withdrawn': 'Se retiró la invitación a {email}.',

  'keys.heading': 'Claves de API',
  'keys.text':
    'Una clave de API permite que un programa, como su filtro de correo o su cortafuegos, use Shieldwall en nombre de esta organización. Trátela como una contraseña.',
  'keys.hidden': 'La clave ya no se ve. Abajo solo aparecen su nombre y su número.',
  'keys.list': 'Claves de esta organización',
  'keys.loading': 'Cargando las claves…',
  'keys.failed': 'No pudimos cargar las claves.',
  'keys.none': 'Todavía no hay claves.',
  'keys.revoked_done': 'La clave “{name}” quedó anulada y ya no funciona.',
  'keys.note_never': 'No dejará de funcionar nunca, salvo que la anule.',
  'keys.note_until': 'Dejará de funcionar el {date}.',
  'keys.create_heading': 'Crear una clave',
  'keys.create_name': '¿Para qué es?',
  'keys.create_name_hint':
    'Un nombre para reconocerla más adelante, por ejemplo “Filtro de correo”.',
  'keys.create_expires': '¿Cuándo debe dejar de funcionar?',
  'keys.expires_30d': 'Dentro de 30 días',
  'keys.expires_90d': 'Dentro de 90 días',
  'keys.expires_52w': 'Dentro de un año',
  'keys.expires_never': 'Nunca (no se recomienda)',
  'keys.create_failed': 'No pudimos crear la clave.',
  'keys.create_busy': 'Creando…',
  'keys.create_submit': 'Crear la clave',
  'keys.new_heading': 'Su nueva clave “{name}”',
  'keys.new_label': 'La nueva clave “{name}”',
  'keys.new_copy': 'Copiar la clave',
  'keys.new_copied': 'Clave copiada. Péguela en el programa que la necesita.',
  'keys.new_once': 'Copie esta clave ahora: solo se la mostramos esta vez.',
  'keys.new_no_copy':
    'No guardamos ninguna copia que podamos volver a mostrarle. Si la pierde, cree una nueva.',
  'keys.new_done': 'Ya la copié',
  'keys.status_revoked': 'Anulada el {date}',
  'keys.status_stopped': 'Dejó de funcionar el {date}',
  'keys.status_forever': 'Funciona hasta que la anule',
  'keys.status_until': 'Funciona hasta el {date}',
  'keys.unnamed': 'Clave sin nombre',
  'keys.number': 'Número {id}. Creada el {date}.',
  'keys.unused': 'Todavía no se ha usado.',
  'keys.last_used': 'Último uso: {date}.',
  'keys.replace': 'Reemplazar',
  'keys.replace_label': 'Reemplazar {name}',
  'keys.replace_question': '¿Reemplazar la clave “{name}”?',
  'keys.replace_explain':
    'Creamos una clave nueva y se la mostramos una sola vez. La clave anterior sigue funcionando un día más, para que tenga tiempo de poner la nueva en su lugar.',
  'keys.replace_confirm': 'Sí, crear una clave nueva',
  'keys.replace_note': 'La clave anterior dejará de funcionar el {date}.',
  'keys.revoke': 'Anular',
  'keys.revoke_label': 'Anular {name}',
  'keys.revoke_question': '¿Anular la clave “{name}”?',
  'keys.revoke_explain':
    'Deja de funcionar en el acto, en todas partes. Se rechazará a los programas que la usen. No se puede deshacer.',
  'keys.revoke_confirm': 'Sí, anularla',

  'verification.title': 'Verificación',
  'verification.lead':
    'Con la verificación, usted o su organización pueden usar más partes de Shieldwall. Una persona revisa cada solicitud.',
  'verification.loading': 'Cargando sus solicitudes…',
  'verification.failed': 'No pudimos cargar sus solicitudes.',
  'verification.yours': 'Sus solicitudes',
  'verification.none': 'Todavía no ha pedido que le verifiquen.',
  'verification.level': 'Nivel {level}',
  'verification.for_you': '{tier} para usted',
  'verification.for_org': '{tier} para {org}',
  'verification.your_org': 'su organización',
  'verification.asked': 'Pedida el {date}.',
  'verification.valid_until': 'Válida hasta el {date}.',
  'verification.reviewer_wrote': 'Quien la revisó escribió:',
  'verification.about_appeal': 'Sobre su apelación:',
  'verification.withdraw': 'Retirar esta solicitud',
  'verification.withdraw_question': '¿Retirar esta solicitud?',
  'verification.withdraw_explain':
    'Ya nadie la revisará. Puede volver a pedir la verificación más adelante.',
  'verification.withdraw_confirm': 'Sí, retirarla',
  'appeal.heading': '¿Cree que es un error?',
  'appeal.text': 'Puede apelar una vez, dentro de 30 días. Decidirá otra persona.',
  'appeal.label': '¿Por qué deberían revisarla otra vez?',
  'appeal.failed': 'Su apelación no se envió.',
  'appeal.busy': 'Enviando…',
  'appeal.submit': 'Enviar la apelación',
  'ask.heading': 'Pedir que le verifiquen',
  'ask.who': '¿Para quién es?',
  'ask.me': 'Solo para mí',
  'ask.level': '¿Qué nivel?',
  'ask.statement': 'Cuéntele a quien revise quién es usted',
  'ask.statement_hint':
    'Quién es, qué hace para proteger a las personas y por qué necesita este nivel. Bastan unas pocas frases.',
  'ask.failed': 'Su solicitud no se envió.',
  'ask.busy': 'Enviando…',
  'ask.submit': 'Enviar la solicitud',

  'status.pending': 'Esperando a que una persona la revise.',
  'status.approved': 'Aprobada.',
  'status.denied': 'No aprobada.',
  'status.appealed': 'Apelada: otra persona la revisará.',
  'status.appeal_approved': 'Aprobada tras su apelación.',
  'status.appeal_denied': 'No aprobada, tampoco tras su apelación.',
  'status.withdrawn': 'Retirada.',
  'status.expired': 'Caducada: vuelva a pedirla para mantener su nivel.',
  'evidence.done': 'Hecho.',
  'evidence.not_done': 'Todavía sin hacer.',
  'evidence.dns': 'Dirección web {domain} (registro DNS).',
  'evidence.email': 'Dirección de correo {address}.',
  'evidence.document': 'Documento {file}.',
  'evidence.sponsor_org': 'La recomienda la organización {id}.',
  'evidence.sponsor_user': 'La recomienda la persona {id}.',
  'evidence.sponsor': 'La recomienda {type} {id}.',

  'steps.dns_heading': 'Paso 1: demuestre que su dirección web es suya',
  'steps.dns_text':
    'Quien revisa confía más en una solicitud cuando usted demuestra que controla la dirección web (el dominio) de su organización. La persona que cuida su sitio web puede añadir el registro por usted.',
  'steps.email_heading': 'Paso 2: confirme una dirección de correo de esa dirección web',
  'steps.domain': 'Su dirección web',
  'steps.domain_another': 'Otra dirección web',
  'steps.domain_hint': 'Solo el nombre, por ejemplo example.org',
  'steps.show_record': 'Mostrarme el registro que debo añadir',
  'steps.dns_done': 'Hecho. Encontramos el registro.',
  'steps.dns_todo':
    'Añada este registro en los ajustes de DNS de su dirección web y luego pulse “Comprobar ahora”. Puede tardar hasta una hora en verse.',
  'steps.record_name': 'Nombre (host)',
  'steps.record_type': 'Tipo',
  'steps.record_value': 'Valor del registro para {domain}',
  'steps.copy_value': 'Copiar el valor',
  'steps.value_copied': 'Valor copiado. Péguelo en los ajustes de DNS de su dirección web.',
  'steps.check': 'Comprobar ahora',
  'steps.checking': 'Comprobando…',
  'steps.not_found_yet': 'Todavía no encontramos el registro.',
  'steps.dns_passed': 'Encontramos el registro en {name}: el dominio está confirmado.',
  'steps.dns_not_found':
    'Todavía no encontramos el registro TXT en {name}. Los cambios de DNS pueden tardar hasta una hora en verse; vuelva a comprobarlo más tarde.',
  'steps.dns_wrong_token':
    'Hay un registro shieldwall-verification en {name}, pero no con el código de esta solicitud. Publique exactamente: {value}',
  'steps.dns_timeout':
    'Los servidores de DNS no respondieron a tiempo y aún no pudimos comprobarlo. Vuelva a intentarlo en unos minutos.',
  'steps.dns_error':
    'La consulta de DNS falló. Compruebe que el DNS del dominio funciona y vuelva a intentarlo más tarde.',
  'steps.email_text':
    'Le enviamos un código a una dirección de correo de su dirección web, como security@ o info@.',
  'steps.email_domain_hint': 'Por ejemplo example.org',
  'steps.email_address': 'Dirección de correo en ese dominio',
  'steps.email_busy': 'Enviando…',
  'steps.email_submit': 'Enviarme un código',
  'steps.email_confirmed': '{address}: hecho, la dirección está confirmada.',
  'steps.code': 'El código que enviamos a {address}',
  'steps.code_hint': '8 números, por ejemplo 1234-5678.',
  'steps.code_busy': 'Comprobando…',
  'steps.code_submit': 'Confirmar',

  'review.title': 'Solicitudes por revisar',
  'review.not_reviewer':
    'Esta página es para las personas que revisan las solicitudes de verificación. Su cuenta no es una de ellas.',
  'review.lead':
    'Solicitudes que esperan una decisión, de la más antigua a la más reciente. La persona solicitante lee el motivo que usted escriba.',
  'review.loading': 'Cargando las solicitudes…',
  'review.failed': 'No pudimos cargar las solicitudes.',
  'review.empty': 'No hay nada pendiente. ¡Gracias!',
  'review.list': 'Solicitudes pendientes',
  'review.org_asks': 'Una organización pide el nivel {tier}',
  'review.person_asks': 'Una persona pide el nivel {tier}',
  'review.waiting_since': 'Espera desde el {date}.',
  'review.open': 'Abrir',
  'review.open_label': 'Abrir la solicitud del {date}',
  'review.opening': 'Abriendo la solicitud…',
  'review.open_failed': 'No pudimos abrir la solicitud.',
  'review.statement': 'Lo que escribió',
  'review.appeal': 'Su apelación',
  'review.evidence': 'Pruebas',
  'review.no_evidence': 'Todavía ninguna.',
  'review.reason': 'Su motivo',
  'review.reason_hint':
    'La persona solicitante lo leerá. Escriba con amabilidad y de forma concreta.',
  'review.failed_save': 'La decisión no se guardó.',
  'review.saving': 'Guardando…',
  'review.approve': 'Aprobar',
  'review.deny': 'Rechazar',

  'tier.public.name': 'Público',
  'tier.public.description':
    'Cualquier persona, incluidas las cuentas nuevas que aún no se han verificado.',
  'tier.verified-individual.name': 'Persona verificada',
  'tier.verified-individual.description':
    'Una persona cuya identidad o cuyo trabajo de defensa se ha comprobado, como quien desarrolla por su cuenta y refuerza la seguridad de su propio código.',
  'tier.verified-org.name': 'Organización verificada',
  'tier.verified-org.description': 'Una organización cuyo dominio e identidad se han comprobado.',
  'tier.critical-infrastructure.name': 'Infraestructura crítica o empresa de seguridad',
  'tier.critical-infrastructure.description':
    'Quienes operan infraestructuras críticas (y los intermediarios que dan servicio a hospitales, empresas de agua y distritos escolares) y las empresas de seguridad.',
  'tier.government.name': 'Gobierno o CERT nacional',
  'tier.government.description':
    'Equipos de seguridad de gobiernos nacionales, regionales y locales, y los CERT nacionales.',
};

export const orgMessages = defineMessages<OrgMessageKey>({ en, es });

const has = (key: string): key is OrgMessageKey =>
  (orgMessages.keys as readonly string[]).includes(key);

/**
 * A tier's own word (`name` or `description`) in `locale`: the translation of a built-in tier when
 * the server still sends the built-in English, else the operator's text as it is.
 */
function tierWord(
  locale: Locale,
  id: string,
  field: 'name' | 'description',
  serverText: string,
): string {
  const key = `tier.${id}.${field}`;
  if (locale === 'en' || !has(key) || orgMessages.catalogs.en[key] !== serverText)
    return serverText;
  return orgMessages.t(locale, key);
}

export const tierName = (locale: Locale, tier: { readonly id: string; readonly name: string }) =>
  tierWord(locale, tier.id, 'name', tier.name);

export const tierDescription = (
  locale: Locale,
  tier: { readonly id: string; readonly description: string },
) => tierWord(locale, tier.id, 'description', tier.description);

/** Names in a sentence: "A, B" in English as before; "A, B y C" in other languages. */
export function listOf(locale: Locale, names: readonly string[]): string {
  return locale === 'en'
    ? names.join(', ')
    : new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}
