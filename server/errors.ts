/** The catalogue of coded errors. A 4xx carries `{ error: { code, message } }`; a 5xx no internals. */
export const ERRORS = {
  DUTY_ERR_VALIDATION: 400,
  DUTY_ERR_BAD_REQUEST: 400,
  DUTY_ERR_UNAUTHENTICATED: 401,
  DUTY_ERR_BAD_CREDENTIALS: 401,
  DUTY_ERR_FORBIDDEN: 403,
  DUTY_ERR_CSRF: 403,
  DUTY_ERR_WRONG_PASSWORD: 403,
  DUTY_ERR_ORIGIN: 403,
  DUTY_ERR_NOT_FOUND: 404,
  DUTY_ERR_CONFLICT: 409,
  DUTY_ERR_USERNAME_TAKEN: 409,
  DUTY_ERR_LAST_ADMIN: 409,
  DUTY_ERR_ROSTER_CHECKS_FAILED: 409,
  DUTY_ERR_CHECKIN_WINDOW: 409,
  DUTY_ERR_ALREADY_DONE: 409,
  DUTY_ERR_FINAL_REPORT_REQUIRED: 409,
  DUTY_ERR_IDEMPOTENCY_IN_FLIGHT: 409,
  DUTY_ERR_IDEMPOTENCY_MISMATCH: 422,
  DUTY_ERR_SIGNOFF_REQUIRED: 422,
  DUTY_ERR_BODY_TOO_LARGE: 413,
  DUTY_ERR_URI_TOO_LONG: 414,
  DUTY_ERR_NOT_ROSTERED: 403,
  DUTY_ERR_NOT_QUALIFIED: 422,
  DUTY_ERR_NOT_ROSTERABLE: 422,
  DUTY_ERR_WRONG_ROLE: 422,
  DUTY_ERR_UNPROCESSABLE: 422,
  DUTY_ERR_UNSUPPORTED_MEDIA: 415,
  DUTY_ERR_RATE_LIMITED: 429,
  DUTY_ERR_CARRY_OVER: 409,
  DUTY_ERR_SEALED: 409,
  DUTY_ERR_NOT_INCOMING: 403,
  DUTY_ERR_EARLY_HANDOVER: 400,
  DUTY_ERR_FONT_MISSING: 503,
  DUTY_ERR_INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERRORS;

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
