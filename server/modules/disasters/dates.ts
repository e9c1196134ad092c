import { fail } from '../../errors';

/** A disaster may be recorded up to this far ahead of the server's clock (clock skew), no more. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** A calendar date that exists (the schema checks the shape only: 2026-02-30 is refused here). */
export function realDate(date: string | undefined | null, field: string): void {
  if (!date) return;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d)
    fail('DUTY_ERR_VALIDATION', `${field}: ${date} is not a calendar date`);
}

export function notAhead(at: string, now: Date, field: string): void {
  if (Date.parse(at) > now.getTime() + FUTURE_SLACK_MS)
    fail(
      'DUTY_ERR_VALIDATION',
      `${field}: ${at} is in the future; a disaster is recorded when it has happened`,
    );
}
