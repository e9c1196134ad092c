import { describeWith } from '@client/lib/error-text';
import type { AnyKey } from '../i18n';

/** Roster codes worded for the duty room; the server's detail follows in brackets. */
const CODES: Record<string, AnyKey> = {
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

export const describeRosterError = describeWith(CODES);
