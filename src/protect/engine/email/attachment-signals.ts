/**
 * Signals from attachment names and types (their content is never opened):
 * programs and scripts, web pages, disk images and shortcuts, macro documents,
 * double extensions (`invoice.pdf.exe`, or a right-to-left override that
 * reverses the end of the name), and locked archives sent with their password.
 */
import type { EmailAttachment, ParsedEmail } from './email-types.js';
import { type EmailSignal, type EmailSignalCode, makeSignal } from './signal-table.js';

const EXECUTABLE = new Set([
  'exe',
  'scr',
  'com',
  'pif',
  'bat',
  'cmd',
  'cpl',
  'msi',
  'msix',
  'msp',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'hta',
  'ps1',
  'psm1',
  'jar',
  'reg',
  'scf',
  'inf',
  'dll',
  'appx',
  'appxbundle',
  'appinstaller',
  'application',
  'gadget',
  'chm',
  'xll',
  'iqy',
  'slk',
  'sct',
  'msc',
  'apk',
  'dmg',
  'pkg',
  'sh',
  'command',
]);
const HTML = new Set(['html', 'htm', 'shtml', 'xhtml', 'xht', 'mht', 'mhtml', 'svg', 'svgz']);
const DISK_IMAGE = new Set(['iso', 'img', 'vhd', 'vhdx', 'lnk', 'url', 'one', 'onepkg', 'udf']);
const MACRO = new Set([
  'docm',
  'dotm',
  'xlsm',
  'xltm',
  'xlsb',
  'xlam',
  'pptm',
  'potm',
  'ppam',
  'ppsm',
  'sldm',
]);
const ARCHIVE = new Set([
  'zip',
  'rar',
  '7z',
  'gz',
  'tgz',
  'ace',
  'arj',
  'cab',
  'r00',
  'z',
  'bz2',
  'xz',
  'lzh',
]);
/** Extensions a disguised file pretends to have. */
const DECOY = new Set([
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'txt',
  'rtf',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'csv',
  'odt',
  'mp3',
  'mp4',
  'wav',
  'zip',
]);
const RLO = /[\u202a-\u202e\u2066-\u2069]/; // one class: linear

/** MIME types that are programs whatever the file is called. */
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/x-ms-dos-executable',
  'application/x-dosexec',
  'application/hta',
  'application/x-msi',
  'application/vnd.microsoft.portable-executable',
]);

/** The name without trailing dots and spaces, which Windows ignores (so "a.exe. ." runs as "a.exe"). */
function trimTrailing(filename: string): string {
  let end = filename.length;
  while (end > 0 && (filename[end - 1] === '.' || /\s/.test(filename[end - 1] as string))) end--;
  return filename.slice(0, end);
}

/** Lower-case extensions, last first. */
function extensions(filename: string): string[] {
  return trimTrailing(filename).toLowerCase().split('.').slice(1).reverse();
}

/** "invoice.pdf      .exe": a run of spaces pushes the real extension out of sight. */
function paddedExtension(filename: string): boolean {
  const name = trimTrailing(filename);
  const dot = name.lastIndexOf('.');
  let spaces = 0;
  for (let i = dot - 1; i >= 0 && /\s/.test(name[i] as string); i--) spaces++;
  return dot > 0 && spaces >= 5;
}

function kindOf(a: EmailAttachment): { code: EmailSignalCode; real?: string } | null {
  const exts = extensions(a.filename);
  const last = exts[0] ?? '';
  if (RLO.test(a.filename))
    return { code: 'email.attachment_double_extension', real: 'a hidden name' };
  const dangerous = EXECUTABLE.has(last) || HTML.has(last) || DISK_IMAGE.has(last);
  const decoy = exts[1];
  if (dangerous && decoy !== undefined && DECOY.has(decoy))
    return { code: 'email.attachment_double_extension', real: `.${last}` };
  if (dangerous && paddedExtension(a.filename))
    return { code: 'email.attachment_double_extension', real: `.${last}` };
  if (EXECUTABLE.has(last) || EXECUTABLE_TYPES.has(a.contentType))
    return { code: 'email.attachment_executable' };
  if (
    HTML.has(last) ||
    (a.filename === '' && a.contentType === 'text/html' && a.disposition === 'attachment')
  )
    return { code: 'email.attachment_html' };
  if (DISK_IMAGE.has(last)) return { code: 'email.attachment_disk_image' };
  if (MACRO.has(last)) return { code: 'email.attachment_macro' };
  return null;
}

/** Phrases that give an archive's password away (several languages; scanned in lower-cased text). */
const PASSWORD_HINTS = [
  'password:',
  'password is',
  'password -',
  'passcode',
  'pwd:',
  'pass:',
  'archive password',
  'zip password',
  'passwort',
  'kennwort',
  'senha',
  'contraseña',
  'mot de passe',
  'パスワード',
];

function givesPassword(parsed: ParsedEmail, a: EmailAttachment): boolean {
  const text = `${parsed.subject}\n${parsed.body.slice(0, 20_000)}\n${a.filename}`.toLowerCase();
  return PASSWORD_HINTS.some((h) => text.includes(h));
}

export function attachmentSignals(parsed: ParsedEmail): EmailSignal[] {
  const found = new Map<EmailSignalCode, EmailSignal>();
  for (const a of parsed.attachments) {
    const kind = kindOf(a);
    const name = a.filename === '' ? `(unnamed ${a.contentType})` : a.filename;
    const add = (code: EmailSignalCode, vars: Record<string, string>) => {
      if (!found.has(code))
        found.set(
          code,
          makeSignal(code, vars, 'attachment', parsed.attachmentText, a.start, a.end),
        );
    };
    if (kind !== null) add(kind.code, { name, real: kind.real ?? '' });
    if (ARCHIVE.has(extensions(a.filename)[0] ?? '') && givesPassword(parsed, a))
      add('email.attachment_protected_archive', { name });
  }
  return [...found.values()];
}
