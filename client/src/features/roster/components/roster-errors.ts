import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import type { MessageKey, Translate } from '@client/lib/i18n';

/** Roster codes worded for the duty room; the server's detail follows in brackets. */
const rosterCodes: Record<string, MessageKey> = {
  DUTY_ERR_NOT_QUALIFIED: 'roster.err.notQualified',
  DUTY_ERR_WRONG_ROLE: 'roster.err.wrongRole',
  DUTY_ERR_NOT_ROSTERABLE: 'roster.err.notRosterable',
  DUTY_ERR_UNPROCESSABLE: 'roster.err.unprocessable',
  DUTY_ERR_ALREADY_DONE: 'roster.err.alreadyDone',
  DUTY_ERR_CONFLICT: 'roster.err.conflict',
  DUTY_ERR_ROSTER_CHECKS_FAILED: 'roster.err.checksFailed',
  DUTY_ERR_NOT_FOUND: 'roster.err.notFound',
  DUTY_ERR_VALIDATION: 'roster.err.validation',
  DUTY_ERR_FORBIDDEN: 'roster.err.forbidden',
};

export function describeRosterError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = rosterCodes[error.code];
    if (key) return t(key, { message: error.message });
  }
  return describeError(t, error);
}
