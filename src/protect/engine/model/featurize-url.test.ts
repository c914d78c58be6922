import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DENSE_URL_FEATURES, featurizeUrl, PATH_FAMILY } from './featurize-url.js';
import { URL_RECIPE } from './scam-recipes.js';

function urlSpec() {
  const f = URL_RECIPE.features;
  if (f.kind !== 'url') throw new Error('the URL recipe must have URL features');
  return f;
}
const spec = urlSpec();

function pointedAt(url: string, features = spec): string[] {
  const ev = featurizeUrl(url, features, true).evidence;
  if (ev === undefined) throw new Error('no evidence');
  return Array.from({ length: ev.count }, (_, i) => url.slice(ev.start[i], ev.end[i]));
}

describe('featurizeUrl', () => {
  it('reads a host with and without "www." the same way', () => {
    const a = featurizeUrl('https://www.paypal.com/signin', spec);
    const b = featurizeUrl('https://paypal.com/signin', spec);
    expect(Array.from(a.vector.index)).toEqual(Array.from(b.vector.index));
    expect(Array.from(a.vector.value)).toEqual(Array.from(b.vector.value));
  });

  it('points features at the original URL even after dropping "www."', () => {
    const spans = pointedAt('https://www.paypal-secure.top/verify?id=1');
    expect(spans).toContain('paypal-secure');
    expect(spans).toContain('verify');
    expect(spans).toContain('top');
  });

  it("does not read the service's name on a page someone published there", () => {
    const read = (url: string) => new Set(pointedAt(url));
    // docs.google.com is Google's; the form is its maker's, so none of the host is read.
    const form = read('https://docs.google.com/forms/d/e/1FAIpQ/viewform');
    for (const part of ['docs', 'google', 'google.com', 'com', 'docs.google.com'])
      expect(form).not.toContain(part);
    expect(form).toContain('viewform');
    // a tenant's own name is read, the service's is not
    const tenant = read('https://contoso-files.sharepoint.com/:b:/g/personal/doc');
    expect(tenant).toContain('contoso-files');
    expect(tenant).not.toContain('sharepoint');
    expect(tenant).not.toContain('sharepoint.com');
    expect(tenant).not.toContain('contoso-files.sharepoint.com');
    // the service's own pages, and every other site, are read whole
    expect(read('https://docs.google.com/')).toContain('google.com');
    expect(read('https://paypal.com/signin')).toContain('paypal.com');
    // models trained before the option read every host whole
    const old = { ...spec, maskServiceHost: undefined };
    expect(pointedAt('https://docs.google.com/forms/d/e/1FAIpQ/viewform', old)).toContain(
      'google.com',
    );
  });

  it('drops every path feature when asked for the host only', () => {
    const full = featurizeUrl('https://a.example.top/login/verify.php?x=1', spec, true).evidence;
    const host = featurizeUrl(
      'https://a.example.top/login/verify.php?x=1',
      spec,
      true,
      true,
    ).evidence;
    const pathCount = (ev: typeof full) =>
      Array.from(ev?.family ?? []).filter((f) => f === PATH_FAMILY).length;
    expect(pathCount(full)).toBeGreaterThan(0);
    expect(pathCount(host)).toBe(0);
    expect(featurizeUrl('https://a.example.top/login', spec, false, true).vector).toEqual(
      featurizeUrl('https://a.example.top/', spec, false, true).vector,
    );
  });

  it('does not let a host-only (public list) example teach the scheme', () => {
    const dense = (url: string, hostOnly: boolean) => {
      const v = featurizeUrl(url, spec, false, hostOnly).vector;
      const k = (1 << spec.hashBits) + DENSE_URL_FEATURES.indexOf('host.scheme_http');
      const i = Array.from(v.index).indexOf(k);
      return i < 0 ? 0 : (v.value[i] ?? 0);
    };
    // The lists' benign URLs were all written https:// by their compilers.
    expect(dense('http://paypal-verify.top/', true)).toBe(0);
    expect(dense('http://paypal-verify.top/', true)).toBe(
      dense('https://paypal-verify.top/', true),
    );
    // A whole URL, as the checker and the fixtures give it, keeps its scheme.
    expect(dense('http://paypal-verify.top/', false)).toBe(1);
  });

  it('carries the URL engine dense features after the hashed buckets', () => {
    const { vector } = featurizeUrl('http://192.168.0.1/login', spec);
    const dense = Array.from(vector.index).filter((i) => i >= 1 << spec.hashBits);
    expect(dense.length).toBeGreaterThan(0);
    for (const i of dense) expect(i).toBeLessThan((1 << spec.hashBits) + DENSE_URL_FEATURES.length);
  });

  it('never throws and keeps spans inside the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string({ maxLength: 300 })), (url) => {
        const ev = featurizeUrl(url, spec, true).evidence;
        for (let i = 0; i < (ev?.count ?? 0); i++) {
          expect(ev?.start[i]).toBeLessThanOrEqual(ev?.end[i] as number);
          expect(ev?.end[i]).toBeLessThanOrEqual(url.length);
        }
      }),
    );
  });
});
