import { type Static, Type } from 'typebox';
import { Instant } from './common';

export const EventRecord = Type.Object(
  {
    seq: Type.Integer(),
    at: Instant,
    type: Type.String(),
    actor: Type.String(),
    subject: Type.String(),
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
  { events: Type.Array(EventRecord), headSeq: Type.Integer() },
  { additionalProperties: false },
);

export const ChainReport = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer(),
    headSeq: Type.Integer(),
    brokenAt: Type.Union([Type.Integer(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ChainReport = Static<typeof ChainReport>;
