import { type Static, Type } from 'typebox';
import { CATEGORIES } from '../domain/incident-types';
import { Instant } from './common';

const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Text = (max: number) => Type.String({ maxLength: max });

export const CategoryCode = Type.Enum(CATEGORIES);
export const GradeCode = Type.Union([
  Type.Literal('I'),
  Type.Literal('II'),
  Type.Literal('III'),
  Type.Literal('IV'),
]);
export const Source = Type.Union([
  Type.Literal('phone'),
  Type.Literal('api'),
  Type.Literal('walk_in'),
  Type.Literal('monitoring'),
  Type.Literal('tip_off'),
  Type.Literal('media'),
]);
export const Stage = Type.Union([
  Type.Literal('received'),
  Type.Literal('verified'),
  Type.Literal('reported'),
  Type.Literal('handling'),
  Type.Literal('closed'),
]);

export const Casualties = Type.Object(
  {
    deaths: Type.Optional(Count),
    missing: Type.Optional(Count),
    seriousInjuries: Type.Optional(Count),
    /** Acute industrial poisoning: counted with serious injuries for the grade. */
    poisoned: Type.Optional(Count),
    minorInjuries: Type.Optional(Count),
    /** 受伤人数（伤情待核）: injured, severity not yet known; counts as neither 轻伤 nor 重伤 for the grade. */
    injuredUnknown: Type.Optional(Count),
    trapped: Type.Optional(Count),
    endangered: Type.Optional(Count),
    evacuated: Type.Optional(Count),
  },
  { additionalProperties: false },
);

export const Location = Type.Object(
  {
    address: Type.String({ minLength: 1, maxLength: 300 }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

export const Caller = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    unit: Type.Optional(Text(120)),
    post: Type.Optional(Text(60)),
    phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' })),
    alreadyTold: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);

/** 事故发生单位: the unit where it happened, apart from the caller's unit (条例 第十二条（一）). */
export const AccidentUnit = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    /** Legal form or kind: 个体工商户, 有限公司, 居民住宅, 道路 … */
    type: Type.Optional(Text(60)),
    address: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);
export type AccidentUnit = Static<typeof AccidentUnit>;

/** The intake body other systems integrate against (DESIGN §4). */
export const IncidentIntake = Type.Object(
  {
    category: CategoryCode,
    occurredAt: Instant,
    receivedAt: Type.Optional(Instant),
    location: Location,
    caller: Caller,
    accidentUnit: Type.Optional(AccidentUnit),
    summary: Type.String({ minLength: 1, maxLength: 4000 }),
    casualties: Type.Optional(Casualties),
    directLossYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13 })),
    burnedAreaHa: Type.Optional(Type.Number({ minimum: 0, maximum: 1e7 })),
    /** 受害森林面积 (ha): grades a forest fire. */
    damagedForestHa: Type.Optional(Type.Number({ minimum: 0, maximum: 1e7 })),
    /** 受害草原面积 (ha): grades a grassland fire. */
    damagedGrasslandHa: Type.Optional(Type.Number({ minimum: 0, maximum: 1e7 })),
    source: Source,
    grade: Type.Optional(GradeCode),
    gradeReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    seriousPollution: Type.Optional(Type.Boolean()),
    keyFacilityDanger: Type.Optional(Type.Boolean()),
    drill: Type.Optional(Type.Boolean()),
    /**
     * In production and business activity (生产经营活动中): a fire or road accident counts for the
     * accident statistics direct report (联网直报) only when true; another accident category unless
     * false (e.g. a gas explosion in a home). Absent: decided by the category.
     */
    productionRelated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IncidentIntake = Static<typeof IncidentIntake>;

export const IncidentPatch = Type.Object(
  {
    category: Type.Optional(CategoryCode),
    occurredAt: Type.Optional(Instant),
    location: Type.Optional(Location),
    /** null clears it (back to 正在核实). */
    accidentUnit: Type.Optional(Type.Union([AccidentUnit, Type.Null()])),
    summary: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    casualties: Type.Optional(Casualties),
    directLossYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13 })),
    burnedAreaHa: Type.Optional(Type.Number({ minimum: 0, maximum: 1e7 })),
    /** 受害森林面积 (ha): grades a forest fire. */
    damagedForestHa: Type.Optional(Type.Number({ minimum: 0, maximum: 1e7 })),
    /** 受害草原面积 (ha): grades a grassland fire. */
    damagedGrasslandHa: Type.Optional(Type.Number({ minimum: 0, maximum: 1e7 })),
    grade: Type.Optional(Type.Union([GradeCode, Type.Null()])),
    gradeReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    seriousPollution: Type.Optional(Type.Boolean()),
    keyFacilityDanger: Type.Optional(Type.Boolean()),
    /** null: back to the category's default. */
    productionRelated: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type IncidentPatch = Static<typeof IncidentPatch>;

export const ObligationKind = Type.Union([
  Type.Literal('initial_phone'),
  Type.Literal('initial_written'),
  Type.Literal('followup_daily'),
  Type.Literal('followup_change'),
  Type.Literal('final'),
  /** 直报录入: entered into the accident statistics direct-report system (not a report up the chain). */
  Type.Literal('direct_entry'),
  /** The fire service's / traffic police's notification of a production fire or road accident (24 h). */
  Type.Literal('direct_notified'),
  /** 条例 第十条: a department told with the 首报; the key names it, `notification:<department>`. */
  Type.Literal('notification'),
  /** A hop of a report flowing upward (community → township → district), DESIGN §2.7. */
  Type.Literal('hop'),
]);

/** The obligation kinds that are reports up the chain (首报, 续报, 终报), as against statutory records. */
export const REPORT_OBLIGATION_KINDS = [
  'initial_phone',
  'initial_written',
  'followup_daily',
  'followup_change',
  'final',
] as const;

/** How a department was told (条例 第十条 notifications). */
export const NotificationChannel = Type.Union([
  Type.Literal('phone'),
  Type.Literal('written'),
  Type.Literal('fax'),
  Type.Literal('system'),
  Type.Literal('in_person'),
]);

/** What the officer recorded for a 直报录入, a notification received, or a department told. */
export const StatutoryRecord = Type.Object(
  {
    /** When it was entered / notified / told. */
    at: Instant,
    /** The direct-report system's record number (直报录入). */
    recordNumber: Type.Union([Type.String(), Type.Null()]),
    /** The notifying department (direct_notified) or the department told (notification). */
    department: Type.Union([Type.String(), Type.Null()]),
    /** Who notified us (direct_notified) or whom we told (notification). */
    person: Type.Union([Type.String(), Type.Null()]),
    channel: Type.Union([NotificationChannel, Type.Null()]),
    recordedBy: Type.String(),
    recordedByName: Type.String(),
    recordedAt: Instant,
  },
  { additionalProperties: false },
);
export type StatutoryRecord = Static<typeof StatutoryRecord>;

const RecordedAt = Instant;
const Person = Type.String({ minLength: 1, maxLength: 60 });

/** 直报录入: when it was entered and the system's record number. */
export const DirectEntryBody = Type.Object(
  {
    enteredAt: RecordedAt,
    recordNumber: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_./:-]+$' }),
  },
  { additionalProperties: false },
);
export type DirectEntryBody = Static<typeof DirectEntryBody>;

/** The fire service's / traffic police's notification of a production fire or road accident. */
export const DirectNotifiedBody = Type.Object(
  {
    notifiedAt: RecordedAt,
    /** e.g. 区消防救援大队, 区公安交警大队. */
    department: Type.String({ minLength: 1, maxLength: 60 }),
    person: Type.Optional(Person),
  },
  { additionalProperties: false },
);
export type DirectNotifiedBody = Static<typeof DirectNotifiedBody>;

/** A department told with the 首报 (条例 第十条): which, when, how, to whom. */
export const NotificationBody = Type.Object(
  {
    department: Type.String({ minLength: 1, maxLength: 60 }),
    notifiedAt: RecordedAt,
    channel: NotificationChannel,
    person: Person,
  },
  { additionalProperties: false },
);
export type NotificationBody = Static<typeof NotificationBody>;

export const ReportKind = Type.Union([
  Type.Literal('initial'),
  Type.Literal('followup'),
  Type.Literal('final'),
]);
export const ReportChannel = Type.Union([
  Type.Literal('phone'),
  Type.Literal('written'),
  Type.Literal('system'),
]);

export const ObligationView = Type.Object(
  {
    kind: ObligationKind,
    key: Type.String(),
    dueAt: Type.Union([Instant, Type.Null()]),
    doneAt: Type.Union([Instant, Type.Null()]),
    reportNumber: Type.Union([Type.Integer(), Type.Null()]),
    late: Type.Boolean(),
    overdue: Type.Boolean(),
    /** For direct_entry, direct_notified and notification: what was recorded, once met. */
    record: Type.Optional(StatutoryRecord),
  },
  { additionalProperties: false },
);
export type ObligationView = Static<typeof ObligationView>;

/**
 * How a written report was signed off (签发): `approved` by the asked leader on their own console,
 * `phone_consent` (电话请示同意) recorded by the officer with the leader chosen from the list — never
 * the leader's own approval — or `leader` when the leader sent it themself.
 */
export const SignoffKind = Type.Union([
  Type.Literal('approved'),
  Type.Literal('phone_consent'),
  Type.Literal('leader'),
]);
export type SignoffKind = Static<typeof SignoffKind>;

export const ReportSignoff = Type.Object(
  {
    kind: SignoffKind,
    /** The leader's username and display name. */
    leader: Type.String(),
    leaderName: Type.String(),
    /** Who recorded it: the leader (approved, leader) or the officer (phone_consent). */
    recordedBy: Type.String(),
    recordedByName: Type.String(),
    /** The sign-off request it consumed (approved), else null. */
    requestId: Type.Union([Type.Integer(), Type.Null()]),
    at: Instant,
    comment: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ReportSignoff = Static<typeof ReportSignoff>;

export const Report = Type.Object(
  {
    id: Type.Integer(),
    incidentId: Type.Integer(),
    number: Type.Integer(),
    title: Type.String(),
    kind: ReportKind,
    channel: ReportChannel,
    recipient: Type.String(),
    text: Type.String(),
    /** Username of the leader who signed it off (any kind); `signoff` says how. */
    signedOffBy: Type.Union([Type.String(), Type.Null()]),
    signoff: Type.Union([ReportSignoff, Type.Null()]),
    sentAt: Instant,
    sentBy: Type.String(),
    late: Type.Boolean(),
    /** Upstream forwarding through the outbox: none (phone, drill), pending, sent, failed. */
    delivery: Type.Union([
      Type.Literal('none'),
      Type.Literal('pending'),
      Type.Literal('sent'),
      Type.Literal('failed'),
    ]),
  },
  { additionalProperties: false },
);
export type Report = Static<typeof Report>;

export const Incident = Type.Object(
  {
    id: Type.Integer(),
    category: CategoryCode,
    occurredAt: Instant,
    receivedAt: Instant,
    location: Location,
    caller: Caller,
    accidentUnit: Type.Union([AccidentUnit, Type.Null()]),
    summary: Type.String(),
    casualties: Casualties,
    directLossYuan: Type.Union([Type.Number(), Type.Null()]),
    burnedAreaHa: Type.Union([Type.Number(), Type.Null()]),
    damagedForestHa: Type.Union([Type.Number(), Type.Null()]),
    damagedGrasslandHa: Type.Union([Type.Number(), Type.Null()]),
    source: Source,
    grade: Type.Union([GradeCode, Type.Null()]),
    gradeBasis: Type.String(),
    gradeReasons: Type.Array(Type.String()),
    nearMiss: Type.Boolean(),
    drill: Type.Boolean(),
    /** As recorded (null: decided by the category); `directReport` says what follows from it. */
    productionRelated: Type.Union([Type.Boolean(), Type.Null()]),
    /**
     * The statistics direct report (联网直报): in scope, or why not — not a production-safety accident
     * (a residential fire, a private road crash, a natural disaster…), no casualties and a loss below the
     * threshold, a drill.
     */
    directReport: Type.Union([
      Type.Literal('in_scope'),
      Type.Literal('not_production'),
      Type.Literal('below_threshold'),
      Type.Literal('drill'),
    ]),
    lateDiscovery: Type.Union([Type.String(), Type.Null()]),
    stage: Stage,
    verifiedAt: Type.Union([Instant, Type.Null()]),
    acknowledgedAt: Type.Union([Instant, Type.Null()]),
    acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Instant, Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    createdBy: Type.String(),
    /** The unit that recorded it (DESIGN 2.7) and that unit's path: who may see it. */
    unitId: Type.Integer(),
    unitPath: Type.String(),
    obligations: Type.Array(ObligationView),
    nextDueAt: Type.Union([Instant, Type.Null()]),
    overdue: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Incident = Static<typeof Incident>;

export const IncidentQuery = Type.Object(
  {
    stage: Type.Optional(Type.Union([Stage, Type.Literal('open')])),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    /** false: only incidents without a leader's instruction (批示) yet; true: only those with one. */
    instructed: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { additionalProperties: false },
);
export type IncidentQuery = Static<typeof IncidentQuery>;

export const IncidentList = Type.Object({ incidents: Type.Array(Incident) }, { additionalProperties: false });

/**
 * An incident's card: what the board (its cards, filter and columns), the alert strip and the
 * console's briefing draw, nothing more. The deadline is `nextDueAt` with the kind of report owed
 * then (`nextKind`); obligations, reports and actions stay on the detail page
 * (`GET /api/incidents/:id`). Same names and shapes as in `Incident`. It is both what the board list
 * answers and what every `incident.*` event carries as its `incident` (beside what the event changed,
 * shared/events.ts), so a console moves a card from the event alone and reads the detail on demand.
 */
export const IncidentCard = Type.Object(
  {
    id: Type.Integer(),
    category: CategoryCode,
    receivedAt: Instant,
    location: Type.Object({ address: Type.String() }, { additionalProperties: false }),
    caller: Type.Object(
      { name: Type.String(), unit: Type.Optional(Type.String()), phone: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    summary: Type.String(),
    /** The figures a card shows. */
    casualties: Type.Object(
      { deaths: Type.Optional(Count), missing: Type.Optional(Count), seriousInjuries: Type.Optional(Count) },
      { additionalProperties: false },
    ),
    grade: Type.Union([GradeCode, Type.Null()]),
    nearMiss: Type.Boolean(),
    drill: Type.Boolean(),
    lateDiscovery: Type.Union([Type.String(), Type.Null()]),
    stage: Stage,
    acknowledgedAt: Type.Union([Instant, Type.Null()]),
    closedAt: Type.Union([Instant, Type.Null()]),
    createdBy: Type.String(),
    nextDueAt: Type.Union([Instant, Type.Null()]),
    /** The unmet obligation due at `nextDueAt`. */
    nextKind: Type.Union([ObligationKind, Type.Null()]),
    overdue: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type IncidentCard = Static<typeof IncidentCard>;

/** The board's items are incident cards (the older name). */
export const BoardIncident = IncidentCard;
export type BoardIncident = IncidentCard;

export const BoardList = Type.Object(
  { incidents: Type.Array(IncidentCard) },
  { additionalProperties: false },
);
export type BoardList = Static<typeof BoardList>;

export const Action = Type.Object(
  {
    id: Type.Integer(),
    type: Type.String(),
    text: Type.String(),
    actor: Type.String(),
    /** The actor's display name (系统 for the system). */
    actorName: Type.String(),
    at: Instant,
  },
  { additionalProperties: false },
);

export const TimelineEntry = Type.Object(
  { seq: Type.Integer(), at: Instant, type: Type.String(), actor: Type.String(), actorName: Type.String() },
  { additionalProperties: false },
);

export const IncidentDetail = Type.Object(
  {
    incident: Incident,
    reports: Type.Array(Report),
    actions: Type.Array(Action),
    timeline: Type.Array(TimelineEntry),
    /** Possible duplicates: same category, received within two hours, or the same address. */
    similar: Type.Array(
      Type.Object(
        { id: Type.Integer(), summary: Type.String(), receivedAt: Instant },
        { additionalProperties: false },
      ),
    ),
    /**
     * Display names by username of everyone the record names (recorded by, acknowledged by, sent
     * by, signed off by, actors): the console and print show people, not their usernames.
     */
    names: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);
export type IncidentDetail = Static<typeof IncidentDetail>;

export const ReportBody = Type.Object(
  {
    kind: ReportKind,
    channel: ReportChannel,
    recipient: Type.String({ minLength: 1, maxLength: 120 }),
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
    /**
     * 签发 of a written report: the approved sign-off request it sends (its kind, channel, recipient
     * and text are the approved ones), or the leader who consented by telephone (电话请示同意), recorded
     * by the caller as such. A leader sending signs it off themself. Naming a signer is not enough.
     */
    signoffRequestId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    phoneConsentBy: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;

export const DraftQuery = Type.Object({ kind: ReportKind }, { additionalProperties: false });
export const Draft = Type.Object(
  { title: Type.String(), text: Type.String() },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    type: Type.Union([
      Type.Literal('dispatch'),
      Type.Literal('instruction'),
      Type.Literal('update'),
      Type.Literal('note'),
    ]),
    text: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const CloseBody = Type.Object(
  { outcome: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
