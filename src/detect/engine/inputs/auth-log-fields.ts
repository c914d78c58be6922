/**
 * Facts in Linux auth.log / secure messages (sshd, sudo, su) as fields the anomaly scores and
 * rules can use: who, from where, what result. Only fixed-prefix scans and anchored,
 * linear regexes (the messages are attacker-influenced: user names come from the client).
 */
import type { FieldValue } from '../event.js';

type Fields = Record<string, FieldValue>;

/** `... for [invalid user ]NAME from IP port N ...` (sshd), all shapes OpenSSH writes. */
const SSHD_AUTH = /^(Accepted|Failed) (\S+) for (invalid user )?(\S*) from (\S+) port (\d{1,5})/;
const SSHD_INVALID = /^Invalid user (\S*) from (\S+)(?: port (\d{1,5}))?/;
const SSHD_DISCONNECT =
  /^(?:Disconnected from|Connection closed by|Received disconnect from) (?:(?:invalid |authenticating )?user (\S*) )?(\S+) port (\d{1,5})/;

export function sshdFields(message: string, out: Fields): void {
  const auth = SSHD_AUTH.exec(message);
  if (auth !== null) {
    out.auth_result = auth[1] === 'Accepted' ? 'success' : 'failure';
    out.auth_method = auth[2] as string;
    if (auth[3] !== undefined) out.invalid_user = true;
    out.user = auth[4] as string;
    out.src_ip = auth[5] as string;
    out.src_port = Number(auth[6]);
    return;
  }
  const invalid = SSHD_INVALID.exec(message);
  if (invalid !== null) {
    out.auth_result = 'failure';
    out.invalid_user = true;
    out.user = invalid[1] as string;
    out.src_ip = invalid[2] as string;
    if (invalid[3] !== undefined) out.src_port = Number(invalid[3]);
    return;
  }
  const gone = SSHD_DISCONNECT.exec(message);
  if (gone !== null) {
    if (gone[1] !== undefined) out.user = gone[1];
    out.src_ip = gone[2] as string;
    out.src_port = Number(gone[3]);
  }
}

/** `alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash` (sudo). */
export function sudoFields(message: string, out: Fields): void {
  const colon = message.indexOf(' : ');
  if (colon <= 0) return;
  out.user = message.slice(0, colon).trim();
  for (const part of message.slice(colon + 3).split(' ; ')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      if (part.includes('incorrect password')) out.auth_result = 'failure';
      continue;
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1);
    if (key === 'TTY') out.tty = value;
    else if (key === 'PWD') out.pwd = value;
    else if (key === 'USER') out.target_user = value;
    else if (key === 'COMMAND') out.command = value;
  }
}

const SU_TO = /^(\(to (\S+)\)|FAILED SU \(to (\S+)\)) (\S+) on (\S+)/;
const PAM_SESSION = /^pam_unix\(([^)\s]+)\): session (opened|closed) for user (\S+)(?: by (\S*))?/;

/** `root(uid=0)` → `root`. */
const withoutUid = (name: string): string => {
  const paren = name.indexOf('(');
  return paren < 0 ? name : name.slice(0, paren);
};

/** `(to root) alice on pts/0`, `FAILED SU (to root) alice on pts/0` (su). */
export function suFields(message: string, out: Fields): void {
  const to = SU_TO.exec(message);
  if (to === null) return;
  out.target_user = (to[2] ?? to[3]) as string;
  out.user = to[4] as string;
  out.tty = to[5] as string;
  out.auth_result = to[3] === undefined ? 'success' : 'failure';
}

/** `pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)`, any program. */
export function pamFields(message: string, out: Fields): void {
  const m = PAM_SESSION.exec(message);
  if (m === null) return;
  out.pam_service = m[1] as string;
  out.session = m[2] as string;
  out.target_user = withoutUid(m[3] as string);
  const by = m[4] === undefined ? '' : withoutUid(m[4]);
  if (by !== '') out.user = by;
}

/** The auth facts for one program's message; fills `out` and returns it. */
export function authFields(program: string | undefined, message: string, out: Fields): Fields {
  if (program === 'sshd') sshdFields(message, out);
  else if (program === 'sudo') sudoFields(message, out);
  else if (program === 'su') suFields(message, out);
  if (message.startsWith('pam_unix(')) pamFields(message, out);
  return out;
}
