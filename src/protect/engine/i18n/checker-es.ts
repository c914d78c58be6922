import type { Catalog } from '../../../platform/engine-kit/i18n/messages.js';
import type { CheckerMessageKey } from './checker-en.js';

/**
 * Lo que dice el verificador de estafas, en español neutro, tratando al lector de
 * usted (el registro respetuoso de los servicios públicos) y con frases cortas. Las palabras entre comillas que
 * rellenan `{match}` o `{phrases}` son citas del mensaje revisado y quedan en
 * su idioma original.
 */
export const checkerEs: Catalog<CheckerMessageKey> = {
  // --- Presión, pagos y pedidos ---
  'cue.urgency':
    'Le mete prisa ("{match}"). Los estafadores quieren que actúe antes de pararse a pensar.',
  'cue.gift_card_payment':
    'Pide el pago con tarjetas de regalo ("{match}"). Ninguna empresa, banco ni gobierno de verdad cobra con tarjetas de regalo.',
  'cue.crypto_payment':
    'Habla de pagar o invertir en criptomonedas ("{match}"). Los pagos en cripto no se pueden revertir, y por eso los estafadores los prefieren.',
  'cue.wire_payment':
    'Pide una transferencia bancaria o inmediata ("{match}"), que es muy difícil de recuperar una vez enviada.',
  'cue.code_request':
    'Le pide que comparta un código ("{match}"). Nunca le dé a nadie un código de un solo uso: es la llave de su cuenta.',
  'cue.never_share_warning':
    'Le advierte que nunca comparta el código ("{match}"), como hacen los servicios de verdad.',
  'cue.secrecy':
    'Le pide que lo mantenga en secreto ("{match}"). Los estafadores apartan a las personas de quienes podrían advertirles.',
  'cue.stranger_opener':
    'Parece un desconocido que empieza una conversación ("{match}"). Romances, inversiones, herencias y negocios ofrecidos por desconocidos son un comienzo clásico de estafa, y la charla acaba en dinero. Si no sabe quién es, no responda.',
  'cue.family_emergency':
    'Alguien de la familia dice que está en apuros y necesita dinero ya ("{match}"). Los estafadores se hacen pasar por un nieto detenido, accidentado o en el hospital; llame a la familia a los números que ya tiene antes de enviar nada.',
  'cue.marketplace_buyer':
    'Parece un "comprador" de algo que usted vende que no puede venir en persona ("{match}"). Los falsos compradores envían un mensajero o un correo de pago falso; espere a ver el dinero en su propia cuenta y no pague nunca usted un "envío" o un "mensajero".',
  'cue.unseen_rental':
    'Ofrece una vivienda que no puede ver antes ("{match}"). Los falsos caseros dicen que están en el extranjero o fuera por trabajo y que le enviarán las llaves cuando pague una fianza; no pague nunca antes de haber visto la vivienda, y al casero o la agencia, en persona.',
  'cue.sextortion':
    'Dice que le ha grabado o que ha entrado en su dispositivo, y pide dinero a cambio de silencio ("{match}"). Este correo se envía a millones de personas: no hay ningún vídeo. No pague y no responda. Si muestra una contraseña suya, viene de una filtración antigua: cámbiela en todos los sitios donde aún la use.',
  'cue.bank_details_change':
    'Le pide pagar a unos datos bancarios nuevos o distintos ("{match}"). Los delincuentes que entran en el correo de un proveedor, un casero o un club envían justo esto, incluso dentro de una conversación real. Antes de pagar, llámeles a un número que ya tenga, no a uno de este mensaje, y confirme con ellos los nuevos datos.',
  'cue.money_back':
    'Dice que le enviaron algo por error y le pide que lo devuelva ("{match}"). Mire primero la app de su banco: a menudo no llegó nada, o llegó con una tarjeta robada y se lo quitarán, así que pagaría dos veces. Si de verdad llegó dinero por error, su banco lo devuelve.',
  'cue.new_number':
    'Alguien dice que tiene un número nuevo ("{match}"). Compruébelo llamando a su número de siempre o preguntando algo que solo esa persona sabría.',
  'cue.qr_code':
    'Le pide escanear un código QR ("{match}"). Un código QR esconde el enlace, así que no puede ver adónde lleva antes de abrirlo; una página de acceso abierta así puede ser falsa. Entre en el sitio escribiendo usted mismo la dirección.',
  'cue.premium_charge':
    'Dice que cada mensaje o minuto cuesta dinero ("{match}"). Es un servicio de tarificación especial que se cobra en tu factura del teléfono; las empresas de verdad no te cobran por responderles.',
  'cue.disguised_letters':
    'Una palabra está escrita con caracteres que imitan a otros ("{match}"), un truco para burlar los filtros de correo no deseado. Los remitentes de verdad escriben su nombre y «iniciar sesión» con normalidad.',
  'cue.prize':
    'Dice que usted ganó algo ("{match}"). No se puede ganar un premio en el que no participó.',
  'cue.fee_to_release':
    'Pide un pequeño pago para liberar algo ("{match}"). Así es como las estafas de paquetes y peajes se quedan con los datos de su tarjeta.',
  'cue.remote_access':
    'Le pide instalar un programa de acceso remoto ("{match}"), que deja a un desconocido controlar su computadora.',
  'cue.easy_money_job':
    'Ofrece dinero fácil por tareas sencillas ("{match}"). Los trabajos reales no le pagan por dar "me gusta" a videos ni le piden depositar dinero primero.',
  'cue.investment_promise':
    'Promete ganancias grandes y seguras ("{match}"). Las ganancias altas garantizadas son una señal de fraude de inversión.',
  'cue.details_request':
    'Le pide confirmar datos personales o de pago ("{match}"). Los bancos y las empresas no piden estos datos por mensaje.',
  'cue.callback':
    'Le dice que llame a un número del mensaje ("{match}"). Llame a la empresa a un número que ya conozca.',
  'cue.threat':
    'Le amenaza ("{match}"). Las autoridades de verdad no amenazan con arrestarle por mensaje de texto o correo.',

  // --- Remitente, autenticación, enlaces y adjuntos del correo ---
  'email.display_name_brand':
    'El correo dice que es de {brand}, pero se envió desde {domain}, que no es {brand}.',
  'email.display_name_address':
    'El nombre del remitente muestra {shown}, pero el correo en realidad vino de {actual}.',
  'email.sender_lookalike':
    'La dirección del remitente usa {domain}, que se parece a {brand} pero no lo es. Los estafadores usan nombres parecidos para engañarle.',
  'email.sender_hidden_chars':
    'El nombre del remitente tiene caracteres ocultos o invertidos, un truco para disimular quién lo envió.',
  'email.subject_hidden_chars':
    'El asunto tiene caracteres ocultos o invertidos, un truco para burlar los filtros de correo no deseado.',
  'email.recipient_in_subject':
    'El asunto contiene su propia dirección de correo ({address}). Los envíos masivos lo hacen para parecer personales; una empresa con la que trata le saluda por su nombre.',
  'email.sender_mimics_recipient':
    'Viene de {domain}, un nombre hecho para parecerse al de su propia organización ({own}) sin serlo. Así se hacen pasar por su servicio informático, recursos humanos o su jefe; compruébelo con ellos por teléfono o en persona.',
  'email.display_name_internal_role':
    'Se presenta como «{name}», como uno de los sistemas o servicios de su propia organización, pero se envió desde {domain}, fuera de su organización ({own}). Los avisos de buzón de voz, fax o informática de sus propios sistemas llegan desde su propia organización; consulte con su servicio informático antes de abrir nada o iniciar sesión.',
  'email.reply_to_mismatch':
    'Si responde, su respuesta va a {reply}, no a la organización del remitente ({domain}).',
  'email.reply_to_freemail':
    'Si responde, su respuesta va a una cuenta de correo personal ({reply}), no a {domain}. Las organizaciones reales no hacen esto.',
  'email.return_path_mismatch':
    'La dirección de devolución oculta del correo ({returnPath}) pertenece a una organización distinta de la del remitente ({domain}).',
  'email.auth_spf_fail':
    'Su proveedor de correo comprobó si este servidor puede enviar correos en nombre de {domain}, y la comprobación falló.',
  'email.auth_dkim_fail':
    'La firma digital del correo no es válida: puede que lo hayan cambiado o falsificado por el camino.',
  'email.auth_dmarc_fail':
    'El correo no pasó la comprobación que demuestra que de verdad viene de {domain}. Probablemente es falso.',
  'email.auth_none':
    'El dominio del remitente ({domain}) no tiene protección contra la falsificación, así que cualquiera podría haber enviado esto en su nombre.',
  'email.auth_dmarc_pass':
    'El correo pasó la comprobación de que de verdad viene de {domain}. Eso demuestra quién lo envió, no que el mensaje sea honesto.',
  'email.link_text_mismatch':
    'Un enlace muestra {shown}, pero al hacer clic le llevaría a {actual}.',
  'email.link_ip_host':
    'Un enlace lleva a una dirección hecha solo de números ({host}) en lugar de a un sitio web con nombre. Las empresas reales casi nunca hacen esto.',
  'email.link_punycode_host':
    'Un enlace lleva a {host}, una dirección web escrita con letras especiales que pueden imitar un nombre conocido ({display}).',
  'email.attachment_executable':
    'El adjunto {name} es un programa o script. Abrirlo podría darle a alguien el control de su computadora.',
  'email.attachment_html':
    'El adjunto {name} es una página web. Los estafadores adjuntan estas páginas para mostrar pantallas falsas de inicio de sesión.',
  'email.attachment_disk_image':
    'El adjunto {name} es una imagen de disco, un acceso directo o un archivo de cuaderno, que se usan a menudo para colar programas dañinos sin que los detecten.',
  'email.attachment_macro':
    'El adjunto {name} es un documento de Office con macros, que pueden ejecutar código dañino al abrirlo.',
  'email.attachment_double_extension':
    'El adjunto {name} finge ser un tipo de archivo distinto del que realmente es ({real}).',
  'email.attachment_protected_archive':
    'El correo envía un archivo comprimido bloqueado ({name}) junto con su contraseña. El bloqueo oculta archivos dañinos a los antivirus.',
  'email.html_password_form':
    'El propio correo contiene un formulario que pide una contraseña. Las empresas reales nunca le piden la contraseña dentro de un correo.',

  // --- Direcciones web ---
  'url.dangerous_scheme':
    'Esto no es una dirección web, sino un enlace "{scheme}:" que ejecuta u oculta contenido. No lo abra.',
  'url.credentials':
    'El enlace tiene texto de más antes de una "@". Su navegador ignora esa parte y en realidad va a {destination}.',
  'url.ip_host':
    'El enlace lleva a un número en lugar de al nombre de un sitio web. Las empresas reales casi nunca envían enlaces así.',
  'url.ip_disguised':
    'El enlace oculta adónde va escribiendo una dirección de internet como un número disfrazado (en realidad va a {host}).',
  'url.ipv6_host':
    'El enlace lleva a una dirección de internet en bruto en lugar del nombre de un sitio web.',
  'url.disguised_characters':
    'El nombre del sitio está escrito con caracteres raros que se parecen a otros y que el navegador convierte en {host}. Este truco sirve para burlar los filtros.',
  'url.nonstandard_port':
    'El enlace usa un número de "puerta" poco común (:{port}) en el sitio, algo que los sitios normales casi nunca necesitan.',
  'url.no_https': 'El enlace no usa una conexión segura (https).',
  'url.shortener': 'El enlace está acortado ({host}), así que no puede ver adónde lleva de verdad.',
  'url.proxy_host':
    'La página se muestra a través de un servicio de traducción o intermediario ({host}), que oculta el sitio web real.',
  'url.shared_hosting':
    'La página está en un servicio gratuito de sitios web ({suffix}) donde cualquiera puede crear una página.',
  'url.user_content':
    'La página es un formulario o archivo que cualquiera puede publicar en {host}; no viene de esa empresa.',
  'url.suspicious_tld':
    'La dirección termina en ".{tld}", una terminación que los estafadores usan mucho porque es barata o gratis.',
  'url.cheap_tld':
    'La dirección termina en ".{tld}", una terminación barata que los estafadores usan a menudo.',
  'url.homograph_brand':
    'El nombre del sitio parece {real}, pero está escrito con letras de otro alfabeto. No es el sitio web de {brand}.',
  'url.brand_lookalike':
    'El nombre del sitio {site} está escrito para parecerse a {real}. No es el sitio web de {brand}.',
  'url.brand_wrong_tld':
    '{site} usa el nombre {brand}, pero el sitio web real de {brand} es {real}.',
  'url.brand_combosquat':
    'El nombre del sitio {site} toma prestado el nombre {brand}, pero no es el sitio web de {brand} (que es {real}).',
  'url.brand_domain_in_subdomain':
    'La dirección empieza con "{matched}", pero el sitio web real es {site}. Solo cuenta el final del nombre, justo antes de la primera "/".',
  'url.brand_in_subdomain':
    'La dirección pone "{matched}" delante de un sitio web que no tiene nada que ver, {site}, para parecerse a {brand}.',
  'url.brand_in_userinfo':
    'El enlace empieza con "{matched}" para parecerse a {brand}, pero su navegador ignora todo lo que va antes de la "@" y va a {host}.',
  'url.brand_in_path':
    'El enlace menciona {brand} después del nombre del sitio, pero el sitio en sí es {site}, no {real}.',
  'url.mixed_scripts':
    'El nombre del sitio mezcla letras de distintos alfabetos ({scripts}), un truco para que un nombre falso parezca real.',
  'url.punycode':
    'El nombre del sitio usa letras internacionales especiales ({host}), que pueden esconder letras que se parecen a otras.',
  'url.official_brand_domain':
    'El enlace lleva a {site}, un sitio web real de {brand}. (Un enlace real no basta para que un mensaje sea seguro).',
  'url.fake_domain_in_subdomain':
    'La dirección empieza con "{fake}", que parece el nombre de un sitio web, pero el sitio real es {site}.',
  'url.deep_subdomains':
    'El nombre del sitio tiene muchas partes ({host}), una forma de esconder el nombre real ({site}).',
  'url.long_hostname': 'El nombre del sitio es inusualmente largo.',
  'url.many_hyphens':
    'El nombre del sitio tiene muchos guiones, que los sitios de estafa usan a menudo para meter palabras que inspiran confianza.',
  'url.digit_heavy_host': 'El nombre del sitio está lleno de números.',
  'url.random_looking_name':
    'El nombre del sitio "{label}" parecen letras al azar, algo típico de los sitios creados en masa para estafar.',
  'url.keyword_in_host':
    'El nombre del sitio contiene la palabra "{keyword}" para parecer oficial.',
  'url.at_in_path':
    'El enlace tiene una "@" en un lugar extraño, un truco para confundir sobre adónde lleva.',
  'url.double_slash':
    'El enlace tiene "//" en medio, lo que puede servir para redirigirle a otro lugar.',
  'url.embedded_url':
    'El enlace lleva otra dirección web dentro y puede redirigirle a un sitio distinto.',
  'url.email_in_query':
    'El enlace incluye una dirección de correo, para que la página falsa pueda mostrar su propia dirección y parecer real.',
  'url.login_words':
    'El enlace lleva a una página para iniciar sesión, "verificar" o "actualizar".',
  'url.wordpress_path':
    'La página está dentro de las carpetas de WordPress de un sitio web, donde los estafadores suelen esconder páginas en sitios hackeados.',
  'url.executable_download':
    'El enlace descarga un programa (.{ext}). Instale aplicaciones solo desde la tienda oficial de su teléfono o computadora.',
  'url.archive_download':
    'El enlace descarga un archivo comprimido (.{ext}), que puede esconder programas dañinos.',
  'url.very_long': 'El enlace es larguísimo, lo que puede ocultar adónde lleva de verdad.',
  'url.link_model':
    'Uno de sus enlaces está armado como las direcciones web que se usan para robar datos (phishing).',
  'url.another_site': 'otro sitio',

  // --- Lo que aportan los modelos entrenados ---
  'notice.official_channel':
    'Le dice qué hacer si no fue usted y le envía solo a medios que ya tiene (el número de su tarjeta, la app de la propia empresa, una oficina). No da ningún enlace, número ni dirección propios, que las estafas que copian estos avisos necesitan para llegar a usted. Para estar seguro, use solo la app o el número de su tarjeta.',
  'notice.yes_no_alert':
    'Los bancos sí envían mensajes como este, y los estafadores los copian: las palabras no bastan para saber cuál es. No da ningún enlace ni número. Si usted hizo este pago, responder SÍ es seguro. Si no lo hizo, no espere una llamada: llame usted al número que aparece en el reverso de su tarjeta. Un banco nunca le pedirá un código, un PIN ni una contraseña.',
  'model.unclear':
    'Nada en él es una señal clara en un sentido u otro, pero mensajes como este a veces son estafas. Antes de responder, pulsar un enlace o pagar, compruebe quién lo envió por una vía de confianza.',
  'model.text_scam_wording':
    'La forma de escribir se parece a la de mensajes de estafa que hemos visto: {phrases}.',
  'model.text_genuine_wording':
    'La forma de escribir se parece a la de mensajes normales entre personas y empresas.',
  'model.email_scam_wording':
    'La forma de escribir se parece a la de correos de estafa y phishing que hemos visto: {phrases}.',
  'model.email_genuine_wording': 'La forma de escribir se parece a la de un correo normal.',
  'model.url_scam_wording':
    'Esta dirección web está armada como las que se usan para robar datos (phishing): {phrases}.',
  'model.url_genuine_wording':
    'Esta dirección web está armada como las direcciones normales: {phrases}.',

  // --- Números de teléfono ---
  'phone.premium_rate':
    'El {phone} es {premium}: llamar puede costar mucho por minuto, y el dinero se lo queda quien lo gestiona.',
  'phone.uk_personal_number':
    'El {phone} empieza por 070: un "número personal" del Reino Unido que parece un móvil, pero que puede desviar la llamada a cualquier lugar y cuesta mucho más.',
  'phone.callback_to_brand':
    'El mensaje le pide llamar al {phone} por un asunto de {brand}. Los estafadores suelen hacerse pasar por {brand} por teléfono: llame al número que aparece en el sitio web de {brand} o en su tarjeta.',
  'phone.official_number': 'El {phone} es uno de los números publicados por {brand}.',
  'phone.not_official_number':
    'El mensaje le pide llamar al {phone} por un asunto de {brand}, pero no es uno de los números publicados por {brand}.',
  'phone.premium_kind.+449': 'un número de tarificación especial del Reino Unido (09)',
  'phone.premium_kind.+44871':
    'un número de servicios de pago del Reino Unido (0871), que cuesta más que una llamada normal',
  'phone.premium_kind.+44872':
    'un número de servicios de pago del Reino Unido (0872), que cuesta más que una llamada normal',
  'phone.premium_kind.+44873':
    'un número de servicios de pago del Reino Unido (0873), que cuesta más que una llamada normal',
  'phone.premium_kind.+1900': 'un número de tarificación especial de EE. UU. (900)',
  'phone.premium_kind.+61190': 'un número de tarificación especial de Australia (190)',
  'phone.premium_kind.+49900': 'un número de tarificación especial de Alemania (0900)',
  'phone.premium_kind.+3389': 'un número de tarificación especial de Francia (089)',
  'phone.premium_kind.+39899': 'un número de tarificación especial de Italia (899)',
  'phone.premium_kind.+34803': 'un número de tarificación especial de España (803)',
  'phone.premium_kind.+34806': 'un número de tarificación especial de España (806)',
  'phone.premium_kind.+34807': 'un número de tarificación especial de España (807)',
  'phone.premium_kind.+31900': 'un número de tarificación especial de los Países Bajos (0900)',
  'phone.premium_kind.+31906': 'un número de tarificación especial de los Países Bajos (0906)',
  'phone.premium_kind.+31909': 'un número de tarificación especial de los Países Bajos (0909)',
  'phone.premium_kind.+35315': 'un número de tarificación especial de Irlanda (15xx)',
  'phone.premium_kind.+81990': 'un número de tarificación especial de Japón (0990)',

  // --- Inteligencia de amenazas compartida e idioma ---
  'intel.known_bad': '{value} está en una lista de estafas conocidas ({source}).',
  'language.not_english':
    'Parece que esto está escrito en {language}. Shieldwall aprendió con mensajes en inglés, así que esta respuesta es menos segura.',
  'language_name.en': 'inglés',
  'language_name.es': 'español',
  'language_name.fr': 'francés',
  'language_name.de': 'alemán',
  'language_name.it': 'italiano',
  'language_name.pt': 'portugués',
  'language_name.nl': 'neerlandés',
  'language_name.id': 'indonesio',
  'language_name.tr': 'turco',
  'language_name.pl': 'polaco',
  'language_name.ru': 'ruso',
  'language_name.uk': 'ucraniano',
  'language_name.el': 'griego',
  'language_name.ar': 'árabe',
  'language_name.he': 'hebreo',
  'language_name.hi': 'hindi',
  'language_name.bn': 'bengalí',
  'language_name.ta': 'tamil',
  'language_name.th': 'tailandés',
  'language_name.zh': 'chino',
  'language_name.ja': 'japonés',
  'language_name.ko': 'coreano',
  'language_name.other': 'otro idioma',
  'script.latin': 'latino',
  'script.cyrillic': 'cirílico',
  'script.greek': 'griego',
  'script.armenian': 'armenio',
  'script.cjk': 'chino o japonés',
  'script.other': 'otro alfabeto',
  'script.common': 'símbolos',
  'list.and': '{a} y {b}',

  // --- Qué hacer ahora ---
  'step.dont_click': 'No haga clic en el enlace, no abra adjuntos y no responda.',
  'step.dont_call_number': 'No llame al número de teléfono del mensaje.',
  'step.never_share_code':
    'Nunca comparta un código de un solo uso ni una contraseña con nadie, aunque diga que llama de su banco.',
  'step.bank_card_number':
    'Si le preocupa su cuenta bancaria, llame a su banco al número que aparece en el reverso de su tarjeta.',
  'step.carrier_app':
    'Para revisar un paquete, abra la app de la empresa de envíos o escriba usted mismo su dirección web.',
  'step.official_site':
    'Si cree que podría ser real, entre en el sitio web o la app oficial escribiendo usted mismo la dirección, no desde este mensaje.',
  'step.gov_official':
    'Los organismos del gobierno no piden pagos por mensaje de texto, con tarjetas de regalo ni con criptomonedas. Compruébelo en el sitio web oficial del gobierno.',
  'step.tech_support_hang_up':
    'No deje que nadie se conecte a su computadora. Las empresas de tecnología de verdad no le llaman ni le escriben por virus.',
  'step.job_no_deposit':
    'Un trabajo de verdad nunca le pide pagar ni depositar dinero para empezar o para cobrar.',
  'step.investment_stop':
    'No envíe más dinero. Hable con alguien de confianza antes de hacer cualquier inversión.',
  'step.romance_no_money':
    'Nunca envíe dinero ni tarjetas de regalo a alguien que solo conoce por internet.',
  'step.invoice_verify':
    'Antes de pagar o cambiar datos bancarios, llame al proveedor o a su colega a un número que ya tenga.',
  'step.family_verify':
    'Si dice ser un familiar, llámelo al número que ya tiene o pregúntele algo que solo esa persona sabría.',
  'step.spam_ignore':
    'Parece publicidad no deseada. Puede borrarlo, o responder STOP si es de una empresa que conoce.',
  'step.report_text':
    'Denuncie los mensajes de estafa: reenvíelos al 7726 (funciona en EE. UU., el Reino Unido y otros países) y luego bórrelos.',
  'step.report_email':
    'Denuncie los correos de estafa con el botón "Denunciar phishing" de su app de correo y luego bórrelos.',
  'step.already_acted':
    'Si ya hizo clic, pagó o dio sus datos, actúe ahora: llame a su banco, cambie sus contraseñas y cuénteselo a alguien de confianza.',
  'step.stay_careful':
    'No encontramos señales de alerta en lo que revisamos, pero tenga cuidado: nunca comparta códigos ni contraseñas, y compruebe por otra vía cualquier pedido inesperado.',
  'step.unsure_language':
    'Este mensaje no está en inglés, que es el idioma que Shieldwall revisa mejor. Si tiene dudas, pregúntele a alguien de confianza.',

  // --- Qué revisamos ---
  'checked.text_wording':
    'la forma de escribir: si mete presión, si pide pagos o si usa frases típicas de estafa',
  'checked.links_one': 'el enlace que contiene',
  'checked.links_other': 'los {count} enlaces que contiene',
  'checked.phones': 'los números de teléfono que contiene (su tipo, no quién es el dueño)',
  'checked.email_sender':
    'de quién dice ser el correo y de dónde vino realmente (la dirección del remitente, la dirección de respuesta y las comprobaciones de los propios servidores de correo)',
  'checked.email_wording': 'la forma de escribir del asunto y del mensaje',
  'checked.attachments': 'los nombres y tipos de sus adjuntos (no los abrimos)',
  'checked.url_build':
    'cómo está armada la dirección web: su nombre, si imita a marcas conocidas, su terminación y su ruta',
  'checked.url_not_opened': 'no abrimos el enlace',
  'checked.phone_unreadable':
    'si es un número de teléfono que podemos leer (este no pudimos leerlo)',
  'checked.phone_type':
    'el tipo de número: los de tarificación especial y los "personales" le cuestan dinero',
  'checked.phone_owner':
    'no podemos saber quién es el dueño de un número: un estafador puede llamar desde cualquier número, incluso uno real',
  'checked.intel_lists': 'listas de estafas conocidas compartidas con Shieldwall',

  // --- Lo que no se pudo leer ---
  'note.input_truncated': 'El correo es más grande de lo que leemos; solo revisamos el principio.',
  'note.text_truncated':
    'El correo tiene más texto del que guardamos; solo revisamos la primera parte.',
  'note.no_headers':
    'Esto no empieza como un correo completo (no tiene líneas de remitente ni de asunto), así que lo leímos como texto normal.',
  'note.header_limit':
    'El correo tiene una cantidad inusual de líneas de encabezado; nos saltamos el resto.',
  'note.header_line_truncated': 'Una línea del encabezado era inusualmente larga y la cortamos.',
  'note.depth_limit':
    'Algunas partes del correo están metidas unas dentro de otras demasiadas veces; nos saltamos las más profundas.',
  'note.part_limit': 'El correo tiene una cantidad inusual de partes; nos saltamos el resto.',
  'note.link_limit':
    'El correo tiene una cantidad inusual de enlaces; solo revisamos los primeros.',
  'note.missing_boundary':
    'Una parte del correo dice que tiene subpartes, pero no cómo están separadas; la leímos como texto.',
  'note.boundary_not_found':
    'Faltan los separadores entre las partes del correo; leímos esa parte como texto.',
  'note.missing_closing_boundary': 'El correo termina sin cerrar una de sus partes.',
  'note.bad_base64':
    'Una parte del correo está dañada (codificación base64 incorrecta); leímos lo que se podía leer.',
  'note.unknown_charset':
    'Una parte del correo usa un juego de caracteres que no conocemos; su texto puede verse raro.',
  'note.internal_error': 'Algo falló al leer este correo; por favor, avísenos.',
  'note.phone_unreadable':
    'No pudimos leer un número de teléfono aquí. Escríbalo con todos sus dígitos, por ejemplo +44 20 7946 0000.',
};
