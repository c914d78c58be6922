/**
 * STIX timestamps (RFC 3339, UTC, `Z` suffix, optional fraction) as exact instants.
 * Instants are bigint nanoseconds since the epoch: sub-millisecond fractions are legal STIX and
 * comparisons must not round them away. Calendar arithmetic is done by hand rather than with
 * `Date.UTC`, which maps the years 0–99 to 1900–1999.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;
const NANOS_PER_SECOND = 1_000_000_000n;

/** The instant of a STIX timestamp in nanoseconds since 1970-01-01T00:00:00Z, or null if invalid. */
export function parseStixTimestamp(text: string): bigint | null {
  const m = TIMESTAMP.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Second 60 is a leap second in RFC 3339; it is counted as the first second of the next minute.
  if (hour > 23 || minute > 59 || second > 60) return null;
  const days = daysFromCivil(year, month, day);
  const seconds = BigInt(days) * 86_400n + BigInt(hour * 3600 + minute * 60 + second);
  const fraction = (m[7] ?? '').slice(0, 9).padEnd(9, '0');
  return seconds * NANOS_PER_SECOND + BigInt(fraction);
}

/** Whole seconds (possibly fractional) as nanoseconds, rounded to the nearest nanosecond. */
export function secondsToNanos(seconds: number): bigint {
  const whole = Math.trunc(seconds);
  return BigInt(whole) * NANOS_PER_SECOND + BigInt(Math.round((seconds - whole) * 1e9));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
