/**
 * The DNS TXT check against a real DNS server (dns2, UDP on 127.0.0.1): record
 * present, absent, wrong token, split strings, and a server that never answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeFor, checkDnsChallenge, newChallengeToken } from './dns-check.js';
import {
  startSilentDnsServer,
  startTestDnsServer,
  type TestDnsServer,
} from './test-support/test-dns-server.js';

describe('DNS TXT challenge check', () => {
  let dns: TestDnsServer;
  let silent: { address: string; close(): Promise<void> };
  beforeAll(async () => {
    dns = await startTestDnsServer();
    silent = await startSilentDnsServer();
  });
  afterAll(async () => {
    await dns.close();
    await silent.close();
  });
  const check = (domain: string, token: string, deadlineMs = 2000) =>
    checkDnsChallenge(domain, token, { servers: [dns.address], deadlineMs });

  it('a fresh token is 32 random bytes, base64url', () => {
    const a = newChallengeToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newChallengeToken()).not.toBe(a);
  });

  it('passes when the record is published, among other TXT records', async () => {
    const token = newChallengeToken();
    const { name, value } = challengeFor('present.example', token);
    expect(name).toBe('_shieldwall-challenge.present.example');
    dns.txt.set(name, ['v=spf1 -all', value]);
    expect(await check('present.example', token)).toMatchObject({ result: 'passed' });
  });

  it('joins a record split into several strings', async () => {
    const token = newChallengeToken();
    const { name, value } = challengeFor('split.example', token);
    dns.txt.set(name, [[value.slice(0, 20), value.slice(20)]]);
    expect(await check('split.example', token)).toMatchObject({ result: 'passed' });
  });

  it('says "not found yet" for NXDOMAIN and for a name without TXT records', async () => {
    const token = newChallengeToken();
    const nx = await check('absent.example', token);
    expect(nx.result).toBe('not_found');
    expect(nx.message).toContain('_shieldwall-challenge.absent.example');
    expect(nx.message).toMatch(/did not find/);
    dns.txt.set('_shieldwall-challenge.empty.example', []);
    expect((await check('empty.example', token)).result).toBe('not_found');
  });

  it('says which record to publish when another token is there', async () => {
    const token = newChallengeToken();
    dns.txt.set(challengeFor('wrong.example', token).name, [
      challengeFor('wrong.example', newChallengeToken()).value,
    ]);
    const outcome = await check('wrong.example', token);
    expect(outcome.result).toBe('wrong_token');
    expect(outcome.message).toContain(challengeFor('wrong.example', token).value);
  });

  it('gives up on a silent server within the deadline, with a plain message', async () => {
    const started = Date.now();
    const outcome = await checkDnsChallenge('silent.example', newChallengeToken(), {
      servers: [silent.address],
      deadlineMs: 800,
    });
    const took = Date.now() - started;
    expect(outcome.result).toBe('timeout');
    expect(outcome.message).toMatch(/did not answer in time/);
    expect(took).toBeLessThan(800 + 500);
  });

  it('refuses a token that is not one of ours (a bug, not input)', async () => {
    await expect(checkDnsChallenge('x.example', 'short')).rejects.toThrow(/not a challenge token/);
  });
});
