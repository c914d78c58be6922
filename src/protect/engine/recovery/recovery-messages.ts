/**
 * The words of the recovery checklist, in every shipped language. Written for someone who is
 * frightened and not technical: one action per step, short sentences, no jargon, and never blame.
 * Keys: `what.<x>` (the choices), `priority.<p>`, `step.<id>.text|why` and, for country-specific
 * versions, `step.<id>.<variant>.text|why` (see recovery-steps.ts).
 */
import { defineMessages } from '../../../platform/engine-kit/i18n/messages.js';

const en = {
  'what.password': 'I typed a password',
  'what.card': 'I gave a bank card number',
  'what.gift_card': 'I paid with gift cards',
  'what.crypto': 'I paid with cryptocurrency (Bitcoin, USDT…)',
  'what.bank_transfer': 'I sent a bank transfer or an instant payment (Zelle, Bizum, UPI…)',
  'what.remote_access': 'I installed a program they asked for (AnyDesk, TeamViewer…)',
  'what.one_time_code': 'I shared a code sent to my phone or email',
  'what.personal_details': 'I gave personal details (Social Security or ID number, date of birth)',
  'what.only_opened': 'Nothing yet: I only opened the message or the link',

  'priority.now': 'Do this now',
  'priority.today': 'Do this today',
  'priority.this_week': 'Do this this week',

  'step.disconnect_device.text':
    'Turn off the internet on the device they connected to: switch off Wi-Fi or unplug the cable. If you are not sure how, turn the device off.',
  'step.disconnect_device.why':
    'While the device is online, the scammer may still be able to see your screen and control it.',
  'step.call_bank.text':
    'Call your bank now. Use the number on the back of your card or on a bank statement, never a number from the message. Tell them you were scammed and ask them to block the card and stop any payment.',
  'step.call_bank.why':
    'Banks can often stop or reverse a payment if you call within hours. The sooner you call, the better your chances.',
  'step.call_bank_code.text':
    'Call your bank now on the number on the back of your card. Tell them you gave a code to someone and ask them to check for payments you did not make.',
  'step.call_bank_code.why':
    'Bank codes approve payments or new devices. Your bank can stop what the code was used for.',
  'step.payment_app.text':
    'If you used a payment app (like Zelle, Venmo, PayPal, Bizum or UPI), report the payment as a scam inside the app too.',
  'step.payment_app.why': 'The app can sometimes hold the money before the scammer takes it out.',
  'step.gift_card_company.text':
    'Contact the company that issued the gift card (the phone number or website is on the back of the card). Give them the card numbers and your receipt, and ask them to freeze the money.',
  'step.gift_card_company.why':
    'If the cards have not been spent yet, the company can sometimes freeze them. Keep the cards and the receipt.',
  'step.crypto_exchange.text':
    'Contact the company you used to send the cryptocurrency (the exchange, the wallet app or the crypto ATM company) through its own app or website. Give them the amount, the date and the address you sent it to.',
  'step.crypto_exchange.why':
    'Crypto payments usually cannot be reversed, but the company can flag the scammer’s address and may stop a payment still being processed.',
  'step.tell_work_finance.text':
    'If this happened at work, tell your manager and the people who make payments now, by phone or in person.',
  'step.tell_work_finance.why':
    'Scammers often send the next fake invoice or request to your colleagues. They need to know today.',
  'step.stop_paying.text':
    'Do not send any more money, even if they promise it will release your prize, your refund or your savings.',
  'step.stop_paying.why':
    'Scammers ask again and again: there is always one more fee or tax. Real companies and governments do not work this way.',
  'step.remove_remote_tool.text':
    'Remove the program they asked you to install (such as AnyDesk, TeamViewer, UltraViewer or QuickSupport). If you cannot, leave the device switched off.',
  'step.remove_remote_tool.why':
    'With that program they can come back into your device whenever it is on.',
  'step.change_password.text':
    'Change the password you typed, starting with your email account. If you use the same password anywhere else, change it there too. Use a new one you have never used before.',
  'step.change_password.why':
    'Your email can reset all your other passwords, so it is the key to everything else.',
  'step.code_company.text':
    'Contact the company the code was for (your email, phone company or shop) using its official app or the website you normally use. Tell them someone else has your code.',
  'step.code_company.why':
    'A code lets someone sign in as you or approve a payment. The company can undo it and lock the account.',
  'step.sign_out_everywhere.text':
    'In your account settings, choose “sign out of all devices” (sometimes called “sign out everywhere”).',
  'step.sign_out_everywhere.why':
    'This throws the scammer out if they already signed in with your password or code.',
  'step.change_passwords_other_device.text':
    'Change your email and bank passwords, using a different phone or computer from the one they connected to.',
  'step.change_passwords_other_device.why':
    'They may have seen what you typed while they were connected.',
  'step.turn_on_two_step.text':
    'Turn on 2-step verification for your email and bank (a second check, like a code or an app, when someone signs in).',
  'step.turn_on_two_step.why':
    'Even if someone knows your password, they cannot get in without the second check.',
  'step.phone_company_lock.text':
    'Ask your mobile phone company to add a PIN or a lock so nobody can move your number to another SIM card.',
  'step.phone_company_lock.why':
    'Scammers who know your details try to take over your number to receive your codes.',
  'step.identity_report.us.text':
    'Report the identity theft at IdentityTheft.gov. It gives you a personal recovery plan and letters to send.',
  'step.identity_report.us.why':
    'An official report makes it easier to close accounts opened in your name.',
  'step.identity_report.au.text':
    'Call IDCARE, Australia’s free identity support service, on 1800 595 160.',
  'step.identity_report.au.why':
    'They help you make a plan to protect your identity, step by step.',
  'step.identity_report.other.text':
    'Report it to the police and keep the report number. If you gave an ID or passport number, also tell the office that issued it.',
  'step.identity_report.other.why':
    'Banks and shops often ask for a police report number before they cancel something opened in your name.',
  'step.keep_evidence.text':
    'Keep everything: the messages, the phone numbers, receipts, card numbers and payment details. Take screenshots. Do not delete anything yet.',
  'step.keep_evidence.why': 'Your bank, the police and the companies involved will need them.',
  'step.report_it.text': 'Report the scam. We show where to report it in your country.',
  'step.report_it.why':
    'Reports help stop the scammers and warn other people. You may need a report number for your bank.',
  'step.only_opened_calm.text':
    'If you only opened the message or the page and typed nothing, you are most likely fine. Close the page, do not reply, and delete the message.',
  'step.only_opened_calm.why':
    'Most scams need you to type something, pay or install something. Just looking is rarely enough.',
  'step.tell_someone.text':
    'Tell someone you trust what happened. Scams are made to fool careful people: it is not your fault.',
  'step.tell_someone.why':
    'Scammers count on shame and hurry. Talking to someone helps you stop and think, and spot the next attempt.',
  'step.device_checked.text':
    'Have the device checked by someone you trust or a repair shop before you use it for banking again.',
  'step.device_checked.why': 'They may have left other programs behind that let them return.',
  'step.freeze_credit.us.text':
    'Freeze your credit, for free, with each of the three credit bureaus: Equifax, Experian and TransUnion.',
  'step.freeze_credit.us.why':
    'A freeze stops anyone from opening new loans or cards in your name. You can lift it any time.',
  'step.freeze_credit.gb.text':
    'Check your credit report with Experian, Equifax and TransUnion, and consider Cifas Protective Registration.',
  'step.freeze_credit.gb.why':
    'The UK has no free credit freeze, but Protective Registration makes lenders do extra checks before opening anything in your name.',
  'step.freeze_credit.ca.text':
    'Contact Equifax Canada and TransUnion Canada to put a fraud alert on your credit file (a freeze in some provinces).',
  'step.freeze_credit.ca.why':
    'Lenders then have to confirm it is really you before they give credit in your name.',
  'step.freeze_credit.au.text':
    'Ask the credit reporting bodies (Equifax, Experian and illion) for a free ban period on your credit report.',
  'step.freeze_credit.au.why':
    'During a ban period, nobody can get credit in your name without your consent.',
  'step.freeze_credit.other.text':
    'Ask your bank whether your country lets you block new loans or cards in your name, and how to check your credit record.',
  'step.freeze_credit.other.why': 'With your details, scammers can try to borrow money as you.',
  'step.watch_statements.text':
    'Check your bank and card statements every week for the next few months. Call your bank about anything you do not recognise.',
  'step.watch_statements.why': 'Scammers sometimes wait weeks before they use what they took.',
  'step.recovery_scammers.text':
    'Be careful of anyone who contacts you offering to get your money back for a fee, even if they say they are police, a lawyer or a government office.',
  'step.recovery_scammers.why':
    'People who lost money are often targeted again by “recovery” scammers. Real help never asks for a fee first.',
  'step.real_agencies.text':
    'Remember: real government offices and tech companies never ask for gift cards, crypto or remote access, and never call about viruses.',
  'step.real_agencies.why': 'Knowing this makes the next call or pop-up easy to spot.',
  'step.prize_never_fee.text':
    'You never have to pay to receive a real prize, lottery win or inheritance.',
  'step.prize_never_fee.why': 'Any fee to unlock a prize is the scam itself.',
  'step.update_device.text':
    'Keep your phone, computer and web browser up to date (turn on automatic updates).',
  'step.update_device.why': 'Updates close the holes scammers use to get in.',
} as const;

type Key = keyof typeof en;

const es: Readonly<Record<Key, string>> = {
  'what.password': 'Escribí una contraseña',
  'what.card': 'Di el número de una tarjeta bancaria',
  'what.gift_card': 'Pagué con tarjetas de regalo',
  'what.crypto': 'Pagué con criptomonedas (Bitcoin, USDT…)',
  'what.bank_transfer': 'Hice una transferencia o un pago inmediato (Zelle, Bizum, UPI…)',
  'what.remote_access': 'Instalé un programa que me pidieron (AnyDesk, TeamViewer…)',
  'what.one_time_code': 'Compartí un código que me llegó al teléfono o al correo',
  'what.personal_details':
    'Di datos personales (número de identidad o de la Seguridad Social, fecha de nacimiento)',
  'what.only_opened': 'Nada todavía: solo abrí el mensaje o el enlace',

  'priority.now': 'Haga esto ahora',
  'priority.today': 'Haga esto hoy',
  'priority.this_week': 'Haga esto esta semana',

  'step.disconnect_device.text':
    'Desconecte de internet el aparato al que se conectaron: apague el wifi o quite el cable. Si no sabe cómo, apague el aparato.',
  'step.disconnect_device.why':
    'Mientras el aparato esté conectado, el estafador podría seguir viendo su pantalla y controlándola.',
  'step.call_bank.text':
    'Llame a su banco ahora. Use el número que aparece en el reverso de su tarjeta o en un extracto, nunca un número del mensaje. Diga que sufrió una estafa y pida que bloqueen la tarjeta y detengan cualquier pago.',
  'step.call_bank.why':
    'Los bancos a menudo pueden detener o revertir un pago si usted llama en las primeras horas. Cuanto antes llame, más posibilidades tiene.',
  'step.call_bank_code.text':
    'Llame a su banco ahora al número del reverso de su tarjeta. Cuénteles que le dio un código a alguien y pida que revisen si hay pagos que usted no hizo.',
  'step.call_bank_code.why':
    'Los códigos del banco autorizan pagos o dispositivos nuevos. Su banco puede detener aquello para lo que se usó el código.',
  'step.payment_app.text':
    'Si usó una aplicación de pagos (como Zelle, Venmo, PayPal, Bizum o UPI), denuncie también el pago como estafa dentro de la aplicación.',
  'step.payment_app.why':
    'A veces la aplicación puede retener el dinero antes de que el estafador lo saque.',
  'step.gift_card_company.text':
    'Comuníquese con la empresa que emitió la tarjeta de regalo (el teléfono o la web están en el reverso). Deles los números de las tarjetas y su recibo, y pida que congelen el saldo.',
  'step.gift_card_company.why':
    'Si las tarjetas aún no se han gastado, a veces la empresa puede congelarlas. Guarde las tarjetas y el recibo.',
  'step.crypto_exchange.text':
    'Comuníquese con la empresa que usó para enviar las criptomonedas (la plataforma, la aplicación de monedero o el cajero de cripto) a través de su propia aplicación o web. Indique la cantidad, la fecha y la dirección a la que envió el dinero.',
  'step.crypto_exchange.why':
    'Los pagos en cripto casi nunca se pueden revertir, pero la empresa puede marcar la dirección del estafador y tal vez detener un pago que aún esté en curso.',
  'step.tell_work_finance.text':
    'Si esto ocurrió en el trabajo, avise ya a su responsable y a quienes hacen los pagos, por teléfono o en persona.',
  'step.tell_work_finance.why':
    'Los estafadores suelen enviar la siguiente factura o petición falsa a sus compañeros. Tienen que saberlo hoy.',
  'step.stop_paying.text':
    'No envíe más dinero, aunque le prometan que así liberarán su premio, su reembolso o sus ahorros.',
  'step.stop_paying.why':
    'Los estafadores piden una y otra vez: siempre hay otra comisión u otro impuesto. Las empresas y los gobiernos de verdad no funcionan así.',
  'step.remove_remote_tool.text':
    'Desinstale el programa que le pidieron instalar (como AnyDesk, TeamViewer, UltraViewer o QuickSupport). Si no puede, deje el aparato apagado.',
  'step.remove_remote_tool.why':
    'Con ese programa pueden volver a entrar en su aparato siempre que esté encendido.',
  'step.change_password.text':
    'Cambie la contraseña que escribió, empezando por la de su correo electrónico. Si usa esa misma contraseña en otros sitios, cámbiela también allí. Elija una nueva que no haya usado nunca.',
  'step.change_password.why':
    'Con su correo se pueden cambiar todas sus demás contraseñas: es la llave de todo lo demás.',
  'step.code_company.text':
    'Comuníquese con la empresa a la que correspondía el código (su correo, su compañía telefónica o una tienda) desde su aplicación oficial o la web que usa siempre. Avise de que otra persona tiene su código.',
  'step.code_company.why':
    'Un código permite entrar como si fuera usted o aprobar un pago. La empresa puede anularlo y bloquear la cuenta.',
  'step.sign_out_everywhere.text':
    'En la configuración de su cuenta, elija «cerrar sesión en todos los dispositivos».',
  'step.sign_out_everywhere.why':
    'Así echa al estafador si ya entró con su contraseña o su código.',
  'step.change_passwords_other_device.text':
    'Cambie las contraseñas de su correo y de su banco desde otro teléfono u otra computadora, no desde el que controlaron.',
  'step.change_passwords_other_device.why':
    'Pudieron ver lo que usted escribía mientras estaban conectados.',
  'step.turn_on_two_step.text':
    'Active la verificación en dos pasos en su correo y en su banco (una segunda comprobación, como un código o una aplicación, al iniciar sesión).',
  'step.turn_on_two_step.why':
    'Aunque alguien conozca su contraseña, no podrá entrar sin esa segunda comprobación.',
  'step.phone_company_lock.text':
    'Pida a su compañía de teléfono móvil que ponga un PIN o un bloqueo para que nadie pueda pasar su número a otra tarjeta SIM.',
  'step.phone_company_lock.why':
    'Los estafadores que conocen sus datos intentan quedarse con su número para recibir sus códigos.',
  'step.identity_report.us.text':
    'Denuncie el robo de identidad en IdentityTheft.gov. Allí recibirá un plan de recuperación personal y cartas para enviar.',
  'step.identity_report.us.why':
    'Una denuncia oficial facilita cerrar las cuentas abiertas a su nombre.',
  'step.identity_report.au.text':
    'Llame a IDCARE, el servicio gratuito de apoyo en identidad de Australia, al 1800 595 160.',
  'step.identity_report.au.why':
    'Le ayudan a preparar, paso a paso, un plan para proteger su identidad.',
  'step.identity_report.other.text':
    'Denúncielo a la policía y guarde el número de la denuncia. Si dio un número de documento o de pasaporte, avise también a la oficina que lo emitió.',
  'step.identity_report.other.why':
    'Bancos y comercios suelen pedir el número de denuncia antes de anular algo abierto a su nombre.',
  'step.keep_evidence.text':
    'Guárdelo todo: los mensajes, los números de teléfono, los recibos, los números de las tarjetas y los datos del pago. Haga capturas de pantalla. No borre nada todavía.',
  'step.keep_evidence.why': 'Su banco, la policía y las empresas implicadas los van a necesitar.',
  'step.report_it.text': 'Denuncie la estafa. Le mostramos dónde hacerlo en su país.',
  'step.report_it.why':
    'Las denuncias ayudan a frenar a los estafadores y a avisar a otras personas. Puede que su banco le pida un número de denuncia.',
  'step.only_opened_calm.text':
    'Si solo abrió el mensaje o la página y no escribió nada, lo más probable es que no haya pasado nada. Cierre la página, no responda y borre el mensaje.',
  'step.only_opened_calm.why':
    'Casi todas las estafas necesitan que usted escriba algo, pague o instale algo. Solo mirar rara vez basta.',
  'step.tell_someone.text':
    'Cuéntele lo ocurrido a alguien de confianza. Las estafas están pensadas para engañar a personas cuidadosas: no es culpa suya.',
  'step.tell_someone.why':
    'Los estafadores juegan con la vergüenza y las prisas. Hablarlo le ayuda a parar, pensar y reconocer el próximo intento.',
  'step.device_checked.text':
    'Pida a alguien de confianza o a un servicio técnico que revise el aparato antes de volver a usarlo para el banco.',
  'step.device_checked.why': 'Pudieron dejar otros programas para volver a entrar.',
  'step.freeze_credit.us.text':
    'Congele su crédito, gratis, en cada una de las tres agencias de crédito: Equifax, Experian y TransUnion.',
  'step.freeze_credit.us.why':
    'El congelamiento impide que alguien abra préstamos o tarjetas nuevas a su nombre. Puede levantarlo cuando quiera.',
  'step.freeze_credit.gb.text':
    'Revise su historial de crédito en Experian, Equifax y TransUnion, y considere el registro de protección de Cifas (Protective Registration).',
  'step.freeze_credit.gb.why':
    'En el Reino Unido no existe un congelamiento gratuito, pero ese registro obliga a los prestamistas a hacer comprobaciones adicionales antes de abrir algo a su nombre.',
  'step.freeze_credit.ca.text':
    'Comuníquese con Equifax Canada y TransUnion Canada para poner una alerta de fraude en su expediente de crédito (en algunas provincias, un congelamiento).',
  'step.freeze_credit.ca.why':
    'Así los prestamistas tendrán que confirmar que es usted antes de darle crédito a su nombre.',
  'step.freeze_credit.au.text':
    'Pida a las agencias de informes de crédito (Equifax, Experian e illion) un periodo de bloqueo gratuito de su informe de crédito.',
  'step.freeze_credit.au.why':
    'Durante el bloqueo, nadie puede obtener crédito a su nombre sin su consentimiento.',
  'step.freeze_credit.other.text':
    'Pregunte a su banco si en su país se puede bloquear la apertura de préstamos o tarjetas a su nombre, y cómo consultar su historial de crédito.',
  'step.freeze_credit.other.why':
    'Con sus datos, los estafadores pueden intentar pedir dinero prestado haciéndose pasar por usted.',
  'step.watch_statements.text':
    'Revise los movimientos de su banco y de sus tarjetas cada semana durante los próximos meses. Llame a su banco por cualquier cargo que no reconozca.',
  'step.watch_statements.why':
    'A veces los estafadores esperan semanas antes de usar lo que obtuvieron.',
  'step.recovery_scammers.text':
    'Desconfíe de quien le contacte ofreciendo recuperar su dinero a cambio de un pago, aunque diga ser policía, abogado o una oficina del gobierno.',
  'step.recovery_scammers.why':
    'Quienes ya perdieron dinero suelen ser blanco de falsos servicios de «recuperación». La ayuda de verdad nunca cobra por adelantado.',
  'step.real_agencies.text':
    'Recuerde: las oficinas del gobierno y las empresas de tecnología de verdad nunca piden tarjetas de regalo, criptomonedas ni acceso remoto, y nunca llaman por virus.',
  'step.real_agencies.why':
    'Sabiendo esto, la próxima llamada o ventana emergente será fácil de reconocer.',
  'step.prize_never_fee.text':
    'Nunca hay que pagar para recibir un premio, una lotería o una herencia de verdad.',
  'step.prize_never_fee.why': 'Cualquier pago para «liberar» un premio es la propia estafa.',
  'step.update_device.text':
    'Mantenga actualizados su teléfono, su computadora y su navegador (active las actualizaciones automáticas).',
  'step.update_device.why':
    'Las actualizaciones cierran los huecos que usan los estafadores para entrar.',
};

export const recoveryMessages = defineMessages<Key>({ en, es });
export type RecoveryMessageKey = Key;
