import { type CsvField, toCsv } from '@shared/domain/csv';
import { gradeName } from '@shared/domain/grading';
import type { Grade } from '@shared/domain/incident-types';
import { categoryName } from '@shared/domain/report-text';
import type { Stats, StatsTable } from '@shared/schemas/stats';
import { formatLocal } from '../../time';
import { hoursCsv } from '../roster/service';
import { KIND_NAMES, SOURCE_NAMES, STAGE_NAMES } from './labels';

type Rows = CsvField[][];
const local = (at: string | null, zone: string) => (at === null ? null : formatLocal(at, zone));

function incidentsTable({ incidents: i }: Stats): Rows {
  return [
    ['维度', '代码', '名称', '数量'],
    ['合计', 'received', '接报', i.received],
    ...Object.entries(i.byStage).map(([code, n]) => ['阶段', code, STAGE_NAMES[code] ?? code, n]),
    ...i.byCategory.map((c) => ['类别', c.category, categoryName(c.category), c.count]),
    ...i.byGrade.map((g) => ['等级', g.grade ?? 'none', gradeName(g.grade as Grade | null), g.count]),
    ...i.bySource.map((s) => ['来源', s.source, SOURCE_NAMES[s.source] ?? s.source, s.count]),
    ['演练', 'drills_excluded', '演练（不计入）', i.drillsExcluded],
  ];
}

/** A rate as a percentage to one decimal, truncated (99.96% is not 100.0%); empty when nothing was judged. */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${(Math.floor(rate * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

const FIGURES = [
  ['direct', '直报率', 'directReport'],
  ['initial', '首报及时率', 'initialReport'],
] as const;

function directReportTable(stats: Stats): Rows {
  return [
    ['项目', '代码', '数值'],
    ...FIGURES.flatMap(([code, name, field]) => {
      const d = stats[field];
      return [
        [`${name}·事故起数`, `${code}_accidents`, d.accidents],
        [`${name}·按时`, `${code}_on_time`, d.onTime],
        [`${name}·迟报`, `${code}_late`, d.late],
        [`${name}·时限未到`, `${code}_pending`, d.pending],
        [name, `${code}_rate`, percent(d.rate)],
      ];
    }),
  ];
}

function lateCasesTable(stats: Stats, zone: string): Rows {
  return [
    [
      '指标',
      '编号',
      '类别代码',
      '类别',
      '等级',
      '摘要',
      '接报时间',
      '义务',
      '时限',
      '完成时间',
      '迟延(秒)',
      '责任人',
    ],
    ...FIGURES.flatMap(([, name, field]) =>
      stats[field].lateCases.map((c) => [
        name,
        c.id,
        c.category,
        categoryName(c.category),
        gradeName(c.grade),
        c.summary,
        local(c.receivedAt, zone),
        KIND_NAMES[c.kind] ?? c.kind,
        local(c.dueAt, zone),
        local(c.doneAt, zone),
        c.lateSeconds,
        c.who,
      ]),
    ),
  ];
}

function timelinessTable({ timeliness: t }: Stats): Rows {
  const spreads = [
    ['接报至首报', 'to_initial_report', t.toInitialReport],
    ['接报至领导确认', 'to_leader_ack', t.toLeaderAck],
    ['接报至结案', 'to_close', t.toClose],
  ] as const;
  return [
    ['项目', '代码', '中位数(秒)', 'P90(秒)', '数量'],
    ...spreads.map(([name, code, s]) => [name, code, s.median, s.p90, s.n]),
    ...t.lateReportsByKind.map((k) => [`迟报·${KIND_NAMES[k.kind]}`, `late:${k.kind}`, null, null, k.count]),
    ['续报应报', 'followups_due', null, null, t.followupsMet.due],
    ['续报按时', 'followups_met', null, null, t.followupsMet.met],
    ['续报迟报', 'followups_late', null, null, t.followupsMet.late],
  ];
}

function trendTable({ trend }: Stats): Rows {
  return [['时段', '接报', '事故', '迟报'], ...trend.map((r) => [r.bucket, r.received, r.accidents, r.late])];
}

function dutyTable({ duty: d }: Stats): Rows {
  return [
    ['项目', '代码', '数值'],
    ['按时签到', 'check_ins_on_time', d.checkIns.onTime],
    ['迟到签到', 'check_ins_late', d.checkIns.late],
    ['漏岗', 'check_ins_missed', d.checkIns.missed],
    ['查岗次数', 'spot_checks_issued', d.spotChecks.issued],
    ['查岗按时应答', 'spot_checks_answered', d.spotChecks.answered],
    ['查岗超时应答', 'spot_checks_late', d.spotChecks.late],
    ['查岗未应答', 'spot_checks_missed', d.spotChecks.missed],
    ['查岗应答中位数(秒)', 'spot_checks_median_answer_seconds', d.spotChecks.medianAnswerSeconds],
    ['换班申请', 'swaps_requested', d.swaps.requested],
    ['换班批准', 'swaps_approved', d.swaps.approved],
    ['换班驳回', 'swaps_rejected', d.swaps.rejected],
  ];
}

/** One table of the statistics page as CSV (UTF-8 with BOM), with exactly the figures of the JSON. */
export function statsCsv(stats: Stats, table: StatsTable): string {
  const zone = stats.period.zone;
  switch (table) {
    case 'incidents':
      return toCsv(incidentsTable(stats));
    case 'direct_report':
      return toCsv(directReportTable(stats));
    case 'late_cases':
      return toCsv(lateCasesTable(stats, zone));
    case 'timeliness':
      return toCsv(timelinessTable(stats));
    case 'trend':
      return toCsv(trendTable(stats));
    case 'duty':
      return toCsv(dutyTable(stats));
    case 'hours':
      return hoursCsv(stats.duty.hours);
  }
}
