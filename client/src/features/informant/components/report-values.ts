import { type FigureField, WHOLE_FIGURES } from '@shared/domain/disasters';
import type { Filing, FilingBody } from '@shared/schemas/disasters';
import type { ReportDraft } from './report-draft';

/** The few figures a community can know in the first hour (快报表 columns), in the form's order. */
export const COMMUNITY_FIELDS: readonly FigureField[] = [
  'affected',
  'dead',
  'missing',
  'relocated',
  'housesCollapsed',
  'directLossWanYuan',
];

/** People and rooms are counted; areas and money may have decimals. */
export function isCount(field: FigureField): boolean {
  return WHOLE_FIGURES.includes(field);
}

/** The typed value, or undefined when left empty; NaN when it is not a valid figure. */
export function parseFigure(field: FigureField, text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || (isCount(field) && !Number.isInteger(value))) return Number.NaN;
  return value;
}

export function emptyDraft(disasterId: number, unitId: number): ReportDraft {
  return { disasterId, unitId, figures: {}, note: '', photo: null, filingId: null, sentAt: null, savedAt: 0 };
}

export function hasContent(d: ReportDraft): boolean {
  return (
    Object.values(d.figures).some((v) => (v ?? '').trim() !== '') || d.note.trim() !== '' || d.photo !== null
  );
}

/** The fields typed wrongly (not a number, negative, a fraction of a person). */
export function invalidFields(d: ReportDraft): FigureField[] {
  return COMMUNITY_FIELDS.filter((f) => Number.isNaN(parseFigure(f, d.figures[f])));
}

function typedFigures(d: ReportDraft): Partial<Record<FigureField, number>> {
  const out: Partial<Record<FigureField, number>> = {};
  for (const f of COMMUNITY_FIELDS) {
    const value = parseFigure(f, d.figures[f]);
    if (value !== undefined) out[f] = value;
  }
  return out;
}

/**
 * The filing: the figures typed (those left empty keep the unit's last value on the server), the
 * note. The unit's first filing for the disaster is its 初报 (initial), later ones updates.
 */
export function filingBody(d: ReportDraft, first: boolean): FilingBody {
  const note = d.note.trim();
  return {
    unitId: d.unitId,
    kind: first ? 'initial' : 'update',
    figures: typedFigures(d),
    ...(note ? { note } : {}),
  };
}

/** A filing of this draft already on the server: the answer to an earlier send was lost on the way back. */
export function landedFiling(filings: Filing[], d: ReportDraft, username: string): Filing | undefined {
  if (d.sentAt === null) return undefined;
  const typed = typedFigures(d);
  const note = d.note.trim();
  // Ten minutes' slack for a phone clock that differs from the server's.
  const since = d.sentAt - 10 * 60_000;
  return filings.find(
    (f) =>
      f.filedBy === username &&
      f.note === note &&
      Date.parse(f.filedAt) >= since &&
      Object.entries(typed).every(([k, v]) => f.figures[k as FigureField] === v),
  );
}
