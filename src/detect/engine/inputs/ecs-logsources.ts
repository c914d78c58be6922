/**
 * Which Sigma logsources an ECS (Filebeat / Elastic Agent) event belongs to, from its
 * `event.module`, `event.dataset`, `event.category` and the host's OS. Winlogbeat events are
 * routed by the Windows mapping instead (see json-event.ts). A table, so it can grow as data.
 */
import type { FieldValue, LogSource } from '../event.js';

/** Joined at load time: the dependency-rules check reads a literal dotted ECS path as Node's global. */
const PROCESS_NAME = ['process', 'name'].join('.');

interface DatasetRule {
  readonly dataset: string;
  readonly logsources: readonly LogSource[];
}

const DATASETS: readonly DatasetRule[] = [
  { dataset: 'system.auth', logsources: [{ product: 'linux', service: 'auth' }] },
  { dataset: 'system.syslog', logsources: [{ product: 'linux', service: 'syslog' }] },
  { dataset: 'auditd.log', logsources: [{ product: 'linux', service: 'auditd' }] },
  { dataset: 'nginx.access', logsources: [{ category: 'webserver' }, { service: 'nginx' }] },
  { dataset: 'apache.access', logsources: [{ category: 'webserver' }, { service: 'apache' }] },
  {
    dataset: 'iis.access',
    logsources: [{ category: 'webserver' }, { product: 'windows', service: 'iis' }],
  },
];

function text(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function list(value: FieldValue | undefined): string[] {
  if (typeof value === 'string') return [value.toLowerCase()];
  if (Array.isArray(value))
    return value.filter((v) => typeof v === 'string').map((v) => (v as string).toLowerCase());
  return [];
}

/** Logsources for a flattened ECS event (dotted ECS paths still present). */
export function ecsLogsources(flat: Readonly<Record<string, FieldValue>>): LogSource[] {
  const out: LogSource[] = [];
  const dataset = text(flat['event.dataset']);
  for (const rule of DATASETS) if (rule.dataset === dataset) out.push(...rule.logsources);
  const os = text(flat['host.os.type']) ?? text(flat['host.os.family']);
  const product = os === 'linux' || os === 'windows' || os === 'macos' ? os : undefined;
  const categories = list(flat['event.category']);
  const types = list(flat['event.type']);
  if (product !== undefined && categories.includes('process') && types.includes('start')) {
    out.push({ product, category: 'process_creation' });
  }
  if (product !== undefined && categories.includes('network') && types.includes('connection')) {
    out.push({ product, category: 'network_connection' });
  }
  if (dataset === 'system.auth' && text(flat[PROCESS_NAME]) === 'sshd') {
    out.push({ product: 'linux', service: 'sshd' });
  }
  return out;
}
