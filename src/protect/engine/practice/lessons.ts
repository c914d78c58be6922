/**
 * What each annotated phrase teaches, in plain words, in every shipped language. A practice
 * message's phrases point at these keys, so the explanation is in the reader's language whichever
 * set of practice messages (English or Spanish) the phrase comes from.
 */
import { defineMessages } from '../../../platform/engine-kit/i18n/messages.js';

const en = {
  urgency:
    'It rushes you. Scammers set short deadlines so you act before you stop to think or ask someone.',
  threat:
    'It threatens you (arrest, a fine, a closed account). Real organizations do not threaten you by text or email to make you pay.',
  link_lookalike:
    'The link only looks like the company’s website. Read the part just before the first single “/”: that is who really owns the site, and here it is not the company.',
  link_odd:
    'The link goes to a strange web address that has nothing to do with the company it claims to be.',
  link_shortener: 'A shortened link hides where it really goes. Genuine warnings rarely need one.',
  fee_to_release:
    'It asks for a small fee to release a parcel, a prize or money. The fee is the bait: the real goal is your card details.',
  gift_card:
    'It asks for gift cards. No real company, bank or government takes payment in gift cards.',
  crypto:
    'It asks you to pay or invest in cryptocurrency. Crypto payments cannot be reversed, which is why scammers want them.',
  wire_change:
    'It asks to send money to new or different bank details. Always confirm a change of bank details by calling a number you already know.',
  asks_code:
    'It asks for a one-time code. That code is the key to your account: nobody genuine ever asks you for it.',
  asks_details:
    'It asks for personal or card details. Genuine organizations already have what they need and do not ask by message.',
  remote_access:
    'It asks you to install an app or let someone control your computer. That gives a stranger your device and your bank.',
  callback:
    'It tells you to call the number in the message. Scammers answer that number. Call only a number you find yourself.',
  prize: 'It says you won something you never entered. You cannot win a draw you did not enter.',
  easy_money:
    'It offers easy money for simple tasks or for receiving payments. These jobs end with you paying, or moving stolen money.',
  too_good: 'It promises big, guaranteed returns. Real investments never guarantee profits.',
  secrecy:
    'It asks you to keep it secret. Scammers want to stop you from asking someone who would warn you.',
  new_number:
    'Someone says they have a new number and needs help. Call their old number, or ask something only they would know, before you do anything.',
  generic_greeting: 'It does not use your name. A company you deal with usually knows it.',
  sender_mismatch: 'The sender’s address does not belong to the company whose name is shown.',
  attachment:
    'It pushes you to open an attachment you did not expect. Attachments can hide harmful software or fake sign-in pages.',
  romance_money:
    'Someone you have only met online asks for money. However real the feelings seem, this is how romance scams work.',
  unsubscribe_trick:
    'It is unwanted advertising that tries to look urgent. Do not reply or tap its links; delete it or mark it as spam.',
  official_channel:
    'It tells you to use a number or website you already know (like the number on your card), not one in the message.',
  no_link: 'There is no link to tap and nothing to pay: it only tells you what is happening.',
  known_details:
    'It has details only the real sender would know and that you can check (an order you made, a person you work with).',
  never_ask:
    'It says it will never ask for your code or password. Genuine messages say this; scams ask for them.',
  expected: 'You were expecting it: it matches something you did yourself.',
  money_back:
    'Someone says they sent you money by mistake and asks for it back. Check your banking app yourself: often nothing arrived, or it came from a stolen account. Your bank handles real mistakes.',
} as const;

export type LessonKey = keyof typeof en;

export const lessons = defineMessages<LessonKey>({
  en,
  es: {
    urgency:
      'Le mete prisa. Los estafadores ponen plazos cortos para que actúe antes de pararse a pensar o de consultar a alguien.',
    threat:
      'Le amenaza (detención, una multa, el cierre de su cuenta). Las organizaciones reales no amenazan por mensaje o correo para que pague.',
    link_lookalike:
      'El enlace solo se parece al sitio de la empresa. Fíjese en lo que va justo antes de la primera “/” sola: ese es el verdadero dueño del sitio, y aquí no es la empresa.',
    link_odd:
      'El enlace lleva a una dirección extraña que no tiene nada que ver con la empresa que dice ser.',
    link_shortener:
      'Un enlace acortado oculta adónde lleva de verdad. Los avisos reales casi nunca lo necesitan.',
    fee_to_release:
      'Le pide una pequeña tarifa para liberar un paquete, un premio o dinero. La tarifa es el cebo: lo que buscan son los datos de su tarjeta.',
    gift_card:
      'Le pide tarjetas regalo. Ninguna empresa, banco ni gobierno de verdad acepta pagos con tarjetas regalo.',
    crypto:
      'Le pide pagar o invertir en criptomonedas. Esos pagos no se pueden anular, y por eso los quieren los estafadores.',
    wire_change:
      'Le pide enviar dinero a una cuenta bancaria nueva o distinta. Confirme siempre un cambio de cuenta llamando a un número que ya conozca.',
    asks_code:
      'Le pide un código de un solo uso. Ese código es la llave de su cuenta: nadie de confianza se lo pedirá nunca.',
    asks_details:
      'Le pide datos personales o de su tarjeta. Las organizaciones reales ya tienen lo que necesitan y no los piden por mensaje.',
    remote_access:
      'Le pide instalar una aplicación o dejar que alguien controle su computadora. Así un desconocido se queda con su equipo y su banco.',
    callback:
      'Le dice que llame al número del mensaje. Ese número lo atienden los estafadores. Llame solo a un número que busque usted.',
    prize:
      'Dice que ganó algo en lo que nunca participó. No se puede ganar un sorteo en el que no se participó.',
    easy_money:
      'Ofrece dinero fácil por tareas sencillas o por recibir pagos. Estos trabajos terminan con usted pagando o moviendo dinero robado.',
    too_good:
      'Promete ganancias grandes y garantizadas. Ninguna inversión real garantiza beneficios.',
    secrecy:
      'Le pide que lo mantenga en secreto. Los estafadores quieren evitar que consulte a alguien que le advertiría.',
    new_number:
      'Alguien dice tener un número nuevo y necesita ayuda. Llame a su número de siempre o pregunte algo que solo esa persona sabría antes de hacer nada.',
    generic_greeting: 'No usa su nombre. Una empresa con la que usted trata normalmente lo sabe.',
    sender_mismatch: 'La dirección del remitente no pertenece a la empresa cuyo nombre aparece.',
    attachment:
      'Le insiste en abrir un archivo adjunto que no esperaba. Los adjuntos pueden esconder programas dañinos o páginas falsas para iniciar sesión.',
    romance_money:
      'Alguien a quien solo conoce por internet le pide dinero. Por muy reales que parezcan los sentimientos, así funcionan las estafas románticas.',
    unsubscribe_trick:
      'Es publicidad no deseada que intenta parecer urgente. No responda ni toque sus enlaces; bórrela o márquela como spam.',
    official_channel:
      'Le indica usar un número o sitio que ya conoce (como el número de su tarjeta), no uno del mensaje.',
    no_link: 'No hay enlace que tocar ni nada que pagar: solo le informa de lo que pasa.',
    known_details:
      'Tiene datos que solo el remitente real conocería y que usted puede comprobar (un pedido suyo, una persona con quien trabaja).',
    never_ask:
      'Dice que nunca le pedirá su código ni su contraseña. Los mensajes reales lo dicen; las estafas los piden.',
    expected: 'Usted lo esperaba: coincide con algo que hizo usted mismo.',
    money_back:
      'Alguien dice que le envió dinero por error y le pide que se lo devuelva. Mírelo usted en la app de su banco: muchas veces no llegó nada, o llegó desde una cuenta robada. Los errores de verdad los resuelve su banco.',
  },
});
