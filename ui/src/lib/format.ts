// Small, locale-aware formatting helpers for the UI.

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, timeZone: string | undefined, time: 'none' | 'short' | 'medium') {
  const key = `${locale ?? ''}|${timeZone ?? ''}|${time}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(time !== 'none' ? { timeStyle: time } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

export interface DateOptions {
  /** BCP 47 locale; the user's own when omitted. */
  locale?: string;
  /** IANA time zone; the system's when omitted (tests pin it). */
  timeZone?: string;
  /** formatDateTime: with the seconds (two backups a minute apart must differ). */
  seconds?: boolean;
}

/** "12 Mar 2025" / "Mar 12, 2025" from Unix milliseconds; "" for bad input. */
export function formatDate(unixMillis: number, options: DateOptions = {}): string {
  if (!Number.isFinite(unixMillis)) return '';
  return dateFormat(options.locale, options.timeZone, 'none').format(new Date(unixMillis));
}

/** Date and time, for tooltips and machine-readable contexts. */
export function formatDateTime(unixMillis: number, options: DateOptions = {}): string {
  if (!Number.isFinite(unixMillis)) return '';
  return dateFormat(options.locale, options.timeZone, options.seconds ? 'medium' : 'short').format(new Date(unixMillis));
}

/** ISO 8601 for a <time datetime="…"> attribute; "" for bad input. */
export function isoDateTime(unixMillis: number): string {
  if (!Number.isFinite(unixMillis)) return '';
  return new Date(unixMillis).toISOString();
}

const integerFormats = new Map<string, Intl.NumberFormat>();

export function formatInteger(value: number, locale?: string): string {
  const key = locale ?? '';
  let format = integerFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    integerFormats.set(key, format);
  }
  return format.format(value);
}

/** "1 word", "1,234 words". */
export function formatCount(value: number, singular: string, plural: string = `${singular}s`, locale?: string): string {
  return `${formatInteger(value, locale)} ${value === 1 ? singular : plural}`;
}

/** Words as Clio counts them for the live counter in the add form. */
export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

/** "812 bytes", "4.2 KB", "18 MB" (powers of 1000, as file managers on Linux show). */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return formatCount(bytes, 'byte', 'bytes', locale);
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}

/**
 * A file name from a title, for a save dialog: no characters file systems
 * refuse, at most 100 of them, `fallback` when nothing is left, then `.ext`.
 */
export function fileNameFrom(title: string, fallback: string, ext: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return `${name || fallback}.${ext}`;
}

/**
 * A sentence ending in a quoted title: “…” and a full stop, unless the title
 * ends a sentence itself ("Added “Why did the Cold War end?”", not “…end?”.).
 */
export function quotedSentence(before: string, title: string): string {
  const ends = /[.?!…]$/.test(title.trim());
  return `${before} “${title}”${ends ? '' : '.'}`;
}
