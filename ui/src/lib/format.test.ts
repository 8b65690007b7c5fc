import { describe, expect, it } from 'vitest';
import {
  countWords,
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatInteger,
  isoDateTime,
  quotedSentence,
} from './format';

// 12 March 2025, 23:30 UTC: already 13 March east of UTC+0:30.
const LATE_EVENING_UTC = Date.UTC(2025, 2, 12, 23, 30);

describe('formatDate', () => {
  it('formats Unix milliseconds as a medium date in the given locale', () => {
    expect(formatDate(LATE_EVENING_UTC, { locale: 'en-US', timeZone: 'UTC' })).toBe('Mar 12, 2025');
    expect(formatDate(LATE_EVENING_UTC, { locale: 'en-GB', timeZone: 'UTC' })).toBe('12 Mar 2025');
    expect(formatDate(LATE_EVENING_UTC, { locale: 'de-DE', timeZone: 'UTC' })).toBe('12.03.2025');
  });

  it('uses the time zone for the calendar day', () => {
    expect(formatDate(LATE_EVENING_UTC, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Mar 13, 2025');
  });

  it('treats the value as milliseconds, not seconds', () => {
    expect(formatDate(0, { locale: 'en-US', timeZone: 'UTC' })).toBe('Jan 1, 1970');
    expect(formatDate(1_700_000_000_000, { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 14, 2023');
  });

  it('returns an empty string for values that are not a time', () => {
    expect(formatDate(Number.NaN)).toBe('');
    expect(formatDate(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('formatDateTime / isoDateTime', () => {
  it('adds the time of day', () => {
    expect(formatDateTime(LATE_EVENING_UTC, { locale: 'en-GB', timeZone: 'UTC' })).toBe('12 Mar 2025, 23:30');
  });

  it('shows the seconds when asked', () => {
    expect(formatDateTime(LATE_EVENING_UTC + 9_000, { locale: 'en-GB', timeZone: 'UTC', seconds: true })).toBe(
      '12 Mar 2025, 23:30:09',
    );
  });

  it('gives ISO 8601 for <time datetime>', () => {
    expect(isoDateTime(LATE_EVENING_UTC)).toBe('2025-03-12T23:30:00.000Z');
    expect(isoDateTime(Number.NaN)).toBe('');
  });
});

describe('formatCount / formatInteger', () => {
  it('pluralises and groups digits', () => {
    expect(formatCount(0, 'word', undefined, 'en-US')).toBe('0 words');
    expect(formatCount(1, 'word', undefined, 'en-US')).toBe('1 word');
    expect(formatCount(12345, 'word', undefined, 'en-US')).toBe('12,345 words');
    expect(formatCount(2, 'entry', 'entries', 'en-US')).toBe('2 entries');
  });

  it('formats integers for the locale', () => {
    expect(formatInteger(1234567, 'en-US')).toBe('1,234,567');
    expect(formatInteger(1234567, 'de-DE')).toBe('1.234.567');
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\t ')).toBe(0);
    expect(countWords('The Berlin Wall fell in 1989.')).toBe(6);
    expect(countWords('  line one\n\nline   two  ')).toBe(4);
  });
});

describe('formatBytes', () => {
  it('gives bytes, then kilobytes and megabytes in powers of 1000', () => {
    expect(formatBytes(1, 'en-GB')).toBe('1 byte');
    expect(formatBytes(812, 'en-GB')).toBe('812 bytes');
    expect(formatBytes(4_200, 'en-GB')).toBe('4.2 KB');
    expect(formatBytes(18_400_000, 'en-GB')).toBe('18 MB');
    expect(formatBytes(2_500_000_000, 'en-GB')).toBe('2.5 GB');
  });

  it('returns an empty string for sizes that are not sizes', () => {
    expect(formatBytes(-1)).toBe('');
    expect(formatBytes(Number.NaN)).toBe('');
  });
});

describe('quotedSentence', () => {
  it('ends with one full stop, or none after a title that ends a sentence', () => {
    expect(quotedSentence('Added', 'The Berlin Airlift')).toBe('Added “The Berlin Airlift”.');
    expect(quotedSentence('Added', 'What caused the Cold War?')).toBe('Added “What caused the Cold War?”');
    expect(quotedSentence('Deleted', 'It ended.')).toBe('Deleted “It ended.”');
  });
});
