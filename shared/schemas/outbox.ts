import { type Static, Type } from 'typebox';
import { Instant } from './common';

export const EndpointBacklog = Type.Object(
  {
    /** The upstream's URL, without any password in it. */
    endpoint: Type.String(),
    pending: Type.Integer({ minimum: 0 }),
    oldestCreatedAt: Type.Union([Instant, Type.Null()]),
    oldestAgeSeconds: Type.Integer({ minimum: 0 }),
    /** The latest failed attempt to this endpoint, while messages to it are still waiting. */
    lastError: Type.Union([
      Type.Object(
        { message: Type.String(), at: Type.Union([Instant, Type.Null()]) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

/** What waits to go upstream: the age of the oldest message is what an operator watches. */
export const OutboxBacklog = Type.Object(
  {
    at: Instant,
    pending: Type.Integer({ minimum: 0 }),
    oldestCreatedAt: Type.Union([Instant, Type.Null()]),
    oldestAgeSeconds: Type.Integer({ minimum: 0 }),
    endpoints: Type.Array(EndpointBacklog),
  },
  { additionalProperties: false },
);
export type OutboxBacklog = Static<typeof OutboxBacklog>;
