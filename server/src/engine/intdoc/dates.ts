// The template's dates (`Fecha integracion`, the `Ultima actualizacion` footer)
// are YYYY-MM-DD. People also write 2026/01/15, 15/01/2026 or a full ISO
// timestamp; those convert without guessing, except d/m vs m/d with both parts
// up to 12, which only the author can settle.

export type DateReading =
  /** Already YYYY-MM-DD and a day that exists. */
  | { kind: 'iso'; iso: string }
  /** Another spelling of one real day, converted without guessing. */
  | { kind: 'convertible'; iso: string }
  /** dd/mm/yyyy or mm/dd/yyyy: both readings are real days. */
  | { kind: 'ambiguous' }
  /** Date-shaped, but no such day (2026-02-30, 2026-13-01). */
  | { kind: 'nonexistent' }
  | { kind: 'unreadable' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

export function readDate(text: string): DateReading {
  const iso = ISO.exec(text);
  if (iso) return isRealDay(+iso[1], +iso[2], +iso[3]) ? { kind: 'iso', iso: text } : { kind: 'nonexistent' };
  // A timestamp keeps the calendar day it was written with: the time zone is not applied.
  const stamp = ISO_DATE_TIME.exec(text);
  if (stamp) return convert(+stamp[1], +stamp[2], +stamp[3]);
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return convert(+yearFirst[1], +yearFirst[3], +yearFirst[4]);
  const yearLast = YEAR_LAST.exec(text);
  if (yearLast) return dayMonthOrMonthDay(+yearLast[1], +yearLast[3], +yearLast[4]);
  return { kind: 'unreadable' };
}

/** 15/01/2026 is day-first and 01/15/2026 month-first; 05/01/2026 could be either, 05/05/2026 is both. */
function dayMonthOrMonthDay(first: number, second: number, year: number): DateReading {
  if (first === second || second > 12) return convert(year, first, second);
  if (first > 12) return convert(year, second, first);
  return { kind: 'ambiguous' };
}

function convert(year: number, month: number, day: number): DateReading {
  return isRealDay(year, month, day) ? { kind: 'convertible', iso: isoOf(year, month, day) } : { kind: 'nonexistent' };
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
