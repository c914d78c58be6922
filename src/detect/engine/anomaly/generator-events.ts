/**
 * The event-level half of the traffic generator: builds LogEvents shaped like the real inputs
 * (Sysmon process creation, Security 4624/4625, sshd lines, cloud sign-ins with coordinates, web
 * access logs) and collects them with their labels. See generator.ts for the organisation.
 */
import type { Prng } from '../../../platform/engine-kit/model/prng.js';
import type { LogEvent } from '../event.js';
import type { Person, TrafficLabel } from './generator.js';

export interface GeneratedEvent {
  readonly event: LogEvent;
  /** Set on injected anomalies; null for normal traffic. */
  readonly label: TrafficLabel | null;
}

const HOUR = 3_600_000;
const MIN = 60_000;
const SYS = 'C:\\Windows\\System32\\';
const PF = 'C:\\Program Files\\';
const PATHS: Record<string, string> = {
  'services.exe': `${SYS}services.exe`,
  'svchost.exe': `${SYS}svchost.exe`,
  'userinit.exe': `${SYS}userinit.exe`,
  'explorer.exe': 'C:\\Windows\\explorer.exe',
  'taskhostw.exe': `${SYS}taskhostw.exe`,
  'wmiprvse.exe': `${SYS}wbem\\WmiPrvSE.exe`,
  'mpcmdrun.exe': `${PF}Windows Defender\\MpCmdRun.exe`,
  'wuauclt.exe': `${SYS}wuauclt.exe`,
  'chrome.exe': `${PF}Google\\Chrome\\Application\\chrome.exe`,
  'outlook.exe': `${PF}Microsoft Office\\root\\Office16\\OUTLOOK.EXE`,
  'winword.exe': `${PF}Microsoft Office\\root\\Office16\\WINWORD.EXE`,
  'excel.exe': `${PF}Microsoft Office\\root\\Office16\\EXCEL.EXE`,
  'teams.exe': 'C:\\Users\\user\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
  'acrord32.exe': `${PF}Adobe\\Acrobat Reader\\AcroRd32.exe`,
  'code.exe': 'C:\\Users\\user\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
  'node.exe': `${PF}nodejs\\node.exe`,
  'git.exe': `${PF}Git\\cmd\\git.exe`,
  'cmd.exe': `${SYS}cmd.exe`,
  'powershell.exe': `${SYS}WindowsPowerShell\\v1.0\\powershell.exe`,
  'conhost.exe': `${SYS}conhost.exe`,
  'w3wp.exe': `${SYS}inetsrv\\w3wp.exe`,
  'sqlservr.exe': `${PF}Microsoft SQL Server\\sqlservr.exe`,
  'wscript.exe': `${SYS}wscript.exe`,
  'mshta.exe': `${SYS}mshta.exe`,
  'rundll32.exe': `${SYS}rundll32.exe`,
  'certutil.exe': `${SYS}certutil.exe`,
};
const path = (name: string) => PATHS[name] ?? `C:\\Users\\user\\Downloads\\${name}`;
const pick = <T>(r: Prng, xs: readonly T[]): T => xs[Math.floor(r.next() * xs.length)] as T;

/** The entry of `mix` that the point `x` in [0, total weight) falls in. */
function weighted<T extends readonly [string, string, number]>(mix: readonly T[], x: number) {
  let left = x;
  for (const e of mix) {
    left -= e[2];
    if (left < 0) return e;
  }
  return mix[0];
}

const OFFICE_WORK: readonly (readonly [string, string, number])[] = [
  ['explorer.exe', 'chrome.exe', 6],
  ['chrome.exe', 'chrome.exe', 30],
  ['explorer.exe', 'outlook.exe', 2],
  ['outlook.exe', 'chrome.exe', 3],
  ['explorer.exe', 'winword.exe', 3],
  ['explorer.exe', 'excel.exe', 2],
  ['outlook.exe', 'winword.exe', 2],
  ['explorer.exe', 'teams.exe', 1],
  ['teams.exe', 'teams.exe', 8],
  ['explorer.exe', 'acrord32.exe', 1],
];
const DEV_WORK: readonly (readonly [string, string, number])[] = [
  ['explorer.exe', 'code.exe', 2],
  ['code.exe', 'code.exe', 10],
  ['code.exe', 'powershell.exe', 4],
  ['code.exe', 'node.exe', 8],
  ['powershell.exe', 'git.exe', 6],
  ['explorer.exe', 'cmd.exe', 2],
  ['cmd.exe', 'git.exe', 3],
  ['powershell.exe', 'conhost.exe', 4],
];

export class TrafficBuilder {
  readonly #out: GeneratedEvent[] = [];
  #seq = 0;

  #push(
    event: Omit<LogEvent, 'origin'> & { origin?: LogEvent['origin'] },
    source: string,
    label: TrafficLabel | null,
  ) {
    this.#seq += 1;
    this.#out.push({
      event: { ...event, time: Math.round(event.time ?? 0), origin: { source, line: this.#seq } },
      label,
    });
  }

  processStart(
    host: string,
    time: number,
    parent: string,
    child: string,
    user: string,
    label: TrafficLabel | null = null,
    commandLine?: string,
  ) {
    this.#push(
      {
        fields: {
          EventID: 1,
          Computer: host,
          Image: path(child),
          ParentImage: path(parent),
          User: `CORP\\${user}`,
          CommandLine: commandLine ?? `"${path(child)}"`,
        },
        logsources: [
          { product: 'windows', category: 'process_creation' },
          { product: 'windows', service: 'sysmon' },
        ],
        time,
      },
      `sysmon:${host}`,
      label,
    );
  }

  logon(
    host: string,
    time: number,
    user: string,
    ip: string,
    type: number,
    success: boolean,
    label: TrafficLabel | null = null,
  ) {
    this.#push(
      {
        fields: {
          EventID: success ? 4624 : 4625,
          Computer: host,
          TargetUserName: user,
          IpAddress: ip,
          LogonType: type,
        },
        logsources: [{ product: 'windows', service: 'security' }],
        time,
      },
      `security:${host}`,
      label,
    );
  }

  ssh(time: number, message: string, label: TrafficLabel | null = null) {
    this.#push(
      {
        fields: { Hostname: 'srv-linux', message },
        logsources: [{ product: 'linux', service: 'sshd' }],
        time,
      },
      'auth.log:srv-linux',
      label,
    );
  }

  cloudSignIn(
    upn: string,
    time: number,
    ip: string,
    at: readonly [number, number],
    label: TrafficLabel | null,
    success = true,
  ) {
    this.#push(
      {
        fields: {
          UserPrincipalName: upn,
          IpAddress: ip,
          ResultType: success ? '0' : '50126',
          Latitude: at[0],
          Longitude: at[1],
        },
        logsources: [{ product: 'azure', service: 'signinlogs' }],
        time,
      },
      'azure-signinlogs',
      label,
    );
  }

  web(time: number, ip: string, uri: string, status: number, label: TrafficLabel | null = null) {
    this.#push(
      {
        fields: {
          'c-ip': ip,
          'cs-method': 'GET',
          'cs-uri-stem': uri,
          'sc-status': status,
          'cs-host': 'www.example.org',
        },
        logsources: [{ category: 'webserver' }],
        time,
      },
      'iis:srv-web',
      label,
    );
  }

  /** Boot, services and background tasks of a workstation (also on days nobody works). */
  bootAndBackground(r: Prng, ws: string, day0: number, updateDay: boolean) {
    const boot = day0 + (6 + r.next()) * HOUR;
    for (let k = 0; k < 12; k++)
      this.processStart(ws, boot + k * 1000, 'services.exe', 'svchost.exe', 'SYSTEM');
    for (let h = 0; h < 24; h += 1) {
      const t = day0 + (h + r.next()) * HOUR;
      this.processStart(ws, t, 'svchost.exe', 'taskhostw.exe', 'SYSTEM');
      if (h % 3 === 0) this.processStart(ws, t + MIN, 'svchost.exe', 'wmiprvse.exe', 'SYSTEM');
    }
    this.processStart(ws, boot + 2 * HOUR, 'svchost.exe', 'mpcmdrun.exe', 'SYSTEM');
    if (updateDay) this.processStart(ws, day0 + 3 * HOUR, 'svchost.exe', 'wuauclt.exe', 'SYSTEM');
  }

  /** A person's working day on their workstation and the file server. */
  workday(r: Prng, p: Person, from: number, to: number) {
    this.logon(p.ws, from, p.name, '-', 2, true);
    this.processStart(p.ws, from + 5000, 'userinit.exe', 'explorer.exe', p.name);
    const mix = p.dev ? [...OFFICE_WORK, ...DEV_WORK] : OFFICE_WORK;
    const weights = mix.reduce((a, m) => a + m[2], 0);
    const n = 60 + Math.floor(r.next() * 60);
    for (let k = 0; k < n; k++) {
      const m = weighted(mix, r.next() * weights);
      if (m !== undefined)
        this.processStart(p.ws, from + r.next() * (to - from), m[0], m[1], p.name);
    }
    // Now and then someone installs something: a never-seen program, legitimately.
    if (r.next() < 0.03)
      this.processStart(
        p.ws,
        from + r.next() * (to - from),
        'explorer.exe',
        `setup_${Math.floor(r.next() * 1e6)}.exe`,
        p.name,
      );
    if (r.next() < 0.1) this.logon(p.ws, from - MIN, p.name, '-', 2, false);
    for (let k = 0; k < 3; k++)
      this.logon(p.ws, from + r.next() * (to - from), p.name, '-', 7, true);
    for (let k = 0, m = 2 + Math.floor(r.next() * 5); k < m; k++)
      this.logon('srv-files', from + r.next() * (to - from), p.name, p.ip, 3, true);
    if (p.admin)
      for (let k = 0, m = 1 + Math.floor(r.next() * 4); k < m; k++)
        this.ssh(
          from + r.next() * (to - from),
          `Accepted publickey for ${p.name} from ${p.ip} port ${40000 + Math.floor(r.next() * 20000)} ssh2`,
        );
  }

  /** Working from home: a remote desktop session through the VPN, from the home address. */
  vpnRdp(r: Prng, p: Person, from: number, homeIp: string) {
    this.logon(p.ws, from + r.next() * HOUR, p.name, homeIp, 10, true);
  }

  serverDay(r: Prng, day0: number, updateDay: boolean) {
    for (const host of ['srv-files', 'srv-web']) {
      this.bootAndBackground(r, host, day0, updateDay);
      if (host === 'srv-web')
        for (let k = 0; k < 6; k++)
          this.processStart(
            host,
            day0 + r.next() * 24 * HOUR,
            'svchost.exe',
            'w3wp.exe',
            'IIS APPPOOL',
          );
    }
  }

  /** Web traffic: regular visitors (a skewed pool), new visitors, a crawler, a monitoring probe. */
  webDay(r: Prng, day0: number, perDay: number) {
    for (let m = 0; m < 24 * 60; m += 2) this.web(day0 + m * MIN, '198.51.100.7', '/health', 200);
    let sent = 0;
    while (sent < perDay) {
      const hourWeight = r.next();
      const hour = hourWeight < 0.8 ? 7 + Math.floor(r.next() * 14) : Math.floor(r.next() * 24);
      const ip =
        r.next() < 0.6
          ? `100.64.${Math.floor(r.next() ** 2 * 20)}.${Math.floor(r.next() ** 2 * 50) + 1}`
          : `${100 + Math.floor(r.next() * 100)}.${Math.floor(r.next() * 255)}.${Math.floor(r.next() * 255)}.${1 + Math.floor(r.next() * 250)}`;
      const len = 3 + Math.floor(r.next() * 25);
      const t0 = day0 + (hour + r.next()) * HOUR;
      for (let k = 0; k < len; k++)
        this.web(
          t0 + k * 8000 * r.next(),
          ip,
          pick(r, ['/', '/about', '/rates', '/contact', '/outage-map', '/pay']),
          200,
        );
      sent += len;
    }
    const crawl = day0 + r.next() * 24 * HOUR;
    for (let k = 0; k < 40 + Math.floor(r.next() * 40); k++)
      this.web(crawl + k * 5000, '66.249.66.1', `/page/${k}`, 200);
  }

  /** The internet's background SSH password guessing: a few tries from many addresses. */
  sshNoise(r: Prng, day0: number) {
    for (let k = 0; k < 40; k++) {
      const t = day0 + r.next() * 24 * HOUR;
      const ip = `${45 + Math.floor(r.next() * 150)}.${Math.floor(r.next() * 255)}.${Math.floor(r.next() * 255)}.${1 + Math.floor(r.next() * 250)}`;
      for (let j = 0, n = 1 + Math.floor(r.next() * 6); j < n; j++)
        this.ssh(
          t + j * 3000,
          `Failed password for invalid user ${pick(r, ['admin', 'root', 'test', 'oracle', 'ubuntu'])} from ${ip} port ${30000 + j} ssh2`,
        );
    }
  }

  officeShell(r: Prng, p: Person, time: number, label: TrafficLabel) {
    const parent = pick(r, ['winword.exe', 'excel.exe', 'outlook.exe', 'acrord32.exe']);
    const child = pick(r, [
      'powershell.exe',
      'cmd.exe',
      'wscript.exe',
      'mshta.exe',
      'rundll32.exe',
      'certutil.exe',
    ]);
    const cmd =
      child === 'powershell.exe'
        ? 'powershell.exe -nop -w hidden -enc SQBFAFgAIAAo...'
        : `${child} /c start`;
    // Office dev users legitimately run code→powershell; Office→anything-shell is never normal here.
    this.processStart(p.ws, time, parent, child, p.name, label, cmd);
  }

  webShell(time: number, label: TrafficLabel) {
    this.processStart(
      'srv-web',
      time,
      'w3wp.exe',
      'cmd.exe',
      'IIS APPPOOL',
      label,
      'cmd.exe /c whoami',
    );
  }

  foreignSignIn(r: Prng, p: Person, time: number, ip: string, label: TrafficLabel, ssh: boolean) {
    if (ssh)
      this.ssh(
        time,
        `Accepted password for ${p.admin ? p.name : 'alice'} from ${ip} port ${40000 + Math.floor(r.next() * 9999)} ssh2`,
        label,
      );
    else this.logon(p.ws, time, p.name, ip, 10, true, label);
  }

  nightSignIn(r: Prng, p: Person, time: number, label: TrafficLabel, cloud: boolean) {
    if (cloud)
      this.cloudSignIn(`${p.name}@example.org`, time, '203.0.113.10', [45.764, 4.8357], label);
    else this.logon(p.ws, time + r.next() * MIN, p.name, '-', 2, true, label);
  }

  webScan(r: Prng, time: number, ip: string, label: TrafficLabel) {
    const n = 300 + Math.floor(r.next() * 1200);
    const span = (5 + r.next() * 5) * MIN;
    for (let k = 0; k < n; k++)
      this.web(
        time + (k / n) * span,
        ip,
        `/${pick(r, ['admin', 'wp-login.php', '.env', 'phpmyadmin', 'backup.zip', 'cgi-bin/test'])}${k}`,
        404,
        label,
      );
  }

  sshBruteForce(r: Prng, time: number, ip: string, label: TrafficLabel) {
    const n = 100 + Math.floor(r.next() * 300);
    for (let k = 0; k < n; k++)
      this.ssh(
        time + k * 1500,
        `Failed password for ${pick(r, ['root', 'admin', 'alice', 'bruno'])} from ${ip} port ${20000 + k} ssh2`,
        label,
      );
  }

  /** A normal sign-in at the office, then one from far away shortly after. */
  impossibleTravel(
    r: Prng,
    p: Person,
    time: number,
    far: readonly [number, number],
    ip: string,
    label: TrafficLabel,
  ) {
    const upn = `${p.name}@example.org`;
    this.cloudSignIn(upn, time, '203.0.113.10', [45.764, 4.8357], null);
    this.cloudSignIn(upn, time + (10 + r.next() * 80) * MIN, ip, far, label);
  }

  /** The events in time order; the sign-in after each injected far one carries its label too. */
  finish(users: readonly string[]) {
    const events = this.#out.sort(
      (a, b) =>
        (a.event.time ?? 0) - (b.event.time ?? 0) ||
        (a.event.origin.line ?? 0) - (b.event.origin.line ?? 0),
    );
    const open = new Map<unknown, TrafficLabel>();
    const out = events.map((e) => {
      if (e.event.origin.source !== 'azure-signinlogs') return e;
      const upn = e.event.fields.UserPrincipalName;
      if (e.label?.kind === 'impossible_travel') {
        open.set(upn, e.label);
        return e;
      }
      const pending = open.get(upn);
      if (pending === undefined) return e;
      open.delete(upn);
      return { ...e, label: e.label ?? pending };
    });
    return { events: out, users };
  }
}
