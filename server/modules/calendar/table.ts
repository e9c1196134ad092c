import type { Festival } from '@shared/domain/official-calendar';

/** An administrator's correction of the official calendar, one row per date. */
export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'workday';
  festival: Festival | null;
  name: string;
  updated_at: string;
  updated_by: string;
}
