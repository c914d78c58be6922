/**
 * The words of the model registry's pages (/provenance): the list of models, one model's page
 * (signature, where it came from, its AI bill of materials, the safety scan, who may read it,
 * who used it) and the operators' "unusual access" page. Model names, file names, licences,
 * model-card text and the server's explanations of findings are shown as written.
 */
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  title: 'Your AI models',
  lead: 'The AI models your organization keeps here: who signed them, whether they are safe to load, and who has used them.',
  loading: 'Loading models…',
  failed: "We couldn't load the models.",
  signed_out: 'Sign in to see your organization’s AI models.',
  sign_in: 'Sign in',
  forbidden:
    'Your account cannot see the model registry. It is for members of organizations whose access level includes AI models; ask the person who looks after Shieldwall for your organization.',
  none: 'No models here yet. Models appear here when someone in your organization uploads one with “shieldwall model push”.',
  none_filtered: 'No models in this environment.',
  list_label: 'Models, newest first',

  'nav.label': 'Model registry pages',
  'nav.models': 'Models',
  'nav.findings': 'Unusual access',

  'filters.legend': 'Show',
  'filters.environment': 'Environment',
  'filters.any': 'Every environment',
  'env.dev': 'Development',
  'env.staging': 'Testing (staging)',
  'env.prod': 'Production',

  'facts.environment': 'Environment',
  'facts.size': 'Size',
  'facts.signed': 'Signed',
  'facts.signed_by': 'Signed with the key “{name}”, checked',
  'facts.unsigned': 'Not signed',
  'facts.scan': 'Safety scan',
  'facts.uploaded': 'Uploaded',
  'facts.uploaded_by': 'Uploaded by',
  'facts.file': 'File',
  'facts.fingerprint': 'Fingerprint (SHA-256)',
  'facts.status_pending': 'The upload has not finished.',
  'facts.restricted': 'Restricted: reading many of these is watched.',
  'facts.version': 'version {version}',

  'scan.safe': 'Safe to load',
  'scan.unsafe': 'Dangerous: do not load',
  'scan.not_scanned': 'Not scanned (not a model file format we check)',
  'scan.too_large': 'Too large to scan',

  'detail.back': 'Back to all models',
  'detail.loading': 'Loading this model…',
  'detail.failed': "We couldn't load this model.",
  'detail.not_found': 'Model not found, or not one you may see',
  'detail.not_found_text':
    'There is no model at this address that your account may see. It may belong to another organization, or the link may be incomplete.',

  'signature.heading': 'Signature',
  'signature.ok':
    'This file was signed with the key “{name}” registered by its organization, and the signature was checked before the file was accepted. Nobody has changed it since.',
  'signature.none':
    'This file is not signed. Only development models may be unsigned; nobody can prove who made it.',
  'signature.key': 'Signing key fingerprint',
  'signature.when': 'Signed',
  'signature.log':
    'The signature is entry {index} of the public, tamper-evident log; the proof below shows it is there.',
  'signature.proof': 'See the proof that it is in the log',
  'signature.unknown_key': 'a key that has since been removed',

  'scan.heading': 'Safety scan',
  'scan.intro_safe':
    'We looked inside the file without running it. Nothing in it would run code on your computer when it is loaded.',
  'scan.intro_unsafe':
    'We looked inside the file without running it. Loading it would run code on the computer that loads it. Do not load it; tell the person who uploaded it.',
  'scan.intro_not_scanned':
    'This kind of file is not a model format that can hide code, or we do not check it. Only load files from people you trust.',
  'scan.intro_too_large':
    'This file is too large for the scanner to read whole. Treat it with care, or convert it to a safe format such as safetensors.',
  'scan.findings': 'What the scanner found (in the scanner’s own words)',
  'scan.finding': '(at byte {offset})',
  'scan.finding_in': '(in {entry}, at byte {offset})',
  'scan.format': 'File format: {format}',

  'chain.heading': 'Where it came from',
  'chain.none':
    'No training record was attached, so we cannot show which data and code produced this model.',
  'chain.intro':
    'A signed record of the training run that produced this model: which data went in, which code trained it, and what came out.',
  'chain.datasets': 'Training data',
  'chain.run': 'Training run',
  'chain.code': 'Code: {repository}, version {commit}',
  'chain.builder': 'Run by: {builder}',
  'chain.model': 'Model produced',
  'chain.matches': 'This is the model you are looking at: its fingerprint matches.',
  'chain.mismatch':
    'Careful: the record is about a model with a different fingerprint than this file.',
  'chain.signed_by': 'Signed with the key “{name}”.',
  'chain.download': 'Download the training record',
  'chain.no_datasets': 'No training data is listed.',

  'bom.heading': 'AI bill of materials',
  'bom.none': 'No AI bill of materials (AI-BOM) was attached.',
  'bom.intro':
    'A standard list (CycloneDX) of what this model is made of: its description, licences and the data it was trained on.',
  'bom.licenses': 'Licences',
  'bom.no_licenses': 'No licence is given.',
  'bom.card': 'About the model',
  'bom.datasets': 'Datasets',
  'bom.download': 'Download the AI-BOM',
  'bom.mismatch': 'Careful: the AI-BOM does not list this file’s fingerprint.',
  'card.task': 'What it does',
  'card.architectureFamily': 'Kind of model',
  'card.modelArchitecture': 'Architecture',
  'card.users': 'Meant for',
  'card.useCases': 'Uses',
  'card.technicalLimitations': 'Limitations',
  'card.performanceTradeoffs': 'Trade-offs',
  'card.ethicalConsiderations': 'Ethical considerations',
  'card.performanceMetric': 'Measured quality',

  'grants.heading': 'Who else may read it',
  'grants.none': 'Only members of its organization may read it.',
  'grants.forbidden': 'Your organization’s admins see and change who else may read it.',
  'grants.since': 'since {time}',
  'grantee.org': 'The organization {id}',
  'grantee.user': 'The person {id}',
  'grantee.key': 'The API key {id}',

  'history.heading': 'Who used it, and when',
  'history.intro':
    'Every upload, download and refused attempt, newest first, as written in the tamper-evident audit log.',
  'history.forbidden':
    'Your organization’s admins, and Shieldwall’s operators, see who used this model.',
  'history.none': 'Nobody has used it yet.',
  'history.when': 'When',
  'history.who': 'Who',
  'history.what': 'What happened',
  'history.entry': 'Log entry',
  'history.more': 'Show older',
  'history.label': 'Who used it, newest first',
  'who.user': 'Person {id}',
  'who.key': 'API key {id}',
  'action.created': 'Described the model',
  'action.upload': 'Uploaded the file',
  'action.upload_failed': 'Upload failed',
  'action.scanned': 'Scanned it: {verdict}',
  'action.download': 'Downloaded it',
  'action.read': 'Looked it up',
  'action.signature': 'Its signature was logged',
  'action.bom': 'Attached the AI-BOM',
  'action.attestation': 'Attached the training record',
  'action.history': 'Looked at who used it',
  'action.grant_added': 'Let someone else use it',
  'action.grant_revoked': 'Took back someone’s permission to use it',
  'action.other': '{action}',
  'action.denied': 'Refused: {why}',
  'why.not_visible': 'not allowed to see it',
  'why.tier_too_low': 'access level too low',
  'why.environment_unbound': 'API key not set up for the registry',
  'why.environment_mismatch': 'API key for another environment',
  'why.history_forbidden': 'only admins see who used it',
  'why.other': '{why}',

  'findings.title': 'Unusual access to AI models',
  'findings.lead':
    'Downloads that look unlike an account’s normal work, newest first. Each says why, and what you can do.',
  'findings.loading': 'Loading…',
  'findings.failed': "We couldn't load the findings.",
  'findings.forbidden': 'Only Shieldwall’s operators see unusual access to AI models.',
  'findings.none': 'Nothing unusual so far.',
  'findings.label': 'Findings, newest first',
  'findings.account': 'Account',
  'findings.when': 'When',
  'findings.lever': 'What you can do',
  'findings.model': 'See the model it was about',
  'kind.volume': 'Much more downloaded than usual',
  'kind.hour': 'Downloads at an unusual hour',
  'kind.network': 'Downloads from a new network',
  'kind.bulk_restricted': 'Many restricted models read',
  'findings.in_english': 'The explanation is written in English.',
};

export type RegistryMessageKey = keyof typeof en;

export const registryMessages = defineMessages<RegistryMessageKey>({
  en,
  es: {
    title: 'Sus modelos de IA',
    lead: 'Los modelos de IA que su organización guarda aquí: quién los firmó, si es seguro cargarlos y quién los ha usado.',
    loading: 'Cargando modelos…',
    failed: 'No pudimos cargar los modelos.',
    signed_out: 'Inicie sesión para ver los modelos de IA de su organización.',
    sign_in: 'Iniciar sesión',
    forbidden:
      'Su cuenta no puede ver el registro de modelos. Es para miembros de organizaciones cuyo nivel de acceso incluye modelos de IA; pregunte a la persona que gestiona Shieldwall en su organización.',
    none: 'Todavía no hay modelos. Aparecen aquí cuando alguien de su organización sube uno con «shieldwall model push».',
    none_filtered: 'No hay modelos en este entorno.',
    list_label: 'Modelos, los más recientes primero',

    'nav.label': 'Páginas del registro de modelos',
    'nav.models': 'Modelos',
    'nav.findings': 'Accesos inusuales',

    'filters.legend': 'Mostrar',
    'filters.environment': 'Entorno',
    'filters.any': 'Todos los entornos',
    'env.dev': 'Desarrollo',
    'env.staging': 'Pruebas (staging)',
    'env.prod': 'Producción',

    'facts.environment': 'Entorno',
    'facts.size': 'Tamaño',
    'facts.signed': 'Firma',
    'facts.signed_by': 'Firmado con la clave «{name}», comprobado',
    'facts.unsigned': 'Sin firmar',
    'facts.scan': 'Análisis de seguridad',
    'facts.uploaded': 'Subido',
    'facts.uploaded_by': 'Subido por',
    'facts.file': 'Archivo',
    'facts.fingerprint': 'Huella (SHA-256)',
    'facts.status_pending': 'La subida no ha terminado.',
    'facts.restricted': 'Restringido: se vigila la lectura de muchos de ellos.',
    'facts.version': 'versión {version}',

    'scan.safe': 'Se puede cargar sin riesgo',
    'scan.unsafe': 'Peligroso: no lo cargue',
    'scan.not_scanned': 'Sin analizar (no es un formato de modelo que revisemos)',
    'scan.too_large': 'Demasiado grande para analizarlo',

    'detail.back': 'Volver a todos los modelos',
    'detail.loading': 'Cargando este modelo…',
    'detail.failed': 'No pudimos cargar este modelo.',
    'detail.not_found': 'Modelo no encontrado, o no es uno que usted pueda ver',
    'detail.not_found_text':
      'No hay ningún modelo en esta dirección que su cuenta pueda ver. Puede pertenecer a otra organización, o el enlace puede estar incompleto.',

    'signature.heading': 'Firma',
    'signature.ok':
      'Este archivo se firmó con la clave «{name}» que registró su organización, y la firma se comprobó antes de aceptar el archivo. Nadie lo ha cambiado desde entonces.',
    'signature.none':
      'Este archivo no está firmado. Solo los modelos de desarrollo pueden ir sin firma; nadie puede demostrar quién lo hizo.',
    'signature.key': 'Huella de la clave de firma',
    'signature.when': 'Firmado',
    'signature.log':
      'La firma es la entrada {index} del registro público a prueba de manipulaciones; la prueba de abajo demuestra que está en él.',
    'signature.proof': 'Ver la prueba de que está en el registro',
    'signature.unknown_key': 'una clave que ya se ha retirado',

    'scan.heading': 'Análisis de seguridad',
    'scan.intro_safe':
      'Miramos dentro del archivo sin ejecutarlo. Nada en él ejecutaría código en su equipo al cargarlo.',
    'scan.intro_unsafe':
      'Miramos dentro del archivo sin ejecutarlo. Cargarlo ejecutaría código en el equipo que lo cargue. No lo cargue; avise a la persona que lo subió.',
    'scan.intro_not_scanned':
      'Este tipo de archivo no es un formato de modelo que pueda ocultar código, o no lo revisamos. Cargue solo archivos de personas de confianza.',
    'scan.intro_too_large':
      'Este archivo es demasiado grande para que el analizador lo lea entero. Trátelo con cuidado, o conviértalo a un formato seguro como safetensors.',
    'scan.findings': 'Lo que encontró el analizador (en sus propias palabras, en inglés)',
    'scan.finding': '(en el byte {offset})',
    'scan.finding_in': '(en {entry}, en el byte {offset})',
    'scan.format': 'Formato del archivo: {format}',

    'chain.heading': 'De dónde viene',
    'chain.none':
      'No se adjuntó ningún registro del entrenamiento, así que no podemos mostrar qué datos y qué código produjeron este modelo.',
    'chain.intro':
      'Un registro firmado del entrenamiento que produjo este modelo: qué datos entraron, qué código lo entrenó y qué salió.',
    'chain.datasets': 'Datos de entrenamiento',
    'chain.run': 'Entrenamiento',
    'chain.code': 'Código: {repository}, versión {commit}',
    'chain.builder': 'Ejecutado por: {builder}',
    'chain.model': 'Modelo producido',
    'chain.matches': 'Es el modelo que está viendo: su huella coincide.',
    'chain.mismatch':
      'Cuidado: el registro trata de un modelo con una huella distinta de la de este archivo.',
    'chain.signed_by': 'Firmado con la clave «{name}».',
    'chain.download': 'Descargar el registro del entrenamiento',
    'chain.no_datasets': 'No figura ningún dato de entrenamiento.',

    'bom.heading': 'Lista de materiales de IA',
    'bom.none': 'No se adjuntó ninguna lista de materiales de IA (AI-BOM).',
    'bom.intro':
      'Una lista estándar (CycloneDX) de qué compone este modelo: su descripción, sus licencias y los datos con los que se entrenó.',
    'bom.licenses': 'Licencias',
    'bom.no_licenses': 'No se indica ninguna licencia.',
    'bom.card': 'Sobre el modelo',
    'bom.datasets': 'Conjuntos de datos',
    'bom.download': 'Descargar el AI-BOM',
    'bom.mismatch': 'Cuidado: el AI-BOM no incluye la huella de este archivo.',
    'card.task': 'Qué hace',
    'card.architectureFamily': 'Tipo de modelo',
    'card.modelArchitecture': 'Arquitectura',
    'card.users': 'Pensado para',
    'card.useCases': 'Usos',
    'card.technicalLimitations': 'Limitaciones',
    'card.performanceTradeoffs': 'Compromisos',
    'card.ethicalConsiderations': 'Consideraciones éticas',
    'card.performanceMetric': 'Calidad medida',

    'grants.heading': 'Quién más puede leerlo',
    'grants.none': 'Solo los miembros de su organización pueden leerlo.',
    'grants.forbidden':
      'Los administradores de su organización ven y cambian quién más puede leerlo.',
    'grants.since': 'desde {time}',
    'grantee.org': 'La organización {id}',
    'grantee.user': 'La persona {id}',
    'grantee.key': 'La clave de API {id}',

    'history.heading': 'Quién lo usó, y cuándo',
    'history.intro':
      'Cada subida, descarga e intento rechazado, los más recientes primero, tal como constan en el registro de auditoría a prueba de manipulaciones.',
    'history.forbidden':
      'Los administradores de su organización y los operadores de Shieldwall ven quién usó este modelo.',
    'history.none': 'Nadie lo ha usado todavía.',
    'history.when': 'Cuándo',
    'history.who': 'Quién',
    'history.what': 'Qué pasó',
    'history.entry': 'Entrada del registro',
    'history.more': 'Mostrar anteriores',
    'history.label': 'Quién lo usó, los más recientes primero',
    'who.user': 'Persona {id}',
    'who.key': 'Clave de API {id}',
    'action.created': 'Describió el modelo',
    'action.upload': 'Subió el archivo',
    'action.upload_failed': 'La subida falló',
    'action.scanned': 'Lo analizó: {verdict}',
    'action.download': 'Lo descargó',
    'action.read': 'Lo consultó',
    'action.signature': 'Se registró su firma',
    'action.bom': 'Adjuntó el AI-BOM',
    'action.attestation': 'Adjuntó el registro del entrenamiento',
    'action.history': 'Consultó quién lo usó',
    'action.grant_added': 'Permitió que otra persona lo usara',
    'action.grant_revoked': 'Retiró a alguien el permiso de usarlo',
    'action.other': 'Acción: {action}',
    'action.denied': 'Rechazado: {why}',
    'why.not_visible': 'no tiene permiso para verlo',
    'why.tier_too_low': 'nivel de acceso insuficiente',
    'why.environment_unbound': 'clave de API no preparada para el registro',
    'why.environment_mismatch': 'clave de API de otro entorno',
    'why.history_forbidden': 'solo los administradores ven quién lo usó',
    'why.other': 'motivo: {why}',

    'findings.title': 'Accesos inusuales a modelos de IA',
    'findings.lead':
      'Descargas que no se parecen al trabajo habitual de una cuenta, las más recientes primero. Cada una dice por qué y qué puede hacer.',
    'findings.loading': 'Cargando…',
    'findings.failed': 'No pudimos cargar los hallazgos.',
    'findings.forbidden':
      'Solo los operadores de Shieldwall ven los accesos inusuales a modelos de IA.',
    'findings.none': 'Nada inusual por ahora.',
    'findings.label': 'Hallazgos, los más recientes primero',
    'findings.account': 'Cuenta',
    'findings.when': 'Cuándo',
    'findings.lever': 'Qué puede hacer',
    'findings.model': 'Ver el modelo al que se refiere',
    'kind.volume': 'Mucho más descargado de lo habitual',
    'kind.hour': 'Descargas a una hora inusual',
    'kind.network': 'Descargas desde una red nueva',
    'kind.bulk_restricted': 'Lectura de muchos modelos restringidos',
    'findings.in_english': 'La explicación está escrita en inglés.',
  },
});
