/**
 * The words of the site's frame, in every shipped language: the skip link,
 * header, navigation, footer, language picker, About and "not found" pages.
 * Module names come from the server in English; the ones known here by module
 * id are translated (`module.<id>`), any other is shown as the server sends it.
 */
import { defineMessages, type Locale } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  skip: 'Skip to main content',
  tagline: 'Helps people and small organisations stay safe from scams and online attacks.',
  'nav.label': 'Main',
  'nav.check': 'Is this a scam?',
  'nav.about': 'About Shieldwall',
  'language.label': 'Language / Idioma',
  'footer.text':
    'Shieldwall is free, open-source software. It runs on a server that you, or someone you trust, looks after.',
  'not_found.title': "We can't find that page",
  'not_found.lead':
    'The address may have a typing mistake, or the page may have moved. Nothing is wrong with your computer.',
  'not_found.home': 'Go to the home page',
  'about.title': 'About Shieldwall',
  'about.lead':
    'Shieldwall is free security software that you run yourself. It helps people spot scams, and helps the people who defend us work together against attacks that use AI.',
  'about.installed': 'What you can use here',
  'about.loading': 'Finding out what is set up on this server…',
  'about.failed': "We can't show what is set up here.",
  'about.plan': 'What Shieldwall is for',
  'about.plan_text':
    'Shieldwall works like a wall of shields: every person who reports a scam or an attack helps protect everyone else. It has six parts. The ones set up on this server have a button to open them.',
  'about.nothing':
    'Nothing is set up on this server yet. The person who looks after it can add parts of Shieldwall.',
  'plan.protect.title': 'Help everyday people spot scams',
  'plan.protect.text':
    'Paste a text message, email, link or phone number and find out in plain words whether it looks like a scam, and what to do next.',
  'plan.exchange.title': 'Share warnings in real time',
  'plan.exchange.text':
    'When one person reports a scam or an attack, everyone else using Shieldwall can be warned within seconds.',
  'plan.access.title': 'Trusted access to AI for defenders',
  'plan.access.text':
    'People who protect hospitals, schools and water services get checked, step-by-step access to powerful AI tools.',
  'plan.safeguards.title': 'Keep AI use safe',
  'plan.safeguards.text':
    'Watches how AI tools are used and steps in when someone tries to misuse them.',
  'plan.provenance.title': 'Secure AI models and where they come from',
  'plan.provenance.text':
    "Checks that AI models and the data they were built from are genuine and haven't been tampered with.",
  'plan.detect.title': 'Spot attacks early in small organisations',
  'plan.detect.text':
    'Notices unusual activity in your computer logs and finds software that needs updating.',
  'module.protect': 'Is this a scam?',
  'module.access': 'Your account',
  'module.detect': 'Alerts from your logs',
  'module.exchange': 'Threat intelligence',
  'module.gateway': 'AI gateway',
  'module.provenance': 'Your AI models',
  'module.safeguards': 'AI safeguards',
  'module.vuln': 'Vulnerable dependencies',
  'module.audit': 'Audit log',
} as const;

export type ShellMessageKey = keyof typeof en;

export const shellMessages = defineMessages<ShellMessageKey>({
  en,
  es: {
    skip: 'Saltar al contenido principal',
    tagline:
      'Ayuda a las personas y a las pequeñas organizaciones a protegerse de estafas y ataques en internet.',
    'nav.label': 'Principal',
    'nav.check': '¿Es una estafa?',
    'nav.about': 'Acerca de Shieldwall',
    'language.label': 'Language / Idioma',
    'footer.text':
      'Shieldwall es software libre y de código abierto. Funciona en un servidor que cuida usted o alguien de su confianza.',
    'not_found.title': 'No encontramos esa página',
    'not_found.lead':
      'Puede que la dirección tenga un error de escritura o que la página se haya movido. Su computadora no tiene ningún problema.',
    'not_found.home': 'Ir a la página de inicio',
    'about.title': 'Acerca de Shieldwall',
    'about.lead':
      'Shieldwall es un programa de seguridad gratuito que instala y maneja usted. Ayuda a las personas a detectar estafas, y a quienes nos defienden a trabajar juntos contra ataques que usan IA.',
    'about.installed': 'Lo que puede usar aquí',
    'about.loading': 'Averiguando qué está instalado en este servidor…',
    'about.failed': 'No podemos mostrar qué está instalado aquí.',
    'about.plan': 'Para qué sirve Shieldwall',
    'about.plan_text':
      'Shieldwall funciona como un muro de escudos: cada persona que denuncia una estafa o un ataque ayuda a proteger a todas las demás. Tiene seis partes. Las que están instaladas en este servidor tienen un botón para abrirlas.',
    'about.nothing':
      'Todavía no hay nada instalado en este servidor. La persona que lo cuida puede añadir partes de Shieldwall.',
    'plan.protect.title': 'Ayudar a cualquier persona a detectar estafas',
    'plan.protect.text':
      'Pegue un mensaje de texto, un correo, un enlace o un número de teléfono y descubra en palabras sencillas si parece una estafa y qué hacer después.',
    'plan.exchange.title': 'Compartir alertas al instante',
    'plan.exchange.text':
      'Cuando una persona denuncia una estafa o un ataque, todas las demás que usan Shieldwall pueden recibir el aviso en segundos.',
    'plan.access.title': 'Acceso de confianza a la IA para quienes defienden',
    'plan.access.text':
      'Quienes protegen hospitales, escuelas y servicios de agua reciben, tras una verificación, acceso gradual a herramientas de IA potentes.',
    'plan.safeguards.title': 'Un uso seguro de la IA',
    'plan.safeguards.text':
      'Vigila cómo se usan las herramientas de IA e interviene cuando alguien intenta usarlas mal.',
    'plan.provenance.title': 'Modelos de IA seguros y de origen comprobado',
    'plan.provenance.text':
      'Comprueba que los modelos de IA y los datos con los que se crearon son auténticos y nadie los ha manipulado.',
    'plan.detect.title': 'Detectar ataques a tiempo en organizaciones pequeñas',
    'plan.detect.text':
      'Detecta actividad inusual en los registros de sus equipos y encuentra programas que necesitan actualizarse.',
    'module.protect': '¿Es una estafa?',
    'module.access': 'Su cuenta',
    'module.detect': 'Alertas de sus registros',
    'module.exchange': 'Inteligencia de amenazas',
    'module.gateway': 'Pasarela de IA',
    'module.provenance': 'Sus modelos de IA',
    'module.safeguards': 'Salvaguardas de IA',
    'module.vuln': 'Dependencias vulnerables',
    'module.audit': 'Registro de auditoría',
  },
});

/** A module's name in `locale` when known here by its id, else the server's (English) title. */
export function moduleTitle(
  locale: Locale,
  module: { readonly id: string; readonly title: string },
): string {
  const key = `module.${module.id}`;
  if (locale === 'en' || !(shellMessages.keys as readonly string[]).includes(key))
    return module.title;
  return shellMessages.t(locale, key as ShellMessageKey);
}
