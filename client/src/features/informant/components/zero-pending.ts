/**
 * Zero-report taps the network lost, kept on the phone until the server has them (DESIGN 2.7, as the
 * report draft is): sent again when the connection returns, also after a reload. Filing twice is
 * harmless: the server keeps a unit's first filing of the day and its time.
 */
export interface PendingZeroTap {
  requestId: number;
  unitId: number;
  forDate: string;
}

const storageKey = (userId: number) => `duty.informant.zero.${userId}`;

const sameTap = (a: PendingZeroTap, b: PendingZeroTap) =>
  a.requestId === b.requestId && a.unitId === b.unitId && a.forDate === b.forDate;

export function loadPendingTaps(userId: number): PendingZeroTap[] {
  try {
    const kept = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
    return Array.isArray(kept)
      ? kept.filter(
          (tap): tap is PendingZeroTap =>
            typeof tap?.requestId === 'number' &&
            typeof tap?.unitId === 'number' &&
            typeof tap?.forDate === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function savePendingTaps(userId: number, taps: readonly PendingZeroTap[]): void {
  try {
    if (taps.length === 0) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(taps));
  } catch {
    // Storage unavailable: the taps wait in memory while the page stays open.
  }
}

export const withTap = (taps: readonly PendingZeroTap[], tap: PendingZeroTap) => [
  ...withoutTap(taps, tap),
  tap,
];

export const withoutTap = (taps: readonly PendingZeroTap[], tap: PendingZeroTap) =>
  taps.filter((kept) => !sameTap(kept, tap));

export const hasTap = (taps: readonly PendingZeroTap[], tap: PendingZeroTap) =>
  taps.some((kept) => sameTap(kept, tap));
