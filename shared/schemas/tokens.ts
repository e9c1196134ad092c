import { type Static, Type } from 'typebox';
import { Instant } from './common';

export const ApiToken = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    createdBy: Type.String(),
    createdAt: Instant,
    lastUsedAt: Type.Union([Instant, Type.Null()]),
    revokedAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApiToken = Static<typeof ApiToken>;

export const TokenList = Type.Object({ tokens: Type.Array(ApiToken) }, { additionalProperties: false });

export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

/** The secret is in this response only; the server keeps its hash. */
export const CreatedToken = Type.Object(
  { token: ApiToken, secret: Type.String() },
  { additionalProperties: false },
);
export type CreatedToken = Static<typeof CreatedToken>;
