import { type Static, Type } from 'typebox';
import { CATEGORIES } from '../domain/incident-types';

const Duration = Type.String({
  pattern: '^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
  maxLength: 20,
});
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
    followupEvery: Type.Object(
      { I: Duration, II: Duration, III: Duration, IV: Duration },
      { additionalProperties: false },
    ),
    changeWindow: Type.Object(
      { default: Duration },
      { additionalProperties: Duration, propertyNames: { enum: ['default', ...CATEGORIES] } },
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
