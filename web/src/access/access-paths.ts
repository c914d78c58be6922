/** The account pages' addresses, in one place (mails from the server link to some of them). */
export const ACCESS = '/access';
export const accessPaths = {
  overview: ACCESS,
  signIn: `${ACCESS}/sign-in`,
  signUp: `${ACCESS}/sign-up`,
  reset: `${ACCESS}/reset`,
  recover: `${ACCESS}/recover`,
  recoverFinish: `${ACCESS}/recover/finish`,
  contactStop: `${ACCESS}/trusted-contact/stop`,
  verifyEmail: `${ACCESS}/verify-email`,
  security: `${ACCESS}/security`,
  devices: `${ACCESS}/devices`,
  orgs: `${ACCESS}/orgs`,
  org: (id: string) => `${ACCESS}/orgs/${id}`,
  invitations: `${ACCESS}/invitations`,
  verification: `${ACCESS}/verification`,
  review: `${ACCESS}/review`,
} as const;

/** The value after `#token=` (or a bare `#<token>`) in the address, as mails link to it. */
export function tokenInHash(): string {
  const hash = window.location.hash.replace(/^#/, '');
  const token = hash.startsWith('token=') ? hash.slice('token='.length) : hash;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}
