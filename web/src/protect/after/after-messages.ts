import { defineMessages } from '../../../../src/platform/engine-kit/i18n/messages.js';

/**
 * The words of the "after a scam" pages (/protect/clicked, /protect/report) and of the help shown
 * under a verdict. The checklist steps and channel descriptions have their own catalogs beside
 * their data in src/protect/engine/.
 */
const en = {
  'help.heading': 'Already clicked, paid or shared something?',
  'help.heading_calm': 'Worried you already did something?',
  'help.lead': 'It happens to careful people. Here is what to do, step by step.',
  'help.clicked': 'What to do now',
  'help.report': 'Where to report it',

  'contact.tell': 'Tell my trusted contact',
  'contact.explain':
    'They get an email saying what kind of scam this is — never the message itself. They cannot see your account.',
  'contact.sending': 'Sending…',
  'contact.sent': 'Done. Your trusted contact has been told. You may want to call them too.',
  'contact.failed': 'We could not tell your trusted contact: {reason}',

  'clicked.title': 'I already clicked, paid or gave my code',
  'clicked.lead':
    'Don’t panic, and don’t blame yourself. Tick everything that happened, and we will show what to do, most urgent first.',
  'clicked.what_legend': 'What happened? Tick all that apply.',
  'clicked.country_label': 'Your country (for the right phone numbers and advice)',
  'clicked.country_none': 'Choose your country',
  'clicked.show': 'Show me what to do',
  'clicked.need_choice': 'Tick at least one thing that happened, then press the button again.',
  'clicked.list_heading': 'What to do, step by step',
  'clicked.list_lead':
    'Tick each step when it is done. Your ticks stay on this device only. You can print this list.',
  'clicked.done': 'Done',
  'clicked.why': 'Why: {why}',
  'clicked.open_link': 'Open the official page',
  'clicked.open_report': 'See where to report it',
  'clicked.call': 'Call {phone}',
  'clicked.progress': '{done} of {total} steps done',
  'clicked.print': 'Print this list',
  'clicked.change': 'Change what happened',

  'report.title': 'Where to report a scam',
  'report.lead':
    'Reporting helps stop scammers and protects other people. Choose your country to see the official places to report.',
  'report.country_label': 'Your country',
  'report.country_none': 'Choose your country',
  'report.unknown':
    'We don’t have reporting details for that country yet. Contact your local police, and your bank if you paid anything.',
  'report.pick_first': 'Choose your country above to see where to report.',
  'report.channels_heading': 'Official places to report in {country}',
  'report.open': 'Open the website',
  'report.call': 'Call {value}',
  'report.text': 'Send a text to {value}',
  'report.email': 'Write to {value}',
  'report.copy': 'Copy',
  'report.copy_label': 'Copy {value}',
  'report.copied': 'Copied. You can paste it now.',
  'report.reviewed': 'Checked on {date}.',
  'report.source': 'Source',
  'report.new_tab': '(opens in a new tab)',
  'report.also_clicked': 'Already clicked or paid? See what to do now.',
} as const;

type Key = keyof typeof en;

const es: Readonly<Record<Key, string>> = {
  'help.heading': '¿Ya hizo clic, pagó o compartió algo?',
  'help.heading_calm': '¿Le preocupa haber hecho ya algo?',
  'help.lead': 'Les pasa a personas muy cuidadosas. Aquí tiene qué hacer, paso a paso.',
  'help.clicked': 'Qué hacer ahora',
  'help.report': 'Dónde denunciarlo',

  'contact.tell': 'Avisar a mi contacto de confianza',
  'contact.explain':
    'Recibirá un correo que dice qué tipo de estafa es, nunca el mensaje en sí. No puede ver su cuenta.',
  'contact.sending': 'Enviando…',
  'contact.sent':
    'Listo. Ya avisamos a su contacto de confianza. Quizá quiera llamarle usted también.',
  'contact.failed': 'No pudimos avisar a su contacto de confianza: {reason}',

  'clicked.title': 'Ya hice clic, pagué o di mi código',
  'clicked.lead':
    'No se asuste y no se culpe. Marque todo lo que ocurrió y le mostraremos qué hacer, empezando por lo más urgente.',
  'clicked.what_legend': '¿Qué ocurrió? Marque todo lo que corresponda.',
  'clicked.country_label': 'Su país (para darle los teléfonos y consejos adecuados)',
  'clicked.country_none': 'Elija su país',
  'clicked.show': 'Mostrarme qué hacer',
  'clicked.need_choice': 'Marque al menos una cosa que haya ocurrido y vuelva a pulsar el botón.',
  'clicked.list_heading': 'Qué hacer, paso a paso',
  'clicked.list_lead':
    'Marque cada paso cuando lo haya hecho. Sus marcas se guardan solo en este aparato. Puede imprimir esta lista.',
  'clicked.done': 'Hecho',
  'clicked.why': 'Por qué: {why}',
  'clicked.open_link': 'Abrir la página oficial',
  'clicked.open_report': 'Ver dónde denunciarlo',
  'clicked.call': 'Llamar al {phone}',
  'clicked.progress': '{done} de {total} pasos hechos',
  'clicked.print': 'Imprimir esta lista',
  'clicked.change': 'Cambiar lo que ocurrió',

  'report.title': 'Dónde denunciar una estafa',
  'report.lead':
    'Denunciar ayuda a frenar a los estafadores y protege a otras personas. Elija su país para ver los sitios oficiales donde hacerlo.',
  'report.country_label': 'Su país',
  'report.country_none': 'Elija su país',
  'report.unknown':
    'Todavía no tenemos datos para denunciar en ese país. Acuda a la policía de su zona y, si pagó algo, a su banco.',
  'report.pick_first': 'Elija su país arriba para ver dónde denunciar.',
  'report.channels_heading': 'Sitios oficiales para denunciar en {country}',
  'report.open': 'Abrir la web',
  'report.call': 'Llamar al {value}',
  'report.text': 'Enviar un SMS al {value}',
  'report.email': 'Escribir a {value}',
  'report.copy': 'Copiar',
  'report.copy_label': 'Copiar {value}',
  'report.copied': 'Copiado. Ya puede pegarlo.',
  'report.reviewed': 'Comprobado el {date}.',
  'report.source': 'Fuente',
  'report.new_tab': '(se abre en una pestaña nueva)',
  'report.also_clicked': '¿Ya hizo clic o pagó? Vea qué hacer ahora.',
};

export const afterMessages = defineMessages<Key>({ en, es });
export type AfterMessageKey = Key;
