import { type DisasterFigures, FIGURE_FIELDS, sumFigures, ZERO_FIGURES } from '@shared/domain/disasters';
import type { TownshipFigures } from '@shared/schemas/disasters';
import type { DbOrTrx } from '../../db/database';
import { affectedTownships, displayNames } from './lookups';
import type { FilingRow } from './types';

/** A community's own figures: its latest filing's, or zeros. */
export async function ownFigures(db: DbOrTrx, disasterId: number, unitId: number): Promise<DisasterFigures> {
  const last = await db
    .selectFrom('disaster_filings')
    .select('figures')
    .where('disaster_id', '=', disasterId)
    .where('unit_id', '=', unitId)
    .orderBy('filed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return last ? parseFigures(last.figures) : { ...ZERO_FIGURES };
}

export function parseFigures(json: string): DisasterFigures {
  const raw = JSON.parse(json) as Partial<DisasterFigures>;
  const out = { ...ZERO_FIGURES };
  for (const f of FIGURE_FIELDS) out[f] = Number(raw[f] ?? 0);
  return out;
}

/** The latest figures of each unit that filed (by unit id), from its last filing. */
async function lastFilings(db: DbOrTrx, disasterId: number): Promise<Map<number, FilingRow>> {
  const rows = await db
    .selectFrom('disaster_filings')
    .selectAll()
    .where('disaster_id', '=', disasterId)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  const last = new Map<number, FilingRow>();
  for (const r of rows) last.set(Number(r.unit_id), r);
  return last;
}

/** Each affected township's latest figures (its own filings, or the district's on its behalf) and their sum. */
export async function districtFigures(
  db: DbOrTrx,
  disasterId: number,
): Promise<{ totals: DisasterFigures; townships: TownshipFigures[] }> {
  const [townships, last] = await Promise.all([
    affectedTownships(db, disasterId),
    lastFilings(db, disasterId),
  ]);
  const names = await displayNames(
    db,
    townships.map((t) => last.get(t.id)?.filed_by).filter((n): n is string => !!n),
  );
  const rows: TownshipFigures[] = townships.map((t) => {
    const f = last.get(t.id);
    return {
      unitId: t.id,
      name: t.name,
      figures: f ? parseFigures(f.figures) : { ...ZERO_FIGURES },
      lastFiledAt: f?.filed_at ?? null,
      lastFiledBy: f ? (names.get(f.filed_by) ?? f.filed_by) : null,
      onBehalf: f ? Number(f.on_behalf) === 1 : false,
      filed: f !== undefined,
    };
  });
  return { totals: sumFigures(rows.map((r) => r.figures)), townships: rows };
}
