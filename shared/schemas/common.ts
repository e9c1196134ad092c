import { type Static, Type } from 'typebox';

/** Every 4xx/5xx body. `code` is one of the DUTY_ERR_* codes in server/errors.ts. */
export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const IdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  { additionalProperties: false },
);
export type IdParams = Static<typeof IdParams>;

/** An instant as an ISO 8601 string with its offset; stored and sent in UTC (`Z`). */
export const Instant = Type.String({ format: 'date-time', maxLength: 40 });

export const Ok = Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false });
