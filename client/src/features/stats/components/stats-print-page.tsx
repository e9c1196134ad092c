import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { PrintPage } from '@client/components/print-page';
import { useLang } from '@client/lib/i18n';
import { addMonths, bureauMonth, formatMinute, formatMonth } from '@client/lib/time';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { DutyPaper } from './print-duty';
import { Composition, DailyPaper, KeyFigures, LateCasesPaper, TimelinessPaper } from './print-sections';
import { monthStatsQuery } from './stats-queries';
import './stats-print.css';
import { useWords } from '../i18n';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PAGE_RULE = '@page { size: A4 portrait; margin: 12mm 12mm 14mm; }';

/** 值班值守统计月报: a month's figures and tables on A4, outside the console's chrome. */
export function StatsPrintPage() {
  const t = useWords();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : bureauMonth();
  const { data: stats, error } = useQuery(monthStatsQuery(month));
  const go = (n: number) => setParams({ month: addMonths(month, n) }, { replace: true });
  const sections = stats && [
    { key: 'figures', title: t('stats.print.s1'), body: <KeyFigures stats={stats} /> },
    { key: 'composition', title: t('stats.print.s2'), body: <Composition stats={stats} /> },
    { key: 'late', title: t('stats.print.s3'), body: <LateCasesPaper stats={stats} /> },
    { key: 'timeliness', title: t('stats.print.s4'), body: <TimelinessPaper stats={stats} /> },
    { key: 'daily', title: t('stats.print.s5'), body: <DailyPaper stats={stats} /> },
    { key: 'duty', title: t('stats.print.s6'), body: <DutyPaper stats={stats} /> },
  ];

  return (
    <PrintPage
      testId="stats-print-page"
      className="stats-print"
      pageRule={PAGE_RULE}
      back={{ href: '/stats?period=month', label: t('stats.print.back') }}
      tools={
        <>
          <Button icon={<LeftOutlined />} onClick={() => go(-1)} aria-label={t('stats.print.prev')} />
          <span className="sp-toolbar-month">{formatMonth(month, lang)}</span>
          <Button icon={<RightOutlined />} onClick={() => go(1)} aria-label={t('stats.print.next')} />
        </>
      }
      printLabel={t('stats.print.now')}
      error={error}
      ready={Boolean(stats && sections)}
    >
      {stats && sections && (
        <div className="print-page-sheet sp-sheet" data-testid="stats-print-sheet">
          <h1>{t('stats.print.title', { month: formatMonth(month, lang) })}</h1>
          <div className="sp-meta">
            <span>
              {t('stats.period.range', {
                from: formatMinute(stats.period.from),
                to: formatMinute(stats.period.to),
              })}
            </span>
            <span>{t('stats.print.printedAt', { time: formatMinute(new Date().toISOString()) })}</span>
          </div>
          {sections.map((s) => (
            <section key={s.key} className="sp-section">
              <h2>{s.title}</h2>
              {s.body}
            </section>
          ))}
          <p className="sp-note">{t('stats.print.note')}</p>
          <div className="sp-footer">
            <span>{t('stats.print.signLeader')}</span>
            <span>{t('stats.print.signMaker')}</span>
          </div>
        </div>
      )}
    </PrintPage>
  );
}
