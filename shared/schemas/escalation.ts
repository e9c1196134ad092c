import { type Static, Type } from 'typebox';
import { Instant } from './common';

/** One step of the chain after the leader on call: a role (备班领导, 分管领导, 主要领导), who holds it and the number to call. */
export const EscalationStep = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 40 }),
    /** The person in the console's people list, when the step is one of them; the name and phone are what is called. */
    userId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()])),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    phone: Type.String({ minLength: 3, maxLength: 30, pattern: '^[0-9+][0-9 -]{2,29}$' }),
  },
  { additionalProperties: false },
);
export type EscalationStep = Static<typeof EscalationStep>;

export const EscalationSettings = Type.Object(
  {
    /** Minutes without the leader on call's acknowledgement before the next step (and between steps). */
    delayMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
    steps: Type.Array(EscalationStep, { maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type EscalationSettings = Static<typeof EscalationSettings>;

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = { delayMinutes: 10, steps: [] };

export const EscalationKind = Type.Union([
  Type.Literal('incident'),
  Type.Literal('overdue'),
  Type.Literal('spotcheck'),
]);
export type EscalationKind = Static<typeof EscalationKind>;

export const EscalationStatus = Type.Union([Type.Literal('active'), Type.Literal('acknowledged')]);

/**
 * Something the leader on call has not acknowledged: which step of the chain it has reached
 * (0: only the leader on call so far), who was called last and who is next, and when.
 */
export const Escalation = Type.Object(
  {
    id: Type.Integer(),
    kind: EscalationKind,
    /** What it is about, e.g. `incident:12`, `spotcheck:3`. */
    subject: Type.String(),
    incidentId: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.String(),
    startedAt: Instant,
    delayMinutes: Type.Integer(),
    step: Type.Integer({ minimum: 0 }),
    /** The chain as it stood when this started. */
    chain: Type.Array(EscalationStep),
    /** The step reached (called last), null while only the leader on call has been told. */
    current: Type.Union([EscalationStep, Type.Null()]),
    /** Who is called next, null at the end of the chain. */
    next: Type.Union([EscalationStep, Type.Null()]),
    nextAt: Type.Union([Instant, Type.Null()]),
    status: EscalationStatus,
    acknowledgedAt: Type.Union([Instant, Type.Null()]),
    acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Escalation = Static<typeof Escalation>;

export const EscalationList = Type.Object(
  { escalations: Type.Array(Escalation) },
  { additionalProperties: false },
);
export type EscalationList = Static<typeof EscalationList>;
