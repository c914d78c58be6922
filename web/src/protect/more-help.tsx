import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';
import { AppLink } from '../components/app-link.js';
import { useLocale } from '../i18n/locale.js';

const words = defineMessages({
  en: {
    heading: 'More ways to stay safe',
    clicked: 'I already clicked, paid or gave a code',
    clicked_about: 'What to do now, most urgent first.',
    report: 'Where to report a scam',
    report_about: 'The official places in your country, one tap to open or call.',
    practice: 'Practice spotting scams',
    practice_about: 'Real-looking messages: find the warning signs, then see why.',
    checkup: 'Security checkup for a small business',
    checkup_about: '25 plain questions, your five most useful fixes.',
    domain: 'Is my email domain protected?',
    domain_about: 'Check SPF, DMARC and DKIM, and get the records to fix them.',
    exercises: 'Practice inbox for organizations',
    exercises_about: 'Practice messages for staff; see how often and how fast people report.',
  },
  es: {
    heading: 'Más formas de protegerse',
    clicked: 'Ya hice clic, pagué o di un código',
    clicked_about: 'Qué hacer ahora, lo más urgente primero.',
    report: 'Dónde denunciar una estafa',
    report_about: 'Los canales oficiales de su país, para abrir o llamar con un toque.',
    practice: 'Practique a reconocer estafas',
    practice_about: 'Mensajes realistas: encuentre las señales de alerta y vea por qué.',
    checkup: 'Revisión de seguridad para pequeñas empresas',
    checkup_about: '25 preguntas sencillas y las cinco mejoras más útiles.',
    domain: '¿Está protegido mi dominio de correo?',
    domain_about: 'Revise SPF, DMARC y DKIM, y obtenga los registros para corregirlos.',
    exercises: 'Bandeja de práctica para organizaciones',
    exercises_about:
      'Mensajes de práctica para el personal; vea con qué frecuencia y rapidez los reportan.',
  },
});

const LINKS = [
  ['/protect/clicked', 'clicked'],
  ['/protect/report', 'report'],
  ['/protect/practice', 'practice'],
  ['/protect/checkup', 'checkup'],
  ['/protect/email-domain', 'domain'],
  ['/protect/exercises', 'exercises'],
] as const;

/** Under the checker: the other protect pages, each with one plain sentence about what it is for. */
export function MoreHelp() {
  const locale = useLocale();
  return (
    <section class="more-help" aria-labelledby="more-help-heading">
      <h2 id="more-help-heading">{words.t(locale, 'heading')}</h2>
      <ul class="more-help__list">
        {LINKS.map(([href, key]) => (
          <li key={key}>
            <AppLink href={href} class="more-help__link">
              {words.t(locale, key)}
            </AppLink>
            <span class="more-help__about">{words.t(locale, `${key}_about`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
