/** Dates as people read them where they are: "22 Nov 2025, 14:03:07". */
const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatTime(time: Date): string {
  return formatter.format(time);
}
