/**
 * The words of the AI safeguards pages (/safeguards): "Limits on your account" with its appeal
 * form and messages, the org admins' webhook form ("Send these messages to your own system"), and
 * the operators' console (live decisions, accounts by risk, findings, lever history, appeals).
 * What a notice says about a lever comes from src/safeguards/notice-text.ts, the same sentences
 * the owner's webhook carries. Reasons written by people are shown as written.
 */
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  title: 'AI safeguards',
  lead: 'Limits on AI access for your account and organizations, and how to appeal them.',
  loading: 'Loading…',
  signed_out: 'Sign in to see whether there are limits on your account.',
  sign_in: 'Sign in',
  failed: "We couldn't load this part of the page.",
  forbidden:
    'This part is for the people who run this Shieldwall (operators). Your account cannot see it.',

  'nav.label': 'Safeguards pages',
  'nav.mine': 'Limits on your account',
  'nav.decisions': 'Live decisions',
  'nav.risk': 'Accounts by risk',
  'nav.findings': 'Findings',
  'nav.levers': 'Lever history',
  'nav.appeals': 'Appeals',

  'mine.heading': 'Limits on your account',
  'mine.lead':
    'Limits put on your account, or on an organization you manage, by our safeguards or by the people who run this Shieldwall. You can appeal each one once.',
  'mine.none':
    'There are no limits on your account or on the organizations you manage. AI requests work normally.',
  'mine.org': 'Organization: {name}',
  'mine.no_end': 'Until it is lifted',

  'appeal.open': 'Appeal this limit',
  'appeal.label': 'Why should this limit be lifted?',
  'appeal.hint':
    'Say in your own words what you were doing. A person reads it. At most {max} characters.',
  'appeal.send': 'Send appeal',
  'appeal.sending': 'Sending…',
  'appeal.cancel': 'Cancel',
  'appeal.empty': 'Write why the limit should be lifted.',
  'appeal.too_long': 'Please keep it to {max} characters.',
  'appeal.pending': 'Appeal sent on {date}. A reviewer has not decided yet.',
  'appeal.granted': 'Appeal accepted on {date}.',
  'appeal.denied': 'Appeal not accepted on {date}.',
  'appeal.note': "Reviewer's note: {note}",
  'appeal.failed': "We couldn't send the appeal.",

  'notices.heading': 'Messages about limits',
  'notices.none': 'No messages yet.',
  'notices.new': 'New',
  'notices.mark_read': 'Mark as read',
  'notices.failed': "We couldn't load your messages.",

  'webhook.heading': 'Send these messages to your own system',
  'webhook.lead':
    'Optional. Shieldwall can also send each message about limits on your organization to a system your team already uses, such as a help desk, a chat channel or a security tool, so the right people hear about it straight away. You will still see every message on this page.',
  'webhook.how':
    'Whoever runs that system gives you a web address that receives the messages. The address must start with https:// so the messages travel encrypted.',
  'webhook.failed': "We couldn't check where this organization's messages are sent.",
  'webhook.none': 'Not set up. Messages about this organization are shown only on this page.',
  'webhook.current': 'Messages are also sent to {url}',
  'webhook.since': 'Set up on {date}.',
  'webhook.label': 'Web address that receives the messages',
  'webhook.label_new': 'New web address',
  'webhook.hint':
    'It starts with https://, for example https://alerts.example.org/shieldwall. Paste it exactly as you were given it.',
  'webhook.hint_replace':
    'Saving a new address also makes a new secret code, and the old code stops working.',
  'webhook.save': 'Save address',
  'webhook.replace': 'Replace address',
  'webhook.saving': 'Saving…',
  'webhook.empty': 'Write the web address first.',
  'webhook.not_url':
    'That is not a web address. It should look like https://alerts.example.org/shieldwall.',
  'webhook.not_https':
    'The address must start with https:// (not http://), so the messages travel encrypted.',
  'webhook.save_failed': "We couldn't save the address.",
  'webhook.secret_heading': 'Copy the secret code now',
  'webhook.secret_label': 'The secret code for {url}',
  'webhook.secret_once': 'We show it only this once.',
  'webhook.secret_why':
    'Give it to whoever runs the receiving system: with it, their system can check that each message really comes from Shieldwall. If it is lost, save the address again to get a new one.',
  'webhook.copy': 'Copy secret code',
  'webhook.copied': 'Copied. Give it to whoever runs the receiving system.',
  'webhook.secret_done': 'I have copied it',
  'webhook.secret_hidden': 'The secret code is hidden now.',
  'webhook.remove': 'Stop sending',
  'webhook.remove_label': 'Stop sending messages about {name}',
  'webhook.remove_question': 'Stop sending messages about {name} to this address?',
  'webhook.remove_explain':
    'Shieldwall stops sending them right away, including any not delivered yet. You will still see every message on this page, and you can set up an address again at any time.',
  'webhook.remove_confirm': 'Yes, stop sending',
  'webhook.removed': 'Stopped. Messages about {name} are no longer sent to another system.',
  'webhook.tech': 'For your technical team',
  'webhook.tech_what':
    'Each message is a POST with a JSON body: its type (safeguards.lever.pulled, safeguards.lever.lifted, safeguards.appeal.granted or safeguards.appeal.denied), when it happened, the limit, and the sentences shown on this page in English and Spanish.',
  'webhook.tech_sign':
    'Messages are signed as {standard} describes (headers webhook-id, webhook-timestamp and webhook-signature) with the secret code shown when the address is saved, so any of its libraries can check them. Refuse a message whose signature does not match or whose timestamp is more than five minutes off.',
  'webhook.tech_standard': 'Standard Webhooks',
  'webhook.tech_retry':
    'Answer with a 2xx status. Otherwise we try again for about a day. Addresses inside a private network (loopback, private or link-local) are refused.',
  'webhook.tech_doc': 'Every field is described in {doc} in the Shieldwall source.',

  'live.connecting': 'Connecting for live updates…',
  'live.live': 'Live: new decisions appear here as they happen.',
  'live.reconnecting': 'Connection lost; trying again…',
  'live.closed': 'Live updates stopped. Reload the page to start them again.',
  'live.announce_one': '{count} new decision.',
  'live.announce_other': '{count} new decisions.',

  'decisions.heading': 'Live decisions',
  'decisions.lead':
    'AI requests our safeguards watched, slowed down or blocked, newest first. Allowed requests are not listed.',
  'decisions.none': 'No requests have been flagged yet.',
  'decision.allow': 'Allowed',
  'decision.monitor': 'Watched',
  'decision.friction': 'Slowed down',
  'decision.block': 'Blocked',
  'col.when': 'When',
  'col.who': 'Who',
  'col.decision': 'Decision',
  'col.risk': 'Risk',
  'col.why': 'Why',
  'col.request': 'Request',
  risk_percent: '{value}%',
  'who.unknown': 'Not known',

  'category.malware_ransomware': 'Malware or ransomware',
  'category.exploitation': 'Attacking systems',
  'category.credential_theft_phishing': 'Stealing passwords or phishing',
  'category.defense_evasion': 'Hiding from defenses',
  'category.ddos': 'Flooding a service (DDoS)',
  'category.data_exfiltration': 'Stealing data',
  'category.prompt_injection_jailbreak': 'Tricking the AI (jailbreak)',
  'category.none': 'No category',

  'risk.heading': 'Accounts by risk',
  'risk.lead':
    'Organizations, accounts and end users whose recent requests were flagged. Scores fade by half every week without new flags.',
  'risk.none': 'No account has a risk score.',
  'risk.score': 'Risk score: {score}',
  'risk.blocks_one': '{count} blocked request recently',
  'risk.blocks_other': '{count} blocked requests recently',
  'risk.evidence': 'Requests behind the score',

  'findings.heading': 'Findings',
  'findings.lead':
    'What the offline monitor (shieldwall safeguards monitor) found in the stored traffic: patterns no single request shows.',
  'findings.none':
    'No findings. They appear here after the monitor runs and finds something (run it on a schedule).',
  'findings.when': 'Found on {date}',
  'findings.requests': 'Requests behind it',
  'finding.repeated_blocks': 'Repeated blocked attempts',
  'finding.key_many_networks': 'One key used from many networks',
  'finding.concerted_prompts': 'Several accounts working together',
  'finding.capability_after_upgrade': 'Reaching for more after a higher access level',
  'finding.split_task': 'One task split over many requests',

  'levers.heading': 'Lever history',
  'levers.lead':
    'Every limit put on an account, newest first, with who put it, why, and when it ended.',
  'levers.none': 'No limits have been put on anyone yet.',
  'lever.restrict': 'Access level lowered to {tier}',
  'lever.friction.limits': 'Lower rate limits',
  'lever.friction.step-up': 'Paused until the owner confirms who they are',
  'lever.revoke': 'AI access stopped',
  'lever.active': 'In force',
  'lever.lifted': 'Lifted',
  'lever.expired': 'Ended',
  'lever.target': 'On: {target}',
  'lever.by': 'Put by {actor} on {date}',
  'lever.automatic': 'Put automatically by the safeguards on {date}',
  'lever.reason': 'Reason: {reason}',
  'lever.lifted_by': 'Lifted by {actor} on {date}: {reason}',
  'lever.ends': 'Ends {date}',
  'lever.evidence': 'Evidence',

  'appeals.heading': 'Appeals',
  'appeals.lead':
    'Owners who think a limit is a mistake. Read what they say and the evidence, then lift the limit or keep it. The owner is told your reason.',
  'appeals.show': 'Show',
  'appeals.pending': 'Waiting',
  'appeals.granted': 'Granted',
  'appeals.denied': 'Denied',
  'appeals.none': 'No appeals here.',
  'appeals.owner_says': 'What the owner says',
  'appeals.filed': 'Sent on {date}',
  'appeals.the_limit': 'The limit',
  'appeals.still_in_force': 'Still in force.',
  'appeals.not_in_force': 'No longer in force.',
  'appeals.risk': 'Risk score of {subject}: {score}',
  'appeals.requests': 'Requests cited as evidence',
  'appeals.no_requests': 'No requests are cited (or they are no longer kept).',
  'appeals.prompt': 'Start of the request (passwords and card numbers removed):',
  'appeals.prompt_gone': 'The text of this request is no longer kept.',
  'appeals.reason_label': 'Your reason (the owner reads it)',
  'appeals.reason_needed': 'Write a reason first.',
  'appeals.grant': 'Grant: lift the limit',
  'appeals.deny': 'Deny: keep the limit',
  'appeals.busy': 'Saving…',
  'appeals.done.granted': 'Granted. The limit was lifted and the owner was told.',
  'appeals.done.denied': 'Denied. The owner was told.',
  'appeals.decided': 'Decided on {date} by {actor}: {reason}',
  'appeals.failed': "We couldn't save the decision.",
} as const;

export type SafeguardsMessageKey = keyof typeof en;

export const safeguardsMessages = defineMessages<SafeguardsMessageKey>({
  en,
  es: {
    title: 'Salvaguardas de IA',
    lead: 'Límites al acceso a la IA de su cuenta y sus organizaciones, y cómo apelarlos.',
    loading: 'Cargando…',
    signed_out: 'Inicie sesión para ver si hay límites en su cuenta.',
    sign_in: 'Iniciar sesión',
    failed: 'No pudimos cargar esta parte de la página.',
    forbidden:
      'Esta parte es para las personas que gestionan este Shieldwall (operadores). Su cuenta no puede verla.',

    'nav.label': 'Páginas de salvaguardas',
    'nav.mine': 'Límites en su cuenta',
    'nav.decisions': 'Decisiones en directo',
    'nav.risk': 'Cuentas por riesgo',
    'nav.findings': 'Hallazgos',
    'nav.levers': 'Historial de palancas',
    'nav.appeals': 'Apelaciones',

    'mine.heading': 'Límites en su cuenta',
    'mine.lead':
      'Límites puestos a su cuenta, o a una organización que usted gestiona, por nuestras salvaguardas o por las personas que gestionan este Shieldwall. Puede apelar cada uno una vez.',
    'mine.none':
      'No hay límites en su cuenta ni en las organizaciones que gestiona. Las solicitudes de IA funcionan con normalidad.',
    'mine.org': 'Organización: {name}',
    'mine.no_end': 'Hasta que se quite',

    'appeal.open': 'Apelar este límite',
    'appeal.label': '¿Por qué debería quitarse este límite?',
    'appeal.hint':
      'Explique con sus palabras qué estaba haciendo. Lo lee una persona. Como máximo {max} caracteres.',
    'appeal.send': 'Enviar apelación',
    'appeal.sending': 'Enviando…',
    'appeal.cancel': 'Cancelar',
    'appeal.empty': 'Escriba por qué debería quitarse el límite.',
    'appeal.too_long': 'Por favor, use como máximo {max} caracteres.',
    'appeal.pending': 'Apelación enviada el {date}. Aún no se ha decidido.',
    'appeal.granted': 'Apelación aceptada el {date}.',
    'appeal.denied': 'Apelación no aceptada el {date}.',
    'appeal.note': 'Nota de quien revisó: {note}',
    'appeal.failed': 'No pudimos enviar la apelación.',

    'notices.heading': 'Mensajes sobre límites',
    'notices.none': 'Todavía no hay mensajes.',
    'notices.new': 'Nuevo',
    'notices.mark_read': 'Marcar como leído',
    'notices.failed': 'No pudimos cargar sus mensajes.',

    'webhook.heading': 'Enviar estos mensajes a su propio sistema',
    'webhook.lead':
      'Opcional. Shieldwall también puede enviar cada mensaje sobre límites en su organización a un sistema que su equipo ya use, como una mesa de ayuda, un canal de chat o una herramienta de seguridad, para que las personas adecuadas se enteren enseguida. Seguirá viendo todos los mensajes en esta página.',
    'webhook.how':
      'Quien gestiona ese sistema le da una dirección web que recibe los mensajes. La dirección debe empezar por https:// para que los mensajes viajen cifrados.',
    'webhook.failed': 'No pudimos comprobar adónde se envían los mensajes de esta organización.',
    'webhook.none':
      'Sin configurar. Los mensajes sobre esta organización solo se muestran en esta página.',
    'webhook.current': 'Los mensajes también se envían a {url}',
    'webhook.since': 'Configurado el {date}.',
    'webhook.label': 'Dirección web que recibe los mensajes',
    'webhook.label_new': 'Nueva dirección web',
    'webhook.hint':
      'Empieza por https://, por ejemplo https://alertas.example.org/shieldwall. Péguela tal como se la dieron.',
    'webhook.hint_replace':
      'Al guardar una dirección nueva también se crea un código secreto nuevo, y el anterior deja de funcionar.',
    'webhook.save': 'Guardar dirección',
    'webhook.replace': 'Cambiar dirección',
    'webhook.saving': 'Guardando…',
    'webhook.empty': 'Escriba primero la dirección web.',
    'webhook.not_url':
      'Eso no es una dirección web. Debería parecerse a https://alertas.example.org/shieldwall.',
    'webhook.not_https':
      'La dirección debe empezar por https:// (no http://), para que los mensajes viajen cifrados.',
    'webhook.save_failed': 'No pudimos guardar la dirección.',
    'webhook.secret_heading': 'Copie ahora el código secreto',
    'webhook.secret_label': 'El código secreto de {url}',
    'webhook.secret_once': 'Solo lo mostramos esta vez.',
    'webhook.secret_why':
      'Déselo a quien gestiona el sistema que recibe los mensajes: con él, ese sistema puede comprobar que cada mensaje viene de verdad de Shieldwall. Si se pierde, vuelva a guardar la dirección para obtener uno nuevo.',
    'webhook.copy': 'Copiar código secreto',
    'webhook.copied': 'Copiado. Déselo a quien gestiona el sistema que recibe los mensajes.',
    'webhook.secret_done': 'Ya lo he copiado',
    'webhook.secret_hidden': 'El código secreto ya no se muestra.',
    'webhook.remove': 'Dejar de enviar',
    'webhook.remove_label': 'Dejar de enviar los mensajes sobre {name}',
    'webhook.remove_question': '¿Dejar de enviar a esta dirección los mensajes sobre {name}?',
    'webhook.remove_explain':
      'Shieldwall deja de enviarlos en el acto, también los que aún no se entregaron. Seguirá viendo todos los mensajes en esta página y puede volver a configurar una dirección cuando quiera.',
    'webhook.remove_confirm': 'Sí, dejar de enviar',
    'webhook.removed': 'Hecho. Los mensajes sobre {name} ya no se envían a otro sistema.',
    'webhook.tech': 'Para su equipo técnico',
    'webhook.tech_what':
      'Cada mensaje es un POST con un cuerpo JSON: su tipo (safeguards.lever.pulled, safeguards.lever.lifted, safeguards.appeal.granted o safeguards.appeal.denied), cuándo ocurrió, el límite y las frases que se muestran en esta página, en inglés y en español.',
    'webhook.tech_sign':
      'Los mensajes se firman como describe {standard} (cabeceras webhook-id, webhook-timestamp y webhook-signature) con el código secreto que se muestra al guardar la dirección, así que cualquiera de sus bibliotecas puede comprobarlos. Rechace un mensaje cuya firma no coincida o cuya hora se desvíe más de cinco minutos.',
    'webhook.tech_standard': 'Standard Webhooks (estándar de webhooks)',
    'webhook.tech_retry':
      'Responda con un estado 2xx. Si no, lo intentamos de nuevo durante un día aproximadamente. Se rechazan las direcciones de una red privada (loopback, privadas o de enlace local).',
    'webhook.tech_doc': 'Cada campo se describe en {doc}, en el código fuente de Shieldwall.',

    'live.connecting': 'Conectando para recibir novedades en directo…',
    'live.live': 'En directo: las decisiones nuevas aparecen aquí en cuanto ocurren.',
    'live.reconnecting': 'Se perdió la conexión; lo intentamos de nuevo…',
    'live.closed':
      'Las novedades en directo se detuvieron. Vuelva a cargar la página para reanudarlas.',
    'live.announce_one': '{count} decisión nueva.',
    'live.announce_other': '{count} decisiones nuevas.',

    'decisions.heading': 'Decisiones en directo',
    'decisions.lead':
      'Solicitudes de IA que nuestras salvaguardas vigilaron, frenaron o bloquearon, de la más reciente a la más antigua. Las permitidas no se muestran.',
    'decisions.none': 'Todavía no se ha marcado ninguna solicitud.',
    'decision.allow': 'Permitida',
    'decision.monitor': 'Vigilada',
    'decision.friction': 'Frenada',
    'decision.block': 'Bloqueada',
    'col.when': 'Cuándo',
    'col.who': 'Quién',
    'col.decision': 'Decisión',
    'col.risk': 'Riesgo',
    'col.why': 'Por qué',
    'col.request': 'Solicitud',
    risk_percent: '{value} %',
    'who.unknown': 'No se sabe',

    'category.malware_ransomware': 'Malware o ransomware',
    'category.exploitation': 'Atacar sistemas',
    'category.credential_theft_phishing': 'Robo de contraseñas o phishing',
    'category.defense_evasion': 'Esquivar las defensas',
    'category.ddos': 'Saturar un servicio (DDoS)',
    'category.data_exfiltration': 'Robo de datos',
    'category.prompt_injection_jailbreak': 'Engañar a la IA (jailbreak)',
    'category.none': 'Sin categoría',

    'risk.heading': 'Cuentas por riesgo',
    'risk.lead':
      'Organizaciones, cuentas y usuarios finales cuyas solicitudes recientes se marcaron. La puntuación baja a la mitad cada semana sin nuevas marcas.',
    'risk.none': 'Ninguna cuenta tiene puntuación de riesgo.',
    'risk.score': 'Puntuación de riesgo: {score}',
    'risk.blocks_one': '{count} solicitud bloqueada hace poco',
    'risk.blocks_other': '{count} solicitudes bloqueadas hace poco',
    'risk.evidence': 'Solicitudes detrás de la puntuación',

    'findings.heading': 'Hallazgos',
    'findings.lead':
      'Lo que encontró la supervisión fuera de línea (shieldwall safeguards monitor) en el tráfico guardado: patrones que ninguna solicitud sola muestra.',
    'findings.none':
      'No hay hallazgos. Aparecen aquí cuando la supervisión se ejecuta y encuentra algo (prográmela).',
    'findings.when': 'Encontrado el {date}',
    'findings.requests': 'Solicitudes detrás del hallazgo',
    'finding.repeated_blocks': 'Intentos bloqueados repetidos',
    'finding.key_many_networks': 'Una clave usada desde muchas redes',
    'finding.concerted_prompts': 'Varias cuentas trabajando juntas',
    'finding.capability_after_upgrade': 'Buscar más capacidad tras subir de nivel de acceso',
    'finding.split_task': 'Una tarea repartida en muchas solicitudes',

    'levers.heading': 'Historial de palancas',
    'levers.lead':
      'Cada límite puesto a una cuenta, del más reciente al más antiguo, con quién lo puso, por qué y cuándo terminó.',
    'levers.none': 'Todavía no se ha puesto ningún límite.',
    'lever.restrict': 'Nivel de acceso bajado a {tier}',
    'lever.friction.limits': 'Límites de uso más bajos',
    'lever.friction.step-up': 'En pausa hasta que la persona titular confirme su identidad',
    'lever.revoke': 'Acceso a la IA detenido',
    'lever.active': 'En vigor',
    'lever.lifted': 'Quitado',
    'lever.expired': 'Terminado',
    'lever.target': 'Sobre: {target}',
    'lever.by': 'Puesto por {actor} el {date}',
    'lever.automatic': 'Puesto automáticamente por las salvaguardas el {date}',
    'lever.reason': 'Motivo: {reason}',
    'lever.lifted_by': 'Quitado por {actor} el {date}: {reason}',
    'lever.ends': 'Termina el {date}',
    'lever.evidence': 'Pruebas',

    'appeals.heading': 'Apelaciones',
    'appeals.lead':
      'Titulares que creen que un límite es un error. Lea lo que dicen y las pruebas, y luego quite el límite o manténgalo. La persona titular recibe su motivo.',
    'appeals.show': 'Mostrar',
    'appeals.pending': 'En espera',
    'appeals.granted': 'Aceptadas',
    'appeals.denied': 'Rechazadas',
    'appeals.none': 'No hay apelaciones aquí.',
    'appeals.owner_says': 'Lo que dice la persona titular',
    'appeals.filed': 'Enviada el {date}',
    'appeals.the_limit': 'El límite',
    'appeals.still_in_force': 'Sigue en vigor.',
    'appeals.not_in_force': 'Ya no está en vigor.',
    'appeals.risk': 'Puntuación de riesgo de {subject}: {score}',
    'appeals.requests': 'Solicitudes citadas como prueba',
    'appeals.no_requests': 'No se cita ninguna solicitud (o ya no se guardan).',
    'appeals.prompt': 'Inicio de la solicitud (sin contraseñas ni números de tarjeta):',
    'appeals.prompt_gone': 'El texto de esta solicitud ya no se guarda.',
    'appeals.reason_label': 'Su motivo (la persona titular lo lee)',
    'appeals.reason_needed': 'Escriba primero un motivo.',
    'appeals.grant': 'Aceptar: quitar el límite',
    'appeals.deny': 'Rechazar: mantener el límite',
    'appeals.busy': 'Guardando…',
    'appeals.done.granted': 'Aceptada. Se quitó el límite y se avisó a la persona titular.',
    'appeals.done.denied': 'Rechazada. Se avisó a la persona titular.',
    'appeals.decided': 'Decidida el {date} por {actor}: {reason}',
    'appeals.failed': 'No pudimos guardar la decisión.',
  },
});
