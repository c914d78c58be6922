/**
 * Which Sigma logsources a Windows event belongs to (SigmaHQ's taxonomy, tests/logsource.json and
 * the Sysmon/Windows processing pipelines): the channel names the service; Sysmon event ids and a
 * few other well-known ids name a category.
 */
import type { LogSource } from '../event.js';

/** Channel (lower-cased) → Sigma service. */
export const CHANNEL_SERVICES: Readonly<Record<string, string>> = {
  security: 'security',
  system: 'system',
  application: 'application',
  'microsoft-windows-sysmon/operational': 'sysmon',
  'windows powershell': 'powershell-classic',
  'microsoft-windows-powershell/operational': 'powershell',
  'powershellcore/operational': 'powershell',
  'microsoft-windows-taskscheduler/operational': 'taskscheduler',
  'microsoft-windows-windows defender/operational': 'windefend',
  'microsoft-windows-dns-client/operational': 'dns-client',
  'dns server': 'dns-server',
  'microsoft-windows-dns-server/analytical': 'dns-server-analytic',
  'microsoft-windows-bits-client/operational': 'bits-client',
  'microsoft-windows-codeintegrity/operational': 'codeintegrity-operational',
  'microsoft-windows-wmi-activity/operational': 'wmi',
  'microsoft-windows-applocker/exe and dll': 'applocker',
  'microsoft-windows-applocker/msi and script': 'applocker',
  'microsoft-windows-applocker/packaged app-deployment': 'applocker',
  'microsoft-windows-applocker/packaged app-execution': 'applocker',
  'microsoft-windows-windows firewall with advanced security/firewall': 'firewall-as',
  'microsoft-windows-terminalservices-localsessionmanager/operational':
    'terminalservices-localsessionmanager',
  'microsoft-windows-ntlm/operational': 'ntlm',
  'microsoft-windows-smbclient/security': 'smbclient-security',
  'microsoft-windows-smbclient/connectivity': 'smbclient-connectivity',
  'microsoft-windows-driverframeworks-usermode/operational': 'driver-framework',
  'microsoft-windows-printservice/admin': 'printservice-admin',
  'microsoft-windows-printservice/operational': 'printservice-operational',
  'microsoft-windows-shell-core/operational': 'shell-core',
  'openssh/operational': 'openssh',
  'microsoft-windows-lsa/operational': 'lsa-server',
  'microsoft-windows-diagnosis-scripted/operational': 'diagnosis-scripted',
  'microsoft-windows-security-mitigations/kernel mode': 'security-mitigations',
  'microsoft-windows-security-mitigations/user mode': 'security-mitigations',
  'microsoft-windows-appxdeploymentserver/operational': 'appxdeployment-server',
  'microsoft-windows-appxpackaging/operational': 'appxpackaging-om',
  'microsoft-windows-appmodel-runtime/admin': 'appmodel-runtime',
  'microsoft-windows-capi2/operational': 'capi2',
  'microsoft-windows-certificateservicesclient-lifecycle-system/operational':
    'certificateservicesclient-lifecycle-system',
  'microsoft-windows-kernel-shimengine/operational': 'shimcache',
  'microsoft-windows-ldap-client/debug': 'ldap',
  'microsoft-windows-hyper-v-worker-admin': 'hyper-v-worker',
  'microsoft-windows-vhdmp/operational': 'vhdmp',
  'microsoft-windows-msexchange management': 'msexchange-management',
  'msexchange management': 'msexchange-management',
};

/** Sysmon event id → categories. 12–14 are also `registry_event`; 12 splits by EventType. */
const SYSMON_CATEGORIES: Readonly<Record<number, readonly string[]>> = {
  1: ['process_creation'],
  2: ['file_change'],
  3: ['network_connection'],
  4: ['sysmon_status'],
  5: ['process_termination'],
  6: ['driver_load'],
  7: ['image_load'],
  8: ['create_remote_thread'],
  9: ['raw_access_thread'],
  10: ['process_access'],
  11: ['file_event'],
  13: ['registry_set', 'registry_event'],
  14: ['registry_rename', 'registry_event'],
  15: ['create_stream_hash'],
  16: ['sysmon_status'],
  17: ['pipe_created'],
  18: ['pipe_created'],
  19: ['wmi_event'],
  20: ['wmi_event'],
  21: ['wmi_event'],
  22: ['dns_query'],
  23: ['file_delete'],
  24: ['clipboard_change'],
  25: ['process_tampering'],
  26: ['file_delete'],
  27: ['file_block_executable'],
  28: ['file_block_shredding'],
  29: ['file_executable_detected'],
  255: ['sysmon_error'],
};

function sysmonCategories(eventId: number, eventType: unknown): readonly string[] {
  if (eventId === 12) {
    const t = typeof eventType === 'string' ? eventType.toLowerCase() : '';
    return [
      t === 'deletekey' || t === 'deletevalue' ? 'registry_delete' : 'registry_add',
      'registry_event',
    ];
  }
  return SYSMON_CATEGORIES[eventId] ?? [];
}

/** Categories of other channels' well-known event ids (the Windows audit pipelines). */
function otherCategories(service: string | undefined, eventId: number): readonly string[] {
  if (service === 'security' && eventId === 4688) return ['process_creation'];
  if (service === 'powershell' && eventId === 4104) return ['ps_script'];
  if (service === 'powershell' && eventId === 4103) return ['ps_module'];
  if (service === 'powershell-classic' && eventId === 400) return ['ps_classic_start'];
  if (service === 'powershell-classic' && eventId === 600) return ['ps_classic_provider_start'];
  if (service === 'powershell-classic' && eventId === 800) return ['ps_classic_script'];
  return [];
}

export function windowsLogsources(
  channel: string,
  eventId: number,
  eventType: unknown,
): LogSource[] {
  const lower = channel.toLowerCase();
  const service = CHANNEL_SERVICES[lower];
  const out: LogSource[] = [];
  const categories =
    service === 'sysmon' ? sysmonCategories(eventId, eventType) : otherCategories(service, eventId);
  for (const category of categories) out.push({ product: 'windows', category });
  out.push(service === undefined ? { product: 'windows' } : { product: 'windows', service });
  return out;
}
