import type { Stats } from '@shared/schemas/stats';
import { useWords } from '../i18n';
import { PaperTable } from './print-sections';
import { toMinutes } from './stats-labels';

const hours = (n: number) => String(Math.round(n * 10) / 10);

/** 值守记录 on paper: check-ins, spot-checks, swaps, then each person's hours with the totals. */
export function DutyPaper({ stats }: { stats: Stats }) {
  const t = useWords();
  const { checkIns: c, spotChecks: s, swaps: w, hours: rows } = stats.duty;
  const median = toMinutes(s.medianAnswerSeconds);
  const sum = (field: 'shifts' | 'total' | 'nights' | 'weekends' | 'holidays') =>
    rows.reduce((acc, r) => acc + r[field], 0);
  return (
    <>
      <PaperTable
        numeric={false}
        head={[t('stats.duty.checkIns'), t('stats.duty.spotChecks'), t('stats.duty.swaps')]}
        rows={[
          [
            t('stats.print.checkIns', { onTime: c.onTime, late: c.late, missed: c.missed }),
            t('stats.print.spotChecks', {
              issued: s.issued,
              answered: s.answered,
              late: s.late,
              missed: s.missed,
              median: median === null ? '—' : t('stats.minutes', { value: median }),
            }),
            t('stats.print.swaps', { requested: w.requested, approved: w.approved, rejected: w.rejected }),
          ],
        ]}
      />
      <PaperTable
        testId="print-hours"
        head={[
          t('stats.hours.name'),
          t('stats.hours.shifts'),
          t('stats.hours.total'),
          t('stats.hours.nights'),
          t('stats.hours.weekends'),
          t('stats.hours.holidays'),
        ]}
        rows={[
          ...rows.map((r) => [
            r.name,
            r.shifts,
            hours(r.total),
            hours(r.nights),
            hours(r.weekends),
            hours(r.holidays),
          ]),
          [
            <b key="sum">{t('stats.hours.sum')}</b>,
            sum('shifts'),
            hours(sum('total')),
            hours(sum('nights')),
            hours(sum('weekends')),
            hours(sum('holidays')),
          ],
        ]}
      />
    </>
  );
}
