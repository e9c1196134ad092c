import { describeWith } from '@client/lib/error-text';
import type { AnyKey } from '../i18n';

/** Duty-log refusals in the words of the duty room; the server's detail follows. */
const CODES: Record<string, AnyKey> = {
  DUTY_ERR_VALIDATION: 'logbook.err.validation',
  DUTY_ERR_ALREADY_DONE: 'logbook.err.alreadyDone',
  DUTY_ERR_UNPROCESSABLE: 'logbook.err.unprocessable',
  DUTY_ERR_NOT_FOUND: 'logbook.err.notFound',
  DUTY_ERR_FORBIDDEN: 'logbook.err.forbidden',
  DUTY_ERR_SEALED: 'logbook.err.sealed',
};

export const describeLogError = describeWith(CODES);
