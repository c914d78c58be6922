/**
 * The words of the safeguards page's webhook form ("Send these messages to your own system"), shown
 * only to the owners and admins of an organization: its own catalog, in the form's own chunk, so
 * the first load of Shieldwall stays small for everyone else (test/browser/web-bundle.test.ts).
 */
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  'webhook.heading': 'Send these messages to your own system',
  'webhook.lead':
    'Optional. Shieldwall can also send each message about limits on your organization to a system your team already uses, such as a help desk, a chat channel or a security tool, so the right people hear about it straight away. You will still see every message on this page.',
  'webhook.how':
    'Whoever runs that system gives you a web address that receives the messages. The address must start with https:// so the messages travel encrypted.',
  'webhook.failed': "We couldn't check where this organization's messages are sent.",
  'webhook.none': 'Not set up. Messages about this organization are shown only on this page.',
  'webhook.current': 'Messages are also sent to {url}',
  'webhook.current_paused': 'Messages would also be sent to {url}, but sending is paused.',
  'webhook.since': 'Set up on {date}.',
  'webhook.paused':
    'Paused on {date}: the last three messages could not be delivered, even after a day of trying each.',
  'webhook.paused_fix':
    'Messages are still shown on this page. When the receiving system works again, send a test message: if it arrives, sending starts again.',
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
  'webhook.test': 'Send a test message',
  'webhook.test_label': 'Send a test message to the address of {name}',
  'webhook.testing': 'Sending…',
  'webhook.test_delivered':
    'Delivered: the receiving system answered with status {status}. Messages about limits will arrive there.',
  'webhook.test_not_delivered':
    'Not delivered: {problem} Check the address with whoever runs the receiving system, then send another test.',
  'webhook.problem_status': 'the receiving system answered with status {status}.',
  'webhook.problem_timeout': 'no answer within 10 seconds.',
  'webhook.problem_refused': 'the receiving system refused the connection.',
  'webhook.problem_unknown_host': 'no computer has that address name.',
  'webhook.problem_paused':
    'sending to this address was paused after earlier messages failed; send a test message to start again.',
  'webhook.problem_other': 'the connection failed ({code}).',
  'webhook.test_failed': "We couldn't send a test message.",
  'webhook.deliveries': 'Latest messages sent',
  'webhook.deliveries_loading': 'Loading the messages sent…',
  'webhook.deliveries_failed': "We couldn't load the messages sent.",
  'webhook.deliveries_none':
    'Nothing sent yet. A message is sent when a limit is put on this organization or lifted, or an appeal is decided.',
  'webhook.deliveries_caption': 'The latest messages sent about {name}, newest first',
  'webhook.col_when': 'When',
  'webhook.col_what': 'What',
  'webhook.col_status': 'Status',
  'webhook.col_attempts': 'Tries',
  'webhook.col_error': 'Last problem',
  'webhook.kind.lever.pulled': 'A limit was put on',
  'webhook.kind.lever.lifted': 'A limit was lifted',
  'webhook.kind.appeal.granted': 'Appeal accepted',
  'webhook.kind.appeal.denied': 'Appeal not accepted',
  'webhook.kind.other': 'Message',
  'webhook.status_delivered': 'Delivered',
  'webhook.status_queued': 'Waiting to be sent',
  'webhook.status_retrying': 'Failed; trying again later',
  'webhook.status_failed': 'Failed after every try',
  'webhook.status_paused': 'Not sent: sending is paused',
  'webhook.no_error': 'None',
  'webhook.check_again': 'Check again',
  'webhook.check_again_label': 'Check again the messages sent about {name}',
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
    'Answer with a 2xx status. Otherwise we try again for about a day; after three messages in a row fail like that, sending pauses until a test message arrives. Addresses inside a private network (loopback, private or link-local) are refused.',
  'webhook.tech_test':
    'A test message has the type safeguards.test and no limit in it; it is signed like every other message.',
  'webhook.tech_doc': 'Every field is described in {doc} in the Shieldwall source.',
} as const;

export type SafeguardsWebhookMessageKey = keyof typeof en;

export const safeguardsWebhookMessages = defineMessages<SafeguardsWebhookMessageKey>({
  en,
  es: {
    'webhook.heading': 'Enviar estos mensajes a su propio sistema',
    'webhook.lead':
      'Opcional. Shieldwall también puede enviar cada mensaje sobre límites en su organización a un sistema que su equipo ya use, como una mesa de ayuda, un canal de chat o una herramienta de seguridad, para que las personas adecuadas se enteren enseguida. Seguirá viendo todos los mensajes en esta página.',
    'webhook.how':
      'Quien gestiona ese sistema le da una dirección web que recibe los mensajes. La dirección debe empezar por https:// para que los mensajes viajen cifrados.',
    'webhook.failed': 'No pudimos comprobar adónde se envían los mensajes de esta organización.',
    'webhook.none':
      'Sin configurar. Los mensajes sobre esta organización solo se muestran en esta página.',
    'webhook.current': 'Los mensajes también se envían a {url}',
    'webhook.current_paused':
      'Los mensajes también se enviarían a {url}, pero el envío está en pausa.',
    'webhook.since': 'Configurado el {date}.',
    'webhook.paused':
      'En pausa desde el {date}: los tres últimos mensajes no se pudieron entregar, ni siquiera tras un día de intentos cada uno.',
    'webhook.paused_fix':
      'Los mensajes se siguen mostrando en esta página. Cuando el sistema que los recibe vuelva a funcionar, envíe un mensaje de prueba: si llega, el envío se reanuda.',
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
    'webhook.test': 'Enviar un mensaje de prueba',
    'webhook.test_label': 'Enviar un mensaje de prueba a la dirección de {name}',
    'webhook.testing': 'Enviando…',
    'webhook.test_delivered':
      'Entregado: el sistema que recibe respondió con el estado {status}. Los mensajes sobre límites llegarán allí.',
    'webhook.test_not_delivered':
      'No se entregó: {problem} Revise la dirección con quien gestiona el sistema que recibe y envíe otra prueba.',
    'webhook.problem_status': 'el sistema que recibe respondió con el estado {status}.',
    'webhook.problem_timeout': 'no hubo respuesta en 10 segundos.',
    'webhook.problem_refused': 'el sistema que recibe rechazó la conexión.',
    'webhook.problem_unknown_host': 'ningún equipo tiene ese nombre de dirección.',
    'webhook.problem_paused':
      'el envío a esta dirección se pausó porque fallaron mensajes anteriores; envíe un mensaje de prueba para reanudarlo.',
    'webhook.problem_other': 'la conexión falló ({code}).',
    'webhook.test_failed': 'No pudimos enviar un mensaje de prueba.',
    'webhook.deliveries': 'Últimos mensajes enviados',
    'webhook.deliveries_loading': 'Cargando los mensajes enviados…',
    'webhook.deliveries_failed': 'No pudimos cargar los mensajes enviados.',
    'webhook.deliveries_none':
      'Todavía no se ha enviado nada. Se envía un mensaje cuando se pone o se quita un límite a esta organización, o cuando se decide una apelación.',
    'webhook.deliveries_caption':
      'Los últimos mensajes enviados sobre {name}, primero el más reciente',
    'webhook.col_when': 'Cuándo',
    'webhook.col_what': 'Qué',
    'webhook.col_status': 'Estado',
    'webhook.col_attempts': 'Intentos',
    'webhook.col_error': 'Último problema',
    'webhook.kind.lever.pulled': 'Se puso un límite',
    'webhook.kind.lever.lifted': 'Se quitó un límite',
    'webhook.kind.appeal.granted': 'Apelación aceptada',
    'webhook.kind.appeal.denied': 'Apelación no aceptada',
    'webhook.kind.other': 'Mensaje',
    'webhook.status_delivered': 'Entregado',
    'webhook.status_queued': 'Pendiente de envío',
    'webhook.status_retrying': 'Falló; se volverá a intentar',
    'webhook.status_failed': 'Falló en todos los intentos',
    'webhook.status_paused': 'No enviado: el envío está en pausa',
    'webhook.no_error': 'Ninguno',
    'webhook.check_again': 'Comprobar de nuevo',
    'webhook.check_again_label': 'Comprobar de nuevo los mensajes enviados sobre {name}',
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
      'Responda con un estado 2xx. Si no, lo intentamos de nuevo durante un día aproximadamente; si tres mensajes seguidos fallan así, el envío se pausa hasta que llegue un mensaje de prueba. Se rechazan las direcciones de una red privada (loopback, privadas o de enlace local).',
    'webhook.tech_test':
      'Un mensaje de prueba es del tipo safeguards.test y no lleva ningún límite; se firma como todos los demás.',
    'webhook.tech_doc': 'Cada campo se describe en {doc}, en el código fuente de Shieldwall.',
  },
});
