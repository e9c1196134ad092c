import type { FigureField } from '@shared/domain/disasters';

/**
 * The report being typed, kept on the phone until the server has confirmed it: it survives a reload,
 * a closed tab and a dropped connection (DESIGN 2.7). `filingId` is set once the figures are filed,
 * so a retry then only sends the photo; `sentAt` marks a send whose answer may have been lost, so a
 * retry first looks for the filing on the server rather than filing it twice.
 */
export interface ReportDraft {
  disasterId: number;
  unitId: number;
  figures: Partial<Record<FigureField, string>>;
  note: string;
  photo: { dataUrl: string; type: string } | null;
  filingId: number | null;
  sentAt: number | null;
  savedAt: number;
}

const storageKey = (userId: number) => `duty.informant.report.${userId}`;

export function loadReportDraft(userId: number): ReportDraft | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as ReportDraft;
    return typeof draft.disasterId === 'number' && typeof draft.figures === 'object' ? draft : null;
  } catch {
    return null;
  }
}

/** False when the phone's storage is full: then the photo is kept in memory only, the rest is tried without it. */
export function saveReportDraft(userId: number, draft: ReportDraft): boolean {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(draft));
    return true;
  } catch {
    try {
      localStorage.setItem(storageKey(userId), JSON.stringify({ ...draft, photo: null }));
    } catch {
      // Storage unavailable: only a reload loses the report.
    }
    return false;
  }
}

export function clearReportDraft(userId: number): void {
  try {
    localStorage.removeItem(storageKey(userId));
  } catch {
    // Nothing to clear.
  }
}
