/**
 * Genuine practice messages in Spanish that look like scams at first glance: what a real bank,
 * Correos, the Agencia Tributaria, a school or a supplier sends. They teach the signs of a real
 * message (a number you already know, no link to pay, details you can check, "we will never ask
 * for your code"). Made up under the same rules as the Spanish scams (samples-scams-es.ts).
 */
import { type PracticeSample, p, safe } from './practice-types.js';

const AUTH_PASS = (domain: string) => [
  `Authentication-Results: mx.mail.example; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}`,
];

export const GENUINE_SAMPLES_ES: readonly PracticeSample[] = [
  {
    id: 'es-genuino-alerta-fraude-banco',
    kind: 'sms',
    category: 'bank_payment',
    scam: false,
    title: 'Alerta de fraude del banco',
    from: [p('BancoRibera')],
    body: [
      p(
        'Banco Ribera: ¿ha intentado pagar 842,10 € en ElectroHogar con su tarjeta terminada en 4417?',
      ),
      p(' Si no ha sido usted,'),
      safe(' llame al número que aparece en el reverso de su tarjeta', 'official_channel'),
      p('.'),
      safe(' Nunca le pediremos su PIN ni claves por SMS', 'never_ask'),
      p('.'),
    ],
    summary:
      'No le pide nada salvo llamar al número impreso en su propia tarjeta, y no trae ningún enlace. Así son las alertas de fraude reales.',
  },
  {
    id: 'es-genuino-codigo-acceso',
    kind: 'sms',
    category: 'account_takeover',
    scam: false,
    title: 'Su código para iniciar sesión',
    from: [p('Chatterly')],
    body: [
      p('482913 es su código de acceso a Chatterly.'),
      safe(' No lo comparta con nadie, ni siquiera con el personal de Chatterly', 'never_ask'),
      p('.'),
    ],
    summary:
      'Un código que usted pidió al iniciar sesión, con el aviso de no compartirlo. Es auténtico, siempre que fuera usted quien estaba entrando.',
  },
  {
    id: 'es-genuino-bizum-recibido',
    kind: 'sms',
    category: 'bank_payment',
    scam: false,
    title: 'Aviso de un Bizum recibido',
    from: [p('BancoRibera')],
    body: [
      p('Banco Ribera: ha recibido un Bizum de 25,00 €'),
      safe(' de LAURA MARTÍN, concepto «cena del sábado»', 'known_details'),
      p('.'),
      safe(' Puede ver el detalle en su app', 'no_link'),
      p('.'),
    ],
    summary:
      'Le informa de un pago que puede comprobar (conoce a quien lo envía y el motivo), sin enlace y sin pedirle que devuelva nada.',
  },
  {
    id: 'es-genuino-correos-entrega',
    kind: 'sms',
    category: 'delivery',
    scam: false,
    title: 'Su envío llega hoy',
    from: [p('Correos')],
    body: [
      safe('Correos: su pedido de Librería Hoja Verde', 'expected'),
      p(' se entregará hoy entre las 13:00 y las 15:00.'),
      safe(' No tiene que hacer nada', 'no_link'),
      p('. Puede seguirlo en la app de Correos.'),
    ],
    summary:
      'Coincide con un pedido que usted hizo, no pide ningún pago y no trae enlace: le remite a la app que ya usa.',
  },
  {
    id: 'es-genuino-proveedor-factura',
    kind: 'email',
    category: 'invoice_bec',
    scam: false,
    title: 'Factura de un proveedor habitual',
    from: [p('Nuria Vidal '), p('<nuria.vidal@suministros-levante.example>')],
    subject: [p('Factura FV-2025-0411 del pedido de marzo')],
    body: [
      safe('Hola, Tomás:', 'known_details'),
      safe(
        '\n\nComo hablamos el martes, te envío la factura de las 40 sillas de oficina que entregamos el 3 de marzo',
        'known_details',
      ),
      p(' (pedido 2231).'),
      safe(' El pago, a la cuenta de siempre y a 30 días, como dice el contrato', 'known_details'),
      p('.'),
      p(' Para cualquier duda, llámame a la oficina.\n\nUn saludo,\nNuria\nSuministros Levante'),
    ],
    hiddenHeaders: AUTH_PASS('suministros-levante.example'),
    summary:
      'Le nombra a usted, un pedido real y a su contacto de siempre, y paga a la cuenta habitual en las condiciones normales. No cambia nada y no hay prisa.',
  },
  {
    id: 'es-genuino-hacienda-recordatorio',
    kind: 'email',
    category: 'government_impersonation',
    scam: false,
    title: 'Recordatorio del plazo de la renta',
    from: [p('Agencia Tributaria '), p('<avisos@agenciatributaria.gob.example>')],
    subject: [p('Recordatorio: el plazo de la declaración de la renta termina el 30 de junio')],
    body: [
      p('Estimada Ana López:'),
      p(
        '\n\nLe recordamos que el plazo para presentar su declaración de la renta termina el 30 de junio.',
      ),
      safe(
        ' Para presentarla, entre en la sede electrónica escribiendo usted mismo la dirección, o use la app oficial',
        'official_channel',
      ),
      p('.'),
      safe(' Nunca le pediremos datos bancarios ni pagos por correo electrónico', 'never_ask'),
      p('.'),
    ],
    hiddenHeaders: AUTH_PASS('agenciatributaria.gob.example'),
    summary:
      'Un recordatorio con su nombre que le pide entrar usted en la web oficial, sin enlace y sin pedirle ningún pago.',
  },
  {
    id: 'es-genuino-compra-recibo',
    kind: 'email',
    category: 'marketing_spam',
    scam: false,
    title: 'Confirmación de un pedido',
    from: [p('Librería Hoja Verde '), p('<pedidos@hojaverde-libros.example>')],
    subject: [p('Su pedido HV-55821 de Librería Hoja Verde')],
    body: [
      safe('Hola, Ana: gracias por su pedido', 'expected'),
      p(' de «El jardín tranquilo» (18,90 €), pagado con su tarjeta terminada en 4417.'),
      safe(' Puede ver su pedido cuando quiera en su cuenta', 'no_link'),
      p('.\n\nLibrería Hoja Verde'),
    ],
    hiddenHeaders: AUTH_PASS('hojaverde-libros.example'),
    summary:
      'El recibo de algo que usted compró, con su nombre y los datos reales, que no le pide hacer nada.',
  },
  {
    id: 'es-genuino-contrasena-cambiada',
    kind: 'email',
    category: 'account_takeover',
    scam: false,
    title: 'Aviso de contraseña cambiada',
    from: [p('Correo Meridiano '), p('<seguridad@correomeridiano.example>')],
    subject: [p('Se ha cambiado su contraseña')],
    body: [
      p(
        'Hola, Ana:\n\nLa contraseña de su cuenta de Correo Meridiano se cambió el 4 de diciembre a las 09:12.',
      ),
      safe(' Si fue usted, no tiene que hacer nada', 'expected'),
      p('.'),
      safe(
        ' Si no, abra la app de Correo Meridiano o escriba usted mismo correomeridiano.example',
        'official_channel',
      ),
      p(' y elija «He olvidado mi contraseña».'),
    ],
    hiddenHeaders: AUTH_PASS('correomeridiano.example'),
    summary:
      'Le cuenta lo que pasó y le remite a la app o a la dirección que ya conoce, no a un enlace del correo.',
  },
  {
    id: 'es-genuino-colegio-sms',
    kind: 'sms',
    category: 'government_impersonation',
    scam: false,
    title: 'Aviso del colegio',
    from: [p('CEIP Los Olivos')],
    body: [
      p(
        'CEIP Los Olivos: el viernes el colegio cerrará a las 13:00 por formación del profesorado.',
      ),
      safe(' Tiene los detalles en la circular que se envió el lunes', 'known_details'),
      p('.'),
      safe(' No hace falta responder', 'no_link'),
      p('.'),
    ],
    summary:
      'Información que puede comprobar por otro lado y que no le pide nada: ni enlace, ni dinero, ni respuesta.',
  },
];
