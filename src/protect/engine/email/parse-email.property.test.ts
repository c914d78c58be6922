import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailSignals, fieldText } from './email-signals.js';
import { emailText } from './email-text.js';
import type { EmailLimits, ParsedEmail } from './email-types.js';
import { parseEmail } from './parse-email.js';

const enc = new TextEncoder();
const SMALL: EmailLimits = {
  maxInputBytes: 50_000,
  maxTextChars: 2_000,
  maxDepth: 6,
  maxParts: 25,
  maxHeaders: 15,
  maxHeaderLineBytes: 300,
  maxLinks: 8,
};

/** What must hold for any input: bounded output, consistent offsets, signals that point inside their fields. */
function checkInvariants(p: ParsedEmail, limits: EmailLimits): void {
  expect(p.warnings.map((w) => w.code)).not.toContain('internal_error');
  expect(p.plainText.length + p.htmlText.length).toBeLessThanOrEqual(limits.maxTextChars);
  expect(p.links.length).toBeLessThanOrEqual(limits.maxLinks);
  expect(p.headers.length).toBeLessThanOrEqual(limits.maxHeaders);
  expect(p.partCount).toBeLessThanOrEqual(limits.maxParts);
  expect(p.body === p.htmlText || p.body === p.plainText).toBe(true);
  for (const h of p.headers)
    expect(p.headerText.slice(h.valueStart, h.valueStart + h.value.length)).toBe(h.value);
  for (const a of p.attachments) expect(p.attachmentText.slice(a.start, a.end)).toBe(a.filename);
  for (const l of p.links) {
    const text = l.part === 'html' ? p.htmlText : p.plainText;
    expect(0 <= l.start && l.start <= l.end && l.end <= text.length).toBe(true);
  }
  for (const s of emailSignals(p)) {
    const field = fieldText(p, s);
    expect(
      0 <= s.evidence.start && s.evidence.start <= s.evidence.end && s.evidence.end <= field.length,
    ).toBe(true);
    expect(s.evidence.excerpt).toBe(
      field.slice(s.evidence.start, Math.min(s.evidence.end, s.evidence.start + 200)),
    );
    expect(Number.isFinite(s.weight)).toBe(true);
  }
  expect(typeof emailText(p)).toBe('string');
}

/** Bytes biased towards MIME structure so random input reaches deep code paths. */
const mimeish = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc
        .constantFrom(
          '\n',
          '\r\n',
          '--',
          '--b',
          '--b--',
          ': ',
          '=?utf-8?B?',
          '?=',
          '=\n',
          '=C3',
          '<a href="',
          '">',
          '</a>',
          '<',
          '&#',
          ';',
          '"',
          '(',
          ')',
          'Content-Type: multipart/mixed; boundary=b\n',
          'Content-Transfer-Encoding: base64\n',
          'Content-Transfer-Encoding: quoted-printable\n',
          'Content-Type: text/html\n',
          'Content-Type: message/rfc822\n',
          'From: "A" <a@b.example>\n',
          'http://',
          'www.',
          '\u202e',
          '\u200b',
        )
        .map((s) => enc.encode(s)),
    ),
    { maxLength: 60 },
  )
  .map((chunks) => {
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let n = 0;
    for (const c of chunks) {
      out.set(c, n);
      n += c.length;
    }
    return out;
  });

describe('parseEmail properties', () => {
  it('never throws on random bytes, and its output is bounded and consistent', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => {
        checkInvariants(parseEmail(bytes, SMALL), SMALL);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on MIME-like byte soup', () => {
    fc.assert(
      fc.property(mimeish, (bytes) => {
        checkInvariants(parseEmail(bytes, SMALL), SMALL);
      }),
      { numRuns: 600 },
    );
  });

  const headerName = fc.oneof(
    fc.constantFrom(
      'From',
      'To',
      'Reply-To',
      'Return-Path',
      'Sender',
      'Subject',
      'Authentication-Results',
      'Received-SPF',
      'Content-Type',
      'List-Id',
      'Date',
      'Message-ID',
    ),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  const headerValue = fc.array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '"',
        '<',
        '>',
        '(',
        ')',
        ',',
        ';',
        ':',
        '@',
        '\\',
        '=?utf-8?q?a_b?=',
        '=?x?B?////?=',
        '\n ',
        '\r\n\t',
        'spf=fail',
        'dkim=pass header.d=x',
        'dmarc=fail header.from=',
        'PayPal',
        'paypa1.com',
        'gmail.com',
        '\u202e',
        '\u200b',
      ),
    ),
    { maxLength: 12 },
  );

  it('never throws on header soup, and evidence stays inside its field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 25 }),
        fc.string({ maxLength: 200 }),
        (fields, body) => {
          const head = fields.map(([n, v]) => `${n}: ${v.join('')}`).join('\n');
          checkInvariants(parseEmail(enc.encode(`${head}\n\n${body}`), SMALL), SMALL);
        },
      ),
      { numRuns: 600 },
    );
  });
});

type Tree =
  | { kind: 'text'; words: string; encoding: '7bit' | 'quoted-printable' | 'base64' }
  | { kind: 'file'; name: string }
  | { kind: 'multi'; children: Tree[] };

const word = fc.constantFrom(
  'alpha',
  'beta',
  'gamma',
  'délta',
  'ε',
  '日本',
  '=equals',
  'tab\there',
  'end.',
);
const treeArb = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('text' as const),
      words: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
      encoding: fc.constantFrom('7bit' as const, 'quoted-printable' as const, 'base64' as const),
    }),
    fc.record({
      kind: fc.constant('file' as const),
      name: fc.constantFrom('a.pdf', 'b.exe', 'c d.zip', 'ünï.txt'),
    }),
    fc.record({
      kind: fc.constant('multi' as const),
      children: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
    }),
  ),
}));

function encodeBody(text: string, encoding: string): string {
  const bytes = enc.encode(text);
  if (encoding === 'base64') return btoa(String.fromCharCode(...bytes)).replace(/(.{20})/g, '$1\n');
  if (encoding === 'quoted-printable')
    return [...bytes]
      .map((b) =>
        b === 0x3d || b > 0x7e || b === 0x09
          ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
          : String.fromCharCode(b),
      )
      .join('');
  return text;
}

let counter = 0;
function render(tree: Tree, nl: string): string {
  if (tree.kind === 'text') {
    return [
      `Content-Type: text/plain; charset=utf-8`,
      `Content-Transfer-Encoding: ${tree.encoding}`,
      '',
      encodeBody(tree.words, tree.encoding),
    ].join(nl);
  }
  if (tree.kind === 'file') {
    return [
      `Content-Type: application/octet-stream; name="${tree.name}"`,
      'Content-Disposition: attachment',
      'Content-Transfer-Encoding: base64',
      '',
      'AAAA',
    ].join(nl);
  }
  const boundary = `b${counter++}`;
  const parts = tree.children.map((c) => `--${boundary}${nl}${render(c, nl)}`);
  return [
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    'preamble',
    ...parts,
    `--${boundary}--`,
    'epilogue',
  ].join(nl);
}

function leaves(tree: Tree): Tree[] {
  return tree.kind === 'multi' ? tree.children.flatMap(leaves) : [tree];
}

describe('MIME round trip', () => {
  it('reads back every text part and every attachment of a random MIME tree', () => {
    fc.assert(
      fc.property(treeArb.tree, fc.boolean(), (tree, crlf) => {
        const nl = crlf ? '\r\n' : '\n';
        const raw = enc.encode(`From: a@b.example${nl}Subject: tree${nl}${render(tree, nl)}`);
        const p = parseEmail(raw);
        const all = leaves(tree);
        const texts = all.flatMap((l) => (l.kind === 'text' ? [l.words] : []));
        expect(p.plainText).toBe(texts.join('\n\n'));
        expect(p.attachments.map((a) => a.filename)).toEqual(
          all.flatMap((l) => (l.kind === 'file' ? [l.name] : [])),
        );
        expect(p.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when boundaries are dropped or cut from a random MIME tree', () => {
    fc.assert(
      fc.property(treeArb.tree, fc.nat(), fc.nat(), (tree, cut, drop) => {
        const text = `Subject: broken\n${render(tree, '\n')}`;
        const lines = text.split('\n');
        const boundaryLines = lines
          .map((l, i) => (l.startsWith('--') ? i : -1))
          .filter((i) => i >= 0);
        const dropped = boundaryLines.length > 0 ? boundaryLines[drop % boundaryLines.length] : -1;
        const broken = lines.filter((_, i) => i !== dropped).join('\n');
        const raw = enc.encode(broken.slice(0, cut % (broken.length + 1)));
        checkInvariants(parseEmail(raw, SMALL), SMALL);
      }),
      { numRuns: 300 },
    );
  });
});
