import { type Static, Type } from 'typebox';
import { LocalDate } from './roster';

export const Festival = Type.Union([
  Type.Literal('new_year'),
  Type.Literal('spring_festival'),
  Type.Literal('qingming'),
  Type.Literal('labour_day'),
  Type.Literal('dragon_boat'),
  Type.Literal('mid_autumn'),
  Type.Literal('national_day'),
]);

/** An administrator's correction of one date (it replaces what the shipped schedule says for it). */
export const CalendarOverride = Type.Object(
  {
    date: LocalDate,
    kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
    festival: Type.Union([Festival, Type.Null()]),
    name: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type CalendarOverride = Static<typeof CalendarOverride>;

export const CalendarDaysBody = Type.Object(
  { days: Type.Array(CalendarOverride, { minItems: 1, maxItems: 400 }) },
  { additionalProperties: false },
);
export type CalendarDaysBody = Static<typeof CalendarDaysBody>;

export const CalendarDateParams = Type.Object({ date: LocalDate }, { additionalProperties: false });

/** One day that is not a plain weekday / weekend: a holiday or a make-up workday, with its origin. */
export const CalendarDay = Type.Object(
  {
    date: LocalDate,
    kind: Type.Union([
      Type.Literal('workday'),
      Type.Literal('weekend'),
      Type.Literal('holiday'),
      Type.Literal('makeup_workday'),
    ]),
    working: Type.Boolean(),
    festival: Type.Union([Festival, Type.Null()]),
    name: Type.Union([Type.String(), Type.Null()]),
    source: Type.Union([Type.Literal('official'), Type.Literal('override'), Type.Literal('weekly')]),
    /** A 重点时段 day (its festival is one of the configured key festivals). */
    key: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYearQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const CalendarYear = Type.Object(
  {
    year: Type.Integer(),
    /** Whether the year's schedule is known (shipped, or entered by an administrator). */
    known: Type.Boolean(),
    /** The notice the shipped schedule is taken from; null when none is shipped for the year. */
    notice: Type.Union([
      Type.Object(
        {
          title: Type.String(),
          document: Type.String(),
          issuedOn: LocalDate,
          sources: Type.Array(Type.String()),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    /** The holidays and make-up workdays of the year, corrections applied. */
    days: Type.Array(CalendarDay),
    overrides: Type.Array(CalendarOverride),
  },
  { additionalProperties: false },
);
export type CalendarYear = Static<typeof CalendarYear>;

/** What the console's alert layer reads: which year's schedule is missing (from November: next year's). */
export const CalendarStatus = Type.Object(
  {
    today: LocalDate,
    missingYear: Type.Union([Type.Integer(), Type.Null()]),
    knownYears: Type.Array(Type.Integer()),
  },
  { additionalProperties: false },
);
export type CalendarStatus = Static<typeof CalendarStatus>;
