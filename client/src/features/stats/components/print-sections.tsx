import { categoryLabel, gradeShort } from '@client/lib/domain-labels';
import { useLang } from '@client/lib/i18n';
import { formatMinute, formatShortDay } from '@client/lib/time';
import type { Stats } from '@shared/schemas/stats';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';
import {
  GRADE_ORDER,
  gradeKey,
  kindLabel,
  ratePercent,
  type SourceCode,
  type StageCode,
  sourceLabel,
  stageLabel,
  toMinutes,
} from './stats-labels';

type Cell = ReactNode;

interface PaperTableProps {
  head: Cell[];
  rows: Cell[][];
  /** Figures after the first column, centred. */
  numeric?: boolean;
  testId?: string;
}

/** A plain bordered table for paper: a header row and body rows. */
export function PaperTable({ head, rows, numeric = true, testId }: PaperTableProps) {
  return (
    <table className={`sp-table${numeric ? ' sp-numeric' : ''}`} data-testid={testId}>
      <thead>
        <tr>
          {head.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are never reordered
          <tr key={r}>
            {row.map((cell, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <td key={c}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function KeyFigures({ stats }: { stats: Stats }) {
  const t = useWords();
  const { incidents: i, directReport: d, initialReport: r, timeliness: tl } = stats;
  const minutes = (s: number | null) => (s === null ? '—' : t('stats.minutes', { value: toMinutes(s)! }));
  const figures: [string, Cell][] = [
    [t('stats.kpi.received'), i.received],
    [t('stats.rate.accidents'), d.accidents],
    [t('stats.kpi.rate'), <b key="rate">{ratePercent(d.rate)}</b>],
    [t('stats.rate.onTime'), d.onTime],
    [t('stats.rate.late'), d.late],
    [t('stats.rate.pending'), d.pending],
    [t('stats.kpi.initialRate'), <b key="initial">{ratePercent(r.rate)}</b>],
    [t('stats.print.initialJudged'), `${r.onTime} / ${r.onTime + r.late}`],
    [t('stats.kpi.drills'), i.drillsExcluded],
    [t('stats.print.toInitialMedian'), minutes(tl.toInitialReport.median)],
    [t('stats.print.followups'), `${tl.followupsMet.met} / ${tl.followupsMet.due}`],
    [t('stats.print.lateReports'), tl.lateReportsByKind.reduce((sum, k) => sum + k.count, 0)],
  ];
  return (
    <div className="sp-figures" data-testid="print-key-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="sp-figure">
          <div className="sp-figure-value">{value}</div>
          <div className="sp-figure-label">{label}</div>
        </div>
      ))}
    </div>
  );
}

export function Composition({ stats }: { stats: Stats }) {
  const t = useWords();
  const lang = useLang();
  const i = stats.incidents;
  const grades = new Map(i.byGrade.map((g) => [gradeKey(g.grade), g.count]));
  const sources = new Map(i.bySource.map((s) => [s.source, s.count]));
  const count = t('stats.print.count');
  return (
    <div className="sp-columns">
      <PaperTable
        head={[t('stats.late.category'), count]}
        rows={
          i.byCategory.length
            ? i.byCategory.map((c) => [categoryLabel(c.category, lang), c.count])
            : [[t('stats.chart.empty'), 0]]
        }
      />
      <div>
        <PaperTable
          head={[t('stats.print.grade'), count]}
          rows={GRADE_ORDER.map((g) => [gradeShort(g === 'none' ? null : g, lang), grades.get(g) ?? 0])}
        />
        <PaperTable
          head={[t('stats.incidents.byStage'), count]}
          rows={(Object.keys(stageLabel) as StageCode[]).map((s) => [t(stageLabel[s]), i.byStage[s]])}
        />
      </div>
      <PaperTable
        head={[t('stats.incidents.bySource'), count]}
        rows={(Object.keys(sourceLabel) as SourceCode[]).map((s) => [t(sourceLabel[s]), sources.get(s) ?? 0])}
      />
    </div>
  );
}

export function LateCasesPaper({ stats }: { stats: Stats }) {
  const t = useWords();
  const lang = useLang();
  const cases = [
    ...stats.directReport.lateCases.map((c) => ({ c, figure: t('stats.kpi.rate') })),
    ...stats.initialReport.lateCases.map((c) => ({ c, figure: t('stats.kpi.initialRate') })),
  ];
  if (cases.length === 0) return <p className="sp-none">{t('stats.late.none')}</p>;
  return (
    <PaperTable
      numeric={false}
      testId="print-late-cases"
      head={[
        t('stats.print.figure'),
        t('stats.late.id'),
        t('stats.late.category'),
        t('stats.late.receivedAt'),
        t('stats.late.kind'),
        t('stats.late.dueAt'),
        t('stats.late.doneAt'),
        t('stats.late.over'),
        t('stats.late.who'),
      ]}
      rows={cases.map(({ c, figure }) => [
        figure,
        `#${c.id}`,
        categoryLabel(c.category, lang),
        formatMinute(c.receivedAt),
        t(kindLabel[c.kind]),
        formatMinute(c.dueAt),
        c.doneAt ? formatMinute(c.doneAt) : t('stats.late.stillOverdue'),
        t('stats.minutes', { value: Math.round(c.lateSeconds / 60) }),
        c.whoBasis === 'on_duty' ? `${c.who} ${t('stats.late.whoOnDuty')}` : c.who || '—',
      ])}
    />
  );
}

export function TimelinessPaper({ stats }: { stats: Stats }) {
  const t = useWords();
  const tl = stats.timeliness;
  const minutes = (s: number | null) => (s === null ? '—' : t('stats.minutes', { value: toMinutes(s)! }));
  const spreads = [
    [t('stats.time.toInitial'), tl.toInitialReport],
    [t('stats.time.toAck'), tl.toLeaderAck],
    [t('stats.time.toClose'), tl.toClose],
  ] as const;
  const late = tl.lateReportsByKind
    .filter((k) => k.count > 0)
    .map((k) => `${t(kindLabel[k.kind])} ${k.count}`)
    .join('；');
  return (
    <>
      <PaperTable
        head={[
          t('stats.reporting.item'),
          t('stats.series.median'),
          t('stats.series.p90'),
          t('stats.reporting.n'),
        ]}
        rows={spreads.map(([name, s]) => [name, minutes(s.median), minutes(s.p90), s.n])}
      />
      <p className="sp-line">
        {t('stats.reporting.lateByKind', {
          count: tl.lateReportsByKind.reduce((sum, k) => sum + k.count, 0),
        })}
        ：{late || t('stats.reporting.noLate')}；{t('stats.reporting.followups')}：
        {t('stats.reporting.followupsText', {
          due: tl.followupsMet.due,
          met: tl.followupsMet.met,
          late: tl.followupsMet.late,
        })}
      </p>
    </>
  );
}

/** Day by day, the month split in two rows of tables so it fits a portrait sheet. */
export function DailyPaper({ stats }: { stats: Stats }) {
  const t = useWords();
  const half = Math.ceil(stats.trend.length / 2);
  const parts = [stats.trend.slice(0, half), stats.trend.slice(half)].filter((p) => p.length > 0);
  return (
    <>
      {parts.map((part) => (
        <PaperTable
          key={part[0]!.bucket}
          head={[t('stats.print.day'), ...part.map((r) => formatShortDay(r.bucket))]}
          rows={[
            [t('stats.series.received'), ...part.map((r) => r.received)],
            [t('stats.series.accidents'), ...part.map((r) => r.accidents)],
            [t('stats.series.late'), ...part.map((r) => r.late)],
          ]}
        />
      ))}
    </>
  );
}
