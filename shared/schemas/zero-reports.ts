import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { PartialFigures } from './disasters';
import { LocalDate } from './roster';

/**
 * Zero reports (零报告, DESIGN §2.7): the district asks a set of units for a daily report by a local
 * cut-off over a range of dates; each unit files figures or "无新增" (nothing new) in one tap.
 */
const closed = { additionalProperties: false } as const;
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const NullableDate = Type.Union([LocalDate, Type.Null()]);
/** A local wall-clock time in the bureau's zone. */
export const Cutoff = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** Who is asked: every township (or community), a warning's area, an active response, a disaster's townships, a list. */
export const ZeroScope = Type.Union([
  Type.Literal('all'),
  Type.Literal('warning'),
  Type.Literal('response'),
  Type.Literal('disaster'),
  Type.Literal('units'),
  /** 重点时段 from the official calendar: every township, over the key festival's days off by default. */
  Type.Literal('key_period'),
]);
export type ZeroScope = Static<typeof ZeroScope>;

export const ZeroReason = Type.Union([
  Type.Literal('manual'),
  Type.Literal('warning'),
  Type.Literal('response'),
  Type.Literal('disaster'),
  Type.Literal('key_period'),
]);
export type ZeroReason = Static<typeof ZeroReason>;

export const CreateZeroRequestBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    scope: ZeroScope,
    /** The warning, response or disaster asked about (scopes 'warning', 'response', 'disaster'). */
    refId: Type.Optional(Id),
    /** The units asked (scope 'units'). */
    unitIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true })),
    /** For 'all' and 'key_period': the townships (default) or every community and village. */
    level: Type.Optional(Type.Union([Type.Literal('township'), Type.Literal('community')])),
    cutoff: Cutoff,
    /** How long before the cut-off an unfiled unit is reminded (0: no reminder); default 60. */
    remindMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
    /** The first local date asked (default today). */
    firstDate: Type.Optional(LocalDate),
    /** The last local date asked (default: until ended). */
    lastDate: Type.Optional(LocalDate),
  },
  closed,
);
export type CreateZeroRequestBody = Static<typeof CreateZeroRequestBody>;

/** A request's header, as its events carry it (lean: no round, no units). */
export const ZeroRequestHeader = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    reason: ZeroReason,
    refId: Type.Union([Type.Integer(), Type.Null()]),
    disasterId: Type.Union([Type.Integer(), Type.Null()]),
    cutoff: Type.String(),
    remindMinutes: Type.Integer(),
    firstDate: LocalDate,
    lastDate: NullableDate,
    endedAt: NullableInstant,
    endedBy: Type.Union([Type.String(), Type.Null()]),
    createdBy: Type.String(),
    createdAt: Instant,
  },
  closed,
);
export type ZeroRequestHeader = Static<typeof ZeroRequestHeader>;

/**
 * One unit on one day: filed by the cut-off (a filing exactly at it is on time), filed late,
 * missing (the cut-off passed with nothing), or pending (not yet due).
 */
export const ZeroUnitState = Type.Union([
  Type.Literal('filed'),
  Type.Literal('late'),
  Type.Literal('missing'),
  Type.Literal('pending'),
]);
export type ZeroUnitState = Static<typeof ZeroUnitState>;

/** Figures a unit may file (the 快报表's fields, each optional), instead of "无新增". */
export const ZeroFigures = PartialFigures;
export type ZeroFigures = Static<typeof ZeroFigures>;

export const ZeroRoundUnit = Type.Object(
  {
    unitId: Type.Integer(),
    name: Type.String(),
    state: ZeroUnitState,
    /** When it first filed this day (a second filing keeps this and updates the content). */
    filedAt: NullableInstant,
    nothingNew: Type.Union([Type.Boolean(), Type.Null()]),
    figures: Type.Union([ZeroFigures, Type.Null()]),
    note: Type.String(),
    filedBy: Type.Union([Type.String(), Type.Null()]),
    /** 'disaster': counted from the disaster's own daily filing (disaster-linked requests). */
    source: Type.Union([Type.Literal('zero'), Type.Literal('disaster'), Type.Null()]),
  },
  closed,
);
export type ZeroRoundUnit = Static<typeof ZeroRoundUnit>;

/** One day's round: the cut-off instant and every unit asked (those the caller may see). */
export const ZeroRound = Type.Object(
  {
    date: LocalDate,
    cutoffAt: Instant,
    /** Whether the request asks for this date (in its range, not ended before the cut-off). */
    asked: Type.Boolean(),
    units: Type.Array(ZeroRoundUnit),
    /** Units not filed whose cut-off passed. */
    missing: Type.Integer(),
    /** Units not filed yet (missing + pending): the district's "who has not filed". */
    notFiled: Type.Integer(),
  },
  closed,
);
export type ZeroRound = Static<typeof ZeroRound>;

export const ZeroRequest = Type.Object(
  {
    ...ZeroRequestHeader.properties,
    units: Type.Array(Type.Object({ unitId: Type.Integer(), name: Type.String() }, closed)),
    today: ZeroRound,
  },
  closed,
);
export type ZeroRequest = Static<typeof ZeroRequest>;

export const ZeroRequestList = Type.Object({ requests: Type.Array(ZeroRequest) }, closed);
export type ZeroRequestList = Static<typeof ZeroRequestList>;

export const ZeroListQuery = Type.Object(
  { active: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  closed,
);
export type ZeroListQuery = Static<typeof ZeroListQuery>;

export const ZeroDateQuery = Type.Object({ date: Type.Optional(LocalDate) }, closed);
export type ZeroDateQuery = Static<typeof ZeroDateQuery>;

/** One tap: `{ unitId, nothingNew: true }`; or a few figures. Exactly one of the two. */
export const ZeroFilingBody = Type.Object(
  {
    unitId: Id,
    forDate: Type.Optional(LocalDate),
    nothingNew: Type.Optional(Type.Literal(true)),
    figures: Type.Optional(ZeroFigures),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  closed,
);
export type ZeroFilingBody = Static<typeof ZeroFilingBody>;

export const ZeroFiling = Type.Object(
  {
    id: Type.Integer(),
    requestId: Type.Integer(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    forDate: LocalDate,
    nothingNew: Type.Boolean(),
    figures: Type.Union([ZeroFigures, Type.Null()]),
    note: Type.String(),
    filedBy: Type.String(),
    /** The first filing's instant: a later correction keeps it. */
    filedAt: Instant,
    updatedAt: Instant,
    late: Type.Boolean(),
  },
  closed,
);
export type ZeroFiling = Static<typeof ZeroFiling>;

/** What the caller's unit owes today (the informant's page, a township's console). */
export const ZeroAsk = Type.Object(
  {
    requestId: Type.Integer(),
    title: Type.String(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    forDate: LocalDate,
    cutoffAt: Instant,
    filed: Type.Boolean(),
    filedAt: NullableInstant,
    state: ZeroUnitState,
  },
  closed,
);
export type ZeroAsk = Static<typeof ZeroAsk>;

export const ZeroAsks = Type.Object({ asks: Type.Array(ZeroAsk) }, closed);
export type ZeroAsks = Static<typeof ZeroAsks>;
