import type { User } from './schemas/users';

/**
 * Every event type and its payload, typed once for server and console. An event is appended in
 * the same transaction as the change it records and pushed to consoles only after commit.
 */
export interface EventPayloads {
  'user.created': { user: User };
  'user.updated': { user: User; changed: string[] };
  'user.password_reset': { userId: number; username: string };
  'token.created': { tokenId: number; name: string };
  'token.revoked': { tokenId: number; name: string };
  'auth.signed_in': { userId: number; username: string };
  'auth.signed_out': { userId: number; username: string };
  'system.started': { version: string; db: string };
}

export type EventType = keyof EventPayloads;

export interface DutyEvent<T extends EventType = EventType> {
  seq: number;
  /** UTC instant, ISO 8601. */
  at: string;
  type: T;
  /** Who did it: a username, `token:<name>` or `system`. */
  actor: string;
  /** What it is about, `<kind>:<id>`, e.g. `user:7`. */
  subject: string;
  payload: EventPayloads[T];
}

export type AnyDutyEvent = { [T in EventType]: DutyEvent<T> }[EventType];

export interface Heartbeat {
  headSeq: number;
  at: string;
}

export interface SyncRequest {
  after: number;
}

export interface SyncAck {
  ok: boolean;
  headSeq: number;
}

/** Socket.IO maps (socket.io `examples/basic-crud-application` style). */
export interface ServerToClientEvents {
  event: (event: AnyDutyEvent) => void;
  heartbeat: (beat: Heartbeat) => void;
}

export interface ClientToServerEvents {
  sync: (request: SyncRequest, ack: (reply: SyncAck) => void) => void;
}

/** What a console sends in the handshake `auth`. */
export interface LiveAuth {
  lastSeq?: number;
  token?: string;
}
