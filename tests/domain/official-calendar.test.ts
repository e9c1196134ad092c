import {
  type CalendarData,
  calendarDay,
  missingYear,
  SHIPPED_CALENDAR,
  yearKnown,
} from '@shared/domain/official-calendar';
import { addWorkingDays, isWorkingDay } from '@shared/domain/work-days';
import { describe, expect, it } from 'vitest';

// Every expected value below is read off the notices (国办发明电〔2024〕12号 for 2025,
// 国办发明电〔2025〕7号 for 2026) and a wall calendar, not computed.

describe('the shipped schedule', () => {
  it('has 2025 and 2026', () => {
    expect(SHIPPED_CALENDAR.years.map((y) => [y.year, y.document])).toEqual([
      [2025, '国办发明电〔2024〕12号'],
      [2026, '国办发明电〔2025〕7号'],
    ]);
  });

  it('knows the 2026 holidays and make-up workdays', () => {
    expect(calendarDay('2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      working: false,
      festival: 'national_day',
      name: '国庆节',
      source: 'official',
    });
    // 2月14日（周六）上班.
    expect(calendarDay('2026-02-14')).toMatchObject({ kind: 'makeup_workday', working: true, name: '春节' });
    expect(calendarDay('2026-02-21')).toMatchObject({ kind: 'holiday', festival: 'spring_festival' });
    expect(calendarDay('2026-03-07')).toMatchObject({ kind: 'weekend', working: false, source: 'weekly' });
    expect(calendarDay('2026-03-09')).toMatchObject({ kind: 'workday', working: true });
    // 9月20日（周日）上班 before 国庆.
    expect(calendarDay('2026-09-20')).toMatchObject({ kind: 'makeup_workday', festival: 'national_day' });
  });

  it('knows 2025, 国庆 and 中秋 merged', () => {
    expect(calendarDay('2025-10-08')).toMatchObject({ kind: 'holiday', name: '国庆节、中秋节' });
    expect(calendarDay('2025-01-26')).toMatchObject({ kind: 'makeup_workday', working: true });
    expect(calendarDay('2025-01-01')).toMatchObject({ kind: 'holiday', festival: 'new_year' });
  });
});

describe('working days', () => {
  it('isWorkingDay: weekends off unless 调休上班, holidays off', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 10月10日（周六）上班
    expect(isWorkingDay('2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-05')).toBe(false); // Monday in 国庆
    expect(isWorkingDay('2026-10-08')).toBe(true); // Thursday
    expect(isWorkingDay('2026-05-09')).toBe(true); // Saturday, 5月9日（周六）上班
  });

  it('addWorkingDays steps over holidays and onto make-up Saturdays', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
    expect(addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-08', 0)).toBe('2026-10-08');
  });

  it('follows the administrator’s corrections', () => {
    const cal: CalendarData = {
      ...SHIPPED_CALENDAR,
      overrides: [
        { date: '2026-10-08', kind: 'holiday', festival: null, name: '本地调整' },
        { date: '2026-10-11', kind: 'workday', festival: 'national_day', name: '国庆节' },
      ],
    };
    expect(isWorkingDay('2026-10-08', cal)).toBe(false);
    expect(calendarDay('2026-10-11', cal)).toMatchObject({ kind: 'makeup_workday', source: 'override' });
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-09');
    expect(addWorkingDays('2026-10-10', 1, cal)).toBe('2026-10-11');
  });

  it('falls back to the plain week in a year with no schedule', () => {
    expect(calendarDay('2027-01-01')).toMatchObject({ kind: 'workday', source: 'weekly' }); // a Friday
    expect(yearKnown(2027)).toBe(false);
  });
});

describe('missing next year', () => {
  it('is flagged from November 1 when next year is not known', () => {
    expect(missingYear('2026-10-31')).toBeNull();
    expect(missingYear('2026-11-01')).toBe(2027);
    expect(missingYear('2026-12-06')).toBe(2027);
    expect(missingYear('2025-11-15')).toBeNull();
    expect(missingYear('2027-03-01')).toBe(2027);
  });

  it('is not flagged once an administrator entered a holiday of next year', () => {
    const cal: CalendarData = {
      ...SHIPPED_CALENDAR,
      overrides: [{ date: '2027-01-01', kind: 'holiday', festival: 'new_year', name: '元旦' }],
    };
    expect(missingYear('2026-12-06', cal)).toBeNull();
    const workdayOnly: CalendarData = {
      ...SHIPPED_CALENDAR,
      overrides: [{ date: '2027-01-02', kind: 'workday', festival: null, name: '' }],
    };
    expect(missingYear('2026-12-06', workdayOnly)).toBe(2027);
  });
});
