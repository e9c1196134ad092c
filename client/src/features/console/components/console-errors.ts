import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import type { AnyKey, Words } from '../i18n';

/** Check-in and spot-check refusals in the words of the duty room; the server's detail follows. */
const dutyCodes: Record<string, AnyKey> = {
  DUTY_ERR_NOT_ROSTERED: 'duty.err.notRostered',
  DUTY_ERR_CHECKIN_WINDOW: 'duty.err.window',
  DUTY_ERR_ALREADY_DONE: 'duty.err.alreadyDone',
  DUTY_ERR_NOT_QUALIFIED: 'duty.err.notQualified',
  DUTY_ERR_CONFLICT: 'duty.err.conflict',
  DUTY_ERR_VALIDATION: 'duty.err.validation',
  DUTY_ERR_FORBIDDEN: 'duty.err.forbidden',
};

export function describeDutyError(t: Words, error: unknown): string {
  if (error instanceof ApiError) {
    const key = dutyCodes[error.code];
    if (key) return t(key, { message: error.message });
  }
  return describeError(t, error);
}
