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
    'Ordenadas según cuánto le protege cada mejora en relación con el trabajo que supone. «No lo sé» cuenta como «no» hasta que lo averigüe.',
  'report.no_fixes':
    'Todas las respuestas son «sí». Siga así y vuelva a revisarlo dentro de seis meses.',
  'report.impact_effort': 'Protección: {impact} de 5 · Trabajo: {effort} de 5',
  'report.why': 'Por qué importa',
  'report.how': 'Cómo hacerlo',
  'report.find_out': 'Averigüe primero',
  'report.find_out_intro':
    'Respondió «No lo sé» a estas preguntas. Pregúntele a quien se ocupa de su informática:',
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
    '¿Se hace automáticamente una copia de seguridad de sus archivos importantes (clientes, contabilidad, documentos) al menos una vez por semana?',
  'q.backup-automatic.why':
    'Una laptop rota, un robo o un ransomware pueden borrar años de trabajo en un minuto. Una copia reciente convierte un desastre en un mal día.',
  'q.backup-automatic.fix': 'Haga copias automáticas todos los días',
  'q.backup-automatic.steps':
    'Anote dónde están sus archivos importantes: computadoras, una carpeta compartida, Microsoft 365 o Google Workspace.\nActive la copia de seguridad que trae cada uno (Historial de archivos u OneDrive en Windows, Time Machine en Mac) o contrate un servicio de copias para sus cuentas en línea.\nPrográmela a diario y compruebe una semana después que aparecen copias nuevas.',

  'q.backup-offline':
    '¿Guarda al menos una copia donde el ransomware no pueda llegar: un disco que desconecta o una copia en la nube que no se puede modificar ni borrar durante un tiempo?',
  'q.backup-offline.why':
    'El ransomware busca las copias a su alcance y también las cifra o las borra. La copia desconectada o bloqueada es la que le salva.',
  'q.backup-offline.fix': 'Mantenga una copia fuera del alcance del ransomware',
  'q.backup-offline.steps':
    'Compre dos discos externos y copie sus archivos en uno cada semana; guárdelo desconectado fuera de la oficina y alterne los dos discos cada semana.\nO elija una copia en la nube con copias «inmutables» o «bloqueadas» (busque esas palabras) y active esa opción durante al menos 30 días.\nAsegúrese de que la contraseña del servicio de copias no se usa en ningún otro sitio y tiene verificación en dos pasos.',

  'q.backup-restore-tested':
    'En los últimos seis meses, ¿ha recuperado algún archivo de su copia de seguridad para comprobar que funciona de verdad?',
  'q.backup-restore-tested.why':
    'Muchas empresas descubren el peor día que su copia estaba vacía, era antigua o no tenía los archivos importantes.',
  'q.backup-restore-tested.fix': 'Pruebe a recuperar archivos dos veces al año',
  'q.backup-restore-tested.steps':
    'Ponga un recordatorio en su calendario cada seis meses.\nElija tres archivos (uno reciente, uno antiguo y uno grande) y recupérelos de la copia en otra carpeta.\nÁbralos. Si falta algo o no se abre, arregle la copia ese mismo día y anote qué cambió.',
  'q.backup-restore-tested.mapping':
    'CIS 11.5 (probar la recuperación de datos) es una salvaguarda de IG2; se incluye porque es la que mejor encaja. La salvaguarda de IG1 es la 11.1.',

  'q.mfa-email-banking':
    '¿Sus cuentas de correo, banca en línea y contabilidad piden un segundo paso (un código, una app o una llave de seguridad) al iniciar sesión?',
  'q.mfa-email-banking.why':
    'La mayoría de los ataques empiezan con una contraseña robada. Un segundo paso detiene a quien tiene la contraseña pero no su teléfono ni su llave.',
  'q.mfa-email-banking.fix':
    'Active la verificación en dos pasos en el correo, el banco y la contabilidad',
  'q.mfa-email-banking.steps':
    'Empiece por el correo: en Microsoft 365 o Google Workspace, active la verificación en dos pasos (los «valores predeterminados de seguridad» en Microsoft 365) para todos.\nHaga lo mismo en la banca en línea, los pagos y la contabilidad; su banco puede ayudarle por teléfono.\nSi puede, use una app de autenticación o una llave de acceso en lugar de mensajes de texto, y guarde los códigos de respaldo en un lugar seguro y sin conexión.',

  'q.mfa-admin-phishing-resistant':
    '¿Quienes administran sus sistemas (administrador del correo, sitio web, nombre de dominio, pagos bancarios) inician sesión con una llave de acceso (passkey) o una llave de seguridad?',
  'q.mfa-admin-phishing-resistant.why':
    'Los delincuentes usan páginas de inicio de sesión falsas que también roban códigos. Las llaves de acceso y de seguridad solo funcionan en el sitio real, así que no se dejan engañar.',
  'q.mfa-admin-phishing-resistant.fix': 'Dé llaves de acceso o de seguridad a los administradores',
  'q.mfa-admin-phishing-resistant.steps':
    'Haga una lista de las cuentas que lo pueden cambiar todo: administrador del correo, dominio, sitio web, aprobación de pagos.\nCompre dos llaves de seguridad por administrador (una para guardar en un lugar seguro) o configure una llave de acceso en su teléfono o computadora.\nAgréguelas en la configuración de seguridad de cada cuenta y luego desactive los códigos por mensaje de texto en esas cuentas.',

  'q.admin-separate':
    '¿Se usa una cuenta normal para el trabajo diario y una cuenta de administrador aparte solo para cambiar la configuración?',
  'q.admin-separate.why':
    'Si alguien abre un archivo malicioso con la sesión de administrador abierta, el malware toma el control total de la computadora o de todo el correo.',
  'q.admin-separate.fix': 'Separe las cuentas de uso diario y de administrador',
  'q.admin-separate.steps':
    'En cada computadora, cree una cuenta estándar (no de administrador) para el día a día y deje una cuenta de administrador con otra contraseña.\nEn Microsoft 365 o Google Workspace, dé los permisos de administrador a una cuenta aparte (por ejemplo admin-ana@) que no se use para el correo.\nQue no haya más de dos o tres administradores.',

  'q.password-manager':
    '¿Cada persona usa una contraseña distinta para cada cuenta de trabajo, guardada en un gestor de contraseñas?',
  'q.password-manager.why':
    'Cuando hackean un sitio web, los delincuentes prueban el mismo correo y contraseña en todas partes. Las contraseñas únicas evitan que una filtración abra todas las puertas.',
  'q.password-manager.fix': 'Use un gestor de contraseñas para todo el equipo',
  'q.password-manager.steps':
    'Elija un gestor de contraseñas con plan para empresas (o el que trae su navegador o teléfono si el equipo es muy pequeño).\nEmpiece por el correo, el banco y la contabilidad: deje que el gestor cree contraseñas nuevas y largas para cada una.\nComparta las contraseñas del equipo a través del gestor, nunca por correo, chat ni notas adhesivas.',

  'q.leavers-removed':
    'Cuando alguien deja la empresa, ¿se cierran sus cuentas y se cambian en menos de un día las contraseñas compartidas que conocía?',
  'q.leavers-removed.why':
    'Las cuentas viejas se olvidan con facilidad y se usan mal con facilidad: por quien se fue o por cualquiera que consiguiera su contraseña.',
  'q.leavers-removed.fix': 'Cierre las cuentas de quien se va el último día',
  'q.leavers-removed.steps':
    'Escriba una lista breve para las salidas: correo, archivos compartidos, banco, contabilidad, sitio web, códigos de alarma, redes sociales.\nEl último día, desactive las cuentas de esa persona (redirija su correo a un responsable si hace falta) y recoja dispositivos y llaves.\nCambie las contraseñas compartidas que conocía, también la del wifi, y revise cada tres meses su lista de cuentas por si queda alguien que ya se fue.',

  'q.vendor-access':
    '¿Sabe qué empresas externas (soporte informático, proveedores de software) pueden entrar en sus sistemas, y cada una usa su propia cuenta con verificación en dos pasos?',
  'q.vendor-access.why':
    'Los delincuentes atacan a los proveedores informáticos para llegar a todos sus clientes a la vez. Un acceso que no conoce es un acceso que no puede cerrar.',
  'q.vendor-access.fix': 'Haga una lista de los accesos externos y limítelos',
  'q.vendor-access.steps':
    'Pida por escrito a su proveedor informático y de software qué cuentas y herramientas de acceso remoto usan en sus sistemas.\nAsegúrese de que cada uno tiene una cuenta a su nombre con verificación en dos pasos (nada de cuentas compartidas o predeterminadas) y elimine las herramientas que nadie usa.\nAcuerde por escrito que le avisarán en menos de un día si sufren un ataque, y revise la lista una vez al año.',

  'q.updates-automatic':
    '¿Están activadas las actualizaciones automáticas en computadoras, teléfonos, navegadores y demás programas, y se instalan en menos de dos semanas?',
  'q.updates-automatic.why':
    'Las actualizaciones cierran agujeros que los delincuentes ya saben aprovechar. Muchos ataques alcanzan equipos que simplemente llevan semanas sin actualizar.',
  'q.updates-automatic.fix': 'Active las actualizaciones automáticas en todo',
  'q.updates-automatic.steps':
    'En cada computadora y teléfono, abra la configuración de actualizaciones y active las automáticas; reinicie cuando se lo pida.\nHaga lo mismo con los navegadores, Office y el router (su página de administración o su app suele tener la opción).\nUna vez al mes, compruebe en cada equipo que aparece como actualizado.',

  'q.end-of-life':
    '¿Todas sus computadoras, teléfonos, routers y programas siguen recibiendo actualizaciones de seguridad del fabricante (nada de Windows 7, teléfonos Android antiguos ni routers sin soporte)?',
  'q.end-of-life.why':
    'Los equipos que ya no reciben actualizaciones dejan abiertos para siempre todos los agujeros conocidos. Ninguna configuración lo arregla.',
  'q.end-of-life.fix': 'Reemplace los equipos que ya no reciben actualizaciones',
  'q.end-of-life.steps':
    'Busque la fecha de fin de soporte de cada equipo (el modelo y «fin de soporte» en un buscador).\nReemplace primero lo que ya no tiene soporte, empezando por las computadoras que se usan para el banco y el correo.\nHasta reemplazarlo, mantenga el equipo sin soporte desconectado de internet y lejos del banco.',

  'q.antivirus':
    '¿Todas las computadoras tienen activada una protección contra malware que se actualiza sola (por ejemplo, Microsoft Defender)?',
  'q.antivirus.why':
    'La protección contra malware detiene muchas amenazas conocidas antes de que se ejecuten, y en Windows y Mac modernos no cuesta nada.',
  'q.antivirus.fix': 'Compruebe que la protección contra malware está activa y al día',
  'q.antivirus.steps':
    'En Windows, abra Seguridad de Windows y compruebe que la protección antivirus tiene una marca verde; en Mac mantenga activadas las actualizaciones automáticas.\nSi paga otro producto, compruebe que la licencia sigue vigente y que se actualiza; no use dos a la vez.\nPregunte a su proveedor informático si le conviene un producto de detección y respuesta (EDR).',
  'q.antivirus.mapping':
    'El CPG 3.A (detección de amenazas y TTP relevantes) es el objetivo más cercano; los CPG v1.0.1 no tienen un objetivo para el software contra malware (CPG 2.0 añade uno, el 4.A).',

  'q.device-encryption':
    '¿Las laptops y los teléfonos están cifrados, de modo que si se pierden o los roban nadie pueda ver sus archivos?',
  'q.device-encryption.why':
    'Las laptops y los teléfonos se pierden. Con el cifrado, quien los encuentre o los robe no ve nada sin su contraseña.',
  'q.device-encryption.fix': 'Active el cifrado en laptops y teléfonos',
  'q.device-encryption.steps':
    'Windows: active BitLocker o el Cifrado de dispositivo en Configuración; Mac: active FileVault.\nLos iPhone y Android modernos se cifran en cuanto tienen un código de bloqueo: asegúrese de que cada teléfono de trabajo tenga uno.\nGuarde la clave de recuperación en el gestor de contraseñas, no en la misma laptop.',

  'q.screen-lock':
    '¿Las computadoras y los teléfonos se bloquean solos al cabo de pocos minutos y piden contraseña, PIN o huella para abrirse?',
  'q.screen-lock.why':
    'Una pantalla desbloqueada permite a cualquiera que pase leer su correo o enviar pagos en su nombre.',
  'q.screen-lock.fix': 'Bloquee las pantallas automáticamente',
  'q.screen-lock.steps':
    'Configure cada computadora para que se bloquee a los 5 minutos o menos y cada teléfono al minuto.\nPida un PIN de al menos 6 dígitos, una contraseña o la huella para desbloquear.\nEnseñe al equipo el atajo para bloquear al levantarse (tecla Windows + L, o Control + Comando + Q en Mac).',

  'q.screen-lock.mapping':
    'Los CPG v1.0.1 de CISA no tienen un objetivo para el bloqueo de pantalla; Cyber Essentials lo pide dentro de la configuración segura (desbloqueo de dispositivos).',

  'q.secure-configuration':
    '¿Ha quitado los programas y las cuentas que no usa, desactivado la ejecución automática de memorias USB y bloqueado las macros de Office en archivos de internet?',
  'q.secure-configuration.why':
    'Cada programa, cuenta o función que no se usa es otra puerta de entrada. Las macros en documentos enviados por correo son una vía favorita para el ransomware.',
  'q.secure-configuration.fix': 'Quite lo que no usa y bloquee las macros',
  'q.secure-configuration.steps':
    'En cada computadora, desinstale los programas que nadie usa y elimine las cuentas de usuario antiguas.\nCompruebe que Office bloquea las macros en archivos de internet (es lo predeterminado en Microsoft 365 reciente; su proveedor informático puede imponerlo a todos).\nDesactive la reproducción automática de las unidades USB en la configuración.',

  'q.default-passwords':
    '¿Se cambiaron las contraseñas de fábrica del router, el wifi, las impresoras, las cámaras y otros equipos?',
  'q.default-passwords.why':
    'Las contraseñas de fábrica aparecen en los manuales publicados en internet; los delincuentes buscan equipos que todavía las usan.',
  'q.default-passwords.fix': 'Cambie las contraseñas de fábrica de todos los equipos',
  'q.default-passwords.steps':
    'Haga una lista de los equipos con acceso propio: router, puntos de acceso wifi, impresoras, cámaras, alarma, almacenamiento en red.\nEntre en cada uno (la dirección está en una etiqueta o en el manual) y ponga una contraseña única y larga; guárdela en el gestor de contraseñas.\nSi un equipo no permite cambiarla, reemplácelo.',

  'q.firewall':
    '¿El cortafuegos está activado en el router y en cada computadora, sin nada abierto a internet sin que alguien sepa por qué?',
  'q.firewall.why':
    'El cortafuegos impide que internet llegue directamente a sus computadoras. Los puertos de acceso remoto abiertos son una vía habitual del ransomware.',
  'q.firewall.fix': 'Active los cortafuegos y cierre las puertas abiertas',
  'q.firewall.steps':
    'Compruebe que el cortafuegos está activado en Seguridad de Windows o en la configuración de red del Mac.\nEn la página de administración del router, desactive la administración remota y las reglas de «reenvío de puertos» que nadie sepa explicar.\nSi el equipo necesita acceso remoto, pida a su proveedor informático una VPN o un servicio de acceso remoto con verificación en dos pasos en lugar de puertos abiertos.',

  'q.guest-wifi':
    '¿Las visitas y los dispositivos personales usan un wifi de invitados separado de las computadoras y equipos de la empresa?',
  'q.guest-wifi.why':
    'El teléfono infectado de una visita o un televisor inteligente en la misma red pueden llegar a sus computadoras. Una red de invitados los mantiene separados.',
  'q.guest-wifi.fix': 'Cree un wifi de invitados aparte',
  'q.guest-wifi.steps':
    'Active la red de invitados en la configuración o la app del router (la mayoría la tiene).\nPóngale su propia contraseña y cámbiela cada pocos meses; dé la contraseña del wifi principal solo a los equipos de la empresa.\nPonga también en la red de invitados los aparatos inteligentes (televisores, altavoces, cámaras) que no necesiten llegar a sus computadoras.',
  'q.guest-wifi.mapping':
    'CIS 12.2 (arquitectura de red segura) es una salvaguarda de IG2; la 4.2 (configuración segura de la infraestructura de red) es la de IG1. El CPG 2.F (segmentación de red) está pensado para separar las redes de TI y de OT; es el objetivo más cercano. Cyber Essentials no tiene un control para redes de invitados.',

  'q.phishing-reporting':
    '¿Todo el mundo sabe cómo avisar de un correo, mensaje o llamada sospechosos, y se le agradece (nunca se le culpa) por hacerlo?',
  'q.phishing-reporting.why':
    'Un aviso rápido permite alertar a los demás y cambiar una contraseña antes de que haya daños. Quien teme que lo culpen se calla.',
  'q.phishing-reporting.fix': 'Facilite los avisos y agradézcalos',
  'q.phishing-reporting.steps':
    'Elija una sola forma de avisar: una persona concreta, una dirección compartida como seguridad@ o el botón «informar de phishing» del correo.\nCuénteselo a todos y deje claro que avisar de un error (aunque ya se haya hecho clic) siempre es lo correcto.\nCuando alguien avise, dele las gracias y cuente al equipo cómo era la estafa.',
  'q.phishing-reporting.mapping':
    'Ningún marco tiene un control solo para que el personal avise de mensajes sospechosos; el CPG 2.I (formación básica) y CIS 14.6 / 17.3 lo cubren dentro de la formación y la notificación de incidentes.',

  'q.staff-training':
    '¿Todo el equipo recibió una formación breve sobre estafas, phishing y hábitos seguros en el último año, incluidas las personas nuevas al incorporarse?',
  'q.staff-training.why':
    'Los delincuentes atacan a las personas tanto como a las computadoras. Saber cómo es una estafa es la protección más barata que existe.',
  'q.staff-training.fix': 'Forme a todos una vez al año y a quien llega el primer día',
  'q.staff-training.steps':
    'Use material gratuito: el modo de práctica de Shieldwall o la formación para empleados de su organismo nacional de ciberseguridad.\nDedique 30 minutos al año con todo el equipo y 10 minutos con cada persona nueva.\nComenten ejemplos reales que haya recibido la empresa.',

  'q.payment-verification':
    'Antes de pagar a una cuenta bancaria nueva o de cambiar los datos bancarios de un proveedor, ¿siempre llama a un número que ya tenía, nunca al que aparece en el correo?',
  'q.payment-verification.why':
    'Las facturas falsas y los correos de «hemos cambiado de cuenta bancaria» están entre las estafas más caras para las pequeñas empresas, y el dinero casi nunca se recupera.',
  'q.payment-verification.fix': 'Confirme por teléfono cualquier dato bancario nuevo o cambiado',
  'q.payment-verification.steps':
    'Póngalo por escrito como norma: los datos bancarios nuevos o cambiados se confirman por teléfono, con un número de sus registros o del sitio web del proveedor, nunca del mensaje.\nPida a su banco que los beneficiarios nuevos o los pagos grandes necesiten la aprobación de dos personas.\nInforme de la norma a proveedores y empleados, para que nadie se sienta descortés al cumplirla, aunque parezca que lo pide el jefe.',
  'q.payment-verification.mapping':
    'Ningún marco tiene un control para la verificación de pagos en sí; lo más cercano es la formación sobre ingeniería social y fraude del correo corporativo (BEC): el CPG 2.I, CIS 14.2 y NIST PR.AT-01. Cyber Essentials no tiene ninguno.',

  'q.email-domain':
    'Si tiene su propio dominio de correo, ¿publica registros SPF y DMARC para que otros puedan detectar los correos que se hacen pasar por usted?',
  'q.email-domain.why':
    'Sin SPF ni DMARC, cualquiera puede enviar correos que parecen de su empresa, a sus clientes y a su banco.',
  'q.email-domain.fix': 'Proteja su dominio de correo con SPF y DMARC',
  'q.email-domain.steps':
    'Use la comprobación de dominio de correo de Shieldwall (o pregunte a su proveedor de correo) para obtener los registros exactos que hay que añadir.\nAñada un registro SPF y un registro DMARC que empiece con p=none y una dirección para los informes, en la empresa donde compró el dominio.\nTras unas semanas de informes sin problemas, pase DMARC a p=quarantine y después a p=reject.',
  'q.email-domain.mapping':
    'CIS 9.5 (implementar DMARC) es una salvaguarda de IG2; IG1 no tiene ninguna sobre autenticación del correo. La correspondencia con NIST CSF 2.0 (PR.DS-02, integridad de los datos en tránsito) es criterio nuestro, no una tabla oficial.',

  'q.incident-plan':
    '¿Hay un plan escrito de una página para un incidente informático: a quién llamar (soporte informático, banco, aseguradora, policía) y qué hacer primero?',
  'q.incident-plan.why':
    'En la primera hora de un ataque la gente entra en pánico. Una página con teléfonos y primeros pasos ahorra dinero y tiempo.',
  'q.incident-plan.fix': 'Escriba un plan de incidentes de una página',
  'q.incident-plan.steps':
    'Anote quién decide y los teléfonos de su soporte informático, la línea de fraude del banco, la aseguradora y la policía o la línea nacional de denuncia de fraudes.\nEnumere los primeros pasos: desconectar de la red las computadoras afectadas, no pagar, cambiar contraseñas desde un equipo limpio, llamar al banco si se movió dinero.\nImprímalo, guarde una copia fuera de la oficina y léanlo juntos una vez al año.',

  'q.asset-inventory':
    '¿Tiene una lista actualizada de sus equipos, programas y cuentas en línea, y de quién se ocupa de cada uno?',
  'q.asset-inventory.why':
    'No puede actualizar, copiar ni cerrar lo que no sabe que existe. La lista también facilita mucho el seguro y las salidas de personal.',
  'q.asset-inventory.fix': 'Lleve una lista sencilla de equipos y cuentas',
  'q.asset-inventory.steps':
    'Empiece una hoja de cálculo: cada equipo (tipo, quién lo usa, cuándo deja de recibir actualizaciones) y cada servicio en línea (quién lo administra).\nAñada lo que compre o contrate y quite lo que ya no tenga.\nRevísela cada seis meses, junto con las copias de seguridad.',

  'q.logging':
    '¿Se guardan al menos 90 días los registros de inicio de sesión del correo y las cuentas clave, y alguien recibe alertas de inicios de sesión extraños?',
  'q.logging.why':
    'Los registros muestran qué pasó tras un ataque, y las alertas de inicios de sesión extraños detectan a los delincuentes antes de que hagan daño.',
  'q.logging.fix': 'Guarde los registros de inicio de sesión y active alertas',
  'q.logging.steps':
    'En Microsoft 365 o Google Workspace, compruebe que el registro de auditoría está activado y busque el informe de inicios de sesión.\nActive alertas de inicios de sesión sospechosos y de nuevas reglas de reenvío de correo, dirigidas a alguien que las lea.\nPregunte a su proveedor informático cuánto tiempo se guardan los registros y asegúrese de que sean al menos 90 días.',
};
