import { ApiError } from '@client/lib/api-client';
import { describeWith } from '@client/lib/error-text';
import type { AnyKey } from '../i18n';

/** Handover refusals in the words of the duty room; the server's detail follows. */
const CODES: Record<string, AnyKey> = {
  DUTY_ERR_NOT_ROSTERED: 'handover.err.notRostered',
  DUTY_ERR_NOT_INCOMING: 'handover.err.notIncoming',
  DUTY_ERR_SEALED: 'handover.err.sealed',
  DUTY_ERR_CARRY_OVER: 'handover.err.carryOver',
  DUTY_ERR_ALREADY_DONE: 'handover.err.alreadyDone',
  DUTY_ERR_UNPROCESSABLE: 'handover.err.unprocessable',
  DUTY_ERR_FONT_MISSING: 'handover.err.fontMissing',
  DUTY_ERR_CONFLICT: 'handover.err.conflict',
  DUTY_ERR_VALIDATION: 'handover.err.validation',
  DUTY_ERR_FORBIDDEN: 'handover.err.forbidden',
  DUTY_ERR_NOT_FOUND: 'handover.err.notFound',
  DUTY_ERR_EARLY_HANDOVER: 'handover.err.early',
};

export const describeHandoverError = describeWith(CODES);

export function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}
