import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { LocalDate, Shift } from './roster';

export const DutyAtQuery = Type.Object({ time: Instant }, { additionalProperties: false });

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
