import { type Static, Type } from 'typebox';
import { CATEGORIES } from '../domain/incident-types';

const Duration = Type.String({
  pattern: '^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
  maxLength: 20,
});
/** 续报 at least this many a local calendar day. */
const PerDay = Type.Integer({ minimum: 1, maximum: 24 });
/** Calendar days, the day of the accident not counted. */
const WindowDays = Type.Integer({ minimum: 1, maximum: 366 });
const Applies = Type.Union([
  Type.Enum(CATEGORIES),
  Type.Literal('accident'),
  Type.Literal('natural_disaster'),
  Type.Literal('public_health'),
  Type.Literal('social_security'),
  Type.Literal('*'),
]);
const GradeOrTag = Type.Union([
  Type.Literal('I'),
  Type.Literal('II'),
  Type.Literal('III'),
  Type.Literal('IV'),
  Type.Literal('near_miss'),
  Type.Literal('ungraded'),
]);

/** The deadline policy table (DESIGN §2.3); an administrator may load another province's profile. */
export const DeadlinePolicyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    initial: Type.Array(
      Type.Object(
        {
          applies: Applies,
          grades: Type.Union([Type.Literal('*'), Type.Array(GradeOrTag, { minItems: 1, uniqueItems: true })]),
          kind: Type.Union([Type.Literal('initial_phone'), Type.Literal('initial_written')]),
          within: Duration,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    followupPerDay: Type.Object(
      { I: PerDay, II: PerDay, III: PerDay, IV: PerDay },
      { additionalProperties: false },
    ),
    followupAt: Type.Optional(
      Type.Array(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), {
        minItems: 1,
        maxItems: 24,
        uniqueItems: true,
      }),
    ),
    followupAtGrades: Type.Optional(
      Type.Array(
        Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III'), Type.Literal('IV')]),
        {
          minItems: 1,
          maxItems: 4,
          uniqueItems: true,
        },
      ),
    ),
    changeWindowDays: Type.Object(
      { default: WindowDays },
      { additionalProperties: WindowDays, propertyNames: { enum: ['default', ...CATEGORIES] } },
    ),
    disasterClockFrom: Type.Optional(Type.Union([Type.Literal('occurred'), Type.Literal('received')])),
    directEntry: Type.Optional(
      Type.Object(
        {
          within: Duration,
          notifiedWithin: Duration,
          lossThresholdYuan: Type.Number({ minimum: 0, maximum: 1e13 }),
        },
        { additionalProperties: false },
      ),
    ),
    notifications: Type.Optional(
      Type.Object(
        {
          departments: Type.Array(Type.String({ minLength: 1, maxLength: 60, pattern: '^[^:]+$' }), {
            maxItems: 20,
            uniqueItems: true,
          }),
          within: Duration,
        },
        { additionalProperties: false },
      ),
    ),
    /** Natural disasters' clocks (DESIGN §2.6); absent: the defaults (2 h, 10 dead or missing, 09:00 / 08:00, 2 + 3 working days, 10 days). */
    disasters: Type.Optional(
      Type.Object(
        {
          initialHours: Type.Number({ exclusiveMinimum: 0, maximum: 72 }),
          severeDeadMissing: Type.Integer({ minimum: 1, maximum: 100000 }),
          followupChangeHours: Type.Number({ exclusiveMinimum: 0, maximum: 72 }),
          dailyAt: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
          townshipDailyAt: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
          townshipVerifyWorkingDays: Type.Integer({ minimum: 0, maximum: 60 }),
          districtVerifyWorkingDays: Type.Integer({ minimum: 0, maximum: 60 }),
          droughtFollowupDays: Type.Integer({ minimum: 1, maximum: 366 }),
        },
        { additionalProperties: false },
      ),
    ),
    /** Per-hop clocks of reports flowing upward; absent: community → township PT1H, township → district PT1H30M. */
    hops: Type.Optional(
      Type.Object(
        { communityToTownship: Duration, townshipToDistrict: Duration },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DeadlinePolicyBody = Static<typeof DeadlinePolicyBody>;
