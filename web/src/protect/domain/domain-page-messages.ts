/**
 * The words of the email-domain page itself (form, headings, buttons). The words
 * of findings, records and the plan come from the engine's catalog
 * (src/protect/engine/domain/domain-messages.ts), shared with the CLI and API.
 */
import { defineMessages } from '../../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  title: 'Is my email domain safe?',
  lead: 'Check whether scammers can send email that looks like it comes from your business, and get the exact settings to fix it.',
  domain_label: 'Your domain',
  domain_hint: 'The part after @ in your work email address, for example yourshop.com.',
  more_options: 'More options (for whoever runs your email)',
  selectors_label: 'DKIM selectors to try, separated by commas (optional)',
  selectors_hint: 'We already try the common ones, such as google, selector1, selector2 and k1.',
  policy_label: 'Also download the MTA-STS policy file (makes one https request to your domain)',
  submit: 'Check my domain',
  checking: 'Checking {domain}… This can take up to 20 seconds.',
  error_empty: 'Type your domain first, for example yourshop.com.',
  error_not_domain:
    'Type just the domain, like yourshop.com — not a web address or an email address.',
  error_selectors:
    'Selectors are short names with letters, digits, - and _, separated by commas (at most 10).',
  failed_heading: 'We could not check this domain.',
  results_heading: 'Results for {domain}',
  summary_problems_one: 'We found {count} thing to fix.',
  summary_problems_other: 'We found {count} things to fix.',
  summary_clean: 'Nothing needs fixing. Well done.',
  incomplete: 'Some look-ups failed, so this result is incomplete. Try again in a few minutes.',
  fix_label: 'How to fix it:',
  records_heading: 'Records to add to your DNS',
  records_lead:
    'Give these to whoever manages your domain (your web host or IT person), or add them in your domain provider’s DNS settings.',
  record_type: 'Type',
  record_name: 'Name',
  record_value: 'Value',
  record_file: 'File at',
  record_contents: 'Contents',
  copy_name: 'Copy name',
  copy_value: 'Copy value',
  copy_contents: 'Copy contents',
  copied: 'Copied. Paste it into your DNS settings.',
  copy_failed: 'Your browser did not let us copy. Select the text and copy it yourself.',
  plan_heading: 'Step by step to full protection (DMARC p=reject)',
  plan_lead:
    'Blocking fake mail at once could also block your own mail from a service you forgot. These steps get there safely, reading the DMARC reports at each step.',
  plan_record: 'Record for this step',
  found_heading: 'The records we found',
  found_none: 'none',
  check_another: 'Check another domain',
} as const;

export type DomainPageKey = keyof typeof en;

const es: Readonly<Record<DomainPageKey, string>> = {
  title: '¿Es seguro el dominio de mi correo?',
  lead: 'Compruebe si los estafadores pueden enviar correos que parezcan de su negocio, y obtenga los ajustes exactos para corregirlo.',
  domain_label: 'Su dominio',
  domain_hint: 'Lo que va después de la @ en su correo de trabajo, por ejemplo sutienda.com.',
  more_options: 'Más opciones (para quien gestiona su correo)',
  selectors_label: 'Selectores DKIM que probar, separados por comas (opcional)',
  selectors_hint: 'Ya probamos los habituales, como google, selector1, selector2 y k1.',
  policy_label:
    'Descargar también el archivo de política MTA-STS (hace una petición https a su dominio)',
  submit: 'Revisar mi dominio',
  checking: 'Revisando {domain}… Puede tardar hasta 20 segundos.',
  error_empty: 'Escriba primero su dominio, por ejemplo sutienda.com.',
  error_not_domain:
    'Escriba solo el dominio, como sutienda.com; no una dirección web ni un correo electrónico.',
  error_selectors:
    'Los selectores son nombres cortos con letras, números, - y _, separados por comas (10 como máximo).',
  failed_heading: 'No pudimos revisar este dominio.',
  results_heading: 'Resultado para {domain}',
  summary_problems_one: 'Encontramos {count} cosa que corregir.',
  summary_problems_other: 'Encontramos {count} cosas que corregir.',
  summary_clean: 'No hay nada que corregir. Buen trabajo.',
  incomplete:
    'Algunas consultas fallaron, así que este resultado está incompleto. Vuelva a intentarlo en unos minutos.',
  fix_label: 'Cómo corregirlo:',
  records_heading: 'Registros que añadir a su DNS',
  records_lead:
    'Entrégueselos a quien gestiona su dominio (su proveedor web o su informático), o añádalos en la configuración DNS de su proveedor de dominio.',
  record_type: 'Tipo',
  record_name: 'Nombre',
  record_value: 'Valor',
  record_file: 'Archivo en',
  record_contents: 'Contenido',
  copy_name: 'Copiar nombre',
  copy_value: 'Copiar valor',
  copy_contents: 'Copiar contenido',
  copied: 'Copiado. Péguelo en la configuración de su DNS.',
  copy_failed: 'Su navegador no nos dejó copiar. Seleccione el texto y cópielo usted.',
  plan_heading: 'Paso a paso hasta la protección completa (DMARC p=reject)',
  plan_lead:
    'Bloquear el correo falso de golpe también podría bloquear su propio correo de un servicio que olvidó. Estos pasos llegan con seguridad, leyendo los informes DMARC en cada paso.',
  plan_record: 'Registro para este paso',
  found_heading: 'Los registros que encontramos',
  found_none: 'ninguno',
  check_another: 'Revisar otro dominio',
};

export const domainPageMessages = defineMessages<DomainPageKey>({ en, es });
