import { describe, expect, it } from 'vitest';
import { analyseDomain } from './analyse-domain.js';
import { domainMessages, findingText } from './domain-messages.js';
import type { DomainLookups, LookupResult } from './domain-types.js';

const D = 'shop.example';
const ok = (...records: string[]): LookupResult => ({ status: 'ok', records });
const none: LookupResult = { status: 'none' };
/** A real-looking 2048-bit RSA SubjectPublicKeyInfo header with a zero modulus body is enough for size. */
const KEY_2048 = spki(2048);
const KEY_1024 = spki(1024);
const KEY_512 = spki(512);

/** SubjectPublicKeyInfo DER for an RSA key whose modulus has exactly `bits` bits (content arbitrary). */
function spki(bits: number): string {
  const modulus = [0x00, 0x80, ...new Array<number>(bits / 8 - 1).fill(0x11)];
  const int = (body: number[]) => [0x02, ...len(body.length), ...body];
  const seq = (body: number[]) => [0x30, ...len(body.length), ...body];
  const rsa = seq([...int(modulus), ...int([0x01, 0x00, 0x01])]);
  const bitString = [0x03, ...len(rsa.length + 1), 0x00, ...rsa];
  const algorithm = seq([
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
  ]);
  const der = seq([...algorithm, ...bitString]);
  let s = '';
  for (const b of der) s += String.fromCharCode(b);
  return btoa(s);
}
function len(n: number): number[] {
  return n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
}

function lookups(over: Partial<DomainLookups> = {}): DomainLookups {
  return {
    domain: D,
    txt: ok('v=spf1 include:_spf.google.com ~all', 'google-site-verification=abc'),
    mx: { status: 'ok', hosts: [{ priority: 1, exchange: 'aspmx.l.google.com' }] },
    dmarc: ok(`v=DMARC1; p=reject; rua=mailto:dmarc@${D}`),
    dkim: { google: ok(`v=DKIM1; k=rsa; p=${KEY_2048}`), selector1: none },
    spfIncludes: {
      '_spf.google.com': ok('v=spf1 include:_netblocks.google.com ~all'),
      '_netblocks.google.com': ok('v=spf1 ip4:192.0.2.0/24 ~all'),
    },
    mtaSts: ok('v=STSv1; id=20260101'),
    mtaStsPolicy: {
      status: 'ok',
      text: 'version: STSv1\nmode: enforce\nmx: *.l.google.com\nmax_age: 604800\n',
    },
    tlsRpt: ok(`v=TLSRPTv1; rua=mailto:tls@${D}`),
    bimi: none,
    ...over,
  };
}

const keys = (l: DomainLookups) =>
  analyseDomain(l, { today: '20261206' }).findings.map((f) => `${f.severity}:${f.key}`);

describe('analyseDomain', () => {
  it('finds no problem on a well set-up domain, and says what is good', () => {
    const r = analyseDomain(lookups(), { today: '20261206' });
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual(
      [],
    );
    expect(r.problem).toBe(false);
    expect(r.spfLookups).toBe(2);
    expect(keys(lookups())).toEqual(
      expect.arrayContaining([
        'good:dmarc.reject',
        'good:dkim.key_ok',
        'good:mta_sts.enforce',
        'good:spf.softfail_all',
      ]),
    );
    expect(r.plan.map((s) => s.status)).toEqual(['done', 'done', 'done', 'current']);
    expect(r.records).toEqual([]);
  });

  it('flags a domain with nothing set up and gives records with the domain filled in', () => {
    const r = analyseDomain(
      lookups({
        txt: none,
        dmarc: none,
        dkim: { google: none },
        mtaSts: none,
        tlsRpt: none,
        spfIncludes: {},
        mtaStsPolicy: { status: 'not_fetched' },
      }),
      { today: '20261206' },
    );
    expect(r.problem).toBe(true);
    expect(r.findings[0]?.severity).toBe('critical');
    expect(r.findings.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'spf.missing',
        'dmarc.missing',
        'dkim.not_found',
        'mta_sts.missing',
        'tls_rpt.missing',
      ]),
    );
    const byName = Object.fromEntries(r.records.map((x) => [x.name, x.value]));
    expect(byName[D]).toBe('v=spf1 include:_spf.google.com ~all');
    expect(byName[`_dmarc.${D}`]).toBe(`v=DMARC1; p=none; rua=mailto:dmarc-reports@${D}`);
    expect(byName[`_mta-sts.${D}`]).toBe('v=STSv1; id=2026120601');
    expect(byName[`https://mta-sts.${D}/.well-known/mta-sts.txt`]).toContain(
      'mx: aspmx.l.google.com',
    );
    expect(byName[`_smtp._tls.${D}`]).toBe(`v=TLSRPTv1; rua=mailto:tls-reports@${D}`);
    expect(r.plan[0]?.status).toBe('next');
  });

  it('catches the common SPF mistakes', () => {
    expect(
      keys(lookups({ txt: ok('v=spf1 a -all', 'v=spf1 include:_spf.google.com ~all') })),
    ).toContain('critical:spf.multiple');
    expect(keys(lookups({ txt: ok('v=spf1 +all') }))).toContain('critical:spf.pass_all');
    expect(keys(lookups({ txt: ok('v=spf1 mx ?all') }))).toContain('warning:spf.neutral_all');
    expect(keys(lookups({ txt: ok('v=spf1 ptr mx') }))).toEqual(
      expect.arrayContaining(['warning:spf.ptr', 'warning:spf.no_all']),
    );
    const many = ok(
      `v=spf1 ${Array.from({ length: 11 }, (_, i) => `a:h${i}.${D}`).join(' ')} -all`,
    );
    expect(keys(lookups({ txt: many }))).toContain('critical:spf.too_many_lookups');
  });

  it('merges two SPF records into one, dropping ptr and the weak all', () => {
    const r = analyseDomain(
      lookups({
        txt: ok(
          'v=spf1 ptr include:_spf.google.com ?all',
          'v=spf1 include:servers.mcsv.net ip4:192.0.2.7 ~all',
        ),
      }),
      { today: '20261206' },
    );
    expect(r.records.find((x) => x.area === 'spf')?.value).toBe(
      'v=spf1 include:_spf.google.com include:servers.mcsv.net ip4:192.0.2.7 ~all',
    );
  });

  it('catches the common DMARC mistakes', () => {
    expect(keys(lookups({ dmarc: ok('v=DMARC1; p=none') }))).toContain(
      'warning:dmarc.none_no_reports',
    );
    expect(keys(lookups({ dmarc: ok(`v=DMARC1; p=none; rua=mailto:d@${D}`) }))).toContain(
      'info:dmarc.monitoring',
    );
    expect(
      keys(lookups({ dmarc: ok(`v=DMARC1; p=quarantine; pct=20; rua=mailto:d@${D}`) })),
    ).toContain('warning:dmarc.partial_pct');
    expect(
      keys(lookups({ dmarc: ok(`v=DMARC1; p=reject; sp=none; rua=mailto:d@${D}`) })),
    ).toContain('warning:dmarc.sp_weaker');
    expect(keys(lookups({ dmarc: ok('v=DMARC1; p=reject', 'v=DMARC1; p=none') }))).toContain(
      'critical:dmarc.multiple',
    );
    expect(keys(lookups({ dmarc: ok('p=reject; v=DMARC1') }))).toContain('critical:dmarc.invalid');
    expect(keys(lookups({ dmarc: ok('v=DMARC1; p=maybe') }))).toContain('critical:dmarc.invalid');
  });

  it('puts the plan at the right step', () => {
    const plan = (dmarc: string) =>
      analyseDomain(lookups({ dmarc: ok(dmarc) }), { today: '20261206' }).plan.map((s) => s.status);
    expect(plan('v=DMARC1; p=none; rua=mailto:x@shop.example')).toEqual([
      'current',
      'next',
      'later',
      'later',
    ]);
    expect(plan('v=DMARC1; p=quarantine; pct=25; rua=mailto:x@shop.example')).toEqual([
      'done',
      'current',
      'next',
      'later',
    ]);
    expect(plan('v=DMARC1; p=quarantine; rua=mailto:x@shop.example')).toEqual([
      'done',
      'done',
      'current',
      'next',
    ]);
    const stages = analyseDomain(
      lookups({ dmarc: ok('v=DMARC1; p=none; rua=mailto:x@shop.example') }),
      { today: '20261206' },
    ).plan;
    expect(stages.map((s) => s.record.value)).toEqual([
      'v=DMARC1; p=none; rua=mailto:x@shop.example',
      'v=DMARC1; p=quarantine; pct=25; rua=mailto:x@shop.example',
      'v=DMARC1; p=quarantine; rua=mailto:x@shop.example',
      'v=DMARC1; p=reject; rua=mailto:x@shop.example',
    ]);
  });

  it('judges DKIM key sizes and revocation', () => {
    expect(keys(lookups({ dkim: { google: ok(`v=DKIM1; p=${KEY_512}`) } }))).toContain(
      'critical:dkim.weak_key',
    );
    expect(keys(lookups({ dkim: { google: ok(`v=DKIM1; p=${KEY_1024}`) } }))).toContain(
      'warning:dkim.short_key',
    );
    expect(keys(lookups({ dkim: { google: ok('v=DKIM1; p=') } }))).toContain(
      'warning:dkim.revoked',
    );
    expect(
      keys(lookups({ dkim: { google: ok(`v=DKIM1; p=${KEY_2048}`), s1: ok('v=DKIM1; p=') } })),
    ).toContain('info:dkim.revoked');
  });

  it('warns that outside senders will fail DMARC without DKIM', () => {
    const l = lookups({
      txt: ok('v=spf1 include:servers.mcsv.net include:sendgrid.net ~all'),
      spfIncludes: {
        'servers.mcsv.net': ok('v=spf1 ip4:192.0.2.0/24 ~all'),
        'sendgrid.net': ok('v=spf1 ip4:198.51.100.0/24 ~all'),
      },
      dkim: { google: none },
    });
    const r = analyseDomain(l, { today: '20261206' });
    const f = r.findings.find((x) => x.key === 'align.third_party_no_dkim');
    expect(f?.params.senders).toBe('Mailchimp, SendGrid');
  });

  it('judges MTA-STS: stuck in testing, MX not covered, and TLS-RPT missing with it', () => {
    const testing = lookups({
      mtaStsPolicy: {
        status: 'ok',
        text: 'version: STSv1\nmode: testing\nmx: mail.other.example\nmax_age: 86400',
      },
      tlsRpt: none,
    });
    expect(keys(testing)).toEqual(
      expect.arrayContaining([
        'warning:mta_sts.testing',
        'warning:mta_sts.mx_mismatch',
        'warning:tls_rpt.missing',
      ]),
    );
    const r = analyseDomain(testing, { today: '20261206' });
    expect(r.records.find((x) => x.type === 'FILE')?.value).toContain('mode: enforce');
    const enforce = lookups({
      mtaStsPolicy: {
        status: 'ok',
        text: 'version: STSv1\nmode: enforce\nmx: mail.other.example\nmax_age: 86400',
      },
    });
    expect(keys(enforce)).toContain('critical:mta_sts.mx_mismatch');
  });

  it('offers the full "sends no mail" set for a parked domain', () => {
    const r = analyseDomain(
      lookups({
        mx: { status: 'none' },
        txt: none,
        dmarc: none,
        dkim: {},
        mtaSts: none,
        tlsRpt: none,
        spfIncludes: {},
      }),
      { today: '20261206' },
    );
    expect(r.records.map((x) => `${x.type} ${x.name} ${x.value}`)).toEqual([
      `TXT ${D} v=spf1 -all`,
      `TXT _dmarc.${D} v=DMARC1; p=reject;`,
      `TXT *._domainkey.${D} v=DKIM1; p=`,
      `MX ${D} 0 .`,
    ]);
    expect(r.plan).toEqual([]);
  });

  it('reports failed look-ups by name and keeps judging the rest', () => {
    const r = analyseDomain(
      lookups({ dmarc: { status: 'timeout' }, bimi: { status: 'error', code: 'EBADRESP' } }),
      { today: '20261206' },
    );
    expect(r.findings).toContainEqual({
      key: 'lookup.timeout',
      area: 'lookup',
      severity: 'warning',
      params: { name: `_dmarc.${D}`, type: 'TXT' },
    });
    expect(r.findings).toContainEqual({
      key: 'lookup.error',
      area: 'lookup',
      severity: 'warning',
      params: { name: `default._bimi.${D}`, type: 'TXT', code: 'EBADRESP' },
    });
    expect(r.findings.some((f) => f.key === 'spf.softfail_all')).toBe(true);
    expect(r.plan).toEqual([]);
  });

  it('uses the parent domain’s DMARC for a subdomain without one, with sp=', () => {
    const l = lookups({
      domain: 'news.shop.example',
      dmarc: none,
      orgDmarc: {
        domain: 'shop.example',
        result: ok('v=DMARC1; p=reject; sp=none; rua=mailto:x@shop.example'),
      },
    });
    // sp=none applies to the subdomain, not the parent's p=reject.
    expect(keys(l)).toEqual(
      expect.arrayContaining(['info:dmarc.inherited', 'info:dmarc.monitoring']),
    );
    expect(keys(l)).not.toContain('good:dmarc.reject');
  });

  it('shows IDN domains as people write them', () => {
    expect(
      analyseDomain(lookups({ domain: 'xn--bcher-kva.example' }), { today: '20261206' })
        .displayDomain,
    ).toBe('bücher.example');
  });

  it('has English and Spanish words for every finding it can produce', () => {
    const variants = [
      lookups(),
      lookups({
        txt: ok('v=spf1 +all', 'v=spf1 ptr'),
        dmarc: ok('v=DMARC1; p=none'),
        mtaStsPolicy: { status: 'error', reason: 'timeout' },
      }),
      lookups({
        mx: { status: 'none' },
        txt: { status: 'timeout' },
        dmarc: { status: 'error', code: 'ESERVFAIL' },
      }),
    ];
    for (const l of variants)
      for (const f of analyseDomain(l, { today: '20261206' }).findings)
        for (const locale of ['en', 'es'] as const) {
          const text = findingText(locale, f);
          expect(text.title).not.toMatch(/\{[a-z]+\}/);
          expect(text.meaning.length).toBeGreaterThan(10);
        }
    // Every key with .title has .meaning and .fix, in both catalogs.
    for (const key of domainMessages.keys.filter(
      (k) => k.endsWith('.title') && !k.startsWith('plan.'),
    )) {
      const base = key.slice(0, -'.title'.length);
      for (const part of ['meaning', 'fix'])
        expect(domainMessages.keys).toContain(`${base}.${part}`);
    }
    for (const key of domainMessages.keys)
      expect(domainMessages.catalogs.es[key].length).toBeGreaterThan(0);
  });
});
