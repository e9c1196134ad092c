import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { RosterCheck } from './roster';

/** 换班: requested → accepted by the counterpart → approved (roster changes) or rejected. */
export const Swap = Type.Object(
  {
    id: Type.Integer(),
    shiftId: Type.Integer(),
    fromUserId: Type.Integer(),
    toUserId: Type.Integer(),
    /** Set for an exchange: the counterpart's shift goes to the requester. */
    counterShiftId: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.Union([
      Type.Literal('requested'),
      Type.Literal('accepted'),
      Type.Literal('approved'),
      Type.Literal('rejected'),
      Type.Literal('cancelled'),
    ]),
    reason: Type.String(),
    requestedBy: Type.String(),
    requestedAt: Instant,
    acceptedAt: Type.Union([Instant, Type.Null()]),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Instant, Type.Null()]),
    decisionNote: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Swap = Static<typeof Swap>;

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const SwapStatus = Swap.properties.status;

export const RequestSwapBody = Type.Object(
  {
    shiftId: Id,
    toUserId: Id,
    /** For an exchange: a shift of toUser that goes to the requester. */
    counterShiftId: Type.Optional(Id),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type RequestSwapBody = Static<typeof RequestSwapBody>;

export const DecideSwapBody = Type.Object(
  {
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** Approve despite conflicts or unqualified people: administrators only, with a note. */
    override: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DecideSwapBody = Static<typeof DecideSwapBody>;

export const RejectSwapBody = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);
export type RejectSwapBody = Static<typeof RejectSwapBody>;

export const SwapQuery = Type.Object({ status: Type.Optional(SwapStatus) }, { additionalProperties: false });
export type SwapQuery = Static<typeof SwapQuery>;

export const SwapList = Type.Object({ swaps: Type.Array(Swap) }, { additionalProperties: false });
export type SwapList = Static<typeof SwapList>;

export const SwapPreview = Type.Object({ swap: Swap, check: RosterCheck }, { additionalProperties: false });
export type SwapPreview = Static<typeof SwapPreview>;

/** A 409 from approval: with the failed checks when conflicts or unqualified people stop it. */
export const SwapRefusal = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }), check: Type.Optional(RosterCheck) },
  { additionalProperties: false },
);
