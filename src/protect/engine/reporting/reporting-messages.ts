/**
 * What each kind of reporting channel is for, in every shipped language. Channel names stay
 * official and untranslated; these sentences say what the channel does and how to use it.
 * `{value}` is the channel's number, code or address.
 */
import { defineMessages } from '../../../platform/engine-kit/i18n/messages.js';

const en = {
  'purpose.fraud_report':
    'Report the scam online to the national fraud service. You get a reference number for your bank.',
  'purpose.fraud_phone': 'Call to report the scam or get help: {value}.',
  'purpose.internet_crime':
    'Report internet crime to the FBI, especially if you lost money or were contacted online.',
  'purpose.police_cybercrime': 'Report the crime online to the police cybercrime service.',
  'purpose.police_local': 'Report it to the police: {value}.',
  'purpose.forward_text':
    'Forward the scam text message to {value}. It is free, and helps phone companies block the sender.',
  'purpose.forward_email':
    'Forward the scam email to {value}. It helps take the fake website down.',
  'purpose.identity_theft':
    'If you gave personal details, report identity theft and get a recovery plan.',
  'purpose.bank_hotline':
    'Call {value} to reach your own bank’s fraud team safely, from any phone.',
  'purpose.consumer_complaint':
    'Report a dishonest seller or a fake shop to the consumer authority.',
  'purpose.phone_spam_complaint': 'Report scam calls and text messages to the telecoms regulator.',
  'purpose.suspicious_communication':
    'Report suspicious calls, text messages and WhatsApp messages, even if you lost nothing.',
  'purpose.advice_and_help': 'Free advice and help for victims of online scams.',
  'purpose.scam_site_warning': 'Check known scam websites and report new ones.',
  'purpose.europol_list':
    'Find your national police’s online reporting service in Europol’s list of EU countries.',
  'region.gb_ewni': 'England, Wales and Northern Ireland',
  'region.gb_scotland': 'Scotland',
  'confidence.medium': 'Please check this address on the official page before you rely on it.',
  'confidence.low':
    'We have not confirmed a specific service for your country yet. This is the best place to start.',
} as const;

type Key = keyof typeof en;

const es: Readonly<Record<Key, string>> = {
  'purpose.fraud_report':
    'Denuncie la estafa en línea ante el servicio nacional contra el fraude. Recibirá un número de referencia para su banco.',
  'purpose.fraud_phone': 'Llame para denunciar la estafa o pedir ayuda: {value}.',
  'purpose.internet_crime':
    'Denuncie delitos en internet ante el FBI, sobre todo si perdió dinero o le contactaron por internet.',
  'purpose.police_cybercrime':
    'Denuncie el delito en línea ante el servicio de ciberdelincuencia de la policía.',
  'purpose.police_local': 'Denúncielo a la policía: {value}.',
  'purpose.forward_text':
    'Reenvíe el SMS fraudulento al {value}. Es gratis y ayuda a las compañías telefónicas a bloquear al remitente.',
  'purpose.forward_email':
    'Reenvíe el correo fraudulento a {value}. Así ayuda a cerrar la web falsa.',
  'purpose.identity_theft':
    'Si dio datos personales, denuncie el robo de identidad y obtenga un plan de recuperación.',
  'purpose.bank_hotline':
    'Llame al {value} para comunicarse de forma segura con el equipo antifraude de su propio banco, desde cualquier teléfono.',
  'purpose.consumer_complaint':
    'Denuncie a un vendedor deshonesto o una tienda falsa ante la autoridad de consumo.',
  'purpose.phone_spam_complaint':
    'Denuncie llamadas y mensajes fraudulentos ante el regulador de telecomunicaciones.',
  'purpose.suspicious_communication':
    'Informe de llamadas, SMS y mensajes de WhatsApp sospechosos, aunque no haya perdido nada.',
  'purpose.advice_and_help':
    'Asesoramiento y ayuda gratuitos para víctimas de estafas en internet.',
  'purpose.scam_site_warning': 'Consulte webs fraudulentas conocidas y avise de otras nuevas.',
  'purpose.europol_list':
    'Encuentre el servicio de denuncias en línea de la policía de su país en la lista de Europol de los países de la UE.',
  'region.gb_ewni': 'Inglaterra, Gales e Irlanda del Norte',
  'region.gb_scotland': 'Escocia',
  'confidence.medium': 'Compruebe esta dirección en la página oficial antes de fiarse de ella.',
  'confidence.low':
    'Todavía no hemos confirmado un servicio concreto para su país. Este es el mejor punto de partida.',
};

export const reportingMessages = defineMessages<Key>({ en, es });
export type ReportingMessageKey = Key;
