/**
 * The auth module's front door: what the rest of the server may use of sign-in, sessions and
 * secrets. Routes, the auth and live plugins, users, tokens and the calendar feeds come through here.
 */
export { hashPassword } from './passwords';
export { newSecret, sha256 } from './secrets';
export {
  type ActiveSession,
  closeSessionsOfUser,
  liveSessionIds,
  resolveSession,
  type SessionPolicy,
} from './sessions';
