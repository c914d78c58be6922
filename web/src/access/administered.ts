/** An organization the signed-in person belongs to, with their role (from `account.me.orgs`). */
export interface MemberOrg {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** The roles that manage an organization's settings, such as its webhooks (the server checks `minRole: 'admin'`). */
const MANAGES = new Set(['owner', 'admin']);

/** The organizations this person administers. */
export const administered = (orgs: readonly MemberOrg[]): readonly MemberOrg[] =>
  orgs.filter((o) => MANAGES.has(o.role));
