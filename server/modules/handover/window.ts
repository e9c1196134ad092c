import type { HandoverWindow } from '@shared/schemas/handover';
import { DutyError } from '../../errors';
import { formatLocal, toStored } from '../../time';

/** The handover window of a shift ending at `end`: from `minutes` before the hand-over time. */
export function handoverWindow(end: string, minutes: number): HandoverWindow {
  return { minutes, opensAt: toStored(new Date(Date.parse(end) - minutes * 60_000)) };
}

/**
 * Before the window a reason is required (and kept in the record); within it none is, and one
 * given anyway is not kept: the record's reason says why the post changed hands early.
 */
export function earlyReason(
  now: Date,
  end: string,
  window: HandoverWindow,
  given: string | undefined,
  what: 'hand over' | 'sign for',
  zone: string,
): string | null {
  if (now.getTime() >= Date.parse(window.opensAt)) return null;
  const reason = given?.trim();
  if (reason) return reason;
  throw new DutyError(
    'DUTY_ERR_EARLY_HANDOVER',
    `body.earlyReason: say why you ${what} this shift now: before ${formatLocal(window.opensAt, zone, 'yyyy-MM-dd HH:mm')}, ` +
      `${window.minutes} min before its hand-over time ${formatLocal(end, zone, 'yyyy-MM-dd HH:mm')}, a reason is required`,
    {},
    { field: 'earlyReason', opensAt: window.opensAt },
  );
}
