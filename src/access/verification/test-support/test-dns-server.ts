/**
 * A real DNS server on 127.0.0.1 (UDP, random port) for domain-check tests,
 * answering TXT questions from a table the test changes as it goes; names not in
 * the table get NXDOMAIN. `silent()` starts a socket that never answers.
 */
import { createSocket, type Socket } from 'node:dgram';
import dns2 from 'dns2';

const { Packet } = dns2;

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, for `resolverServers`. */
  readonly address: string;
  /**
   * TXT records by name (lowercase, no trailing dot); an empty list answers "no
   * data". A record given as a list is one record of several strings.
   */
  readonly txt: Map<string, (string | string[])[]>;
  close(): Promise<void>;
}

export async function startTestDnsServer(): Promise<TestDnsServer> {
  const txt = new Map<string, (string | string[])[]>();
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const question = request.questions[0];
    const name = (question?.name ?? '').toLowerCase();
    const records = question === undefined ? undefined : txt.get(name);
    // 3 is NXDOMAIN (the typings of dns2 2.4 lack Packet.RCODE).
    if (question === undefined || records === undefined) response.header.rcode = 3;
    else
      for (const data of records)
        response.answers.push(
          Packet.createResourceFromQuestion(question, {
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: 60,
            data,
          }),
        );
    void send(response);
  });
  await server.listen(0, '127.0.0.1');
  const { port } = server.address();
  return {
    address: `127.0.0.1:${port}`,
    txt,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A UDP socket that reads questions and never answers: a DNS server that is down. */
export async function startSilentDnsServer(): Promise<{ address: string; close(): Promise<void> }> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
