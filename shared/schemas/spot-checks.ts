import { type Static, Type } from 'typebox';
import { Instant } from './common';

export const SpotCheckStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('answered'),
  Type.Literal('late'),
  Type.Literal('missed'),
]);

/** 查岗: the post must answer within the limit; late or unanswered is alerted. */
export const SpotCheck = Type.Object(
  {
    id: Type.Integer(),
    /** leader / admin: issued from the console; upper: a call from an upper level, recorded here. */
    source: Type.Union([Type.Literal('leader'), Type.Literal('admin'), Type.Literal('upper')]),
    caller: Type.String(),
    note: Type.String(),
    issuedBy: Type.String(),
    issuedAt: Instant,
    dueAt: Instant,
    answeredAt: Type.Union([Instant, Type.Null()]),
    answeredBy: Type.Union([Type.String(), Type.Null()]),
    answerNote: Type.Union([Type.String(), Type.Null()]),
    /** answered: in time; late: answered after dueAt; missed: unanswered at dueAt (alerted once). */
    status: SpotCheckStatus,
  },
  { additionalProperties: false },
);
export type SpotCheck = Static<typeof SpotCheck>;

const Note = Type.String({ maxLength: 500 });

export const IssueSpotCheckBody = Type.Object(
  {
    /** Default: from the caller's role (leader, else admin). */
    source: Type.Optional(Type.Union([Type.Literal('leader'), Type.Literal('admin'), Type.Literal('upper')])),
    /** Who called from the upper level; required when source is upper. */
    caller: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type IssueSpotCheckBody = Static<typeof IssueSpotCheckBody>;

export const AnswerSpotCheckBody = Type.Object(
  { note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type AnswerSpotCheckBody = Static<typeof AnswerSpotCheckBody>;

export const SpotCheckQuery = Type.Object(
  { from: Type.Optional(Instant), to: Type.Optional(Instant), status: Type.Optional(SpotCheckStatus) },
  { additionalProperties: false },
);
export type SpotCheckQuery = Static<typeof SpotCheckQuery>;

export const SpotCheckList = Type.Object(
  { spotChecks: Type.Array(SpotCheck) },
  { additionalProperties: false },
);
export type SpotCheckList = Static<typeof SpotCheckList>;
