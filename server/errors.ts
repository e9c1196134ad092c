import { ERROR_STATUS, type ErrorCode } from '@shared/error-codes';

/** The catalogue of coded errors (shared/error-codes.ts) with their HTTP status. */
export const ERRORS = ERROR_STATUS;
export type { ErrorCode };

export class DutyError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields beside `error` in the body, e.g. the failed roster checks. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DutyError';
    this.status = ERRORS[code];
  }
}

export function fail(code: ErrorCode, message: string): never {
  throw new DutyError(code, message);
}

export function notFound(what: string): never {
  throw new DutyError('DUTY_ERR_NOT_FOUND', `${what} not found`);
}
