/**
 * The domain check against a real DNS server on 127.0.0.1 (dns2 encoding, UDP)
 * answering from zone fixtures — including broken, cut-off, SERVFAIL and silent
 * answers. Nothing here touches the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsLookups } from './dns-lookups.js';
import { createDomainCheckService } from './domain-check-service.js';
import { createPolicyFetcher } from './mta-sts-fetch.js';
import { startZoneDnsServer, type ZoneDnsServer } from './test-support/zone-dns-server.js';
import { dkimKey, healthyZone } from './test-support/zone-fixtures.js';

const D = 'shop.example';
let dns: ZoneDnsServer;
let silent: ZoneDnsServer;
let policyServer: Server;
let policyOrigin = '';
let policyText = 'version: STSv1\nmode: testing\nmx: *.aspmx.l.google.com\nmax_age: 86400\n';

const service = (servers: string[], extra: { deadlineMs?: number; lookupMs?: number } = {}) =>
  createDomainCheckService({
    dns: createDnsLookups({ servers, deadlineMs: extra.lookupMs ?? 2000 }),
    fetchPolicy: createPolicyFetcher({ testOrigin: policyOrigin, timeoutMs: 2000 }),
    today: () => '20261206',
    ...(extra.deadlineMs === undefined ? {} : { deadlineMs: extra.deadlineMs }),
  });
const check = (domain: string, opts: { selectors?: string[]; fetchPolicy?: boolean } = {}) =>
  service([dns.address]).check({ domain, ...opts });
const keys = (r: Awaited<ReturnType<typeof check>>) =>
  r.report.findings.map((f) => `${f.severity}:${f.key}`);

beforeAll(async () => {
  dns = await startZoneDnsServer(healthyZone(D));
  silent = await startZoneDnsServer({ 'quiet.example': { fault: 'silent' } });
  for (const [name, entry] of Object.entries(healthyZone('quiet.example')))
    if (name !== 'quiet.example') silent.zone.set(name, { fault: 'silent', ...entry });
  policyServer = createServer((req, res) => {
    if (req.url === '/.well-known/mta-sts.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(policyText);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => policyServer.listen(0, '127.0.0.1', resolve));
  policyOrigin = `http://127.0.0.1:${(policyServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await dns.close();
  await silent.close();
  await new Promise((resolve) => policyServer.close(resolve));
});

describe('domain check over real DNS', () => {
  it('passes a well set-up domain, joining a DKIM key split into several strings', async () => {
    const r = await check(D);
    expect(r.incomplete).toBe(false);
    expect(r.report.problem).toBe(false);
    expect(keys(r)).toContain('good:dkim.key_ok');
    expect(r.report.found.dkim.google).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    expect(r.report.spfLookups).toBe(2);
    expect(r.report.found.mx.map((h) => h.exchange)).toEqual([
      'aspmx.l.google.com',
      'alt1.aspmx.l.google.com',
    ]);
    expect(dns.asked).toContain(`TXT _netblocks.google.com`);
  });

  it('fetches the MTA-STS policy only when asked, and reports testing mode', async () => {
    expect(keys(await check(D))).toContain('info:mta_sts.policy_not_fetched');
    const r = await check(D, { fetchPolicy: true });
    expect(keys(r)).toContain('warning:mta_sts.testing');
    expect(r.report.problem).toBe(true);
    policyText = 'x'.repeat(70 * 1024);
    expect(keys(await check(D, { fetchPolicy: true }))).toContain('warning:mta_sts.policy_error');
    policyText =
      'version: STSv1\nmode: enforce\nmx: *.aspmx.l.google.com\nmx: aspmx.l.google.com\nmax_age: 86400\n';
    expect(keys(await check(D, { fetchPolicy: true }))).toContain('good:mta_sts.enforce');
  });

  it('finds the SPF in a domain with 30 TXT records, and counts too many look-ups through real includes', async () => {
    const big = 'big.example';
    dns.zone.set(big, {
      txt: [
        ...Array.from({ length: 29 }, (_, i) => `verification-${i}=${'x'.repeat(40)}`),
        'v=spf1 include:l1.big.example include:l2.big.example ~all',
      ],
      mx: [{ priority: 10, exchange: 'mx.big.example' }],
    });
    dns.zone.set('l1.big.example', {
      txt: [
        'v=spf1 a:a1.big.example a:a2.big.example a:a3.big.example include:l3.big.example -all',
      ],
    });
    dns.zone.set('l2.big.example', {
      txt: ['v=spf1 mx:m1.big.example mx:m2.big.example exists:e.big.example -all'],
    });
    dns.zone.set('l3.big.example', {
      txt: ['v=spf1 a:b1.big.example a:b2.big.example ip4:192.0.2.9 -all'],
    });
    const r = await check(big);
    expect(r.report.found.spf).toEqual([
      'v=spf1 include:l1.big.example include:l2.big.example ~all',
    ]);
    expect(r.report.spfLookups).toBe(11); // 2 at the root, 4 + 2 under l1 (and l3), 3 under l2
    expect(keys(r)).toContain('critical:spf.too_many_lookups');
  });

  it('detects an include loop through real look-ups and stops', async () => {
    dns.zone.set('loop.example', {
      txt: ['v=spf1 include:x.loop.example -all'],
      mx: [{ priority: 1, exchange: 'mx.loop.example' }],
    });
    dns.zone.set('x.loop.example', { txt: ['v=spf1 include:loop.example -all'] });
    const r = await check('loop.example');
    expect(keys(r)).toContain('critical:spf.loop');
    expect(dns.asked.filter((q) => q === 'TXT x.loop.example').length).toBe(1);
  });

  it('judges DKIM key sizes from real keys, and revoked keys', async () => {
    dns.zone.set(`google._domainkey.weak.example`, { txt: [`v=DKIM1; p=${dkimKey(512)}`] });
    dns.zone.set(`s1._domainkey.weak.example`, { txt: [`v=DKIM1; p=${dkimKey(1024)}`] });
    dns.zone.set(`old._domainkey.weak.example`, { txt: ['v=DKIM1; k=rsa; p='] });
    dns.zone.set('weak.example', {
      txt: ['v=spf1 mx -all'],
      mx: [{ priority: 1, exchange: 'mx.weak.example' }],
    });
    const r = await check('weak.example', { selectors: ['old'] });
    const dkim = r.report.findings
      .filter((f) => f.area === 'dkim')
      .map((f) => `${f.key} ${JSON.stringify(f.params)}`);
    expect(dkim).toEqual(
      expect.arrayContaining([
        'dkim.weak_key {"selector":"google","bits":512}',
        'dkim.short_key {"selector":"s1","bits":1024}',
        'dkim.revoked {"selectors":"old"}',
      ]),
    );
    expect(r.selectors[0]).toBe('old');
  });

  it('keeps going when answers are garbage, cut off, truncated without TCP, or SERVFAIL, and names each', async () => {
    const d = 'broken.example';
    dns.zone.set(d, { txt: ['v=spf1 -all'], mx: [{ priority: 1, exchange: 'mx.broken.example' }] });
    dns.zone.set(`_dmarc.${d}`, { txt: ['v=DMARC1; p=reject; rua=mailto:d@broken.example'] });
    dns.zone.set(`_mta-sts.${d}`, { fault: 'garbage' });
    dns.zone.set(`_smtp._tls.${d}`, { fault: 'servfail' });
    dns.zone.set(`default._bimi.${d}`, {
      txt: ['v=BIMI1; l=https://broken.example/logo.svg'],
      fault: 'cut',
    });
    dns.zone.set(`google._domainkey.${d}`, { txt: ['v=DKIM1; p='], fault: 'tc' });
    const started = Date.now();
    const r = await check(d);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.incomplete).toBe(false);
    const failures = r.report.findings
      .filter((f) => f.area === 'lookup')
      .map((f) => String(f.params.name));
    expect(failures.sort()).toEqual(
      [`_mta-sts.${d}`, `_smtp._tls.${d}`, `default._bimi.${d}`, `google._domainkey.${d}`].sort(),
    );
    expect(keys(r)).toEqual(expect.arrayContaining(['good:spf.fail_all', 'good:dmarc.reject']));
    expect(r.report.problem).toBe(true);
  });

  it('finishes in bounded time against a server that never answers, and says which look-ups timed out', async () => {
    const started = Date.now();
    const r = await service([silent.address], { lookupMs: 500, deadlineMs: 1500 }).check({
      domain: 'quiet.example',
    });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(r.incomplete).toBe(true);
    const timedOut = r.report.findings
      .filter((f) => f.key === 'lookup.timeout')
      .map((f) => f.params.name);
    expect(timedOut).toEqual(expect.arrayContaining(['quiet.example', '_dmarc.quiet.example']));
    expect(r.report.plan).toEqual([]);
  });

  it('looks up IDN domains in punycode', async () => {
    dns.zone.set('xn--bcher-kva.example', { txt: ['v=spf1 -all'] });
    const r = await check('Bücher.Example.');
    expect(r.report.domain).toBe('xn--bcher-kva.example');
    expect(r.report.displayDomain).toBe('bücher.example');
    expect(dns.asked).toContain('TXT xn--bcher-kva.example');
  });

  it('refuses invalid domains and selectors before any look-up', async () => {
    const before = dns.asked.length;
    for (const bad of [
      '',
      'localhost',
      'https://shop.example/',
      'a@shop.example',
      '192.0.2.1',
      `${'a'.repeat(64)}.example`,
      `${'abc.'.repeat(70)}example`,
      'shop..example',
      '-bad.example',
      'shop.example%00',
      'x'.repeat(2000),
    ])
      await expect(check(bad)).rejects.toMatchObject({ code: 'invalid_domain', status: 400 });
    await expect(check(D, { selectors: ['ok', 'bad selector'] })).rejects.toMatchObject({
      code: 'invalid_selector',
    });
    await expect(
      check(D, { selectors: Array.from({ length: 11 }, (_, i) => `s${i}`) }),
    ).rejects.toMatchObject({ code: 'invalid_selector' });
    expect(dns.asked.length).toBe(before);
  });
});
