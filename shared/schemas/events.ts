import { type Static, Type } from 'typebox';
import { Instant } from './common';

export const EventRecord = Type.Object(
  {
    seq: Type.Integer(),
    at: Instant,
    type: Type.String(),
    actor: Type.String(),
    subject: Type.String(),
    /** Its audience (DESIGN 3): the path of the unit it belongs to, e.g. `/1/4/`; `/1/` the district. */
    unit: Type.String(),
    payload: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const EventsQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
    /** Without `after`: the newest events before this seq (older pages), newest first. */
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    type: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export type EventsQuery = Static<typeof EventsQuery>;

export const EventPage = Type.Object(
  {
    events: Type.Array(EventRecord),
    headSeq: Type.Integer(),
    /** Display names of the page's actors by username (系统 for `system`): the audit log names people. */
    names: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);

/** `?expect=<seq>:<hash prefix>`: an anchor read off paper (a printed handover), comma-separated. */
export const VerifyQuery = Type.Object(
  {
    expect: Type.Optional(
      Type.String({ pattern: '^\\d{1,10}:[0-9a-fA-F]{8,64}(,\\d{1,10}:[0-9a-fA-F]{8,64}){0,19}$' }),
    ),
  },
  { additionalProperties: false },
);
export type VerifyQuery = Static<typeof VerifyQuery>;

export const ChainReport = Type.Object(
  {
    ok: Type.Boolean(),
    /** Events walked and found in place. */
    checked: Type.Integer(),
    headSeq: Type.Integer(),
    /** The first altered or missing event (or the event a checkpoint proves rewritten). */
    brokenAt: Type.Union([Type.Integer(), Type.Null()]),
    /** The first problem; all of them are in `problems`. */
    reason: Type.Union([Type.String(), Type.Null()]),
    /** The first HMAC-keyed event (AUDIT_KEY); null while the log is plain SHA-256. */
    keyedFrom: Type.Union([Type.Integer(), Type.Null()]),
    /** Keyed events exist but the verifier has no AUDIT_KEY: their hashes were not recomputed. */
    keyMissing: Type.Boolean(),
    /** Checkpoints (sealed handovers, duty days) and expected anchors compared with the log. */
    checkpoints: Type.Integer(),
    problems: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type ChainReport = Static<typeof ChainReport>;

/** Where the log stood when a handover was sealed: printed on it, so paper witnesses the log. */
export const AuditAnchor = Type.Object(
  { seq: Type.Integer(), hash: Type.String() },
  { additionalProperties: false },
);
export type AuditAnchor = Static<typeof AuditAnchor>;
