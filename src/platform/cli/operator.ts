import { userInfo } from 'node:os';

/**
 * Who ran a CLI command, for the audit log: `cli:<OS user name>`. The name is
 * reduced to letters, digits, `.`, `_` and `-` (at most 64) so an odd login name
 * cannot forge another actor or break a log line; `cli:unknown` when the OS
 * cannot say (a container with no passwd entry).
 *
 * @example
 * await audit.append({ actor: cliActor(), action: 'lever.revoke', … });
 */
export function cliActor(): string {
  let name = '';
  try {
    name = userInfo()
      .username.replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 64);
  } catch {
    // No passwd entry for this uid: fall through to "unknown".
  }
  return `cli:${name || 'unknown'}`;
}
