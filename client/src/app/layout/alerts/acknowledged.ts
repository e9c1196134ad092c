import { useSyncExternalStore } from 'react';

/**
 * The alarms this console's person has acknowledged, by key (`spot:12`, `overdue:7:<due>`): their
 * tone and the flashing title stop; a new alarm rings again. Kept for the tab, so a reload does not
 * ring again what was already heard.
 */
const STORAGE_KEY = 'duty.alerts.acknowledged';
const MAX_KEPT = 200;

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

let acknowledged: ReadonlySet<string> = new Set(read());
const listeners = new Set<() => void>();

export function acknowledge(keys: readonly string[]): void {
  if (keys.every((k) => acknowledged.has(k))) return;
  acknowledged = new Set([...acknowledged, ...keys]);
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...acknowledged].slice(-MAX_KEPT)));
  } catch {
    // Storage may be unavailable; the acknowledgement then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAcknowledged(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => acknowledged);
}
