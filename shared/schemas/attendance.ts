import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { LocalDate, Shift } from './roster';

export const DutyAtQuery = Type.Object({ time: Instant }, { additionalProperties: false });

/** What strengthens the duty day, and what it asks for (shared/domain/staffing.ts). */
export const StaffingCause = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('season'),
      Type.Literal('period'),
      Type.Literal('key_period'),
      Type.Literal('warning'),
      Type.Literal('response'),
    ]),
    label: Type.String(),
    id: Type.Union([Type.Integer(), Type.Null()]),
    level: Type.Union([Type.String(), Type.Null()]),
    officers: Type.Integer(),
    leaders: Type.Integer(),
    leaderOnSite: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** One way the post falls short at the instant (shared/domain/duty-shortfall.ts). */
export const Shortfall = Type.Object(
  {
    need: Type.Union([Type.Literal('officers'), Type.Literal('leaders'), Type.Literal('leader_on_site')]),
    required: Type.Integer(),
    actual: Type.Integer(),
    reasons: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** Someone qualified who could be called in: shown to administrators only. */
export const ToCall = Type.Object(
  {
    userId: Type.Integer(),
    displayName: Type.String(),
    phone: Type.String(),
    roles: Type.Array(Type.String()),
    /** Rostered now but not in the duty room (a leader on call when one must be on site). */
    rostered: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const DutyNow = Type.Object(
  {
    at: Instant,
    dutyDate: LocalDate,
    zone: Type.String(),
    officers: Type.Array(Shift),
    leaders: Type.Array(Shift),
    backups: Type.Array(Shift),
    /** When the current officers' shift ends (the earliest end among them). */
    shiftEnd: Type.Union([Instant, Type.Null()]),
    /** Who comes on next: the shifts starting at the next start after `at`. */
    next: Type.Array(Shift),
    officersRequired: Type.Integer(),
    leadersRequired: Type.Integer(),
    strengthened: Type.Boolean(),
    reasons: Type.Array(Type.String()),
    /** A leader must be checked in to the duty room, not only on call. */
    leaderOnSite: Type.Boolean(),
    causes: Type.Array(StaffingCause),
    /** Empty when the post is fully staffed. */
    shortfall: Type.Array(Shortfall),
    /** Who to call when it is not: qualified people not in the room, with phones (administrators only). */
    toCall: Type.Array(ToCall),
    published: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DutyNow = Static<typeof DutyNow>;

export const AttendanceBody = Type.Object(
  { shiftId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const MyShifts = Type.Object(
  {
    /** The caller's shift whose check-in window is open or who is on it now. */
    current: Type.Union([Shift, Type.Null()]),
    upcoming: Type.Array(Shift),
    checkInOpensAt: Type.Union([Instant, Type.Null()]),
    checkInDueAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type MyShifts = Static<typeof MyShifts>;
