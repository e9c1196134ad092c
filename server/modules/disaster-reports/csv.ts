import { type CsvField, toCsv } from '@shared/domain/csv';
import { type DisasterFigures, FIGURE_FIELDS, FIGURE_LABELS } from '@shared/domain/disasters';

/**
 * The 快报表 as CSV (UTF-8 with BOM, CRLF, like every export): 单位, then the twelve indicators in the
 * form's column order with their units, one row per township, 合计 last — the sum of the rows above it.
 * A township (or a unit below one) gets its own row only, without a 合计.
 */
export function figuresHeader(): string[] {
  return ['单位', ...FIGURE_FIELDS.map((f) => `${FIGURE_LABELS[f].zh}（${FIGURE_LABELS[f].unit.zh}）`)];
}

export function figuresCsv(
  townships: readonly { name: string; figures: DisasterFigures }[],
  totals: DisasterFigures | null,
): string {
  const row = (name: string, f: DisasterFigures): CsvField[] => [name, ...FIGURE_FIELDS.map((k) => f[k])];
  const rows: CsvField[][] = [figuresHeader(), ...townships.map((t) => row(t.name, t.figures))];
  if (totals) rows.push(row('合计', totals));
  return toCsv(rows);
}
