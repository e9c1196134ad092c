import { NATIONAL_DEFAULT_POLICY } from '@shared/domain/deadline-policy';
import { computeObligations, nextDeadline } from '@shared/domain/deadlines';
import { computeStatutoryObligations } from '@shared/domain/direct-report';
import {
  ACCIDENT_CATEGORIES,
  CATEGORIES,
  type CategoryCode,
  type Grade,
  type ReportRecord,
} from '@shared/domain/incident-types';
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database';
import { obligationRow } from '../../server/modules/incidents/repo';
import type {
  IncidentObligationsTable,
  IncidentReportsTable,
  IncidentsTable,
} from '../../server/modules/incidents/table';
import { insertBatches, type Random } from './random';

const MIN = 60_000;
const OTHERS = CATEGORIES.filter((c) => !(ACCIDENT_CATEGORIES as readonly string[]).includes(c));
const iso = (ms: number) => new Date(ms).toISOString();

interface Built {
  incident: Insertable<IncidentsTable>;
  reports: Insertable<IncidentReportsTable>[];
  obligations: Insertable<IncidentObligationsTable>[];
}

/** The reports an incident got: mostly on time, some late; 续报 daily; 终报 and close for closed ones. */
function reportsFor(r: Random, received: number, grade: Grade | null, stage: string): ReportRecord[] {
  if (stage === 'received' || stage === 'verified') return [];
  const reports: ReportRecord[] = [];
  const add = (kind: ReportRecord['kind'], channel: ReportRecord['channel'], at: number) =>
    reports.push({ number: reports.length + 1, kind, channel, sentAt: iso(at) });
  const serious = grade === 'I' || grade === 'II' || grade === 'III';
  const late = r.chance(0.08);
  let at = received;
  const after = (minutes: number) => {
    at += minutes * MIN;
    return at;
  };
  if (serious) add('initial', 'phone', after(r.int(5, late ? 45 : 28)));
  add('initial', 'written', after(r.int(10, late ? 150 : serious ? 25 : 100)));
  for (let k = r.int(0, 3); k > 0; k--) add('followup', 'written', after(r.int(6, 24) * 60));
  if (stage === 'closed') add('final', 'written', after(r.int(1, 48) * 60));
  return reports;
}

function build(r: Random, id: number, received: number, zone: string): Built {
  const accident = r.chance(0.7);
  const category: CategoryCode = accident ? r.pick(ACCIDENT_CATEGORIES) : r.pick(OTHERS);
  const grade: Grade | null =
    category === 'social_security' || (!accident && r.chance(0.3))
      ? null
      : r.weighted([
          ['IV', 85],
          ['III', 10],
          ['II', 4],
          ['I', 1],
        ] as const);
  const nearMiss = accident && grade === 'IV' && r.chance(0.04);
  const stage = r.weighted([
    ['closed', 80],
    ['handling', 8],
    ['reported', 6],
    ['verified', 3],
    ['received', 3],
  ] as const);
  const reports = reportsFor(r, received, grade, stage);
  // Most accidents hurt someone, so they are in scope of 联网直报: its entry (and the fire service's
  // or traffic police's notification) done within a day or so, some late, a few not yet.
  const drill = r.chance(0.02);
  const casualties = accident && r.chance(0.6) ? { deaths: r.int(0, 2), seriousInjuries: r.int(1, 4) } : {};
  const doneAt = (chanceLate: number) =>
    r.chance(0.05) ? undefined : iso(received + r.int(1, r.chance(chanceLate) ? 40 : 23) * 60 * MIN);
  const statutoryDone: Record<string, string> = {};
  for (const key of ['direct_entry', 'direct_notified']) {
    const at = doneAt(0.06);
    if (at) statutoryDone[key] = at;
  }
  const final = reports.find((x) => x.kind === 'final');
  const closedAt = final ? iso(Date.parse(final.sentAt) + 10 * MIN) : null;
  const receivedAt = iso(received);
  const obligations = computeObligations(
    {
      category,
      grade,
      nearMiss,
      occurredAt: iso(received - 20 * MIN),
      receivedAt,
      figureChanges: [],
      reports,
      closedAt,
      zone,
    },
    NATIONAL_DEFAULT_POLICY,
  ).concat(
    computeStatutoryObligations(
      {
        category,
        drill,
        productionRelated: null,
        casualties,
        directLossYuan: null,
        occurredAt: iso(received - 20 * MIN),
        receivedAt,
        done: statutoryDone,
      },
      NATIONAL_DEFAULT_POLICY,
    ),
  );
  const ack = r.chance(0.9) ? iso(received + r.int(1, 40) * MIN) : null;
  return {
    incident: {
      id,
      category,
      occurred_at: iso(received - 20 * MIN),
      received_at: receivedAt,
      address: `测试路 ${id} 号`,
      lat: null,
      lng: null,
      caller: JSON.stringify({ name: '报警人' }),
      summary: '基准测试事件',
      casualties: JSON.stringify(casualties),
      direct_loss_yuan: null,
      burned_area_ha: null,
      source: r.weighted([
        ['phone', 70],
        ['api', 10],
        ['monitoring', 10],
        ['walk_in', 4],
        ['tip_off', 3],
        ['media', 3],
      ] as const),
      manual_grade: accident ? null : grade,
      grade_reason: null,
      serious_pollution: 0,
      key_facility_danger: 0,
      grade,
      grade_basis: accident ? 'regulation_493' : 'manual',
      grade_reasons: '[]',
      near_miss: nearMiss ? 1 : 0,
      drill: drill ? 1 : 0,
      late_discovery: null,
      stage,
      verified_at: stage === 'received' ? null : iso(received + 5 * MIN),
      acknowledged_at: ack,
      acknowledged_by: ack ? 'leader' : null,
      closed_at: closedAt,
      outcome: closedAt ? '处置完毕' : null,
      figure_changes: '[]',
      next_due_at: nextDeadline(obligations, new Date())?.dueAt ?? null,
      created_by: 'bench',
      created_at: receivedAt,
      updated_at: receivedAt,
    },
    reports: reports.map((x) => ({
      incident_id: id,
      number: x.number,
      title: x.kind,
      kind: x.kind,
      channel: x.channel,
      recipient: '市应急管理局',
      text: '基准测试报告',
      signed_off_by: x.channel === 'written' ? 'leader' : null,
      sent_at: x.sentAt,
      sent_by: 'bench',
      late: obligations.some((o) => o.reportNumber === x.number && o.late) ? 1 : 0,
      snapshot: '{}',
    })),
    obligations: obligations.map((o) => obligationRow(id, o)),
  };
}

/** `count` incidents received across [from, to), with their reports and stored obligations. */
export async function seedIncidents(db: Db, r: Random, count: number, from: Date, to: Date, zone: string) {
  const span = to.getTime() - from.getTime();
  const times = Array.from({ length: count }, () => from.getTime() + Math.floor(r.next() * span)).sort(
    (a, b) => a - b,
  );
  const built = times.map((t, i) => build(r, i + 1, t, zone));
  await db.transaction().execute(async (trx) => {
    await insertBatches(
      built.map((b) => b.incident),
      500,
      (rows) => trx.insertInto('incidents').values(rows).execute(),
    );
    await insertBatches(
      built.flatMap((b) => b.reports),
      1000,
      (rows) => trx.insertInto('incident_reports').values(rows).execute(),
    );
    await insertBatches(
      built.flatMap((b) => b.obligations),
      2000,
      (rows) => trx.insertInto('incident_obligations').values(rows).execute(),
    );
  });
  return {
    reports: built.reduce((n, b) => n + b.reports.length, 0),
    obligations: built.reduce((n, b) => n + b.obligations.length, 0),
  };
}
