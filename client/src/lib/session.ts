import { DISTRICT_PATH } from '@shared/domain/district';
import type { SessionInfo } from '@shared/schemas/auth';
import type { Role, User } from '@shared/schemas/users';
import { useSyncExternalStore } from 'react';
import { setCsrfToken } from './api-client';
import { setBureauZone } from './time';

/** Why the last session ended, so the sign-in page can say so. */
export type SessionEnd = 'signed_out' | 'expired' | 'kicked';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'anonymous'; ended: SessionEnd | null }
  | { status: 'authenticated'; user: User };

let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function startSession(info: SessionInfo): void {
  setCsrfToken(info.csrfToken);
  setBureauZone(info.zone);
  set({ status: 'authenticated', user: info.user });
}

export function endSession(ended: SessionEnd | null): void {
  setCsrfToken(null);
  if (state.status === 'anonymous' && state.ended && !ended) return;
  set({ status: 'anonymous', ended });
}

/** Keeps the header in step when the signed-in user's own record changes live. */
export function updateSessionUser(user: User): void {
  if (state.status === 'authenticated' && state.user.id === user.id) {
    set({ status: 'authenticated', user });
  }
}

export function getSession(): SessionState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession);
}

export function hasRole(user: User, role: Role): boolean {
  return user.roles.includes(role);
}

export { DISTRICT_PATH };

/**
 * Whether the signed-in person works in the district room (DESIGN 2.7): a township's or a
 * community's console does not read the room's roster, duty post, handovers or escalations (the
 * server refuses them to a unit's callers), so those reads are not even sent.
 */
export function useInDistrictRoom(): boolean {
  const session = useSession();
  return session.status === 'authenticated' && session.user.unitPath === DISTRICT_PATH;
}
