/**
 * Recognising the browser and network a sign-in comes from, so a sign-in from
 * one never seen before for that person sends them an alert. A "device" is the
 * pair (user agent, network prefix): /24 for IPv4, /48 for IPv6, so a home
 * router's new address does not count as new, another town's does.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import { sha256Hex } from './account-secrets.js';
import { mailMessages as m } from './mail-messages.js';

export const USER_AGENT_MAX = 256;

/** "Firefox on Linux" from a User-Agent header: coarse on purpose, for names and alerts. */
export function describeDevice(userAgent: string, locale: Locale = 'en'): string {
  const ua = userAgent.slice(0, USER_AGENT_MAX);
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
      ['curl/', 'curl'],
    ].find(([needle]) => ua.includes(needle as string))?.[1] ??
    m.t(locale, 'device.unknown_browser');
  const os =
    [
      ['Android', 'Android'],
      ['iPhone', 'iPhone'],
      ['iPad', 'iPad'],
      ['Windows', 'Windows'],
      ['Mac OS X', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => ua.includes(needle as string))?.[1] ?? undefined;
  return os === undefined ? browser : m.t(locale, 'device.on', { browser, os });
}

/** The network an address is in: `203.0.113.0/24`, `2001:db8:1::/48`, or the address when unparsable. */
export function networkOf(ip: string): string {
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) {
    const [head = '', tail = ''] = ip.toLowerCase().split('::', 2);
    const left = head === '' ? [] : head.split(':');
    const right = tail === '' ? [] : tail.split(':');
    const full = [
      ...left,
      ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'),
      ...right,
    ];
    return `${full
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return ip.slice(0, 64);
}

export function deviceKey(userAgent: string, ip: string): string {
  return sha256Hex(`${userAgent.slice(0, USER_AGENT_MAX)}\n${networkOf(ip)}`);
}

/** "Firefox on Linux, network 203.0.113.0/24", in `locale` (mail); stored labels are English. */
export function deviceLabel(userAgent: string, ip: string, locale: Locale = 'en'): string {
  return m.t(locale, 'device.label', {
    device: describeDevice(userAgent, locale),
    network: networkOf(ip),
  });
}
