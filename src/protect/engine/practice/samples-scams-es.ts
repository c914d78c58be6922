/**
 * Scam practice messages in Spanish, written for Spanish speakers rather than translated: the
 * scams people in Spain actually receive (a Correos customs fee, a DGT fine, an Agencia Tributaria
 * refund, "Hola mamá, este es mi número nuevo", a Bizum sent "by mistake", a WhatsApp job offer,
 * the boss's urgent transfer). Scammers write as they do, often with "tú"; the lessons and
 * summaries speak to the reader with "usted", like the rest of Shieldwall in Spanish.
 *
 * Public bodies and services are named (Correos, DGT, Agencia Tributaria, Policía Nacional,
 * Bizum, WhatsApp) because those are the names scammers use and people must learn to doubt;
 * banks, shops, couriers, companies and people are made up. Every web and email address is on a
 * reserved name (.example, .test, or look-alikes built on them), every phone number is in the
 * 555-01xx range kept for fiction (too short to ring anyone in Spain), and the one IBAN has check
 * digits 00, which no real account can have.
 */
import { flag, type PracticeSample, p } from './practice-types.js';

const AUTH_NONE = ['Authentication-Results: mx.mail.example; spf=none; dkim=none; dmarc=none'];
const AUTH_FAIL = [
  'Authentication-Results: mx.mail.example; spf=fail smtp.mailfrom=bulk-sender.test; dkim=none; dmarc=fail',
];

export const SCAM_SAMPLES_ES: readonly PracticeSample[] = [
  {
    id: 'es-correos-aduana-sms',
    kind: 'sms',
    category: 'delivery',
    scam: true,
    title: 'SMS de Correos por unas tasas',
    from: [p('Correos')],
    body: [
      p('Correos: su paquete no ha podido ser entregado'),
      flag(' por tener pendientes unas tasas de aduana de 1,79 €.', 'fee_to_release'),
      flag(' Abone el importe antes de 48 horas', 'urgency'),
      p(' o será devuelto al remitente:'),
      flag(
        ' https://correos-envios.example.top/pago',
        'link_odd',
        'url.link_model',
        'url.suspicious_tld',
      ),
    ],
    summary:
      'Una tasa pequeña, un plazo corto y un enlace que no es de Correos. Que el SMS diga "Correos" no prueba nada: ese nombre se puede falsificar. Consulte sus envíos en la app o la web de Correos, escribiendo usted la dirección.',
  },
  {
    id: 'es-paqueteria-entrega-email',
    kind: 'email',
    category: 'delivery',
    scam: true,
    title: 'Correo de una entrega fallida',
    from: [p('Paquetería Rumbo '), flag('<avisos@rumbo-entregas.test>', 'sender_mismatch')],
    subject: [p('Entrega fallida: '), flag('último aviso antes de la devolución', 'urgency')],
    body: [
      flag('Estimado cliente:', 'generic_greeting'),
      p('\n\nNo hemos podido entregar su envío RB-48213 porque la dirección está incompleta.'),
      flag(
        ' Para programar una nueva entrega debe abonar 2,99 € de gastos de gestión',
        'fee_to_release',
      ),
      p('.'),
      flag(' Si no lo hace en 24 horas, el paquete se destruirá', 'urgency'),
      p('.\n\nActualice sus datos aquí: '),
      flag('https://rumbo-entregas.test/reprogramar?id=48213', 'link_odd'),
      p('\n\nAtención al cliente'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Un envío que usted no esperaba, un cobro para volver a entregarlo y la amenaza de destruirlo. Las empresas de mensajería no cobran así: mire el seguimiento en la web de la tienda donde compró.',
  },
  {
    id: 'es-banco-bloqueo-sms',
    kind: 'sms',
    category: 'bank_payment',
    scam: true,
    title: 'SMS del banco con un enlace',
    from: [p('BancoRibera')],
    body: [
      p('Banco Ribera:'),
      flag(' hemos bloqueado su tarjeta por un acceso no autorizado', 'threat'),
      p('.'),
      flag(' Verifique su identidad', 'asks_details'),
      p(' para desbloquearla en el siguiente enlace:'),
      flag(' https://bancoribera.verificacion-clientes.test/acceso', 'link_lookalike'),
    ],
    summary:
      'Un susto con su tarjeta y un enlace a una web que solo se parece a la del banco. Aunque el SMS aparezca junto a los mensajes reales de su banco, no lo abra: entre usted en la app del banco.',
  },
  {
    id: 'es-bizum-equivocado',
    kind: 'sms',
    category: 'bank_payment',
    scam: true,
    title: 'Un Bizum enviado por error',
    from: [p('+34 555-0181')],
    body: [
      p('Hola, perdona que te moleste.'),
      flag(
        ' Te he mandado 150 € por Bizum por error, eran para mi hermana. ¿Me los puedes devolver a este número?',
        'money_back',
      ),
      flag(' Es que los necesito hoy para pagar el alquiler', 'urgency'),
      p('. Muchas gracias, de verdad.'),
    ],
    summary:
      'Antes de devolver nada, mire su cuenta en la app del banco. A menudo no ha llegado nada, o llegó con una tarjeta robada y al final usted pierde el dinero dos veces. Si de verdad llegó por error, su banco se encarga.',
  },
  {
    id: 'es-hola-mama',
    kind: 'sms',
    category: 'bank_payment',
    scam: true,
    title: 'Hola mamá, este es mi número nuevo',
    from: [p('+34 555-0172')],
    body: [
      flag('Hola mamá, se me ha roto el móvil y este es mi número nuevo.', 'new_number'),
      p(' ¿Me puedes hacer un favor?'),
      flag(' Tengo que pagar una factura urgente', 'urgency'),
      flag(
        ' y no me deja entrar en la app del banco. ¿Me haces una transferencia de 780 € a esta cuenta?',
        'wire_change',
      ),
      p(' Mañana te lo devuelvo, te quiero'),
    ],
    summary:
      'Un "número nuevo" y una petición urgente de dinero. Llame a su hijo o hija al número de siempre antes de enviar nada.',
  },
  {
    id: 'es-codigo-whatsapp',
    kind: 'sms',
    category: 'account_takeover',
    scam: true,
    title: 'Un código enviado por error',
    from: [p('+34 555-0126')],
    body: [
      p('Hola! Perdona, te he enviado a tu móvil un código de 6 cifras sin querer.'),
      flag(' ¿Me lo puedes reenviar?', 'asks_code'),
      flag(' Es urgente', 'urgency'),
      p(', que me he quedado sin WhatsApp.'),
    ],
    summary:
      'Ese código llegó porque alguien intenta entrar en su WhatsApp. Quien se lo pide, aunque parezca un contacto suyo, es quien quiere quedarse con su cuenta.',
  },
  {
    id: 'es-buzon-lleno-email',
    kind: 'email',
    category: 'account_takeover',
    scam: true,
    title: 'Buzón de correo lleno',
    from: [p('Administrador de correo '), flag('<soporte@buzon-cuota.test>', 'sender_mismatch')],
    subject: [flag('Su buzón será desactivado hoy', 'threat')],
    body: [
      flag('Estimado usuario:', 'generic_greeting'),
      p('\n\nSu buzón ha superado el límite de almacenamiento.'),
      p(' Para seguir recibiendo correos, vuelva a escribir su contraseña en la página siguiente'),
      flag(' en un plazo de 12 horas', 'urgency'),
      p('.\n\n'),
      flag('https://buzon-cuota.test/webmail/acceso.php', 'link_odd', 'url.link_model'),
      p('\n\nServicio técnico'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Un "administrador" sin nombre, un plazo y una página para iniciar sesión en una dirección extraña. Su proveedor de correo real se lo diría dentro de su propio buzón.',
  },
  {
    id: 'es-hacienda-devolucion-sms',
    kind: 'sms',
    category: 'government_impersonation',
    scam: true,
    title: 'SMS de Hacienda por una devolución',
    from: [p('AEAT')],
    body: [
      p(
        'Agencia Tributaria: tiene pendiente una devolución de 326,40 € de su declaración de la renta.',
      ),
      flag(' Solicítela antes de que caduque hoy', 'urgency'),
      flag(' introduciendo los datos de su tarjeta', 'asks_details'),
      p(' en'),
      flag(
        ' https://agenciatributaria-devoluciones.example.top/solicitud',
        'link_odd',
        'url.link_model',
        'url.suspicious_tld',
      ),
    ],
    summary:
      'Hacienda no avisa de devoluciones por SMS con un enlace ni pide su tarjeta para pagarle: las devoluciones llegan a la cuenta que puso en su declaración. Consulte la suya en la sede electrónica o la app oficial.',
  },
  {
    id: 'es-dgt-multa-sms',
    kind: 'sms',
    category: 'government_impersonation',
    scam: true,
    title: 'SMS de la DGT por una multa',
    from: [p('DGT')],
    body: [
      p('DGT: tiene una multa de tráfico pendiente de pago (expediente 2025-448120).'),
      flag(' Evite un recargo del 20 % pagando hoy', 'urgency'),
      p(' en'),
      flag(
        ' https://dgt-multas.example.top/pagar',
        'link_odd',
        'url.link_model',
        'url.suspicious_tld',
      ),
    ],
    summary:
      'La DGT notifica las multas por carta certificada o en su Dirección Electrónica Vial, nunca por SMS con un enlace para pagar. Si tiene dudas, consulte sus multas en la web o la app oficial de la DGT.',
  },
  {
    id: 'es-policia-citacion-email',
    kind: 'email',
    category: 'government_impersonation',
    scam: true,
    title: 'Citación de la Policía por correo',
    from: [
      p('Policía Nacional '),
      flag('<citaciones@policia-expedientes.test>', 'sender_mismatch'),
    ],
    subject: [flag('CITACIÓN URGENTE: procedimiento penal contra usted', 'threat')],
    body: [
      p('Se ha abierto un procedimiento contra usted por delitos informáticos.'),
      flag(' Debe responder en un plazo de 72 horas', 'urgency'),
      flag(' o se dictará una orden de detención', 'threat'),
      p('.'),
      flag(' Abra el documento adjunto Citacion_Judicial.zip', 'attachment'),
      p(' para conocer los cargos.'),
      flag(' No comente este asunto con nadie', 'secrecy'),
      p('.'),
    ],
    hiddenHeaders: AUTH_FAIL,
    summary:
      'La Policía no cita a nadie por correo electrónico con un archivo comprimido, ni amenaza con detenerle si no contesta. El adjunto suele esconder un programa dañino. Bórrelo.',
  },
  {
    id: 'es-soporte-tecnico-sms',
    kind: 'sms',
    category: 'tech_support',
    scam: true,
    title: 'Aviso de virus en su ordenador',
    from: [p('+34 555-0109')],
    body: [
      p('Alerta de seguridad de Windsoft: su ordenador está infectado con 3 virus.'),
      flag(' Llame ahora al 555-0109', 'callback'),
      flag(
        ' e instale nuestra aplicación de acceso remoto para que un técnico lo solucione',
        'remote_access',
      ),
      p('.'),
    ],
    summary:
      'Las empresas de software no pueden ver virus en su ordenador ni le escriben para avisarle. Dejar que un desconocido controle su equipo le da acceso a su banco.',
  },
  {
    id: 'es-antivirus-renovacion-email',
    kind: 'email',
    category: 'tech_support',
    scam: true,
    title: 'Renovación de un antivirus',
    from: [
      p('Escudo Total Facturación '),
      flag('<facturas@escudo-renovaciones.test>', 'sender_mismatch'),
    ],
    subject: [p('Su suscripción se ha renovado por 399,99 €')],
    body: [
      flag('Estimado cliente:', 'generic_greeting'),
      p('\n\nGracias por renovar Escudo Total por 3 años.'),
      p(' Se cargarán 399,99 € en su cuenta.'),
      flag(' Si no ha autorizado este cargo, llame al 555-0176 para cancelarlo', 'callback'),
      p('.'),
      flag(
        ' Nuestro agente se conectará a su ordenador por acceso remoto para tramitar el reembolso',
        'remote_access',
      ),
      p('.'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Una factura falsa para que usted llame. En la llamada se conectan a su ordenador y fingen un "error" en el reembolso para que les devuelva dinero.',
  },
  {
    id: 'es-premio-supermercado-sms',
    kind: 'sms',
    category: 'prize_lottery',
    scam: true,
    title: 'Un vale regalo del supermercado',
    from: [p('+34 555-0155')],
    body: [
      flag('¡Enhorabuena! Ha sido elegido para recibir un vale de 500 € de SuperAhorro.', 'prize'),
      flag(' Pague 1,95 € de gastos de envío', 'fee_to_release'),
      p(' para recibirlo:'),
      flag(' https://bit.ly/superahorro-premio', 'link_shortener', 'url.shortener'),
    ],
    summary:
      'Un premio por el que usted no participó, un pago pequeño y un enlace acortado: los "gastos de envío" sirven para robarle los datos de la tarjeta.',
  },
  {
    id: 'es-loteria-internacional-email',
    kind: 'email',
    category: 'prize_lottery',
    scam: true,
    title: 'Premio de una lotería internacional',
    from: [
      p('Lotería Internacional Europea '),
      flag('<premios@loteria-europea.test>', 'sender_mismatch'),
    ],
    subject: [flag('Ha ganado 850.000 €', 'prize')],
    body: [
      p('Su dirección de correo ha resultado premiada en nuestro sorteo internacional anual.'),
      flag(' Para liberar el premio debe abonar 250 € de gastos de tramitación', 'fee_to_release'),
      p('.'),
      flag(
        ' Envíenos su nombre completo, dirección, fecha de nacimiento y número de cuenta',
        'asks_details',
      ),
      flag(' y mantenga esta comunicación en secreto', 'secrecy'),
      p(' hasta que reciba el dinero.'),
    ],
    hiddenHeaders: AUTH_FAIL,
    summary:
      'No se puede ganar una lotería en la que no se ha jugado, y un premio de verdad nunca exige pagar antes.',
  },
  {
    id: 'es-empleo-whatsapp',
    kind: 'sms',
    category: 'job_task',
    scam: true,
    title: 'Oferta de trabajo por WhatsApp',
    from: [p('+34 555-0124')],
    body: [
      p('Hola, soy Lucía, de selección de personal de TalentHub.'),
      flag(' Gane entre 100 y 300 € al día desde casa dando «me gusta» a vídeos', 'easy_money'),
      p('. No hace falta experiencia.'),
      p(' Escríbame para empezar:'),
      flag(' https://wa.example.test/talenthub-empleo', 'link_odd'),
    ],
    summary:
      'Mucho dinero por tareas sencillas, de alguien que le escribe sin conocerle. Estos "trabajos" acaban pidiéndole que ingrese dinero para cobrar lo ganado.',
  },
  {
    id: 'es-agente-financiero-email',
    kind: 'email',
    category: 'job_task',
    scam: true,
    title: 'Empleo de agente financiero',
    from: [
      p('RR. HH. Transportes Norvía '),
      flag('<rrhh.norvia@correo-gratis.test>', 'sender_mismatch'),
    ],
    subject: [p('Oferta de empleo: agente financiero desde casa')],
    body: [
      p('Hemos revisado su perfil y nos complace ofrecerle un puesto a distancia.'),
      flag(
        ' Trabajará desde casa recibiendo pagos de clientes en su propia cuenta bancaria',
        'easy_money',
      ),
      flag(' y reenviándolos por transferencia', 'wire_change'),
      p(', y se quedará un 10 % como sueldo.'),
      p(' No es necesaria ninguna entrevista.'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Un "empleo" que mueve dinero por su cuenta le convierte en mula: ese dinero es robado y usted puede responder ante la justicia.',
  },
  {
    id: 'es-inversion-cripto-sms',
    kind: 'sms',
    category: 'investment_crypto',
    scam: true,
    title: 'Invitación a un grupo de inversión',
    from: [p('+34 555-0191')],
    body: [
      p('Únase a nuestro grupo VIP de inversión.'),
      flag(
        ' Rentabilidad garantizada del 40 % cada semana con nuestro robot de trading',
        'too_good',
      ),
      p('.'),
      flag(' Empiece con solo 250 € en bitcoin', 'crypto', 'cue.crypto_payment'),
      p(':'),
      flag(
        ' https://grupo-vip-cripto.example.top/unirse',
        'link_odd',
        'url.link_model',
        'url.suspicious_tld',
      ),
    ],
    summary:
      'La rentabilidad garantizada no existe, y las criptomonedas que envía no se pueden recuperar.',
  },
  {
    id: 'es-cripto-retirada-email',
    kind: 'email',
    category: 'investment_crypto',
    scam: true,
    title: 'Saldo en criptomonedas para retirar',
    from: [p('Soporte CoinVault '), flag('<soporte@coinvault-retiradas.test>', 'sender_mismatch')],
    subject: [p('Su saldo de 1,42 BTC está listo para retirar')],
    body: [
      p('Su cuenta de inversión ha crecido hasta 1,42 BTC.'),
      flag(' Para retirarlo, pague antes una comisión de liberación de 0,05 BTC', 'fee_to_release'),
      flag(' a nuestro monedero bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', 'crypto'),
      flag(' en 24 horas o perderá su saldo', 'urgency'),
      p('.'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Un saldo que crece en una web pero exige un pago antes de sacarlo es siempre una estafa: ese saldo nunca existió.',
  },
  {
    id: 'es-militar-romance-sms',
    kind: 'sms',
    category: 'romance',
    scam: true,
    title: 'Mensaje de un amor por internet',
    from: [p('+34 555-0138')],
    body: [
      p('Mi amor, ya solo me quedan dos semanas de misión. Te echo mucho de menos.'),
      flag(' Necesito 1.800 € para pagar el permiso y el vuelo a España', 'romance_money'),
      p(','),
      flag(' cómprame tarjetas regalo de Google Play', 'gift_card'),
      p(' y mándame los códigos esta noche.'),
      flag(' No se lo cuentes a nadie, no nos entenderían', 'secrecy'),
      p('.'),
    ],
    summary:
      'Alguien a quien nunca ha visto en persona, una urgencia de dinero, tarjetas regalo y secreto: la estafa romántica de siempre, a menudo con un supuesto militar en el extranjero.',
  },
  {
    id: 'es-romance-inversion-email',
    kind: 'email',
    category: 'romance',
    scam: true,
    title: 'El consejo de inversión de un amigo',
    from: [p('Daniel '), p('<daniel.ribas@correo-gratis.test>')],
    subject: [p('Pensando en ti ❤')],
    body: [
      p('Buenos días, cariño. Ya te conté que mi tío me enseñó a invertir en criptomonedas.'),
      flag(
        ' Quiero que construyamos juntos nuestro futuro, así que te he abierto una cuenta',
        'romance_money',
      ),
      p(' en'),
      flag(' https://hoja-dorada-inversiones.example.top', 'link_odd', 'url.link_model'),
      p('.'),
      flag(' Ingresa 5.000 € y en un mes habrás doblado tu dinero', 'too_good'),
      p('.'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Un romance por internet que se convierte en una "oportunidad de inversión" es una estafa conocida: primero ganan su confianza y luego su dinero.',
  },
  {
    id: 'es-proveedor-cambio-cuenta-email',
    kind: 'email',
    category: 'invoice_bec',
    scam: true,
    title: 'Un proveedor cambia de cuenta',
    from: [
      p('Marta Gil, Suministros Levante '),
      flag('<marta.gil@suministros-levante.test>', 'sender_mismatch'),
    ],
    subject: [p('Nuevos datos bancarios – factura FV-2025-0412')],
    body: [
      p('Buenos días:\n\nLes informamos de que'),
      flag(' hemos cambiado de banco por una auditoría', 'wire_change'),
      p('.'),
      flag(
        ' Les rogamos que hoy mismo hagan la transferencia de la factura FV-2025-0412 a la nueva cuenta ES00 1999 0512 3456 7892 0001',
        'urgency',
      ),
      p('.'),
      flag(' Por favor, no llamen a la oficina, estamos cambiando de centralita', 'secrecy'),
      p('.\n\nUn saludo,\nMarta'),
    ],
    hiddenHeaders: AUTH_FAIL,
    summary:
      'Un proveedor que "cambia de cuenta" por correo, con prisa y pidiendo que no llamen, es la estafa que más dinero cuesta a las pequeñas empresas. Llame al proveedor al número que ya tenía.',
  },
  {
    id: 'es-fraude-director-email',
    kind: 'email',
    category: 'invoice_bec',
    scam: true,
    title: 'Una transferencia urgente del director',
    from: [
      p('Javier Ortega (Director) '),
      flag('<javier.ortega.dir@correo-gratis.test>', 'sender_mismatch'),
    ],
    subject: [p('Asunto confidencial')],
    body: [
      p('¿Está en la oficina? Estoy en reuniones todo el día.'),
      flag(
        ' Necesito que haga una transferencia de 18.500 € para cerrar una compra',
        'wire_change',
      ),
      flag(' antes de las 14:00', 'urgency'),
      p('. Le paso los datos en cuanto me conteste.'),
      flag(' No lo comente con nadie hasta que se anuncie', 'secrecy'),
      p('.'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'El "director" escribe desde una dirección personal, con prisa y pidiendo secreto: es el fraude del CEO. Confírmelo con esa persona en persona o por teléfono.',
  },
  {
    id: 'es-factura-vencida-email',
    kind: 'email',
    category: 'invoice_bec',
    scam: true,
    title: 'Recordatorio de una factura',
    from: [p('Cobros '), flag('<cobros@portal-facturas.test>', 'sender_mismatch')],
    subject: [flag('VENCIDA: factura 00931 – se aplicará recargo', 'urgency')],
    body: [
      flag('Estimado/a señor/a:', 'generic_greeting'),
      p('\n\nSegún nuestros registros, la factura 00931 sigue pendiente de pago.'),
      flag(
        ' Abra la factura aquí e inicie sesión con la contraseña de su correo para verla',
        'attachment',
      ),
      p(': '),
      flag('https://portal-facturas.test/ver/00931', 'link_odd'),
      p('\n\nUn saludo'),
    ],
    hiddenHeaders: AUTH_NONE,
    summary:
      'Una factura que no reconoce y que pide la contraseña de su correo para abrirla. Es una trampa para quedarse con su cuenta de correo.',
  },
  {
    id: 'es-spam-adelgazar-email',
    kind: 'email',
    category: 'marketing_spam',
    scam: true,
    title: 'Correo de una oferta especial',
    from: [p('Mejores Ofertas '), flag('<ofertas@chollos-diarios.test>', 'unsubscribe_trick')],
    subject: [flag('¡¡¡ÚLTIMA OPORTUNIDAD!!! 90 % de descuento solo hoy', 'urgency')],
    body: [
      p('¡Pierda 10 kilos en 10 días con nuestras pastillas milagrosas! Los médicos lo odian.'),
      flag(' Pida ya, la oferta termina hoy', 'urgency'),
      p(': '),
      flag('https://chollos-diarios.test/pedido?ref=8812', 'link_odd'),
      p('\n\nPara darse de baja, responda BAJA.'),
    ],
    hiddenHeaders: AUTH_FAIL,
    summary:
      'Publicidad no deseada con plazos falsos y promesas milagrosas. Márquela como spam; no responda ni compre.',
  },
  {
    id: 'es-spam-casino-sms',
    kind: 'sms',
    category: 'marketing_spam',
    scam: true,
    title: 'SMS de un casino',
    from: [p('+34 555-0110')],
    body: [
      flag('¡Tiene un bono GRATIS de 500 € para el casino!', 'prize'),
      p(' Juegue ya y gane a lo grande en'),
      flag(
        ' https://club-giro-suerte.example.top',
        'link_odd',
        'url.link_model',
        'url.suspicious_tld',
      ),
      p(' Responda BAJA para no recibir más'),
    ],
    summary:
      'Publicidad de apuestas no deseada. Los bonos "gratis" llevan a depósitos que luego no puede retirar. Bórrelo y no responda.',
  },
  {
    id: 'es-enlace-banco',
    kind: 'url',
    category: 'bank_payment',
    scam: true,
    title: 'Un enlace del banco',
    from: [p('Un enlace en un mensaje')],
    body: [
      p('https://'),
      flag('bancoribera.es-acceso-seguro', 'link_lookalike'),
      flag('.example.top', 'link_odd', 'url.suspicious_tld'),
      p('/verificar/cuenta'),
    ],
    summary:
      'El verdadero dueño de esta dirección es "es-acceso-seguro.example.top"; "bancoribera" es solo un adorno delante.',
  },
  {
    id: 'es-enlace-acceso-ip',
    kind: 'url',
    category: 'account_takeover',
    scam: true,
    title: 'Un enlace para iniciar sesión',
    from: [p('Un enlace en un mensaje')],
    body: [
      p('http://'),
      flag('192.0.2.61', 'link_odd'),
      p('/correomeridiano/'),
      flag('acceso.php?sesion=caducada', 'link_odd'),
    ],
    summary:
      'Una página para iniciar sesión en una dirección hecha solo de números en lugar del nombre de una empresa: un proveedor de correo real nunca hace esto.',
  },
];
