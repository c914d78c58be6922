import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities.js';
import { htmlToText } from './html-to-text.js';

const text = (html: string) => htmlToText(html, 1_000_000, 100).text;

describe('htmlToText', () => {
  it('drops script, style, title, comments and conditional comments', () => {
    expect(
      text(
        '<html><head><title>T</title><style>p{x:1}</style></head><body><!-- hidden --><!--[if mso]>x<![endif]--><script>alert("<p>")</script>Hi</body></html>',
      ),
    ).toBe('Hi');
    expect(text('<SCRIPT type=x>a</script >b<style>c</STYLE>d')).toBe('bd');
  });

  it('collapses whitespace and turns blocks into line breaks', () => {
    expect(
      text(
        '<p>One\n   two</p><p>three</p>four<br>five<div>six</div><table><tr><td>a</td><td>b</td></tr></table>',
      ),
    ).toBe('One two\n\nthree\n\nfour\nfive\nsix\n\na b');
  });

  it('decodes named, numeric and legacy entities', () => {
    expect(
      text(
        '&lt;b&gt; &amp;amp; &#72;&#x49; &eacute; &nbsp;x &copy 2025 &#150; &bogus; &#0; &#99999999;',
      ),
    ).toBe('<b> &amp; HI é x © 2025 – &bogus; \ufffd \ufffd');
    expect(decodeEntities('a&ampb &amp=x')).toBe('a&b &=x');
    expect(decodeEntities('?a=1&copy=2&amplitude=3&amp;x', true)).toBe('?a=1&copy=2&amplitude=3&x');
  });

  it('keeps anchors with their visible text and exact offsets', () => {
    const r = htmlToText(
      '<p>Sign in at <a href="https://evil.example/?a=1&amp;b=2"><b>www.paypal.com</b></a> now. <a href=\'x\'>x</a><a>no href</a><area href="https://m.example/" alt="Map"></p>',
      1000,
      100,
    );
    expect(r.links.map((l) => [l.href, l.text, l.origin])).toEqual([
      ['https://evil.example/?a=1&b=2', 'www.paypal.com', 'anchor'],
      ['x', 'x', 'anchor'],
      ['https://m.example/', 'Map', 'area'],
    ]);
    const first = r.links[0];
    expect(r.text.slice(first?.start, first?.end)).toBe('www.paypal.com');
  });

  it('drops text hidden with inline CSS but keeps its links', () => {
    const r = htmlToText(
      '<div style="display: none">salad <a href="https://h.example/">h</a><div>deep</div></div>Shown<span style="font-size:0px">x</span><span style="font-size:0.9em">small</span><p hidden>h</p>',
      1000,
      100,
    );
    expect(r.text).toBe('Shownsmall'); // no space between the spans in the source either
    expect(r.links[0]?.href).toBe('https://h.example/');
  });

  it('ends hidden elements where browsers do, so hidden CSS cannot swallow visible text', () => {
    expect(text('<p style="display:none">salad<div>Visible</div>')).toBe('Visible');
    expect(text('<ul><li style="display:none">salad<li>Shown</ul>')).toBe('Shown');
    expect(text('<table><tr><td style="display:none">x<td>Cell</table>')).toBe('Cell');
    expect(text('<div style="display:none"><div>nested</div>still hidden</div>After')).toBe(
      'After',
    );
    expect(text('<p hidden>h<p style="display:none">h2</p>Next')).toBe('Next');
  });

  it('reports forms and password fields', () => {
    const r = htmlToText(
      '<form action="https://x.example/post">User <input type="text"> Pass <input type=PASSWORD ></form><input type="password">',
      1000,
      100,
    );
    expect(r.forms.map((f) => [f.action, f.hasPassword])).toEqual([
      ['https://x.example/post', true],
      ['', true],
    ]);
  });

  it('survives broken markup: stray <, unclosed tags, quotes and comments', () => {
    expect(text('a < b and 3<4 <')).toBe('a < b and 3<4 <');
    expect(text('ok <a href="unterminated>never')).toBe('ok');
    expect(text('ok <!-- never closed')).toBe('ok');
    expect(text('<p>ok<script>never closed')).toBe('ok');
    expect(text('<<<>>>')).toBe('<<<>>>');
  });

  it('stops at the text budget and the link budget', () => {
    const r = htmlToText('<p>abcdefghij</p><a href="a">1</a><a href="b">2</a>', 5, 1);
    expect(r.text).toBe('abcde');
    expect(r.truncated).toBe(true);
    const links = htmlToText('<a href="a">1</a><a href="b">2</a>', 100, 1);
    expect(links.links).toHaveLength(1);
    expect(links.linksTruncated).toBe(true);
  });
});
