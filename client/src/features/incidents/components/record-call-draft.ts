import type { RecordCallValues } from './record-call-values';

/**
 * The call being typed survives a refresh, a closed drawer, a closed tab and a dropped connection
 * (local storage: an informant's phone drops the page), together with its idempotency key: a retry
 * after a lost response sends the same key and body, so the call is never entered twice.
 */
const STORAGE_KEY = 'duty.incidents.record-call';

export interface CallDraft {
  key: string;
  values: RecordCallValues;
  savedAt: number;
}

/** A UUID v4; `crypto.randomUUID` exists only in secure contexts, a LAN http console may lack it. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function loadDraft(): CallDraft | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as CallDraft;
    return typeof draft.key === 'string' && draft.values ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: CallDraft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the form still works, only a refresh loses it.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}
