import { describe, expect, it } from 'vitest';
import { classifyIpHost } from './ip-host.js';
import { parseUrl } from './parse-url.js';

describe('parseUrl', () => {
  it('splits a full URL', () => {
    const p = parseUrl('https://user:pw@Example.COM:8443/a/b?x=1#top');
    expect(p).toMatchObject({
      scheme: 'https',
      userinfo: 'user:pw',
      rawHost: 'Example.COM',
      port: '8443',
      path: '/a/b',
      query: 'x=1',
      fragment: 'top',
      opaque: false,
    });
    expect(p.input.slice(p.hostSpan.start, p.hostSpan.end)).toBe('Example.COM');
  });

  it('takes the host after the LAST @, as browsers do', () => {
    expect(parseUrl('https://paypal.com@evil.example/login').rawHost).toBe('evil.example');
    expect(parseUrl('https://a@b@c.example/').userinfo).toBe('a@b');
  });

  it('reads URLs without a scheme and host:port', () => {
    expect(parseUrl('paypal-verify.top/login')).toMatchObject({
      scheme: '',
      rawHost: 'paypal-verify.top',
      path: '/login',
    });
    expect(parseUrl('example.com:8080/x')).toMatchObject({
      scheme: '',
      rawHost: 'example.com',
      port: '8080',
    });
    expect(parseUrl('//cdn.example.com/x').rawHost).toBe('cdn.example.com');
  });

  it('accepts backslashes and odd slashes like browsers do', () => {
    expect(parseUrl('https:\\\\evil.example\\path').rawHost).toBe('evil.example');
    expect(parseUrl('http:/evil.example/').rawHost).toBe('evil.example');
  });

  it('marks opaque schemes', () => {
    expect(parseUrl('javascript:alert(1)')).toMatchObject({
      scheme: 'javascript',
      opaque: true,
      rawHost: '',
    });
    expect(parseUrl('data:text/html,<b>x</b>').opaque).toBe(true);
    expect(parseUrl('mailto:a@b.c').opaque).toBe(true);
  });

  it('keeps IPv6 brackets', () => {
    expect(parseUrl('http://[2001:db8::1]:8080/x')).toMatchObject({
      rawHost: '[2001:db8::1]',
      port: '8080',
    });
  });

  it('bounds the work on huge input', () => {
    const p = parseUrl(`https://example.com/${'a'.repeat(100_000)}`);
    expect(p.path.length).toBeLessThanOrEqual(4096);
    expect(p.truncated).toBe(true);
  });
});

describe('classifyIpHost', () => {
  it.each([
    ['192.168.1.1', 'ipv4'],
    ['3232235777', 'ipv4_disguised'],
    ['0xc0a80101', 'ipv4_disguised'],
    ['0300.0250.1.1', 'ipv4_disguised'],
    ['192.168.257', 'ipv4_disguised'],
    ['0x7f.1', 'ipv4_disguised'],
    ['[::1]', 'ipv6'],
    ['example.com', 'none'],
    ['1.2.3.4.5', 'none'],
    ['999.1.1.1', 'ipv4_disguised'],
    ['web2.0', 'none'],
  ])('%s is %s', (host, kind) => {
    expect(classifyIpHost(host)).toBe(kind);
  });

  it('agrees with the URL parser on what is an IPv4 address', () => {
    for (const host of ['3232235777', '0xc0a80101', '0300.0250.1.1', '127.1']) {
      expect(new URL(`http://${host}/`).hostname).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
  });
});
