import { type Static, Type } from 'typebox';
import { Password, User } from './users';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** A person changes their own password: the current one proves it is them, not a borrowed console. */
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Password,
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** `csrfToken` goes back in the `x-csrf-token` header of every cookie-authenticated write. */
export const SessionInfo = Type.Object(
  {
    user: User,
    csrfToken: Type.String(),
    /** The bureau's zone (TZ_NAME): every time on the console is shown in it. */
    zone: Type.String(),
  },
  { additionalProperties: false },
);
export type SessionInfo = Static<typeof SessionInfo>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'duty_session';
