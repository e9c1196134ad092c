import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { SpotCheckStatus } from './spot-checks';

const closed = { additionalProperties: false } as const;
const NullableInstant = Type.Union([Instant, Type.Null()]);
const Phone = Type.String({ minLength: 3, maxLength: 30, pattern: '^[0-9+() -]*$' });
const Note = Type.String({ maxLength: 500 });

export const UnitIdParams = Type.Object(
  { unitId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  closed,
);
export type UnitIdParams = Static<typeof UnitIdParams>;

/** A unit's light duty post for one duty day (DESIGN §2.7): who is on duty, how to reach them, check-in. */
export const UnitPostDuty = Type.Object(
  {
    unitId: Type.Integer(),
    unitName: Type.String(),
    dutyDate: Type.String(),
    userId: Type.Integer(),
    userName: Type.String(),
    displayName: Type.String(),
    phone: Type.String(),
    assignedBy: Type.String(),
    assignedAt: Instant,
    checkedInAt: NullableInstant,
  },
  closed,
);
export type UnitPostDuty = Static<typeof UnitPostDuty>;

export const AssignPostBody = Type.Object(
  { userId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), phone: Phone },
  closed,
);
export type AssignPostBody = Static<typeof AssignPostBody>;

/** 查岗 of a unit by the district: "请回复" within the configured limit; late or unanswered is missed. */
export const UnitCheck = Type.Object(
  {
    id: Type.Integer(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    /** The 全区查岗 it belongs to, if any. */
    rollCallId: Type.Union([Type.Integer(), Type.Null()]),
    note: Type.String(),
    issuedBy: Type.String(),
    issuedAt: Instant,
    dueAt: Instant,
    answeredAt: NullableInstant,
    answeredBy: Type.Union([Type.String(), Type.Null()]),
    status: SpotCheckStatus,
  },
  closed,
);
export type UnitCheck = Static<typeof UnitCheck>;

export const IssueUnitCheckBody = Type.Object({ note: Type.Optional(Note) }, closed);
export type IssueUnitCheckBody = Static<typeof IssueUnitCheckBody>;

export const UnitCheckList = Type.Object({ checks: Type.Array(UnitCheck) }, closed);
export type UnitCheckList = Static<typeof UnitCheckList>;

/** 全区查岗: one check per township, its roll-call result once every check is answered or missed. */
export const RollCall = Type.Object(
  {
    id: Type.Integer(),
    issuedBy: Type.String(),
    issuedAt: Instant,
    dueAt: Instant,
    completedAt: NullableInstant,
    /** The duty-log entry that recorded the result. */
    logEntryId: Type.Union([Type.Integer(), Type.Null()]),
    checks: Type.Array(UnitCheck),
  },
  closed,
);
export type RollCall = Static<typeof RollCall>;

const Informant = Type.Union([
  Type.Object({ userId: Type.Integer(), displayName: Type.String(), phone: Type.String() }, closed),
  Type.Null(),
]);

/** One unit's row on the network board. */
export const BoardUnit = Type.Object(
  {
    unitId: Type.Integer(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    name: Type.String(),
    kind: Type.String(),
    path: Type.String(),
    /** Today's duty at the post, null: nobody named (漏岗). */
    duty: Type.Union([UnitPostDuty, Type.Null()]),
    lastCheck: Type.Union([UnitCheck, Type.Null()]),
    /** Communities and villages: the A角 and B角 informants; `gap` when either is missing. */
    informants: Type.Union([
      Type.Object({ A: Informant, B: Informant, gap: Type.Boolean() }, closed),
      Type.Null(),
    ]),
  },
  closed,
);
export type BoardUnit = Static<typeof BoardUnit>;

export const IncidentHop = Type.Object(
  {
    hop: Type.Union([Type.Literal('communityToTownship'), Type.Literal('townshipToDistrict')]),
    fromUnitId: Type.Integer(),
    fromUnitName: Type.String(),
    toUnitId: Type.Integer(),
    toUnitName: Type.String(),
    receivedAt: Instant,
    receivedBy: Type.String(),
    dueAt: Instant,
    takenAt: NullableInstant,
    takenBy: Type.Union([Type.String(), Type.Null()]),
    late: Type.Boolean(),
  },
  closed,
);
export type IncidentHop = Static<typeof IncidentHop>;

/** The hop trail of an incident: who reported it, where from, and each hop up. */
export const IncidentHops = Type.Object(
  {
    incidentId: Type.Integer(),
    originUnitId: Type.Integer(),
    originUnitName: Type.String(),
    recordedBy: Type.String(),
    receivedAt: Instant,
    hops: Type.Array(IncidentHop),
  },
  closed,
);
export type IncidentHops = Static<typeof IncidentHops>;

export const TakeHopBody = Type.Object({ note: Type.Optional(Note) }, closed);
export type TakeHopBody = Static<typeof TakeHopBody>;

export const NetworkBoard = Type.Object(
  {
    dutyDate: Type.String(),
    units: Type.Array(BoardUnit),
    /** Reports from units below, newest first, each marked with its origin and its hops. */
    reports: Type.Array(
      Type.Object(
        {
          incidentId: Type.Integer(),
          category: Type.String(),
          summary: Type.String(),
          address: Type.String(),
          receivedAt: Instant,
          originUnitId: Type.Integer(),
          originUnitName: Type.String(),
          stage: Type.String(),
          hops: Type.Array(IncidentHop),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type NetworkBoard = Static<typeof NetworkBoard>;
