import { describe, expect, it } from 'vitest';
import { emailSignals } from './email-signals.js';
import { emailText } from './email-text.js';
import type { ParsedEmail } from './email-types.js';
import { parseEmail } from './parse-email.js';

const enc = new TextEncoder();
const MB = 1024 * 1024;
/** Generous: the target is "well under a second" on a laptop; CI machines are slower. */
const BOUND_MS = 1_500;

function timed(raw: Uint8Array): { parsed: ParsedEmail; ms: number } {
  const t = performance.now();
  const parsed = parseEmail(raw);
  emailSignals(parsed);
  emailText(parsed);
  const ms = performance.now() - t;
  console.log(
    `[email-stress] ${ms.toFixed(0).padStart(5)} ms  ${raw.length.toLocaleString('en')} bytes  ${expect.getState().currentTestName ?? ''}`,
  );
  return { parsed, ms };
}

/** head + `size` bytes made by repeating `unit` + tail, built by doubling copies (fast). */
function big(head: string, unit: string, size: number, tail = ''): Uint8Array {
  const h = enc.encode(head);
  const u = enc.encode(unit);
  const t = enc.encode(tail);
  const out = new Uint8Array(h.length + size + t.length);
  out.set(h, 0);
  const start = h.length;
  out.set(u.subarray(0, Math.min(u.length, size)), start);
  for (let filled = Math.min(u.length, size); filled < size; filled *= 2) {
    out.copyWithin(start + filled, start, start + Math.min(filled, size - filled));
  }
  out.set(t, start + size);
  return out;
}

const codes = (p: ParsedEmail) => p.warnings.map((w) => w.code);

describe('parseEmail under stress', () => {
  it.each([
    ['plain text', 'Subject: big\n\n', 'All work and no play makes Jack a dull boy. '],
    [
      'base64 text',
      'Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n',
      'QWxsIHdvcmsgYW5kIG5vIHBsYXkgbWFrZXMgSmFjayBhIGR1bGwgYm95Lg==\n',
    ],
    [
      'quoted-printable text',
      'Content-Transfer-Encoding: quoted-printable\n\n',
      'caf=C3=A9 au lait =\n',
    ],
    [
      'HTML',
      'Content-Type: text/html\n\n',
      '<div><a href="https://x.example/">link</a> text &amp; more</div>\n',
    ],
    ['HTML made of "<"', 'Content-Type: text/html\n\n', '<'],
    ['newlines only', 'Subject: x\n\n', '\n'],
    [
      'boundary-like lines',
      'Content-Type: multipart/mixed; boundary=ab\n\n--ab\n\n',
      '--ac\n--xy--\n',
    ],
  ])('reads a 25 MB %s body in time, keeping at most the text budget', (_name, head, unit) => {
    const { parsed, ms } = timed(big(head, unit, 25 * MB - head.length));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.plainText.length + parsed.htmlText.length).toBeLessThanOrEqual(2_000_000);
  });

  it('counts a 25 MB base64 attachment without decoding it', () => {
    const head =
      'Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n';
    const { parsed, ms } = timed(
      big(
        head,
        'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n',
        24 * MB,
        '\n--z--\n',
      ),
    );
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.attachments[0]?.size).toBeGreaterThan(17 * MB);
  });

  it('reads only the first 25 MB of a larger input, and says so', () => {
    const { parsed, ms } = timed(big('Subject: huge\n\n', 'x', 26 * MB));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.truncated).toBe(true);
    expect(codes(parsed)).toContain('input_truncated');
  });

  it('parses 100 nested multiparts in time and skips deeper ones', () => {
    const nest = (levels: number) => {
      let s = 'Subject: deep\n';
      for (let i = 0; i < levels; i++)
        s += `Content-Type: multipart/mixed; boundary="level${i}"\n\n--level${i}\n`;
      s += 'Content-Type: text/plain\n\ninnermost text\n';
      for (let i = levels - 1; i >= 0; i--) s += `--level${i}--\n`;
      return enc.encode(s);
    };
    const ok = timed(nest(100));
    expect(ok.ms).toBeLessThan(BOUND_MS);
    expect(ok.parsed.plainText).toBe('innermost text');
    expect(codes(ok.parsed)).toEqual([]);
    const tooDeep = timed(nest(150));
    expect(tooDeep.parsed.plainText).toBe('');
    expect(codes(tooDeep.parsed)).toContain('depth_limit');
    expect(tooDeep.parsed.truncated).toBe(true);
  });

  it('stays linear for 100 nested multiparts around a 25 MB body', () => {
    let head = 'Subject: deep and big\n';
    for (let i = 0; i < 100; i++)
      head += `Content-Type: multipart/mixed; boundary="same-length-boundary-${String(i).padStart(3, '0')}"\n\n--same-length-boundary-${String(i).padStart(3, '0')}\n`;
    head += 'Content-Type: text/plain\n\n';
    const { ms } = timed(big(head, '--same-length-boundary-xyz\n', 25 * MB - head.length));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('stops after the part limit when 10,000 parts are attempted', () => {
    let s = 'Content-Type: multipart/mixed; boundary=p\n\n';
    for (let i = 0; i < 10_000; i++) s += `--p\nContent-Type: text/plain\n\npart ${i}\n`;
    const { parsed, ms } = timed(enc.encode(`${s}--p--\n`));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.partCount).toBe(500);
    expect(codes(parsed)).toContain('part_limit');
  });

  it('stops after the part limit for 10,000 nested message/rfc822 parts', () => {
    const { parsed, ms } = timed(enc.encode('Content-Type: message/rfc822\n\n'.repeat(10_000)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(codes(parsed).some((c) => c === 'part_limit' || c === 'depth_limit')).toBe(true);
  });

  it('cuts a 100 KB header line and skips headers past 1,000', () => {
    const long = timed(big('Subject: ', 'a=?utf-8?q?x?= (', 200 * 1024, '\n\nbody'));
    expect(long.ms).toBeLessThan(BOUND_MS);
    expect(long.parsed.subject.length).toBeLessThanOrEqual(100 * 1024);
    expect(codes(long.parsed)).toContain('header_line_truncated');
    const many = timed(big('', 'X-H: v\n', 7 * 2_000_000, '\nbody'));
    expect(many.ms).toBeLessThan(BOUND_MS);
    expect(many.parsed.headers).toHaveLength(1_000);
    expect(many.parsed.plainText).toBe('body');
    expect(codes(many.parsed)).toContain('header_limit');
  });

  it('keeps at most 10,000 links', () => {
    const { parsed, ms } = timed(
      big(
        'Content-Type: text/html\n\n',
        '<a href="https://a.example/">https://b.example/</a> http://c.example ',
        4 * MB,
      ),
    );
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.links).toHaveLength(10_000);
    expect(codes(parsed)).toContain('link_limit');
  });

  it('handles 25 MB of address-list and authentication soup in a header', () => {
    const { ms } = timed(big('From: ', '"(<a@b>,;:\\', 25 * MB, '\n\nx'));
    expect(ms).toBeLessThan(BOUND_MS);
    const auth = timed(big('Authentication-Results: ', 'spf=fail (((x) ;', 25 * MB, '\n\nx'));
    expect(auth.ms).toBeLessThan(BOUND_MS);
  });
});
