/**
 * Every sentence of the practice pages and the practice inbox, in English and Spanish. The
 * practice messages themselves are English content; the explanations (lessons.ts) and this page
 * text are translated.
 */
import { defineMessages } from '../../../platform/engine-kit/i18n/messages.js';

const en = {
  practice_title: 'Practice spotting scams',
  practice_intro:
    'Read a made-up message, decide if it is a scam, and point at the parts that worry you. Everything stays on this device.',
  progress:
    'You have practised {done} of {total} messages. Right decisions: {correct}. Average score: {points} out of 100.',
  choose_message: 'Choose a message to practise with',
  kind_sms: 'Text message',
  kind_email: 'Email',
  kind_url: 'Link',
  done_mark: 'done, best score {points}',
  next_message: 'Next message',
  back_to_list: 'Back to the list',
  message_heading: 'The message',
  from_label: 'From',
  subject_label: 'Subject',
  step_decide: 'Step 1: Is this a scam?',
  answer_scam: 'Yes, it is a scam',
  answer_not_scam: 'No, it looks genuine',
  step_point:
    'Step 2: Point at the parts that worry you. Each part of the message is a button: press it to mark it, press it again to unmark it.',
  marked_count_one: '{count} part marked',
  marked_count_other: '{count} parts marked',
  check_answer: 'Check my answer',
  need_decision: 'Choose “Yes, it is a scam” or “No, it looks genuine” first.',
  result_heading: 'How you did',
  decision_right_scam: 'Right: this is a scam.',
  decision_right_genuine: 'Right: this message is genuine.',
  decision_wrong_scam: 'Not quite: this is a scam.',
  decision_wrong_genuine: 'Not quite: this message is genuine.',
  flags_found: 'You found {found} of {total} warning signs.',
  flags_none: 'This message has no warning signs to find.',
  flags_extra_one: '{count} part you marked is not a warning sign.',
  flags_extra_other: '{count} parts you marked are not warning signs.',
  score: 'Score: {points} out of 100',
  signs_heading: 'The warning signs',
  good_signs_heading: 'Signs it is genuine',
  you_found: 'You found this',
  you_missed: 'You missed this',
  checker_heading: 'What Shieldwall’s scam checker says',
  checker_verdict_scam: 'The checker says: this is very likely a scam.',
  checker_verdict_suspicious: 'The checker says: this looks suspicious.',
  checker_verdict_no_signs: 'The checker found no signs of a scam.',
  checker_loading: 'Asking the scam checker on this device…',
  checker_failed:
    'The scam checker could not run on this device, so only the practice notes are shown.',
  checker_same: 'The checker also pointed at this.',
  try_again: 'Try this message again',
  reset_progress: 'Forget my practice progress',
  progress_reset: 'Your practice progress on this device was cleared.',
  part_marked: 'marked',
  inbox_title: 'Practice inbox',
  inbox_messages: 'Your practice messages',
  inbox_intro:
    'Your organization sends practice messages here to help everyone spot scams. Open each one. If it looks like a scam, press “Report this message”. Nothing here can harm you.',
  inbox_signed_out: 'Sign in to see your practice inbox.',
  sign_in: 'Sign in',
  inbox_empty:
    'No practice messages yet. They will appear here when your organization starts an exercise.',
  open_message: 'Open',
  status_new: 'New',
  status_opened: 'Opened',
  status_reported: 'You reported it',
  status_clicked: 'You clicked its link',
  report_button: 'Report this message',
  reported_thanks:
    'Thank you for reporting it. This was a practice message: reporting is exactly the right thing to do.',
  delivered_at: 'Arrived {when}',
  loading: 'Loading…',
  your_results: 'Your results',
  your_results_line:
    'You reported {reported} of {delivered} practice messages and clicked {clicked} links.',
  caught_title: 'This was a practice message',
  caught_body:
    'You opened a link in a practice message from your organization. In a real scam, this page could have asked for your password or card. Nothing bad happened, and no one will blame you: this is how we all learn.',
  caught_tips:
    'Next time: check who really sent it, be wary of deadlines, and press “Report this message” instead of the link.',
  caught_unknown: 'We could not find this practice message. It may have ended.',
  admin_title: 'Organization exercises',
  admin_intro:
    'Send a chosen set of practice messages to everyone in your organization over a period, and see how often and how fast people report them.',
  org_label: 'Organization',
  name_label: 'Name of the exercise',
  days_label: 'How many days it runs',
  messages_label: 'Practice messages to send',
  new_exercise: 'Start a new exercise',
  create_button: 'Start the exercise',
  created: 'The exercise has started.',
  end_button: 'End this exercise now',
  ended: 'The exercise was ended.',
  exercises_none: 'No exercises yet.',
  metric_report_rate: 'Reported',
  metric_median: 'Typical time to report',
  metric_p90: 'Time for 9 in 10 reports',
  metric_click_rate: 'Clicked the link',
  metric_delivered: 'Messages delivered',
  not_yet: 'not yet',
  status_running: 'running until {when}',
  status_ended: 'ended {when}',
  individuals_label: 'Show each person’s results to admins',
  individuals_help:
    'Off by default. People report more honestly when practice is not a test of them personally: results are shown only as totals, and each person sees their own.',
  individuals_saved: 'Saved.',
  person_results: 'Each person',
  minutes_one: '{count} minute',
  minutes_other: '{count} minutes',
  hours_one: '{count} hour',
  hours_other: '{count} hours',
  days_one: '{count} day',
  days_other: '{count} days',
} as const;

export type PracticeMessageKey = keyof typeof en;

export const practiceMessages = defineMessages<PracticeMessageKey>({
  en,
  es: {
    practice_title: 'Practique cómo detectar estafas',
    practice_intro:
      'Lea un mensaje inventado, decida si es una estafa y señale las partes que le preocupan. Todo se queda en este dispositivo.',
    progress:
      'Ha practicado {done} de {total} mensajes. Decisiones acertadas: {correct}. Puntuación media: {points} de 100.',
    choose_message: 'Elija un mensaje para practicar',
    kind_sms: 'Mensaje de texto',
    kind_email: 'Correo electrónico',
    kind_url: 'Enlace',
    done_mark: 'hecho, mejor puntuación {points}',
    next_message: 'Siguiente mensaje',
    back_to_list: 'Volver a la lista',
    message_heading: 'El mensaje',
    from_label: 'De',
    subject_label: 'Asunto',
    step_decide: 'Paso 1: ¿Es una estafa?',
    answer_scam: 'Sí, es una estafa',
    answer_not_scam: 'No, parece auténtico',
    step_point:
      'Paso 2: Señale las partes que le preocupan. Cada parte del mensaje es un botón: púlselo para marcarla y vuelva a pulsarlo para desmarcarla.',
    marked_count_one: '{count} parte marcada',
    marked_count_other: '{count} partes marcadas',
    check_answer: 'Comprobar mi respuesta',
    need_decision: 'Primero elija “Sí, es una estafa” o “No, parece auténtico”.',
    result_heading: 'Cómo le fue',
    decision_right_scam: 'Correcto: es una estafa.',
    decision_right_genuine: 'Correcto: este mensaje es auténtico.',
    decision_wrong_scam: 'No exactamente: es una estafa.',
    decision_wrong_genuine: 'No exactamente: este mensaje es auténtico.',
    flags_found: 'Encontró {found} de {total} señales de alerta.',
    flags_none: 'Este mensaje no tiene señales de alerta que encontrar.',
    flags_extra_one: '{count} parte que marcó no es una señal de alerta.',
    flags_extra_other: '{count} partes que marcó no son señales de alerta.',
    score: 'Puntuación: {points} de 100',
    signs_heading: 'Las señales de alerta',
    good_signs_heading: 'Señales de que es auténtico',
    you_found: 'La encontró',
    you_missed: 'Se le pasó',
    checker_heading: 'Qué dice el comprobador de estafas de Shieldwall',
    checker_verdict_scam: 'El comprobador dice: es muy probable que sea una estafa.',
    checker_verdict_suspicious: 'El comprobador dice: parece sospechoso.',
    checker_verdict_no_signs: 'El comprobador no encontró señales de estafa.',
    checker_loading: 'Consultando al comprobador de estafas en este dispositivo…',
    checker_failed:
      'El comprobador de estafas no pudo funcionar en este dispositivo; solo se muestran las notas de práctica.',
    checker_same: 'El comprobador también señaló esto.',
    try_again: 'Intentar de nuevo este mensaje',
    reset_progress: 'Olvidar mi progreso de práctica',
    progress_reset: 'Se borró su progreso de práctica en este dispositivo.',
    part_marked: 'marcada',
    inbox_title: 'Bandeja de práctica',
    inbox_messages: 'Sus mensajes de práctica',
    inbox_intro:
      'Su organización envía aquí mensajes de práctica para ayudar a todos a detectar estafas. Abra cada uno. Si parece una estafa, pulse “Denunciar este mensaje”. Nada de lo que hay aquí puede hacerle daño.',
    inbox_signed_out: 'Inicie sesión para ver su bandeja de práctica.',
    sign_in: 'Iniciar sesión',
    inbox_empty:
      'Todavía no hay mensajes de práctica. Aparecerán aquí cuando su organización empiece un ejercicio.',
    open_message: 'Abrir',
    status_new: 'Nuevo',
    status_opened: 'Abierto',
    status_reported: 'Lo denunció',
    status_clicked: 'Pulsó su enlace',
    report_button: 'Denunciar este mensaje',
    reported_thanks:
      'Gracias por denunciarlo. Era un mensaje de práctica: denunciarlo es justo lo que hay que hacer.',
    delivered_at: 'Llegó {when}',
    loading: 'Cargando…',
    your_results: 'Sus resultados',
    your_results_line:
      'Denunció {reported} de {delivered} mensajes de práctica y pulsó {clicked} enlaces.',
    caught_title: 'Era un mensaje de práctica',
    caught_body:
      'Abrió un enlace de un mensaje de práctica de su organización. En una estafa real, esta página podría haberle pedido su contraseña o su tarjeta. No pasó nada malo y nadie le va a culpar: así aprendemos todos.',
    caught_tips:
      'La próxima vez: compruebe quién lo envía de verdad, desconfíe de los plazos y pulse “Denunciar este mensaje” en lugar del enlace.',
    caught_unknown: 'No encontramos este mensaje de práctica. Puede que ya haya terminado.',
    admin_title: 'Ejercicios de la organización',
    admin_intro:
      'Envíe un conjunto de mensajes de práctica a todas las personas de su organización durante un periodo y vea con qué frecuencia y rapidez los denuncian.',
    org_label: 'Organización',
    name_label: 'Nombre del ejercicio',
    days_label: 'Cuántos días dura',
    messages_label: 'Mensajes de práctica que se enviarán',
    new_exercise: 'Empezar un ejercicio nuevo',
    create_button: 'Empezar el ejercicio',
    created: 'El ejercicio ha empezado.',
    end_button: 'Terminar este ejercicio ahora',
    ended: 'El ejercicio terminó.',
    exercises_none: 'Todavía no hay ejercicios.',
    metric_report_rate: 'Denunciados',
    metric_median: 'Tiempo habitual hasta la denuncia',
    metric_p90: 'Tiempo para 9 de cada 10 denuncias',
    metric_click_rate: 'Pulsaron el enlace',
    metric_delivered: 'Mensajes entregados',
    not_yet: 'todavía no',
    status_running: 'en curso hasta {when}',
    status_ended: 'terminó {when}',
    individuals_label: 'Mostrar a los administradores los resultados de cada persona',
    individuals_help:
      'Desactivado por defecto. La gente denuncia con más sinceridad cuando la práctica no es un examen personal: los resultados se muestran solo como totales y cada persona ve los suyos.',
    individuals_saved: 'Guardado.',
    person_results: 'Cada persona',
    minutes_one: '{count} minuto',
    minutes_other: '{count} minutos',
    hours_one: '{count} hora',
    hours_other: '{count} horas',
    days_one: '{count} día',
    days_other: '{count} días',
  },
});

/** A duration in words ("3 hours"), rounded to the largest sensible unit. */
export function durationWords(locale: 'en' | 'es', ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 90) return practiceMessages.plural(locale, 'minutes', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return practiceMessages.plural(locale, 'hours', hours);
  return practiceMessages.plural(locale, 'days', Math.round(hours / 24));
}
