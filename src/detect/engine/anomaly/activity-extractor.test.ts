import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../event.js';
import { baseName, extractActivities, networkOf } from './activity-extractor.js';

const ev = (
  fields: LogEvent['fields'],
  logsources: LogEvent['logsources'] = [],
  time: number | undefined = 1_700_000_000_000,
): LogEvent => ({
  fields,
  logsources,
  ...(time === undefined ? {} : { time }),
  origin: { source: 'test', line: 1 },
});
const SECURITY = [{ product: 'windows', service: 'security' }];

describe('activity extraction', () => {
  it('reads a Sysmon process creation and a Security 4688', () => {
    const sysmon = extractActivities(
      ev(
        {
          EventID: 1,
          Computer: 'WS-1',
          Image: 'C:\\Windows\\System32\\cmd.exe',
          ParentImage: 'C:\\Program Files\\Office\\WINWORD.EXE',
          User: 'CORP\\ana',
        },
        [{ product: 'windows', service: 'sysmon' }],
      ),
    );
    expect(sysmon.process).toMatchObject({
      host: 'ws-1',
      parent: 'winword.exe',
      child: 'cmd.exe',
      user: 'CORP\\ana',
    });
    const sec = extractActivities(
      ev(
        {
          EventID: 4688,
          Computer: 'srv',
          NewProcessName: 'C:\\x\\a.exe',
          ParentProcessName: 'C:\\y\\b.exe',
        },
        SECURITY,
      ),
    );
    expect(sec.process).toMatchObject({ parent: 'b.exe', child: 'a.exe' });
    // EventID 1 from something that is not Sysmon is not a process start.
    expect(
      extractActivities(ev({ EventID: 1, Image: 'a', ParentImage: 'b' }, SECURITY)).process,
    ).toBeNull();
  });

  it('reads Security sign-ins, skipping service logons and machine accounts', () => {
    const ok = extractActivities(
      ev(
        {
          EventID: 4624,
          Computer: 'WS',
          TargetUserName: 'Ana',
          IpAddress: '192.0.2.55',
          LogonType: 10,
        },
        SECURITY,
      ),
    );
    expect(ok.signIn).toMatchObject({
      user: 'ana',
      address: '192.0.2.55',
      network: '192.0.2.0/24',
      success: true,
      geo: null,
    });
    expect(ok.volume).toEqual([
      { kind: 'host', id: 'ws' },
      { kind: 'signin', id: '192.0.2.55' },
    ]);
    const fail = extractActivities(
      ev({ EventID: 4625, TargetUserName: 'ana', IpAddress: '-', LogonType: 2 }, SECURITY),
    );
    expect(fail.signIn).toMatchObject({ success: false, address: 'local', network: 'local' });
    expect(
      extractActivities(ev({ EventID: 4624, TargetUserName: 'ana', LogonType: 5 }, SECURITY))
        .signIn,
    ).toBeNull();
    expect(
      extractActivities(ev({ EventID: 4624, TargetUserName: 'WS01$', LogonType: 3 }, SECURITY))
        .signIn,
    ).toBeNull();
  });

  it('reads sshd Accepted / Failed lines', () => {
    const sshd = [{ product: 'linux', service: 'sshd' }];
    expect(
      extractActivities(
        ev({ message: 'Accepted publickey for root from 2001:db8:1:2::5 port 22 ssh2' }, sshd),
      ).signIn,
    ).toMatchObject({ user: 'root', network: '2001:db8:1::/48', success: true });
    expect(
      extractActivities(
        ev(
          { message: 'Failed password for invalid user admin from 198.51.100.4 port 4 ssh2' },
          sshd,
        ),
      ).signIn,
    ).toMatchObject({ user: 'admin', success: false });
    expect(
      extractActivities(ev({ message: 'Connection closed by 1.2.3.4' }, sshd)).signIn,
    ).toBeNull();
  });

  it('takes coordinates from cloud sign-ins only when both are valid', () => {
    const azure = [{ product: 'azure', service: 'signinlogs' }];
    expect(
      extractActivities(
        ev(
          {
            UserPrincipalName: 'a@x',
            IpAddress: '192.0.2.1',
            ResultType: '0',
            Latitude: '48.85',
            Longitude: 2.35,
          },
          azure,
        ),
      ).signIn?.geo,
    ).toEqual({ lat: 48.85, lon: 2.35 });
    expect(
      extractActivities(
        ev({ UserPrincipalName: 'a@x', ResultType: '0', Latitude: 148, Longitude: 2 }, azure),
      ).signIn?.geo,
    ).toBeNull();
  });

  it('counts web requests per client address and ignores events without a time', () => {
    expect(extractActivities(ev({ 'c-ip': '198.51.100.9' })).volume).toEqual([
      { kind: 'host', id: 'test' },
      { kind: 'client', id: '198.51.100.9' },
    ]);
    const { time: _t, ...untimed } = ev({ 'c-ip': '198.51.100.9' });
    expect(extractActivities(untimed)).toEqual({ process: null, signIn: null, volume: [] });
  });

  it('normalises names and networks', () => {
    expect(baseName('/usr/bin/Bash')).toBe('bash');
    expect(networkOf('10.1.2.3')).toBe('10.1.2.0/24');
    expect(networkOf('fe80::1')).toBe('fe80:0:0::/48');
    // One network however it is written (the gateway's reading): mapped IPv4, leading zeros.
    expect(networkOf('::ffff:10.1.2.3')).toBe('10.1.2.0/24');
    expect(networkOf('2001:0db8:0000::1')).toBe(networkOf('2001:db8::7'));
    expect(networkOf('WORKSTATION7')).toBe('workstation7');
  });

  it('never throws and bounds every string, whatever the fields hold (property)', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
    );
    const names = fc.constantFrom(
      'EventID',
      'Image',
      'ParentImage',
      'Computer',
      'TargetUserName',
      'IpAddress',
      'LogonType',
      'message',
      'c-ip',
      'Latitude',
      'Longitude',
      'UserPrincipalName',
      'ResultType',
    );
    const ls = fc.constantFrom(
      [{ product: 'windows', service: 'sysmon' }],
      [{ product: 'linux', service: 'sshd' }],
      [{ product: 'azure', service: 'signinlogs' }],
      [{ category: 'process_creation' }],
    );
    fc.assert(
      fc.property(fc.dictionary(names, value), ls, (fields, sources) => {
        const a = extractActivities(ev({ EventID: 4624, ...fields }, sources));
        const strings = [
          a.process?.host,
          a.process?.parentPath,
          a.signIn?.user,
          a.signIn?.address,
          ...a.volume.map((v) => v.id),
        ];
        for (const s of strings) if (s !== undefined) expect(s.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 500 },
    );
  });
});
