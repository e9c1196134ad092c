import { type Static, Type } from 'typebox';
import { Instant } from './common';

/** A real calendar date in 1900–2999 (format 'date' checks the day exists: no 31 November). */
export const LocalDate = Type.String({
  pattern: '^(19|2\\d)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  format: 'date',
});
/** Years 1900–2999, as for instants: no duty record lies outside them. */
export const Month = Type.String({ pattern: '^(19|2\\d)\\d{2}-(0[1-9]|1[0-2])$' });
const UserId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const DutyRole = Type.Union([Type.Literal('officer'), Type.Literal('leader'), Type.Literal('backup')]);
export const ShiftKind = Type.Union([Type.Literal('full'), Type.Literal('day'), Type.Literal('night')]);

export const Shift = Type.Object(
  {
    id: Type.Integer(),
    userId: Type.Integer(),
    userName: Type.String(),
    phone: Type.String(),
    role: DutyRole,
    dutyDate: LocalDate,
    kind: ShiftKind,
    startLocal: Type.String(),
    endLocal: Type.String(),
    zone: Type.String(),
    start: Instant,
    end: Instant,
    checkInAt: Type.Union([Instant, Type.Null()]),
    checkInLate: Type.Boolean(),
    checkOutAt: Type.Union([Instant, Type.Null()]),
    missed: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Shift = Static<typeof Shift>;

export const PeriodKind = Type.Union([
  Type.Literal('holiday'),
  Type.Literal('makeup_workday'),
  Type.Literal('flood_season'),
  Type.Literal('fire_season'),
  Type.Literal('sensitive'),
  Type.Literal('response'),
]);

export const NewPeriodBody = Type.Object(
  {
    kind: PeriodKind,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    fromDate: LocalDate,
    toDate: LocalDate,
    officers: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 20 }), Type.Null()])),
    leaders: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()])),
    /** The leader must be checked in to the duty room, not only on call (领导在岗带班). Default false. */
    leaderOnSite: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewPeriodBody = Static<typeof NewPeriodBody>;

export const Period = Type.Object(
  {
    id: Type.Integer(),
    kind: PeriodKind,
    name: Type.String(),
    fromDate: LocalDate,
    toDate: LocalDate,
    officers: Type.Union([Type.Integer(), Type.Null()]),
    leaders: Type.Union([Type.Integer(), Type.Null()]),
    leaderOnSite: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Period = Static<typeof Period>;

export const ImportPeriodsBody = Type.Object(
  { periods: Type.Array(NewPeriodBody, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);

export const RosterCheck = Type.Object(
  {
    ok: Type.Boolean(),
    gaps: Type.Array(
      Type.Object({ role: Type.String(), from: Instant, to: Instant }, { additionalProperties: false }),
    ),
    understaffed: Type.Array(
      Type.Object(
        {
          dutyDate: LocalDate,
          kind: ShiftKind,
          role: Type.String(),
          required: Type.Integer(),
          actual: Type.Integer(),
          /** What raised the minimum (warnings, responses, 重点时段, periods, seasons). */
          reasons: Type.Array(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    conflicts: Type.Array(
      Type.Object(
        {
          userId: Type.Integer(),
          kind: Type.String(),
          shiftIds: Type.Array(Type.Integer()),
          detail: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    unqualified: Type.Array(
      Type.Object(
        { shiftId: Type.Integer(), userId: Type.Integer(), reason: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RosterCheck = Static<typeof RosterCheck>;

export const RosterDay = Type.Object(
  {
    dutyDate: LocalDate,
    start: Instant,
    end: Instant,
    officersRequired: Type.Integer(),
    leadersRequired: Type.Integer(),
    /** A leader must be in the duty room (red warning, Ⅲ-level response or above): 领导在岗带班. */
    leaderOnSite: Type.Boolean(),
    strengthened: Type.Boolean(),
    reasons: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

export const RosterMonth = Type.Object(
  {
    month: Month,
    status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
    publishedAt: Type.Union([Instant, Type.Null()]),
    publishedBy: Type.Union([Type.String(), Type.Null()]),
    overrideReason: Type.Union([Type.String(), Type.Null()]),
    /** Edited after publishing (with a reason each time) and not published again since. */
    changedSincePublishing: Type.Boolean(),
    changedAt: Type.Union([Instant, Type.Null()]),
    changedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type RosterMonth = Static<typeof RosterMonth>;

export const RosterQuery = Type.Object({ from: LocalDate, to: LocalDate }, { additionalProperties: false });

export const RosterView = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    zone: Type.String(),
    days: Type.Array(RosterDay),
    shifts: Type.Array(Shift),
    periods: Type.Array(Period),
    months: Type.Array(RosterMonth),
    check: RosterCheck,
  },
  { additionalProperties: false },
);
export type RosterView = Static<typeof RosterView>;

const Ids = Type.Array(UserId, { minItems: 1, maxItems: 100, uniqueItems: true });

/**
 * An edit of a published month says why (required there, kept in its event) and, when it adds a
 * problem the roster checks find, is an administrator's override: `override: true`.
 */
const EditReason = {
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
  override: Type.Optional(Type.Boolean()),
};
export const EditReasonBody = Type.Object(EditReason, { additionalProperties: false });
export type EditReasonBody = Static<typeof EditReasonBody>;
export const GenerateBody = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    officers: Ids,
    leaders: Ids,
    backups: Type.Optional(Type.Array(UserId, { maxItems: 100, uniqueItems: true })),
    ...EditReason,
  },
  { additionalProperties: false },
);
export type GenerateBody = Static<typeof GenerateBody>;

export const NewShiftBody = Type.Object(
  { userId: UserId, role: DutyRole, dutyDate: LocalDate, kind: ShiftKind, ...EditReason },
  { additionalProperties: false },
);
export type NewShiftBody = Static<typeof NewShiftBody>;

export const UpdateShiftBody = Type.Object(
  {
    userId: Type.Optional(UserId),
    role: Type.Optional(DutyRole),
    dutyDate: Type.Optional(LocalDate),
    kind: Type.Optional(ShiftKind),
    ...EditReason,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateShiftBody = Static<typeof UpdateShiftBody>;

export const PublishBody = Type.Object(
  { month: Month, overrideReason: Type.Optional(Type.String({ minLength: 4, maxLength: 500 })) },
  { additionalProperties: false },
);
export type PublishBody = Static<typeof PublishBody>;

export const PublishRefusal = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }), check: RosterCheck },
  { additionalProperties: false },
);

/** A key to the whole roster's iCalendar feed; the secret is shown once, when it is issued. */
export const RosterFeedKey = Type.Object(
  { id: Type.Integer(), label: Type.String(), createdAt: Instant, createdBy: Type.String() },
  { additionalProperties: false },
);
export type RosterFeedKey = Static<typeof RosterFeedKey>;

export const NewRosterFeedBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export type NewRosterFeedBody = Static<typeof NewRosterFeedBody>;

export const IssuedRosterFeed = Type.Object(
  { feed: RosterFeedKey, url: Type.String() },
  { additionalProperties: false },
);
export type IssuedRosterFeed = Static<typeof IssuedRosterFeed>;

export const RosterFeedList = Type.Object(
  { feeds: Type.Array(RosterFeedKey) },
  { additionalProperties: false },
);
