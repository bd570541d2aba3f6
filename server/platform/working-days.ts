/**
 * A hub's working-day calendar (pure): ISO weekdays that are worked, public holidays,
 * and make-up days (调休: a weekend day worked in exchange for a holiday).
 */
export type WorkingCalendar = { workingDays: readonly number[]; holidays: readonly string[]; makeUpWorkdays: readonly string[] };

const DAY_MS = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** Whether `day` (YYYY-MM-DD) is a working day in the calendar. */
export function isWorkingDay(calendar: WorkingCalendar, day: string): boolean {
  if (calendar.makeUpWorkdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const iso = ((toDate(day).getUTCDay() + 6) % 7) + 1;
  return calendar.workingDays.includes(iso);
}

/**
 * The last day of a period of `count` working days that starts the working day after
 * `from` (a notice published on Friday for 5 working days runs Monday to Friday). With
 * no working day in a year of the calendar, the period ends after that year.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, count: number): string {
  let date = toDate(from);
  let left = count;
  for (let guard = 0; left > 0 && guard < 366 * 10; guard++) {
    date = new Date(date.getTime() + DAY_MS);
    if (isWorkingDay(calendar, toDay(date))) left--;
  }
  return toDay(date);
}
