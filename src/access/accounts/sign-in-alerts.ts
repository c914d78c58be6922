/**
 * Sign-in alerts: each (browser, network) pair a person signs in from is
 * remembered; a sign-in from a new one is audited and mailed to them, so a
 * stolen password used from elsewhere does not go unnoticed.
 */
import type { AccessUserRow } from '../access-tables.js';
import type { AccountCore } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { notices } from './account-notices.js';
import { deviceKey, deviceLabel } from './devices.js';
import { alertContact } from './trusted-contact.js';

/** Record the (browser, network) pair; mail an alert when it is new and not the first ever. */
export async function rememberDevice(
  core: AccountCore,
  user: AccessUserRow,
  ctx: RequestContext,
): Promise<boolean> {
  const key = deviceKey(ctx.userAgent, ctx.ip);
  const now = core.deps.now();
  const seen = await core
    .db()
    .updateTable('access_device')
    .set({ last_seen_at: now })
    .where('user_id', '=', user.id)
    .where('device_key', '=', key)
    .executeTakeFirst();
  if (Number(seen.numUpdatedRows) > 0) return false;
  const known = await core
    .db()
    .selectFrom('access_device')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow();
  const label = deviceLabel(ctx.userAgent, ctx.ip);
  try {
    await core
      .db()
      .insertInto('access_device')
      .values({ user_id: user.id, device_key: key, label, first_seen_at: now, last_seen_at: now })
      .execute();
  } catch (err) {
    if (core.deps.store.isUniqueViolation(err)) return false;
    throw err;
  }
  // The very first sign-in has nothing to compare with; alerting on it is noise.
  if (Number(known.n) === 0) return false;
  await core.audit({ action: 'access.account.sign_in_alert', userId: user.id, ctx });
  await core.mail(notices.newSignIn(core.site, user.email, label, now));
  await alertContact(
    core,
    user.id,
    'new_sign_in',
    `A sign-in from a device not used before: ${label}.`,
  );
  return true;
}
