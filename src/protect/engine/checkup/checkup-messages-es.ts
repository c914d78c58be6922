import type { Catalog } from '../../../platform/engine-kit/i18n/messages.js';
import type { CheckupKey } from './checkup-messages-en.js';

/** Spanish words of the small-business checkup (neutral Spanish; every English key, type-checked). */
export const checkupEs: Catalog<CheckupKey> = {
  'area.backups': 'Copias de seguridad',
  'area.accounts': 'Cuentas y contraseñas',
  'area.devices': 'Computadoras, teléfonos y programas',
  'area.network': 'Red y wifi',
  'area.people': 'Personas y correo',
  'area.response': 'Planes y registros',

  'answer.yes': 'Sí',
  'answer.partly': 'En parte',
  'answer.no': 'No',
  'answer.unknown': 'No lo sé',
  'answer.none': 'Sin responder',

  'framework.cpg': 'Objetivos de Ciberseguridad Intersectoriales de CISA (CPG v1.0.1)',
  'framework.cis': 'Controles de Seguridad CIS v8, IG1',
  'framework.csf': 'Marco de Ciberseguridad del NIST 2.0',
  'framework.ce': 'Cyber Essentials (Reino Unido)',
  'ce.firewalls': 'Cortafuegos',
  'ce.secure-configuration': 'Configuración segura',
  'ce.security-update-management': 'Gestión de actualizaciones de seguridad',
  'ce.user-access-control': 'Control de acceso de usuarios',
  'ce.malware-protection': 'Protección contra malware',

  'report.title': 'Revisión de seguridad para pequeñas empresas',
  'report.org': 'Organización: {name}',
  'report.date': 'Completada: {date}',
  'report.overall': 'Puntuación global: {score} de 100',
  'report.areas': 'Puntuación por área',
  'report.area_line': '{area}: {score} de 100',
  'report.top': 'Las cinco mejoras más importantes',
  'report.top_intro':
    'Ordenadas según cuánto te protege cada mejora en relación con el trabajo que supone. «No lo sé» cuenta como «no» hasta que lo averigües.',
  'report.no_fixes':
    'Todas las respuestas son «sí». Sigue así y vuelve a revisarlo dentro de seis meses.',
  'report.impact_effort': 'Protección: {impact} de 5 · Trabajo: {effort} de 5',
  'report.why': 'Por qué importa',
  'report.how': 'Cómo hacerlo',
  'report.find_out': 'Averigua primero',
  'report.find_out_intro':
    'Respondiste «No lo sé» a estas preguntas. Pregúntale a quien se ocupa de tu informática:',
  'report.answers': 'Todas las respuestas',
  'report.frameworks':
    'Para aseguradoras y auditores: la exportación CSV relaciona cada pregunta con CISA CPG, CIS Controls v8 IG1, NIST CSF 2.0 y Cyber Essentials del Reino Unido.',
  'report.footer':
    'Hecho con Shieldwall. Es una autoevaluación, no una auditoría: muestra por dónde empezar.',
  'report.page': 'Página {page}',

  'csv.question_id': 'id_pregunta',
  'csv.question': 'pregunta',
  'csv.area': 'area',
  'csv.framework': 'marco',
  'csv.control_id': 'id_control',
  'csv.answer': 'respuesta',
  'csv.note': 'nota',

  'q.backup-automatic':
    '¿Se hace automáticamente una copia de seguridad de tus archivos importantes (clientes, contabilidad, documentos) al menos una vez por semana?',
  'q.backup-automatic.why':
    'Una laptop rota, un robo o un ransomware pueden borrar años de trabajo en un minuto. Una copia reciente convierte un desastre en un mal día.',
  'q.backup-automatic.fix': 'Haz copias automáticas todos los días',
  'q.backup-automatic.steps':
    'Anota dónde están tus archivos importantes: computadoras, una carpeta compartida, Microsoft 365 o Google Workspace.\nActiva la copia de seguridad que trae cada uno (Historial de archivos u OneDrive en Windows, Time Machine en Mac) o contrata un servicio de copias para tus cuentas en línea.\nPrográmala a diario y comprueba una semana después que aparecen copias nuevas.',

  'q.backup-offline':
    '¿Guardas al menos una copia donde el ransomware no pueda llegar: un disco que desconectas o una copia en la nube que no se puede modificar ni borrar durante un tiempo?',
  'q.backup-offline.why':
    'El ransomware busca las copias a su alcance y también las cifra o las borra. La copia desconectada o bloqueada es la que te salva.',
  'q.backup-offline.fix': 'Mantén una copia fuera de su alcance',
  'q.backup-offline.steps':
    'Compra dos discos externos y copia tus archivos en uno cada semana; guárdalo desconectado fuera de la oficina y alterna los dos discos cada semana.\nO elige una copia en la nube con copias «inmutables» o «bloqueadas» (busca esas palabras) y activa esa opción durante al menos 30 días.\nAsegúrate de que la contraseña del servicio de copias no se usa en ningún otro sitio y tiene verificación en dos pasos.',

  'q.backup-restore-tested':
    'En los últimos seis meses, ¿has recuperado algún archivo de tu copia de seguridad para comprobar que funciona de verdad?',
  'q.backup-restore-tested.why':
    'Muchas empresas descubren el peor día que su copia estaba vacía, era antigua o no tenía los archivos importantes.',
  'q.backup-restore-tested.fix': 'Prueba a recuperar archivos dos veces al año',
  'q.backup-restore-tested.steps':
    'Pon un recordatorio en tu calendario cada seis meses.\nElige tres archivos (uno reciente, uno antiguo y uno grande) y recupéralos de la copia en otra carpeta.\nÁbrelos. Si falta algo o no se abre, arregla la copia ese mismo día y anota qué cambiaste.',
  'q.backup-restore-tested.mapping':
    'CIS 11.5 (probar la recuperación de datos) es una salvaguarda de IG2; se incluye porque es la que mejor encaja. La salvaguarda de IG1 es la 11.1.',

  'q.mfa-email-banking':
    '¿Tus cuentas de correo, banca en línea y contabilidad piden un segundo paso (un código, una app o una llave de seguridad) al iniciar sesión?',
  'q.mfa-email-banking.why':
    'La mayoría de los ataques empiezan con una contraseña robada. Un segundo paso detiene a quien tiene la contraseña pero no tu teléfono ni tu llave.',
  'q.mfa-email-banking.fix':
    'Activa la verificación en dos pasos en el correo, el banco y la contabilidad',
  'q.mfa-email-banking.steps':
    'Empieza por el correo: en Microsoft 365 o Google Workspace, activa la verificación en dos pasos (los «valores predeterminados de seguridad» en Microsoft 365) para todos.\nHaz lo mismo en la banca en línea, los pagos y la contabilidad; tu banco puede ayudarte por teléfono.\nSi puedes, usa una app de autenticación o una llave de acceso en lugar de mensajes de texto, y guarda los códigos de respaldo en un lugar seguro y sin conexión.',

  'q.mfa-admin-phishing-resistant':
    '¿Quienes administran tus sistemas (administrador del correo, sitio web, nombre de dominio, pagos bancarios) inician sesión con una llave de acceso (passkey) o una llave de seguridad?',
  'q.mfa-admin-phishing-resistant.why':
    'Los delincuentes usan páginas de inicio de sesión falsas que también roban códigos. Las llaves de acceso y de seguridad solo funcionan en el sitio real, así que no se dejan engañar.',
  'q.mfa-admin-phishing-resistant.fix': 'Da llaves de acceso o de seguridad a los administradores',
  'q.mfa-admin-phishing-resistant.steps':
    'Haz una lista de las cuentas que lo pueden cambiar todo: administrador del correo, dominio, sitio web, aprobación de pagos.\nCompra dos llaves de seguridad por administrador (una para guardar en un lugar seguro) o configura una llave de acceso en su teléfono o computadora.\nAgrégalas en la configuración de seguridad de cada cuenta y luego desactiva los códigos por mensaje de texto en esas cuentas.',

  'q.admin-separate':
    '¿Se usa una cuenta normal para el trabajo diario y una cuenta de administrador aparte solo para cambiar la configuración?',
  'q.admin-separate.why':
    'Si alguien abre un archivo malicioso con la sesión de administrador abierta, el malware toma el control total de la computadora o de todo el correo.',
  'q.admin-separate.fix': 'Separa las cuentas de uso diario y de administrador',
  'q.admin-separate.steps':
    'En cada computadora, crea una cuenta estándar (no de administrador) para el día a día y deja una cuenta de administrador con otra contraseña.\nEn Microsoft 365 o Google Workspace, da los permisos de administrador a una cuenta aparte (por ejemplo admin-ana@) que no se use para el correo.\nQue no haya más de dos o tres administradores.',

  'q.password-manager':
    '¿Cada persona usa una contraseña distinta para cada cuenta de trabajo, guardada en un gestor de contraseñas?',
  'q.password-manager.why':
    'Cuando hackean un sitio web, los delincuentes prueban el mismo correo y contraseña en todas partes. Las contraseñas únicas evitan que una filtración abra todas las puertas.',
  'q.password-manager.fix': 'Usa un gestor de contraseñas para todo el equipo',
  'q.password-manager.steps':
    'Elige un gestor de contraseñas con plan para empresas (o el que trae tu navegador o teléfono si el equipo es muy pequeño).\nEmpieza por el correo, el banco y la contabilidad: deja que el gestor cree contraseñas nuevas y largas para cada una.\nComparte las contraseñas del equipo a través del gestor, nunca por correo, chat ni notas adhesivas.',

  'q.leavers-removed':
    'Cuando alguien deja la empresa, ¿se cierran sus cuentas y se cambian en menos de un día las contraseñas compartidas que conocía?',
  'q.leavers-removed.why':
    'Las cuentas viejas se olvidan con facilidad y se usan mal con facilidad: por quien se fue o por cualquiera que consiguiera su contraseña.',
  'q.leavers-removed.fix': 'Cierra las cuentas de quien se va el último día',
  'q.leavers-removed.steps':
    'Escribe una lista breve para las salidas: correo, archivos compartidos, banco, contabilidad, sitio web, códigos de alarma, redes sociales.\nEl último día, desactiva sus cuentas (redirige su correo a un responsable si hace falta) y recoge dispositivos y llaves.\nCambia las contraseñas compartidas que conocía, también la del wifi, y revisa cada tres meses tu lista de cuentas por si queda alguien que ya se fue.',

  'q.vendor-access':
    '¿Sabes qué empresas externas (soporte informático, proveedores de software) pueden entrar en tus sistemas, y cada una usa su propia cuenta con verificación en dos pasos?',
  'q.vendor-access.why':
    'Los delincuentes atacan a los proveedores informáticos para llegar a todos sus clientes a la vez. Un acceso que no conoces es un acceso que no puedes cerrar.',
  'q.vendor-access.fix': 'Haz una lista de los accesos externos y limítalos',
  'q.vendor-access.steps':
    'Pide por escrito a tu proveedor informático y de software qué cuentas y herramientas de acceso remoto usan en tus sistemas.\nAsegúrate de que cada uno tiene una cuenta a su nombre con verificación en dos pasos (nada de cuentas compartidas o predeterminadas) y elimina las herramientas que nadie usa.\nAcuerda por escrito que te avisarán en menos de un día si sufren un ataque, y revisa la lista una vez al año.',

  'q.updates-automatic':
    '¿Están activadas las actualizaciones automáticas en computadoras, teléfonos, navegadores y demás programas, y se instalan en menos de dos semanas?',
  'q.updates-automatic.why':
    'Las actualizaciones cierran agujeros que los delincuentes ya saben aprovechar. Muchos ataques alcanzan equipos que simplemente llevan semanas sin actualizar.',
  'q.updates-automatic.fix': 'Activa las actualizaciones automáticas en todo',
  'q.updates-automatic.steps':
    'En cada computadora y teléfono, abre la configuración de actualizaciones y activa las automáticas; reinicia cuando te lo pida.\nHaz lo mismo con los navegadores, Office y el router (su página de administración o su app suele tener la opción).\nUna vez al mes, comprueba en cada equipo que aparece como actualizado.',

  'q.end-of-life':
    '¿Todas tus computadoras, teléfonos, routers y programas siguen recibiendo actualizaciones de seguridad del fabricante (nada de Windows 7, teléfonos Android antiguos ni routers sin soporte)?',
  'q.end-of-life.why':
    'Los equipos que ya no reciben actualizaciones dejan abiertos para siempre todos los agujeros conocidos. Ninguna configuración lo arregla.',
  'q.end-of-life.fix': 'Reemplaza los equipos que ya no reciben actualizaciones',
  'q.end-of-life.steps':
    'Busca la fecha de fin de soporte de cada equipo (el modelo y «fin de soporte» en un buscador).\nReemplaza primero lo que ya no tiene soporte, empezando por las computadoras que se usan para el banco y el correo.\nHasta reemplazarlo, mantén el equipo sin soporte desconectado de internet y lejos del banco.',

  'q.antivirus':
    '¿Todas las computadoras tienen activada una protección contra malware que se actualiza sola (por ejemplo, Microsoft Defender)?',
  'q.antivirus.why':
    'La protección contra malware detiene muchas amenazas conocidas antes de que se ejecuten, y en Windows y Mac modernos no cuesta nada.',
  'q.antivirus.fix': 'Comprueba que la protección contra malware está activa y al día',
  'q.antivirus.steps':
    'En Windows, abre Seguridad de Windows y comprueba que la protección antivirus tiene una marca verde; en Mac mantén activadas las actualizaciones automáticas.\nSi pagas otro producto, comprueba que la licencia sigue vigente y que se actualiza; no uses dos a la vez.\nPregunta a tu proveedor informático si te conviene un producto de detección y respuesta (EDR).',
  'q.antivirus.mapping':
    'El CPG 3.A (detección de amenazas relevantes) es el objetivo más cercano; los CPG no tienen un objetivo específico para el software contra malware.',

  'q.device-encryption':
    '¿Las laptops y los teléfonos están cifrados, de modo que si se pierden o los roban nadie pueda ver tus archivos?',
  'q.device-encryption.why':
    'Las laptops y los teléfonos se pierden. Con el cifrado, quien los encuentre o los robe no ve nada sin tu contraseña.',
  'q.device-encryption.fix': 'Activa el cifrado en laptops y teléfonos',
  'q.device-encryption.steps':
    'Windows: activa BitLocker o el Cifrado de dispositivo en Configuración; Mac: activa FileVault.\nLos iPhone y Android modernos se cifran en cuanto tienen un código de bloqueo: asegúrate de que cada teléfono de trabajo tenga uno.\nGuarda la clave de recuperación en el gestor de contraseñas, no en la misma laptop.',

  'q.screen-lock':
    '¿Las computadoras y los teléfonos se bloquean solos al cabo de pocos minutos y piden contraseña, PIN o huella para abrirse?',
  'q.screen-lock.why':
    'Una pantalla desbloqueada permite a cualquiera que pase leer tu correo o enviar pagos en tu nombre.',
  'q.screen-lock.fix': 'Bloquea las pantallas automáticamente',
  'q.screen-lock.steps':
    'Configura cada computadora para que se bloquee a los 5 minutos o menos y cada teléfono al minuto.\nPide un PIN de al menos 6 dígitos, una contraseña o la huella para desbloquear.\nEnseña al equipo el atajo para bloquear al levantarse (tecla Windows + L, o Control + Comando + Q en Mac).',

  'q.screen-lock.mapping':
    'Los CPG de CISA no tienen un objetivo para el bloqueo de pantalla; Cyber Essentials lo pide dentro de la configuración segura (desbloqueo de dispositivos).',

  'q.secure-configuration':
    '¿Has quitado los programas y las cuentas que no usas, desactivado la ejecución automática de memorias USB y bloqueado las macros de Office en archivos de internet?',
  'q.secure-configuration.why':
    'Cada programa, cuenta o función que no se usa es otra puerta de entrada. Las macros en documentos enviados por correo son una vía favorita para el ransomware.',
  'q.secure-configuration.fix': 'Quita lo que no usas y bloquea las macros',
  'q.secure-configuration.steps':
    'En cada computadora, desinstala los programas que nadie usa y elimina las cuentas de usuario antiguas.\nComprueba que Office bloquea las macros en archivos de internet (es lo predeterminado en Microsoft 365 reciente; tu proveedor informático puede imponerlo a todos).\nDesactiva la reproducción automática de las unidades USB en la configuración.',

  'q.default-passwords':
    '¿Se cambiaron las contraseñas de fábrica del router, el wifi, las impresoras, las cámaras y otros equipos?',
  'q.default-passwords.why':
    'Las contraseñas de fábrica aparecen en los manuales publicados en internet; los delincuentes buscan equipos que todavía las usan.',
  'q.default-passwords.fix': 'Cambia las contraseñas de fábrica de todos los equipos',
  'q.default-passwords.steps':
    'Haz una lista de los equipos con acceso propio: router, puntos de acceso wifi, impresoras, cámaras, alarma, almacenamiento en red.\nEntra en cada uno (la dirección está en una etiqueta o en el manual) y pon una contraseña única y larga; guárdala en el gestor de contraseñas.\nSi un equipo no permite cambiarla, reemplázalo.',

  'q.firewall':
    '¿El cortafuegos está activado en el router y en cada computadora, sin nada abierto a internet sin que alguien sepa por qué?',
  'q.firewall.why':
    'El cortafuegos impide que internet llegue directamente a tus computadoras. Los puertos de acceso remoto abiertos son una vía habitual del ransomware.',
  'q.firewall.fix': 'Activa los cortafuegos y cierra las puertas abiertas',
  'q.firewall.steps':
    'Comprueba que el cortafuegos está activado en Seguridad de Windows o en la configuración de red del Mac.\nEn la página de administración del router, desactiva la administración remota y las reglas de «reenvío de puertos» que nadie sepa explicar.\nSi el equipo necesita acceso remoto, pide a tu proveedor informático una VPN o un servicio de acceso remoto con verificación en dos pasos en lugar de puertos abiertos.',

  'q.guest-wifi':
    '¿Las visitas y los dispositivos personales usan un wifi de invitados separado de las computadoras y equipos de la empresa?',
  'q.guest-wifi.why':
    'El teléfono infectado de una visita o un televisor inteligente en la misma red pueden llegar a tus computadoras. Una red de invitados los mantiene separados.',
  'q.guest-wifi.fix': 'Crea un wifi de invitados aparte',
  'q.guest-wifi.steps':
    'Activa la red de invitados en la configuración o la app del router (la mayoría la tiene).\nPonle su propia contraseña y cámbiala cada pocos meses; da la contraseña del wifi principal solo a los equipos de la empresa.\nPon también en la red de invitados los aparatos inteligentes (televisores, altavoces, cámaras) que no necesiten llegar a tus computadoras.',
  'q.guest-wifi.mapping':
    'CIS 12.2 (arquitectura de red segura) es una salvaguarda de IG2; la 4.2 (configuración segura de la infraestructura de red) es la de IG1. Cyber Essentials no tiene un control para redes de invitados.',

  'q.phishing-reporting':
    '¿Todo el mundo sabe cómo avisar de un correo, mensaje o llamada sospechosos, y se le agradece (nunca se le culpa) por hacerlo?',
  'q.phishing-reporting.why':
    'Un aviso rápido permite alertar a los demás y cambiar una contraseña antes de que haya daños. Quien teme que lo culpen se calla.',
  'q.phishing-reporting.fix': 'Facilita los avisos y agradécelos',
  'q.phishing-reporting.steps':
    'Elige una sola forma de avisar: una persona concreta, una dirección compartida como seguridad@ o el botón «informar de phishing» del correo.\nCuéntaselo a todos y deja claro que avisar de un error (aunque ya se haya hecho clic) siempre es lo correcto.\nCuando alguien avise, dale las gracias y cuenta al equipo cómo era la estafa.',
  'q.phishing-reporting.mapping':
    'Ningún marco tiene un control solo para que el personal avise de mensajes sospechosos; el CPG 2.I (formación básica) y CIS 14.6 / 17.3 lo cubren dentro de la formación y la notificación de incidentes.',

  'q.staff-training':
    '¿Todo el equipo recibió una formación breve sobre estafas, phishing y hábitos seguros en el último año, incluidas las personas nuevas al incorporarse?',
  'q.staff-training.why':
    'Los delincuentes atacan a las personas tanto como a las computadoras. Saber cómo es una estafa es la protección más barata que existe.',
  'q.staff-training.fix': 'Forma a todos una vez al año y a quien llega el primer día',
  'q.staff-training.steps':
    'Usa material gratuito: el modo de práctica de Shieldwall o la formación para empleados de tu organismo nacional de ciberseguridad.\nDedica 30 minutos al año con todo el equipo y 10 minutos con cada persona nueva.\nComenten ejemplos reales que haya recibido la empresa.',

  'q.payment-verification':
    'Antes de pagar a una cuenta bancaria nueva o de cambiar los datos bancarios de un proveedor, ¿siempre llamas a un número que ya tenías, nunca al que aparece en el correo?',
  'q.payment-verification.why':
    'Las facturas falsas y los correos de «hemos cambiado de cuenta bancaria» están entre las estafas más caras para las pequeñas empresas, y el dinero casi nunca se recupera.',
  'q.payment-verification.fix': 'Confirma por teléfono cualquier dato bancario nuevo o cambiado',
  'q.payment-verification.steps':
    'Ponlo por escrito como norma: los datos bancarios nuevos o cambiados se confirman por teléfono, con un número de tus registros o del sitio web del proveedor, nunca del mensaje.\nPide a tu banco que los beneficiarios nuevos o los pagos grandes necesiten la aprobación de dos personas.\nInforma de la norma a proveedores y empleados, para que nadie se sienta descortés al cumplirla, aunque parezca que lo pide el jefe.',
  'q.payment-verification.mapping':
    'Ningún marco tiene un control para verificar pagos; CIS 14.2 (formación sobre ingeniería social) y NIST PR.AT-01 son los más cercanos. Los CPG de CISA y Cyber Essentials no tienen ninguno.',

  'q.email-domain':
    'Si tienes tu propio dominio de correo, ¿publica registros SPF y DMARC para que otros puedan detectar los correos que se hacen pasar por ti?',
  'q.email-domain.why':
    'Sin SPF ni DMARC, cualquiera puede enviar correos que parecen de tu empresa, a tus clientes y a tu banco.',
  'q.email-domain.fix': 'Protege tu dominio de correo con SPF y DMARC',
  'q.email-domain.steps':
    'Usa la comprobación de dominio de correo de Shieldwall (o pregunta a tu proveedor de correo) para obtener los registros exactos que hay que añadir.\nAñade un registro SPF y un registro DMARC que empiece con p=none y una dirección para los informes, en la empresa donde compraste el dominio.\nTras unas semanas de informes sin problemas, pasa DMARC a p=quarantine y después a p=reject.',
  'q.email-domain.mapping':
    'CIS 9.5 (implementar DMARC) es una salvaguarda de IG2; IG1 no tiene ninguna sobre autenticación del correo. La correspondencia con NIST CSF 2.0 (PR.DS-02, integridad de los datos en tránsito) es criterio nuestro, no una tabla oficial.',

  'q.incident-plan':
    '¿Hay un plan escrito de una página para un incidente informático: a quién llamar (soporte informático, banco, aseguradora, policía) y qué hacer primero?',
  'q.incident-plan.why':
    'En la primera hora de un ataque la gente entra en pánico. Una página con teléfonos y primeros pasos ahorra dinero y tiempo.',
  'q.incident-plan.fix': 'Escribe un plan de incidentes de una página',
  'q.incident-plan.steps':
    'Anota quién decide y los teléfonos de tu soporte informático, la línea de fraude del banco, la aseguradora y la policía o la línea nacional de denuncia de fraudes.\nEnumera los primeros pasos: desconectar de la red las computadoras afectadas, no pagar, cambiar contraseñas desde un equipo limpio, llamar al banco si se movió dinero.\nImprímelo, guarda una copia fuera de la oficina y léanlo juntos una vez al año.',

  'q.asset-inventory':
    '¿Tienes una lista actualizada de tus equipos, programas y cuentas en línea, y de quién se ocupa de cada uno?',
  'q.asset-inventory.why':
    'No puedes actualizar, copiar ni cerrar lo que no sabes que existe. La lista también facilita mucho el seguro y las salidas de personal.',
  'q.asset-inventory.fix': 'Lleva una lista sencilla de equipos y cuentas',
  'q.asset-inventory.steps':
    'Empieza una hoja de cálculo: cada equipo (tipo, quién lo usa, cuándo deja de recibir actualizaciones) y cada servicio en línea (quién lo administra).\nAñade lo que compres o contrates y quita lo que ya no tengas.\nRevísala cada seis meses, junto con las copias de seguridad.',

  'q.logging':
    '¿Se guardan al menos 90 días los registros de inicio de sesión del correo y las cuentas clave, y alguien recibe alertas de inicios de sesión extraños?',
  'q.logging.why':
    'Los registros muestran qué pasó tras un ataque, y las alertas de inicios de sesión extraños detectan a los delincuentes antes de que hagan daño.',
  'q.logging.fix': 'Guarda los registros de inicio de sesión y activa alertas',
  'q.logging.steps':
    'En Microsoft 365 o Google Workspace, comprueba que el registro de auditoría está activado y busca el informe de inicios de sesión.\nActiva alertas de inicios de sesión sospechosos y de nuevas reglas de reenvío de correo, dirigidas a alguien que las lea.\nPregunta a tu proveedor informático cuánto tiempo se guardan los registros y asegúrate de que sean al menos 90 días.',
};
