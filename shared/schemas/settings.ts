import { type Static, Type } from 'typebox';

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
/** A yearly date, MM-DD. */
const MonthDay = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const Staffing = Type.Object(
  { officers: Type.Integer({ minimum: 1, maximum: 20 }), leaders: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);
const Season = Type.Union([
  Type.Object({ from: MonthDay, to: MonthDay }, { additionalProperties: false }),
  Type.Null(),
]);

/** The duty rules of DESIGN §2.1 that a bureau may change; every change is an event. */
export const DutySettings = Type.Object(
  {
    /** Local time at which one duty day hands over to the next. */
    handoverTime: Clock,
    /** single24: one 24-hour officer shift a day; day_night: day shift to dayShiftEnd, night shift to the hand-over. */
    template: Type.Union([Type.Literal('single24'), Type.Literal('day_night')]),
    dayShiftEnd: Clock,
    staffing: Staffing,
    strengthenedStaffing: Staffing,
    checkInBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    checkInAfterMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    spotCheckLimitMinutes: Type.Integer({ minimum: 1, maximum: 120 }),
    maxConsecutiveHours: Type.Integer({ minimum: 1, maximum: 72 }),
    minRestHours: Type.Integer({ minimum: 0, maximum: 72 }),
    floodSeason: Season,
    fireSeason: Season,
    /**
     * Handing over (or signing for) a shift more than this long before its hand-over time needs a
     * reason, printed in the record.
     */
    handoverWindowMinutes: Type.Integer({ minimum: 0, maximum: 720 }),
    /**
     * 重点时段 from the official calendar: the days off of these festivals strengthen the duty
     * (default 元旦, 春节, 五一, 国庆; an empty list turns it off).
     */
    keyFestivals: Type.Optional(
      Type.Array(
        Type.Union([
          Type.Literal('new_year'),
          Type.Literal('spring_festival'),
          Type.Literal('qingming'),
          Type.Literal('labour_day'),
          Type.Literal('dragon_boat'),
          Type.Literal('mid_autumn'),
          Type.Literal('national_day'),
        ]),
        { maxItems: 7, uniqueItems: true },
      ),
    ),
    /** Warnings of this colour and above strengthen the duty days they touch (DESIGN §2.5). */
    warningLevel: Type.Optional(
      Type.Union([Type.Literal('red'), Type.Literal('orange'), Type.Literal('yellow'), Type.Literal('blue')]),
    ),
  },
  { additionalProperties: false },
);
export type DutySettings = Static<typeof DutySettings>;

export const DEFAULT_DUTY_SETTINGS: DutySettings = {
  handoverTime: '08:30',
  template: 'single24',
  dayShiftEnd: '17:30',
  staffing: { officers: 1, leaders: 1 },
  strengthenedStaffing: { officers: 2, leaders: 1 },
  checkInBeforeMinutes: 15,
  checkInAfterMinutes: 10,
  spotCheckLimitMinutes: 5,
  maxConsecutiveHours: 24,
  minRestHours: 24,
  floodSeason: { from: '06-01', to: '09-30' },
  fireSeason: null,
  handoverWindowMinutes: 60,
  keyFestivals: ['new_year', 'spring_festival', 'labour_day', 'national_day'],
  warningLevel: 'orange',
};
