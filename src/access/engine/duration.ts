/**
 * Durations people type: `30d`, `12h`, `90m`, `2w`, or `never`. Used for key
 * expiry, grant expiry and the like.
 */
const DURATION = /^([1-9][0-9]{0,5})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Nothing lasts longer than ten years. */
const MAX_MS = 3660 * 86_400_000;

/**
 * Milliseconds for a duration, `null` for `never`, undefined when it is not one.
 *
 * @example
 * parseDuration('30d'); // 2_592_000_000
 */
export function parseDuration(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'never') return null;
  const m = DURATION.exec(t);
  if (m === null) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms <= MAX_MS ? ms : undefined;
}
