import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import type { MessageKey, Translate } from '@client/lib/i18n';

/** Duty-log refusals in the words of the duty room; the server's detail follows. */
const logCodes: Record<string, MessageKey> = {
  DUTY_ERR_VALIDATION: 'logbook.err.validation',
  DUTY_ERR_ALREADY_DONE: 'logbook.err.alreadyDone',
  DUTY_ERR_UNPROCESSABLE: 'logbook.err.unprocessable',
  DUTY_ERR_NOT_FOUND: 'logbook.err.notFound',
  DUTY_ERR_FORBIDDEN: 'logbook.err.forbidden',
  DUTY_ERR_SEALED: 'logbook.err.sealed',
};

export function describeLogError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = logCodes[error.code];
    if (key) return t(key, { message: error.message });
  }
  return describeError(t, error);
}
