/**
 * A real DNS server on 127.0.0.1 (UDP, random port) for the domain-check tests,
 * answering from a zone fixture the test writes: TXT (a record given as a list
 * is one record of several strings) and MX, plus the ways real servers misbehave:
 * SERVFAIL, a garbage datagram, an answer cut off in the middle, an answer with
 * the truncated (TC) flag and no TCP server behind it, and silence.
 * Packets are encoded with dns2; the socket is ours so we can corrupt them.
 */
import { createSocket, type Socket } from 'node:dgram';
import dns2 from 'dns2';

const { Packet } = dns2;

export type Misbehaviour = 'servfail' | 'garbage' | 'cut' | 'tc' | 'silent' | 'refused';

export interface ZoneEntry {
  readonly txt?: readonly (string | readonly string[])[];
  readonly mx?: readonly { readonly priority: number; readonly exchange: string }[];
  /** Answer every question for this name badly. */
  readonly fault?: Misbehaviour;
}

export interface ZoneDnsServer {
  /** `127.0.0.1:<port>`, for `--resolver` or `servers`. */
  readonly address: string;
  /** Names (lowercase, no trailing dot) → records. Names not here get NXDOMAIN. */
  readonly zone: Map<string, ZoneEntry>;
  /** Every question asked, as `TYPE name`. */
  readonly asked: string[];
  close(): Promise<void>;
}

const TYPE_NAMES: Readonly<Record<number, string>> = { 16: 'TXT', 15: 'MX', 1: 'A', 28: 'AAAA' };

export async function startZoneDnsServer(
  zone: Record<string, ZoneEntry> = {},
): Promise<ZoneDnsServer> {
  const entries = new Map<string, ZoneEntry>(Object.entries(zone));
  const asked: string[] = [];
  const socket: Socket = createSocket('udp4');
  socket.on('message', (message, peer) => {
    let request: InstanceType<typeof Packet>;
    try {
      request = Packet.parse(message);
    } catch {
      return;
    }
    const question = request.questions[0];
    if (question === undefined) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    asked.push(`${TYPE_NAMES[question.type] ?? question.type} ${name}`);
    const entry = entries.get(name);
    const reply = (buffer: Buffer) => socket.send(buffer, peer.port, peer.address);
    const response = Packet.createResponseFromRequest(request);
    switch (entry?.fault) {
      case 'silent':
        return;
      case 'garbage':
        // The id matches (so the resolver reads it), the rest is noise.
        return reply(
          Buffer.concat([
            message.subarray(0, 2),
            Buffer.from('\xff\x00garbage\x01\x02\x03', 'latin1'),
          ]),
        );
      case 'servfail':
      case 'refused':
        response.header.rcode = entry.fault === 'servfail' ? 2 : 5;
        return reply(response.toBuffer());
      default:
        break;
    }
    if (entry === undefined) {
      response.header.rcode = 3; // NXDOMAIN
      return reply(response.toBuffer());
    }
    if (question.type === Packet.TYPE.TXT)
      for (const data of entry.txt ?? [])
        response.answers.push(
          Packet.createResourceFromQuestion(question, {
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: 60,
            data: typeof data === 'string' ? data : [...data],
          }),
        );
    if (question.type === Packet.TYPE.MX)
      for (const mx of entry.mx ?? [])
        response.answers.push(
          Packet.createResourceFromQuestion(question, {
            type: Packet.TYPE.MX,
            class: Packet.CLASS.IN,
            ttl: 60,
            exchange: mx.exchange,
            priority: mx.priority,
          }),
        );
    let buffer = response.toBuffer();
    if (entry.fault === 'cut') buffer = buffer.subarray(0, Math.max(12, buffer.length - 7));
    if (entry.fault === 'tc') {
      buffer = Buffer.from(buffer);
      buffer[2] = (buffer[2] as number) | 0x02; // TC: "ask again over TCP" — where nobody listens
    }
    reply(buffer);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    zone: entries,
    asked,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
