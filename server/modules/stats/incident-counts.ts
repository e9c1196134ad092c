import type { Stats } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import { num, received, type StatsScope } from './scope';

type IncidentFigures = Stats['incidents'];
const STAGES = ['received', 'verified', 'reported', 'handling', 'closed'] as const;

function tally<K extends string | null>(counts: Map<K, number>, key: K, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Most first, then by code, so tables and charts keep a stable order. */
function ranked<K extends string | null>(counts: Map<K, number>): [K, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

/** Counts of the incidents received in the period: one GROUP BY, rolled up by each dimension. */
export async function incidentCounts(db: DbOrTrx, scope: StatsScope): Promise<IncidentFigures> {
  const groups = await db
    .selectFrom('incidents')
    .where((eb) => received(eb, scope))
    .select((eb) => [
      'incidents.stage',
      'incidents.category',
      'incidents.grade',
      'incidents.source',
      eb.fn.countAll().as('n'),
    ])
    .groupBy(['incidents.stage', 'incidents.category', 'incidents.grade', 'incidents.source'])
    .execute();
  const drills = await db
    .selectFrom('incidents')
    .where((eb) => received(eb, scope, true))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();

  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as IncidentFigures['byStage'];
  const byCategory = new Map<string, number>();
  const byGrade = new Map<string | null, number>();
  const bySource = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    const n = num(g.n);
    total += n;
    if (g.stage in byStage) byStage[g.stage as keyof typeof byStage] += n;
    tally(byCategory, g.category, n);
    tally(byGrade, g.grade, n);
    tally(bySource, g.source, n);
  }
  return {
    received: total,
    byStage,
    byCategory: ranked(byCategory).map(([category, count]) => ({
      category: category as IncidentFigures['byCategory'][number]['category'],
      count,
    })),
    byGrade: ranked(byGrade).map(([grade, count]) => ({
      grade: grade as IncidentFigures['byGrade'][number]['grade'],
      count,
    })),
    bySource: ranked(bySource).map(([source, count]) => ({
      source: source as IncidentFigures['bySource'][number]['source'],
      count,
    })),
    drillsExcluded: num(drills.n),
  };
}
