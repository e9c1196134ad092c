import type { ErrorCode } from '@shared/error-codes';
import { ApiError, NETWORK_ERROR } from './api-client';
import type { MessageKey, Translate } from './i18n';

/**
 * Every server code (shared/error-codes.ts), decided once: a wording of our own, or null to show the
 * server's message (which names the field or rule that failed). A new code fails tsc until it is here.
 */
const wordings: Record<ErrorCode, MessageKey | null> = {
  DUTY_ERR_VALIDATION: null,
  DUTY_ERR_BAD_REQUEST: null,
  DUTY_ERR_WARNING_LEVEL: null,
  DUTY_ERR_UNAUTHENTICATED: null,
  DUTY_ERR_BAD_CREDENTIALS: 'signIn.badCredentials',
  DUTY_ERR_FORBIDDEN: 'common.forbiddenError',
  DUTY_ERR_CSRF: null,
  DUTY_ERR_WRONG_PASSWORD: 'password.wrongCurrent',
  DUTY_ERR_ORIGIN: null,
  DUTY_ERR_NOT_FOUND: null,
  DUTY_ERR_CONFLICT: null,
  DUTY_ERR_USERNAME_TAKEN: 'users.usernameTaken',
  DUTY_ERR_LAST_ADMIN: 'users.lastAdmin',
  DUTY_ERR_ROSTER_CHECKS_FAILED: null,
  DUTY_ERR_CHECKIN_WINDOW: null,
  DUTY_ERR_ALREADY_DONE: null,
  DUTY_ERR_FINAL_REPORT_REQUIRED: null,
  DUTY_ERR_IDEMPOTENCY_IN_FLIGHT: null,
  DUTY_ERR_IDEMPOTENCY_MISMATCH: null,
  DUTY_ERR_SIGNOFF_REQUIRED: null,
  DUTY_ERR_BODY_TOO_LARGE: null,
  DUTY_ERR_URI_TOO_LONG: null,
  DUTY_ERR_NOT_ROSTERED: null,
  DUTY_ERR_NOT_QUALIFIED: null,
  DUTY_ERR_NOT_ROSTERABLE: null,
  DUTY_ERR_WRONG_ROLE: null,
  DUTY_ERR_UNPROCESSABLE: null,
  DUTY_ERR_UNSUPPORTED_MEDIA: null,
  DUTY_ERR_RATE_LIMITED: 'signIn.rateLimited',
  DUTY_ERR_CARRY_OVER: null,
  DUTY_ERR_SEALED: null,
  DUTY_ERR_NOT_INCOMING: null,
  DUTY_ERR_EARLY_HANDOVER: null,
  DUTY_ERR_FONT_MISSING: null,
  DUTY_ERR_INTERNAL: null,
};

function ownWording(code: string): MessageKey | null {
  if (code === NETWORK_ERROR) return 'common.networkError';
  return Object.hasOwn(wordings, code) ? wordings[code as ErrorCode] : null;
}

export function describeError(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'DUTY_ERR_RATE_LIMITED' && error.retryAfterSeconds) {
    const seconds = Math.ceil(error.retryAfterSeconds);
    if (seconds > 90) return t('signIn.rateLimitedAfterMin', { minutes: Math.ceil(seconds / 60) });
    return t('signIn.rateLimitedAfter', { seconds });
  }
  const key = ownWording(error.code);
  if (key) return t(key);
  if (error.status === 403) return t('common.forbiddenError');
  if (error.status >= 500) return t('common.serverError', { status: error.status });
  return error.message || t('common.serverError', { status: error.status });
}

/**
 * A feature's wording of the codes it meets, in the words of the duty room, with the server's
 * detail as `{message}`; any other error as `describeError` words it.
 */
export function describeWith(
  codes: Partial<Record<ErrorCode, MessageKey>>,
): (t: Translate, error: unknown) => string {
  return (t, error) => {
    const key = error instanceof ApiError ? codes[error.code as ErrorCode] : undefined;
    return key ? t(key, { message: (error as ApiError).message }) : describeError(t, error);
  };
}
