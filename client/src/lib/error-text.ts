import { ApiError, NETWORK_ERROR } from './api-client';
import type { MessageKey, Translate } from './i18n';

/** Server codes with a wording of our own; any other code shows the server's message. */
const knownCodes: Record<string, MessageKey> = {
  DUTY_ERR_BAD_CREDENTIALS: 'signIn.badCredentials',
  DUTY_ERR_WRONG_PASSWORD: 'password.wrongCurrent',
  DUTY_ERR_RATE_LIMITED: 'signIn.rateLimited',
  DUTY_ERR_USERNAME_TAKEN: 'users.usernameTaken',
  DUTY_ERR_FORBIDDEN: 'common.forbiddenError',
  DUTY_ERR_LAST_ADMIN: 'users.lastAdmin',
  [NETWORK_ERROR]: 'common.networkError',
};

export function describeError(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'DUTY_ERR_RATE_LIMITED' && error.retryAfterSeconds) {
    const seconds = Math.ceil(error.retryAfterSeconds);
    if (seconds > 90) return t('signIn.rateLimitedAfterMin', { minutes: Math.ceil(seconds / 60) });
    return t('signIn.rateLimitedAfter', { seconds });
  }
  const key = knownCodes[error.code];
  if (key) return t(key);
  if (error.status === 403) return t('common.forbiddenError');
  if (error.status >= 500) return t('common.serverError', { status: error.status });
  return error.message || t('common.serverError', { status: error.status });
}

/**
 * A feature's wording of the codes it meets, in the words of the duty room, with the server's
 * detail as `{message}`; any other error as `describeError` words it.
 */
export function describeWith(codes: Record<string, MessageKey>): (t: Translate, error: unknown) => string {
  return (t, error) => {
    const key = error instanceof ApiError ? codes[error.code] : undefined;
    return key ? t(key, { message: (error as ApiError).message }) : describeError(t, error);
  };
}
