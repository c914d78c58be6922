import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of the model registry (uploads, downloads, grants, environments). */
export const registryErrors = defineErrorCodes({
  artifact_not_found: {
    status: 404,
    message: 'There is no such artifact, or you may not see it.',
    es: 'No existe ese artefacto, o usted no puede verlo.',
  },
  artifact_exists: {
    status: 409,
    message: 'This organization already has that name and version in that environment.',
    es: 'Esta organización ya tiene ese nombre y esa versión en ese entorno.',
  },
  artifact_invalid: {
    status: 400,
    message: 'The artifact description is not valid.',
    es: 'La descripción del artefacto no es válida.',
  },
  artifact_not_pending: {
    status: 409,
    message: 'This artifact already has its content; artifacts never change once uploaded.',
    es: 'Este artefacto ya tiene su contenido; los artefactos no cambian una vez subidos.',
  },
  artifact_not_ready: {
    status: 409,
    message: 'This artifact has no content yet: its upload has not finished.',
    es: 'Este artefacto aún no tiene contenido: su subida no ha terminado.',
  },
  environment_unbound: {
    status: 403,
    message:
      'This API key is not bound to a registry environment. An organization admin binds it to dev, staging or prod first.',
    es: 'Esta clave de API no está vinculada a un entorno del registro. Primero, un administrador de la organización debe vincularla a dev, staging o prod.',
  },
  environment_mismatch: {
    status: 403,
    message: 'This API key is bound to another environment.',
    es: 'Esta clave de API está vinculada a otro entorno.',
  },
  tier_too_low: {
    status: 403,
    message: 'Your access level is below the level this artifact requires.',
    es: 'Su nivel de acceso es inferior al que exige este artefacto.',
  },
  signature_required: {
    status: 400,
    message:
      'Artifacts for staging and prod need a signature made with one of the organization’s registered signing keys.',
    es: 'Los artefactos para staging y prod necesitan una firma hecha con una de las claves de firma registradas de la organización.',
  },
  signature_rejected: {
    status: 400,
    message: 'The signature does not verify for this artifact.',
    es: 'La firma no es válida para este artefacto.',
  },
  signing_key_invalid: {
    status: 400,
    message: 'The signing key is not a usable public key (PEM).',
    es: 'La clave de firma no es una clave pública utilizable (PEM).',
  },
  grant_invalid: {
    status: 400,
    message:
      'A grant names an organization, a user or an API key: org:<id>, user:<id> or key:<id>.',
    es: 'Un permiso nombra una organización, un usuario o una clave de API: org:<id>, user:<id> o key:<id>.',
  },
  lever_in_force: {
    status: 403,
    message: 'An operator has paused this account’s access to the model registry.',
    es: 'Un operador ha suspendido el acceso de esta cuenta al registro de modelos.',
  },
  session_required: {
    status: 403,
    message: 'Do this signed in as a person, not with an API key.',
    es: 'Haga esto con su sesión iniciada como persona, no con una clave de API.',
  },
  download_mismatch: {
    status: 502,
    message: 'The downloaded bytes do not match the artifact’s SHA-256; nothing was kept.',
    es: 'Los bytes descargados no coinciden con la huella SHA-256 del artefacto; no se guardó nada.',
  },
  log_check_failed: {
    status: 502,
    message: 'The transparency log did not prove that this signature is in it.',
    es: 'El registro de transparencia no demostró que esta firma esté en él.',
  },
  history_forbidden: {
    status: 403,
    message:
      'Who accessed an artifact is shown to its organization’s admins and to operators only.',
    es: 'Quién ha usado un artefacto solo lo ven los administradores de su organización y los operadores.',
  },
  attachment_invalid: {
    status: 422,
    message: 'The attached document was refused.',
    es: 'Se rechazó el documento adjunto.',
  },
  attachment_exists: {
    status: 409,
    message: 'This artifact already has one; attachments never change once added.',
    es: 'Este artefacto ya tiene uno; los adjuntos no cambian una vez añadidos.',
  },
});
