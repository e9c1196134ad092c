import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { CategoryCode, GradeCode, Source } from './incidents';

export const StatsBucket = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]);
export type StatsBucket = Static<typeof StatsBucket>;

const queryFields = {
  /** Incidents received in [from, to); duty records issued or starting in it. */
  from: Instant,
  to: Instant,
  category: Type.Optional(CategoryCode),
  /** 'none': ungraded (社会安全事件, or a grade not yet set). */
  grade: Type.Optional(Type.Union([GradeCode, Type.Literal('none')])),
  source: Type.Optional(Source),
  /** Trend buckets, local calendar days / ISO weeks (Monday) / months in the bureau's zone. */
  bucket: Type.Optional(StatsBucket),
};

export const StatsQuery = Type.Object(queryFields, { additionalProperties: false });
export type StatsQuery = Static<typeof StatsQuery>;

export const StatsTable = Type.Union([
  Type.Literal('incidents'),
  Type.Literal('direct_report'),
  Type.Literal('late_cases'),
  Type.Literal('timeliness'),
  Type.Literal('trend'),
  Type.Literal('duty'),
  Type.Literal('hours'),
]);
export type StatsTable = Static<typeof StatsTable>;

export const StatsCsvQuery = Type.Object(
  { ...queryFields, table: StatsTable },
  { additionalProperties: false },
);
export type StatsCsvQuery = Static<typeof StatsCsvQuery>;

const Count = Type.Integer({ minimum: 0 });
const Seconds = Type.Union([Type.Number(), Type.Null()]);
const closed = { additionalProperties: false } as const;

/** Seconds; median and p90 (nearest rank) are null when n is 0. */
export const Spread = Type.Object({ median: Seconds, p90: Seconds, n: Count }, closed);
export type Spread = Static<typeof Spread>;

export const ObligationKindCode = Type.Union([
  Type.Literal('initial_phone'),
  Type.Literal('initial_written'),
  Type.Literal('followup_daily'),
  Type.Literal('followup_change'),
  Type.Literal('final'),
]);

/** The obligation a late case missed: a 首报 deadline, or the 直报录入. */
export const LateCaseKind = Type.Union([
  Type.Literal('initial_phone'),
  Type.Literal('initial_written'),
  Type.Literal('direct_entry'),
]);

export const LateCase = Type.Object(
  {
    id: Type.Integer(),
    category: CategoryCode,
    grade: Type.Union([GradeCode, Type.Null()]),
    summary: Type.String(),
    receivedAt: Instant,
    /** The deadline missed (for the 首报, the first one). */
    dueAt: Instant,
    /** When that obligation was met (late), or null while still overdue. */
    doneAt: Type.Union([Instant, Type.Null()]),
    kind: LateCaseKind,
    /** How late, in seconds: at doneAt, or now while it is still unmet. */
    lateSeconds: Type.Integer({ minimum: 0 }),
    /**
     * Who: the person who sent the report / recorded the entry late (`recorded`), or, while it is unmet,
     * the duty officers on duty at the deadline (`on_duty`, names joined by 、); `none` when nobody was rostered.
     */
    who: Type.String(),
    whoBasis: Type.Union([Type.Literal('recorded'), Type.Literal('on_duty'), Type.Literal('none')]),
  },
  closed,
);
export type LateCase = Static<typeof LateCase>;

export const DutyHoursRow = Type.Object(
  {
    userId: Type.Integer(),
    name: Type.String(),
    total: Type.Number(),
    nights: Type.Number(),
    weekends: Type.Number(),
    holidays: Type.Number(),
    shifts: Type.Integer(),
  },
  closed,
);

export const TrendRow = Type.Object(
  { bucket: Type.String(), received: Count, accidents: Count, late: Count },
  closed,
);
export type TrendRow = Static<typeof TrendRow>;

/** One timeliness figure over accidents: judged on time or late, pending apart. */
export const Judged = Type.Object(
  {
    accidents: Count,
    onTime: Count,
    late: Count,
    /** Not judged yet: the deadline still running. Outside the rate's denominator. */
    pending: Count,
    /** onTime / (onTime + late), a fraction; null when both are 0. */
    rate: Type.Union([Type.Number(), Type.Null()]),
    lateCases: Type.Array(LateCase),
  },
  closed,
);
export type Judged = Static<typeof Judged>;

export const Stats = Type.Object(
  {
    period: Type.Object({ from: Instant, to: Instant, zone: Type.String(), bucket: StatsBucket }, closed),
    incidents: Type.Object(
      {
        received: Count,
        byStage: Type.Object(
          { received: Count, verified: Count, reported: Count, handling: Count, closed: Count },
          closed,
        ),
        byCategory: Type.Array(Type.Object({ category: CategoryCode, count: Count }, closed)),
        byGrade: Type.Array(
          Type.Object({ grade: Type.Union([GradeCode, Type.Null()]), count: Count }, closed),
        ),
        bySource: Type.Array(Type.Object({ source: Source, count: Count }, closed)),
        drillsExcluded: Count,
      },
      closed,
    ),
    /**
     * 直报率: in-scope production-safety accidents (联网直报, drills never) whose 直报录入 was on time,
     * over those judged (entered, or overdue now).
     */
    directReport: Judged,
    /** 首报及时率: accidents (near misses included, drills never) whose 首报 met every initial deadline. */
    initialReport: Judged,
    timeliness: Type.Object(
      {
        toInitialReport: Spread,
        toLeaderAck: Spread,
        toClose: Spread,
        /** Obligations met late or overdue now, every kind listed. */
        lateReportsByKind: Type.Array(Type.Object({ kind: ObligationKindCode, count: Count }, closed)),
        /** 续报 obligations due within the period: met on time, late (or overdue); the rest still running. */
        followupsMet: Type.Object({ due: Count, met: Count, late: Count }, closed),
      },
      closed,
    ),
    trend: Type.Array(TrendRow),
    duty: Type.Object(
      {
        checkIns: Type.Object({ onTime: Count, late: Count, missed: Count }, closed),
        spotChecks: Type.Object(
          { issued: Count, answered: Count, late: Count, missed: Count, medianAnswerSeconds: Seconds },
          closed,
        ),
        swaps: Type.Object({ requested: Count, approved: Count, rejected: Count }, closed),
        hours: Type.Array(DutyHoursRow),
      },
      closed,
    ),
  },
  closed,
);
export type Stats = Static<typeof Stats>;
