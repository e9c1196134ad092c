import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { CategoryCode, ReportChannel, ReportKind } from './incidents';

export const SignoffStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('returned'),
  /** Approved and consumed by the report it was sent as. */
  Type.Literal('used'),
]);
export type SignoffStatus = Static<typeof SignoffStatus>;

/** 签发请求: one drafted written report, one asked leader, who alone approves or returns it. */
export const SignoffRequest = Type.Object(
  {
    id: Type.Integer(),
    incidentId: Type.Integer(),
    category: CategoryCode,
    incidentSummary: Type.String(),
    kind: ReportKind,
    channel: ReportChannel,
    recipient: Type.String(),
    text: Type.String(),
    leader: Type.String(),
    leaderName: Type.String(),
    requestedBy: Type.String(),
    requestedByName: Type.String(),
    requestedAt: Instant,
    status: SignoffStatus,
    decidedAt: Type.Union([Instant, Type.Null()]),
    comment: Type.Union([Type.String(), Type.Null()]),
    reportId: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SignoffRequest = Static<typeof SignoffRequest>;

export const SignoffList = Type.Object(
  { signoffs: Type.Array(SignoffRequest) },
  { additionalProperties: false },
);
export type SignoffList = Static<typeof SignoffList>;

export const SignoffRequestBody = Type.Object(
  {
    /** Username of the leader asked (from GET /api/signoffs/leaders). */
    leader: Type.String({ minLength: 1, maxLength: 40 }),
    kind: ReportKind,
    channel: Type.Literal('written'),
    recipient: Type.String({ minLength: 1, maxLength: 120 }),
    text: Type.String({ minLength: 1, maxLength: 20000 }),
  },
  { additionalProperties: false },
);
export type SignoffRequestBody = Static<typeof SignoffRequestBody>;

export const ApproveBody = Type.Object(
  { comment: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const ReturnBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ReturnBody = Static<typeof ReturnBody>;

/** The leaders who may sign off: enabled, qualified; `onCall` the leader(s) on call now. */
export const SignoffLeaders = Type.Object(
  {
    leaders: Type.Array(
      Type.Object(
        { username: Type.String(), displayName: Type.String(), onCall: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SignoffLeaders = Static<typeof SignoffLeaders>;
