import { addDays } from './duty-day';
import { type CalendarData, calendarDay, SHIPPED_CALENDAR } from './official-calendar';

/**
 * Working-day arithmetic on the official calendar (核报 windows): weekends are off unless they are a
 * make-up workday (调休上班), holidays are off. `cal` defaults to the shipped schedule; the server
 * passes the one in force (with the administrator's corrections).
 */
export function isWorkingDay(date: string, cal: CalendarData = SHIPPED_CALENDAR): boolean {
  return calendarDay(date, cal).working;
}

/**
 * The working day `n` working days after `date` (before it, for a negative n). n = 0 gives `date`
 * itself when it is a working day, else the next working day.
 */
export function addWorkingDays(date: string, n: number, cal: CalendarData = SHIPPED_CALENDAR): string {
  if (!Number.isInteger(n)) throw new Error(`invalid number of working days ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = date;
  if (n === 0) {
    while (!isWorkingDay(day, cal)) day = addDays(day, 1);
    return day;
  }
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day, cal)) left -= 1;
  }
  return day;
}
