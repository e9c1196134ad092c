import type { IncidentDetail } from '@shared/schemas/incidents';

/** Leaders' usernames seen on this console, for the 签发 picker (the user list is admin-only). */
const STORAGE_KEY = 'duty.incidents.signers';
const MAX = 20;

function stored(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberSigner(username: string): void {
  const list = [username, ...stored().filter((s) => s !== username)].slice(0, MAX);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Only a convenience.
  }
}

/** Names that signed or acknowledged before, most recent first, without repeats. */
export function knownSigners(detail: IncidentDetail): string[] {
  const seen = [
    ...stored(),
    ...detail.reports.map((r) => r.signedOffBy ?? ''),
    detail.incident.acknowledgedBy ?? '',
  ];
  return [...new Set(seen.filter(Boolean))];
}
