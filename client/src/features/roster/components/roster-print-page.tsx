import { PrintPage } from '@client/components/print-page';
import { useLang } from '@client/lib/i18n';
import {
  bureauMonth,
  formatDay,
  formatHourMinute,
  formatMinute,
  formatMonth,
  weekdayOf,
} from '@client/lib/time';
import { monthRange } from '@shared/domain/duty-day';
import type { Shift } from '@shared/schemas/roster';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { rosterQuery } from '../api/get-roster';
import { indexRoster } from './roster-derive';
import { describeRosterError } from './roster-errors';
import { shiftKindShort } from './roster-labels';
import './roster-print.css';
import { useWords } from '../i18n';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PAGE_RULE = '@page { size: A4 landscape; margin: 9mm 10mm; }';

/** 值班表: the month on one A4 landscape sheet, outside the console's chrome. */
export function RosterPrintPage() {
  const t = useWords();
  const lang = useLang();
  const [params] = useSearchParams();
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : bureauMonth();
  const { from, to } = monthRange(month);
  const { data: view, error } = useQuery(rosterQuery(from, to));
  const index = useMemo(() => (view ? indexRoster(view) : null), [view]);
  const record = view?.months.find((m) => m.month === month);
  const printedAt = formatMinute(new Date().toISOString());

  const names = (shifts: Shift[]) =>
    shifts
      .map((s) => (s.kind === 'full' ? s.userName : `${s.userName}(${t(shiftKindShort[s.kind])})`))
      .join('、');

  return (
    <PrintPage
      testId="roster-print"
      className="roster-print"
      landscape
      pageRule={PAGE_RULE}
      back={{ href: `/roster?month=${month}`, label: t('roster.backToRoster') }}
      printLabel={t('roster.printNow')}
      error={error}
      describe={describeRosterError}
      bare
      ready={Boolean(view && index)}
    >
      {view && index && (
        <div className="print-page-sheet print-sheet">
          <h1>{t('roster.printTitle', { month: formatMonth(month, lang) })}</h1>
          <div className="print-meta">
            <span>
              {t('roster.printStatus')}：
              {record?.status === 'published' ? t('roster.status.published') : t('roster.status.draft')}
              {record?.publishedAt ? `（${formatMinute(record.publishedAt)}）` : ''}
              {record?.changedSincePublishing
                ? ` · ${t('roster.status.changed')}（${formatMinute(record.changedAt ?? '')}）`
                : ''}
            </span>
            <span>{t('roster.printHandover', { time: formatHourMinute(view.days[0]?.start) })}</span>
            <span>{t('roster.printedAt', { time: printedAt })}</span>
          </div>
          <table className="print-table">
            <colgroup>
              <col style={{ width: '11%' }} />
              <col style={{ width: '19%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '30%' }} />
              <col style={{ width: '18%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t('roster.printDate')}</th>
                <th>{t('roster.role.officer')}</th>
                <th>{t('roster.role.leader')}</th>
                <th>{t('roster.role.backup')}</th>
                <th>{t('roster.phone')}</th>
                <th>{t('roster.printNotes')}</th>
              </tr>
            </thead>
            <tbody>
              {view.days.map((day) => {
                const shifts = index.shiftsByDay.get(day.dutyDate) ?? [];
                const of = (role: Shift['role']) => shifts.filter((s) => s.role === role);
                const weekend = weekdayOf(day.dutyDate) >= 6;
                return (
                  <tr
                    key={day.dutyDate}
                    className={`${weekend ? 'print-weekend' : ''} ${day.strengthened ? 'print-strong' : ''}`}
                  >
                    <td>{formatDay(day.dutyDate, lang)}</td>
                    <td>{names(of('officer'))}</td>
                    <td>{names(of('leader'))}</td>
                    <td>{names(of('backup'))}</td>
                    <td className="print-phones">
                      {shifts
                        .filter((s, i) => shifts.findIndex((o) => o.userId === s.userId) === i)
                        .map((s) => `${s.userName} ${s.phone}`)
                        .join('；')}
                    </td>
                    <td>
                      {day.strengthened ? `${t('roster.strengthened')}：${day.reasons.join('、')}` : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="print-footer">
            <span>{t('roster.printSignLeader')}</span>
            <span>{t('roster.printSignMaker')}</span>
          </div>
        </div>
      )}
    </PrintPage>
  );
}
