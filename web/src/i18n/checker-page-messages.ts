/**
 * The words of the "Is this a scam?" page around the checker's own sentences
 * (which come from the engine's catalogs): the form, the result's headings and
 * labels, report and share, and a shared result's page.
 */
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  'page.title': 'Is this a scam?',
  'page.lead':
    'Paste a text message, email, link or phone number you are not sure about. We will tell you in plain words whether it looks like a scam, and what to do next.',
  'page.again': 'Check something else',
  'page.checking_device': 'Checking on this device… The first check can take a few seconds.',
  'page.checking_server': 'Sending it to the Shieldwall server to check…',
  'page.failed': "We couldn't check that.",
  'page.broken': 'Something went wrong in this page. Please try again.',
  'device.load_failed':
    "We couldn't get the checker ready on this device. Check your internet connection and try again, or choose “Check with the Shieldwall server”.",
  'device.check_failed':
    'Something went wrong while checking this on your device. Try again, or choose “Check with the Shieldwall server”.',
  'form.label': 'Paste the message, link or phone number',
  'form.hint':
    'For example a text message, an email, a link from a message, or the number that called you.',
  'form.empty':
    'There is nothing to check yet. Paste a message, a link or a phone number into the box, or choose an email file.',
  'form.file_unreadable': 'We could not read that file. Please try choosing it again.',
  'form.where': 'Where should we check it?',
  'form.device': 'Check on this device (nothing leaves your computer)',
  'form.device_hint': 'Your message is checked here, in your web browser. It is not sent anywhere.',
  'form.server': 'Check with the Shieldwall server',
  'form.server_hint':
    'Your message is sent to the Shieldwall server this page comes from, checked there and not kept.',
  'form.submit': 'Check it',
  'form.checking': 'Checking…',
  'file.legend': 'Or check an email you saved as a file (.eml)',
  'file.choose': 'Choose an email file',
  'file.drag': 'or drag the file here',
  'file.chosen': 'Email file chosen: {name} ({size}). “Check it” will check this email.',
  'file.remove': 'Remove file',
  'file.not_eml':
    'That file is not a saved email (a file ending in .eml). In your email program, choose “Save as” or “Download message”, then choose that file here.',
  'file.too_big': 'That file is too big to check: it is {size}. Emails up to 25 MB can be checked.',
  'file.empty': 'That file is empty. Please choose another one.',
  'result.prefix': 'Result: ',
  'result.score': 'Scam score: {score} out of 100',
  'result.score_hint': 'The higher the score, the more it looks like a scam.',
  'result.kind': 'What kind:',
  'result.language_fallback':
    'This does not seem to be written in English. Shieldwall is trained on English, so this answer is less certain.',
  'result.truncated':
    'This was very long, so we checked only the first part of it. Anything after that part was not looked at.',
  'result.not_read': 'Some of it could not be read:',
  'result.noticed': 'What we noticed',
  'result.why': 'Why',
  'result.what_to_do': 'What to do now',
  'result.checked': 'What we checked',
  'result.technical': 'Technical details',
  'result.checked_where': 'Checked',
  'result.on_device': 'On this device',
  'result.on_server': 'By the Shieldwall server',
  'result.version': 'Checker version',
  'result.unknown': 'Unknown',
  'verdict.scam.title': 'Scam',
  'verdict.scam.summary': 'This has strong signs of a scam. Do not reply, click or pay.',
  'verdict.suspicious.title': 'Looks suspicious',
  'verdict.suspicious.summary':
    'Some things about this are worrying. Be careful, and check it another way first.',
  'verdict.unclear.summary':
    'We cannot tell from the message alone. Be careful, and check it another way first.',
  'verdict.no_signs.title': 'No signs of a scam found',
  'verdict.no_signs.summary':
    'We found no warning signs in what we checked. That does not prove it is safe: scammers keep changing their tricks.',
  'category.delivery': 'A parcel delivery scam',
  'category.bank_payment': 'A bank or payment scam',
  'category.account_takeover': 'An attempt to get into one of your accounts',
  'category.government_impersonation':
    'Someone pretending to be a government office (tax, tolls, police)',
  'category.tech_support': 'Fake computer or phone help',
  'category.prize_lottery': 'A fake prize, lottery or giveaway',
  'category.job_task': 'A fake job or "paid tasks" offer',
  'category.investment_crypto': 'An investment or cryptocurrency scam',
  'category.romance': 'A romance or friendship scam',
  'category.invoice_bec': 'A fake invoice or changed bank details',
  'category.marketing_spam': 'Unwanted advertising (spam)',
  'where.text': 'In the message',
  'where.subject': 'In the subject line',
  'where.from': 'In the sender’s name or address',
  'where.reply_to': 'In the address your reply would go to',
  'where.return_path': 'In the address the email came back from',
  'where.body': 'In the email',
  'where.url': 'In the link',
  'where.header': 'In the email’s hidden details',
  'where.attachment': 'In an attachment',
  'report.button': 'Report this',
  'report.thanks': 'Thank you — your report was saved.',
  'report.title_message': 'Report this message',
  'report.title_email': 'Report this email',
  'report.helps': 'It helps Shieldwall warn other people about scams like this one.',
  'report.close': 'Close',
  'report.intro_message':
    'Your report helps Shieldwall warn other people. We send the result: the verdict, the score and any links or phone numbers we found. The message itself is sent only if you tick the box below.',
  'report.intro_email':
    'Your report helps Shieldwall warn other people. We send the result: the verdict, the score and any links or phone numbers we found. The email itself is sent only if you tick the box below.',
  'report.include_message': 'Include the message itself',
  'report.include_email': 'Include the email itself',
  'report.include_hint':
    'Only tick this if it has none of your private details, such as your name, address or account numbers.',
  'report.comment': 'Anything you want to add (optional)',
  'report.failed': "We couldn't send your report.",
  'report.broken':
    'Something went wrong in this page, so the report was not sent. Please try again.',
  'report.send': 'Send report',
  'report.sending': 'Sending…',
  'report.cancel': 'Cancel',
  'share.button': 'Share with someone you trust',
  'share.making': 'Making a link…',
  'share.failed': "We couldn't make a link.",
  'share.title': 'Your link to share',
  'share.intro': 'Send this link to someone you trust, so they can look at the result with you:',
  'share.new_tab': ' (opens in a new tab)',
  'share.copy': 'Copy the link',
  'share.copied': 'Link copied. Paste it into a text message or email to the person you trust.',
  'share.only_result':
    'Only the result is shared: the verdict, the reasons and what to do. The message itself is not shared, though a reason may quote a few words of it.',
  'share.until': 'The link works until {date}.',
  'copy.failed':
    "Your browser didn't let us copy automatically. Select the text above, then copy it.",
  'shared.gone_title': 'This link has expired or does not work',
  'shared.gone_lead':
    'Shared results are kept for a limited time, and this one is no longer here (or the link was copied only in part).',
  'shared.gone_text':
    'Ask the person who sent it to check the message again and share a new link. Or check a message yourself:',
  'shared.yourself': 'Check a message yourself',
  'shared.title': 'A result shared with you',
  'shared.lead':
    "Someone you know asked you to look at this result. It comes from Shieldwall's scam checker. Only the result was shared, not their message.",
  'shared.loading': 'Loading the result…',
  'shared.failed': "We couldn't load this result.",
  'shared.talk':
    'Talk it over with the person who sent you this link before anyone replies, clicks or pays.',
} as const;

export type CheckerPageKey = keyof typeof en;

export const checkerPageMessages = defineMessages<CheckerPageKey>({
  en,
  es: {
    'page.title': '¿Es una estafa?',
    'page.lead':
      'Pegue un mensaje de texto, un correo, un enlace o un número de teléfono que le genere dudas. Le diremos en palabras sencillas si parece una estafa y qué hacer después.',
    'page.again': 'Revisar otra cosa',
    'page.checking_device':
      'Revisando en este dispositivo… La primera revisión puede tardar unos segundos.',
    'page.checking_server': 'Enviándolo al servidor de Shieldwall para revisarlo…',
    'page.failed': 'No pudimos revisarlo.',
    'page.broken': 'Algo falló en esta página. Vuelva a intentarlo.',
    'device.load_failed':
      'No pudimos preparar el verificador en este dispositivo. Revise su conexión a internet y vuelva a intentarlo, o elija “Revisar con el servidor de Shieldwall”.',
    'device.check_failed':
      'Algo falló al revisarlo en su dispositivo. Vuelva a intentarlo, o elija “Revisar con el servidor de Shieldwall”.',
    'form.label': 'Pegue el mensaje, el enlace o el número de teléfono',
    'form.hint':
      'Por ejemplo, un mensaje de texto, un correo, un enlace que le llegó o el número que le llamó.',
    'form.empty':
      'Todavía no hay nada que revisar. Pegue un mensaje, un enlace o un número de teléfono en el cuadro, o elija un archivo de correo.',
    'form.file_unreadable': 'No pudimos leer ese archivo. Intente elegirlo otra vez.',
    'form.where': '¿Dónde lo revisamos?',
    'form.device': 'Revisar en este dispositivo (nada sale de su computadora)',
    'form.device_hint': 'Su mensaje se revisa aquí, en su navegador. No se envía a ningún sitio.',
    'form.server': 'Revisar con el servidor de Shieldwall',
    'form.server_hint':
      'Su mensaje se envía al servidor de Shieldwall del que viene esta página, se revisa allí y no se guarda.',
    'form.submit': 'Revisar',
    'form.checking': 'Revisando…',
    'file.legend': 'O revise un correo que guardó como archivo (.eml)',
    'file.choose': 'Elegir un archivo de correo',
    'file.drag': 'o arrastre el archivo aquí',
    'file.chosen':
      'Archivo de correo elegido: {name} ({size}). Al pulsar “Revisar” se revisará este correo.',
    'file.remove': 'Quitar el archivo',
    'file.not_eml':
      'Ese archivo no es un correo guardado (un archivo que termina en .eml). En su programa de correo, elija “Guardar como” o “Descargar mensaje” y luego elija ese archivo aquí.',
    'file.too_big':
      'Ese archivo es demasiado grande para revisarlo: ocupa {size}. Se pueden revisar correos de hasta 25 MB.',
    'file.empty': 'Ese archivo está vacío. Elija otro.',
    'result.prefix': 'Resultado: ',
    'result.score': 'Puntuación de estafa: {score} de 100',
    'result.score_hint': 'Cuanto más alta es la puntuación, más parece una estafa.',
    'result.kind': 'De qué tipo:',
    'result.language_fallback':
      'Parece que esto no está escrito en inglés. Shieldwall aprendió con mensajes en inglés, así que esta respuesta es menos segura.',
    'result.truncated':
      'Era muy largo, así que solo revisamos la primera parte. No miramos nada de lo que venía después.',
    'result.not_read': 'Hubo partes que no se pudieron leer:',
    'result.noticed': 'Lo que notamos',
    'result.why': 'Por qué',
    'result.what_to_do': 'Qué hacer ahora',
    'result.checked': 'Qué revisamos',
    'result.technical': 'Detalles técnicos',
    'result.checked_where': 'Dónde se revisó',
    'result.on_device': 'En este dispositivo',
    'result.on_server': 'En el servidor de Shieldwall',
    'result.version': 'Versión del verificador',
    'result.unknown': 'Desconocida',
    'verdict.scam.title': 'Estafa',
    'verdict.scam.summary': 'Tiene señales claras de estafa. No responda, no haga clic y no pague.',
    'verdict.suspicious.title': 'Parece sospechoso',
    'verdict.suspicious.summary':
      'Hay cosas preocupantes. Tenga cuidado y compruébelo antes por otra vía.',
    'verdict.unclear.summary':
      'No podemos saberlo solo por el mensaje. Tenga cuidado y compruébelo antes por otra vía.',
    'verdict.no_signs.title': 'No encontramos señales de estafa',
    'verdict.no_signs.summary':
      'No encontramos señales de alerta en lo que revisamos. Eso no demuestra que sea seguro: los estafadores cambian de trucos todo el tiempo.',
    'category.delivery': 'Una estafa de entrega de paquetes',
    'category.bank_payment': 'Una estafa bancaria o de pagos',
    'category.account_takeover': 'Un intento de entrar en una de sus cuentas',
    'category.government_impersonation':
      'Alguien que se hace pasar por una oficina del gobierno (impuestos, peajes, policía)',
    'category.tech_support': 'Falsa ayuda técnica para su computadora o teléfono',
    'category.prize_lottery': 'Un premio, una lotería o un sorteo falsos',
    'category.job_task': 'Un empleo falso o una oferta de "tareas pagadas"',
    'category.investment_crypto': 'Una estafa de inversión o de criptomonedas',
    'category.romance': 'Una estafa romántica o de falsa amistad',
    'category.invoice_bec': 'Una factura falsa o un cambio de datos bancarios',
    'category.marketing_spam': 'Publicidad no deseada (spam)',
    'where.text': 'En el mensaje',
    'where.subject': 'En el asunto',
    'where.from': 'En el nombre o la dirección del remitente',
    'where.reply_to': 'En la dirección a la que iría su respuesta',
    'where.return_path': 'En la dirección a la que vuelve el correo',
    'where.body': 'En el correo',
    'where.url': 'En el enlace',
    'where.header': 'En los detalles ocultos del correo',
    'where.attachment': 'En un adjunto',
    'report.button': 'Denunciar',
    'report.thanks': 'Gracias: guardamos su denuncia.',
    'report.title_message': 'Denunciar este mensaje',
    'report.title_email': 'Denunciar este correo',
    'report.helps': 'Ayuda a Shieldwall a avisar a otras personas de estafas como esta.',
    'report.close': 'Cerrar',
    'report.intro_message':
      'Su denuncia ayuda a Shieldwall a avisar a otras personas. Enviamos el resultado: el veredicto, la puntuación y los enlaces o números de teléfono que encontramos. El mensaje en sí solo se envía si marca la casilla de abajo.',
    'report.intro_email':
      'Su denuncia ayuda a Shieldwall a avisar a otras personas. Enviamos el resultado: el veredicto, la puntuación y los enlaces o números de teléfono que encontramos. El correo en sí solo se envía si marca la casilla de abajo.',
    'report.include_message': 'Incluir el mensaje',
    'report.include_email': 'Incluir el correo',
    'report.include_hint':
      'Márquela solo si no contiene datos privados suyos, como su nombre, su dirección o sus números de cuenta.',
    'report.comment': 'Algo más que quiera contar (opcional)',
    'report.failed': 'No pudimos enviar su denuncia.',
    'report.broken': 'Algo falló en esta página y la denuncia no se envió. Vuelva a intentarlo.',
    'report.send': 'Enviar la denuncia',
    'report.sending': 'Enviando…',
    'report.cancel': 'Cancelar',
    'share.button': 'Compartir con alguien de confianza',
    'share.making': 'Creando un enlace…',
    'share.failed': 'No pudimos crear un enlace.',
    'share.title': 'Su enlace para compartir',
    'share.intro':
      'Envíe este enlace a alguien de confianza para que pueda ver el resultado con usted:',
    'share.new_tab': ' (se abre en una pestaña nueva)',
    'share.copy': 'Copiar el enlace',
    'share.copied':
      'Enlace copiado. Péguelo en un mensaje de texto o un correo para la persona de confianza.',
    'share.only_result':
      'Solo se comparte el resultado: el veredicto, los motivos y qué hacer. El mensaje no se comparte, aunque algún motivo puede citar unas pocas palabras.',
    'share.until': 'El enlace funciona hasta el {date}.',
    'copy.failed':
      'Su navegador no nos dejó copiar automáticamente. Seleccione el texto de arriba y cópielo.',
    'shared.gone_title': 'Este enlace caducó o no funciona',
    'shared.gone_lead':
      'Los resultados compartidos se guardan por un tiempo limitado, y este ya no está (o el enlace se copió incompleto).',
    'shared.gone_text':
      'Pida a la persona que se lo envió que vuelva a revisar el mensaje y comparta un enlace nuevo. O revise usted un mensaje:',
    'shared.yourself': 'Revisar un mensaje',
    'shared.title': 'Un resultado que compartieron con usted',
    'shared.lead':
      'Alguien que usted conoce le pidió que mirara este resultado. Viene del verificador de estafas de Shieldwall. Solo se compartió el resultado, no el mensaje de esa persona.',
    'shared.loading': 'Cargando el resultado…',
    'shared.failed': 'No pudimos cargar este resultado.',
    'shared.talk':
      'Háblelo con la persona que le envió este enlace antes de que nadie responda, haga clic o pague.',
  },
});
