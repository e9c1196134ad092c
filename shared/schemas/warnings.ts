import { type Static, Type } from 'typebox';
import {
  HEADQUARTERS_CODES,
  RESPONSE_LEVELS,
  WARNING_LEVELS,
  WARNING_TYPE_CODES,
} from '../domain/warning-types';
import { Instant } from './common';

export const WarningType = Type.Enum(WARNING_TYPE_CODES);
export const WarningLevel = Type.Enum(WARNING_LEVELS);
export const ResponseLevel = Type.Enum(RESPONSE_LEVELS);
export const Headquarters = Type.Enum(HEADQUARTERS_CODES);
/** 'manual': typed in from a fax or a phone call; 'api': pushed by another system (an API token). */
export const WarningSource = Type.Union([Type.Literal('manual'), Type.Literal('api')]);

/** Area codes or names (township codes once townships exist); empty: the whole district. */
const Area = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 100 });

/** The intake body: typed in by an officer or pushed by the weather service's system. */
export const WarningIntake = Type.Object(
  {
    type: WarningType,
    level: WarningLevel,
    issuer: Type.String({ minLength: 1, maxLength: 100 }),
    issuedAt: Instant,
    /** When it takes effect (default: issuedAt). */
    effectiveAt: Type.Optional(Instant),
    area: Type.Optional(Area),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type WarningIntake = Static<typeof WarningIntake>;

export const Warning = Type.Object(
  {
    id: Type.Integer(),
    type: WarningType,
    level: WarningLevel,
    /** The highest colour it reached. */
    peakLevel: WarningLevel,
    label: Type.String(),
    issuer: Type.String(),
    issuedAt: Instant,
    effectiveAt: Instant,
    liftedAt: Type.Union([Instant, Type.Null()]),
    area: Area,
    text: Type.String(),
    source: WarningSource,
    createdBy: Type.String(),
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type Warning = Static<typeof Warning>;

export const WarningList = Type.Object({ warnings: Type.Array(Warning) }, { additionalProperties: false });

/** Upgrade or downgrade (升级, 降级): the new colour, from when, and the new text if any. */
export const WarningLevelChange = Type.Object(
  {
    level: WarningLevel,
    at: Type.Optional(Instant),
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type WarningLevelChange = Static<typeof WarningLevelChange>;

/** Lift (解除) at an instant (default: now), or end a response. */
export const EndBody = Type.Object(
  { at: Type.Optional(Instant), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type EndBody = Static<typeof EndBody>;

const Bool = Type.Union([Type.Literal('true'), Type.Literal('false')]);

/** `active=true`: not lifted; `active=false`: lifted; none: all. `from`/`to` select those in force then. */
export const WarningQuery = Type.Object(
  {
    active: Type.Optional(Bool),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    type: Type.Optional(WarningType),
    level: Type.Optional(WarningLevel),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type WarningQuery = Static<typeof WarningQuery>;

export const PeriodQuery = Type.Object(
  { from: Type.Optional(Instant), to: Type.Optional(Instant) },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;

/** Warnings issued in the period, each counted once at the highest colour it reached. */
export const WarningStats = Type.Object(
  {
    from: Type.Union([Instant, Type.Null()]),
    to: Type.Union([Instant, Type.Null()]),
    total: Type.Integer(),
    rows: Type.Array(
      Type.Object(
        { type: WarningType, level: WarningLevel, count: Type.Integer() },
        { additionalProperties: false },
      ),
    ),
    responses: Type.Array(
      Type.Object(
        { headquarters: Headquarters, level: ResponseLevel, count: Type.Integer() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type WarningStats = Static<typeof WarningStats>;

export const ResponseStart = Type.Object(
  {
    headquarters: Headquarters,
    level: ResponseLevel,
    startedAt: Type.Optional(Instant),
    orderText: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type ResponseStart = Static<typeof ResponseStart>;

export const EmergencyResponse = Type.Object(
  {
    id: Type.Integer(),
    headquarters: Headquarters,
    level: ResponseLevel,
    label: Type.String(),
    startedAt: Instant,
    endedAt: Type.Union([Instant, Type.Null()]),
    orderText: Type.String(),
    createdBy: Type.String(),
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type EmergencyResponse = Static<typeof EmergencyResponse>;

export const ResponseList = Type.Object(
  { responses: Type.Array(EmergencyResponse) },
  { additionalProperties: false },
);

export const ResponseLevelChange = Type.Object(
  {
    level: ResponseLevel,
    at: Type.Optional(Instant),
    orderText: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type ResponseLevelChange = Static<typeof ResponseLevelChange>;

export const ResponseQuery = Type.Object(
  {
    active: Type.Optional(Bool),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type ResponseQuery = Static<typeof ResponseQuery>;

export const ConsultationInput = Type.Object(
  {
    heldAt: Instant,
    participants: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 100 }),
    conclusions: Type.String({ minLength: 1, maxLength: 5000 }),
    orders: Type.Optional(Type.String({ maxLength: 5000 })),
    /** The response it was held under, if any. */
    responseId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type ConsultationInput = Static<typeof ConsultationInput>;

export const Consultation = Type.Object(
  {
    id: Type.Integer(),
    heldAt: Instant,
    participants: Type.Array(Type.String()),
    conclusions: Type.String(),
    orders: Type.String(),
    responseId: Type.Union([Type.Integer(), Type.Null()]),
    createdBy: Type.String(),
    createdAt: Instant,
  },
  { additionalProperties: false },
);
export type Consultation = Static<typeof Consultation>;

export const ConsultationList = Type.Object(
  { consultations: Type.Array(Consultation) },
  { additionalProperties: false },
);
