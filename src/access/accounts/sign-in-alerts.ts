/**
 * Sign-in alerts: each (browser, network) pair a person signs in from is
 * remembered; a sign-in from a new one is audited and mailed to them, so a
 * stolen password used from elsewhere does not go unnoticed. "Place" is the
 * network (a /24 or /48 prefix): there is no geolocation database to ask, and
 * none is downloaded. A sign-in from a known device at an hour far from every
 * hour the person has signed in at before is flagged too.
 */
import type { AccountCore } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { localeOf } from './account-language.js';
import { notices } from './account-notices.js';
import type { AccountUserRow } from './account-tables.js';
import { deviceKey, deviceLabel } from './devices.js';
import { mailMessages as m, mailTime } from './mail-messages.js';
import { alertContact } from './trusted-contact.js';

/** Record the (browser, network) pair; mail an alert when it is new and not the first ever. */
export async function rememberDevice(
  core: AccountCore,
  user: AccountUserRow,
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
  if (Number(seen.numUpdatedRows) > 0) {
    await alertUnusualHour(core, user, now);
    return false;
  }
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
  const locale = localeOf(user);
  await core.mail(
    notices.newSignIn(
      core.site,
      locale,
      user.email,
      deviceLabel(ctx.userAgent, ctx.ip, locale),
      now,
    ),
  );
  await alertContact(core, user.id, 'new_sign_in', (to) =>
    m.t(to, 'alert.new_device', { device: deviceLabel(ctx.userAgent, ctx.ip, to) }),
  );
  return true;
}

/** Sign-ins looked back on, and how many are needed before an hour can look unusual. */
const HOUR_HISTORY = 30;
const HOUR_HISTORY_MIN = 8;
/** An hour this far (circularly, in hours) from every earlier sign-in's hour is unusual. */
const UNUSUAL_HOURS = 4;

/**
 * Mail an alert when this sign-in's hour of day (UTC) is at least 4 hours from
 * the hour of each of the person's last 30 sign-ins (needs 8 of them): a known
 * device used at 3 a.m. by someone who always signs in at lunchtime.
 */
async function alertUnusualHour(
  core: AccountCore,
  user: AccountUserRow,
  now: number,
): Promise<void> {
  const earlier = await core
    .db()
    .selectFrom('access_session')
    .select('created_at')
    .where('user_id', '=', user.id)
    .where('created_at', '<', now)
    .orderBy('created_at', 'desc')
    .limit(HOUR_HISTORY)
    .execute();
  if (earlier.length < HOUR_HISTORY_MIN) return;
  const hour = new Date(now).getUTCHours();
  const near = earlier.some((r) => {
    const d = Math.abs(new Date(Number(r.created_at)).getUTCHours() - hour);
    return Math.min(d, 24 - d) < UNUSUAL_HOURS;
  });
  if (near) return;
  await core.audit({
    action: 'access.account.sign_in_alert',
    userId: user.id,
    data: { reason: 'unusual_hour' },
  });
  await core.mail(notices.unusualHour(core.site, localeOf(user), user.email, now));
  await alertContact(core, user.id, 'new_sign_in', (to) =>
    m.t(to, 'alert.unusual_hour', { when: mailTime(to, now) }),
  );
}
