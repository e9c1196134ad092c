import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { Incident, IncidentIntake } from './incidents';

/** 来电, 通知, 领导指示, 通信装备检查, 其他记事. */
export const LogKind = Type.Union([
  Type.Literal('call'),
  Type.Literal('notice'),
  Type.Literal('instruction'),
  Type.Literal('equipment'),
  Type.Literal('note'),
]);
export type LogKind = Static<typeof LogKind>;

// The same limits as the incident intake's caller, so a call converts without surprises.
const CallerName = Type.String({ minLength: 1, maxLength: 60 });
const CallerUnit = Type.String({ maxLength: 120 });
const CallerPost = Type.String({ maxLength: 60 });
const CallerPhone = Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' });
const AlreadyTold = Type.String({ maxLength: 300 });
const Content = Type.String({ minLength: 1, maxLength: 4000 });
const Handling = Type.String({ maxLength: 4000 });
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const LogEntry = Type.Object(
  {
    id: Type.Integer(),
    kind: LogKind,
    /** When it happened (the call came in), not when it was typed. */
    at: Instant,
    callerName: NullableText,
    callerUnit: NullableText,
    callerPost: NullableText,
    callerPhone: NullableText,
    content: Type.String(),
    /** Leaders and units the caller had already told. */
    alreadyTold: NullableText,
    /** How it was handled. */
    handling: NullableText,
    incidentId: Type.Union([Type.Integer(), Type.Null()]),
    recordedBy: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
    /**
     * The sealed handover that closed the duty over this entry (its shift's, or a later one when
     * that shift was never handed over): from then on it is corrected only by an amendment to it.
     * Null while its author may still correct it.
     */
    sealedIn: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type LogEntry = Static<typeof LogEntry>;

export const NewLogEntry = Type.Object(
  {
    kind: LogKind,
    /** Default: now. A call may be written down after it ended, never before it came in. */
    at: Type.Optional(Instant),
    callerName: Type.Optional(CallerName),
    callerUnit: Type.Optional(CallerUnit),
    callerPost: Type.Optional(CallerPost),
    callerPhone: Type.Optional(CallerPhone),
    content: Content,
    alreadyTold: Type.Optional(AlreadyTold),
    handling: Type.Optional(Handling),
  },
  { additionalProperties: false },
);
export type NewLogEntry = Static<typeof NewLogEntry>;

/** What its author may complete later, during the shift: how it was handled, who else was told, the wording. */
export const LogPatch = Type.Object(
  {
    content: Type.Optional(Content),
    alreadyTold: Type.Optional(AlreadyTold),
    handling: Type.Optional(Handling),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type LogPatch = Static<typeof LogPatch>;

export const LogQuery = Type.Object(
  {
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    kind: Type.Optional(LogKind),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type LogQuery = Static<typeof LogQuery>;

export const LogList = Type.Object({ entries: Type.Array(LogEntry) }, { additionalProperties: false });

const { caller: _caller, receivedAt: _received, summary, source, ...intake } = IncidentIntake.properties;

/**
 * A call turned into an incident: the caller, the time received and (by default) the summary and
 * the source come from the log entry; the rest is what the entry does not say.
 */
export const LogToIncidentBody = Type.Object(
  { ...intake, summary: Type.Optional(summary), source: Type.Optional(source) },
  { additionalProperties: false },
);
export type LogToIncidentBody = Static<typeof LogToIncidentBody>;

export const LogIncidentResult = Type.Object(
  { entry: LogEntry, incident: Incident },
  { additionalProperties: false },
);
export type LogIncidentResult = Static<typeof LogIncidentResult>;
