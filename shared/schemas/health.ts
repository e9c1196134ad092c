import { type Static, Type } from 'typebox';

export const Health = Type.Object(
  {
    status: Type.Literal('ok'),
    db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    version: Type.String(),
  },
  { additionalProperties: false },
);
export type Health = Static<typeof Health>;
