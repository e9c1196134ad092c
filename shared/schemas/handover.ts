import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { AuditAnchor } from './events';
import { CategoryCode, GradeCode, ObligationView, Stage } from './incidents';
import { LocalDate } from './roster';

/** The sections of a 交接班记录, in print order. */
export const SECTION_KEYS = [
  'people',
  'warnings',
  'attendance',
  'received',
  'open',
  'reports',
  'calls',
  'instructions',
  'pending',
  'equipment',
  'notes',
] as const;
export const SectionKey = Type.Enum(SECTION_KEYS);
export type SectionKey = Static<typeof SectionKey>;
/** Written by the server from the lists (open incidents, pending items), never as free text. */
export const DERIVED_SECTIONS: readonly SectionKey[] = ['open', 'pending'];

export const Section = Type.Object(
  { key: SectionKey, title: Type.String(), text: Type.String() },
  { additionalProperties: false },
);
export type Section = Static<typeof Section>;

export const DutyPerson = Type.Object(
  {
    userId: Type.Integer(),
    name: Type.String(),
    checkInAt: Type.Union([Instant, Type.Null()]),
    checkInLate: Type.Boolean(),
    missed: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DutyPerson = Static<typeof DutyPerson>;

export const HandoverPeople = Type.Object(
  {
    officers: Type.Array(DutyPerson),
    leaders: Type.Array(DutyPerson),
    backups: Type.Array(DutyPerson),
    /** Rostered on the next shift: who signs for the post. */
    incoming: Type.Array(DutyPerson),
  },
  { additionalProperties: false },
);
export type HandoverPeople = Static<typeof HandoverPeople>;

/** An incident left open: its stage, the next report owed and when, and whether that is overdue. */
export const OpenIncident = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    category: CategoryCode,
    grade: Type.Union([GradeCode, Type.Null()]),
    stage: Stage,
    receivedAt: Instant,
    next: Type.Union([
      Type.Object(
        { kind: ObligationView.properties.kind, dueAt: ObligationView.properties.dueAt },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    overdue: Type.Boolean(),
    drill: Type.Boolean(),
    /** It was already on the last handover's carry-over list. */
    carriedBefore: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OpenIncident = Static<typeof OpenIncident>;

export const CarriedItem = Type.Object(
  {
    /** `incident:<id>` or `pending:<pending key>`. */
    key: Type.String(),
    kind: Type.Union([Type.Literal('incident'), Type.Literal('pending')]),
    ref: Type.String(),
    text: Type.String(),
    /** Set when the incoming officer signs for it. */
    confirmed: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CarriedItem = Static<typeof CarriedItem>;

export const PendingItem = Type.Object(
  { key: Type.String(), text: Type.String(), done: Type.Boolean() },
  { additionalProperties: false },
);
export type PendingItem = Static<typeof PendingItem>;

export const ShiftWindow = Type.Object(
  { dutyDate: LocalDate, start: Instant, end: Instant, zone: Type.String() },
  { additionalProperties: false },
);
export type ShiftWindow = Static<typeof ShiftWindow>;

/**
 * Something still wrong when the post is handed over (a missed check-in, an unanswered spot-check,
 * an overdue report, reports stuck on their way upstream): listed on the submit dialog and kept in
 * the record, so a handover is never signed over an open alarm without a word.
 */
export const HandoverAlarm = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('missed_check_in'),
      Type.Literal('spot_check'),
      Type.Literal('overdue_report'),
      Type.Literal('upstream_backlog'),
    ]),
    /** What it is about: `shift:<id>`, `spotcheck:<id>`, `incident:<id>:<obligation>`, `outbox:<endpoint>`. */
    ref: Type.String(),
    /** Since when it has been wrong (a deadline passed, the oldest message waiting). */
    at: Type.Union([Instant, Type.Null()]),
    /** The line printed in the record, in its language. */
    text: Type.String(),
  },
  { additionalProperties: false },
);
export type HandoverAlarm = Static<typeof HandoverAlarm>;

/** Handing over (or signing) before `opensAt`, the hand-over time less the window, needs a reason. */
export const HandoverWindow = Type.Object(
  { minutes: Type.Integer(), opensAt: Instant },
  { additionalProperties: false },
);
export type HandoverWindow = Static<typeof HandoverWindow>;

/** What the console drafts for the outgoing officer; nothing is stored until it is submitted. */
export const HandoverDraft = Type.Object(
  {
    shift: ShiftWindow,
    people: HandoverPeople,
    openIncidents: Type.Array(OpenIncident),
    carried: Type.Array(CarriedItem),
    pending: Type.Array(PendingItem),
    sections: Type.Array(Section),
    lastHandoverId: Type.Union([Type.Integer(), Type.Null()]),
    /** This shift was already handed over. */
    existing: Type.Union([
      Type.Object({ id: Type.Integer(), status: Type.String() }, { additionalProperties: false }),
      Type.Null(),
    ]),
    /** Open alarms now: what the record will list if handed over now. */
    alarms: Type.Array(HandoverAlarm),
    window: HandoverWindow,
  },
  { additionalProperties: false },
);
export type HandoverDraft = Static<typeof HandoverDraft>;

/** What is sealed: the edited sections with the people and open incidents as they were. */
export const HandoverContent = Type.Object(
  { sections: Type.Array(Section), people: HandoverPeople, openIncidents: Type.Array(OpenIncident) },
  { additionalProperties: false },
);
export type HandoverContent = Static<typeof HandoverContent>;

export const Amendment = Type.Object(
  {
    id: Type.Integer(),
    handoverId: Type.Integer(),
    text: Type.String(),
    author: Type.String(),
    authorName: Type.String(),
    signedAt: Instant,
  },
  { additionalProperties: false },
);
export type Amendment = Static<typeof Amendment>;

const Signer = Type.Union([
  Type.Object({ userId: Type.Integer(), name: Type.String() }, { additionalProperties: false }),
  Type.Null(),
]);

export const Handover = Type.Object(
  {
    id: Type.Integer(),
    shift: ShiftWindow,
    status: Type.Union([Type.Literal('submitted'), Type.Literal('sealed')]),
    outgoing: Signer,
    incoming: Signer,
    content: HandoverContent,
    carried: Type.Array(CarriedItem),
    pending: Type.Array(PendingItem),
    notes: Type.String(),
    submittedAt: Instant,
    submittedBy: Type.String(),
    submittedByName: Type.String(),
    acceptedAt: Type.Union([Instant, Type.Null()]),
    acceptedBy: Type.Union([Type.String(), Type.Null()]),
    acceptedByName: Type.Union([Type.String(), Type.Null()]),
    /** Why it was handed over before the window (see HandoverWindow). */
    earlyReason: Type.Union([Type.String(), Type.Null()]),
    /** Why it was signed for before the window. */
    acceptedEarlyReason: Type.Union([Type.String(), Type.Null()]),
    /** The alarms open when it was handed over; null on records older than the list. */
    alarms: Type.Union([Type.Array(HandoverAlarm), Type.Null()]),
    amendments: Type.Array(Amendment),
    /** The event log's head when it was sealed (the seal event itself); null until then. */
    anchor: Type.Union([AuditAnchor, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Handover = Static<typeof Handover>;

const EditedSection = Type.Object(
  { key: SectionKey, text: Type.String({ maxLength: 20000 }) },
  { additionalProperties: false },
);
const PendingIn = Type.Object(
  {
    /** The key of an item carried from the last handover; new items get one. */
    key: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    text: Type.String({ minLength: 1, maxLength: 1000 }),
    done: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const CarriedIn = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 100 }),
    text: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const EarlyReason = Type.String({ minLength: 1, maxLength: 1000 });

/**
 * Sections not sent keep the drafted text; the open incidents and pending sections are written
 * from the lists. Without `carried` every open incident and unfinished pending item is carried;
 * with it, the list must still hold every open incident. Before the handover window, a reason.
 */
export const SubmitHandoverBody = Type.Object(
  {
    content: Type.Array(EditedSection, { maxItems: SECTION_KEYS.length }),
    pending: Type.Array(PendingIn, { maxItems: 200 }),
    carried: Type.Optional(Type.Array(CarriedIn, { maxItems: 500 })),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
    earlyReason: Type.Optional(EarlyReason),
  },
  { additionalProperties: false },
);
export type SubmitHandoverBody = Static<typeof SubmitHandoverBody>;

/** The outgoing officer may still revise a handover until the incoming one signs it. */
export const ReviseHandoverBody = Type.Object(
  {
    content: Type.Optional(SubmitHandoverBody.properties.content),
    pending: Type.Optional(SubmitHandoverBody.properties.pending),
    carried: Type.Optional(SubmitHandoverBody.properties.carried),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReviseHandoverBody = Static<typeof ReviseHandoverBody>;

export const AcceptHandoverBody = Type.Object(
  {
    confirmed: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000 }),
    /** Needed when signing before the handover window. */
    earlyReason: Type.Optional(EarlyReason),
  },
  { additionalProperties: false },
);
export type AcceptHandoverBody = Static<typeof AcceptHandoverBody>;

export const AmendmentBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

export const HandoverQuery = Type.Object(
  {
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    /** A username, a user id or part of a name: outgoing or incoming officer. */
    person: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export type HandoverQuery = Static<typeof HandoverQuery>;

export const HandoverList = Type.Object({ handovers: Type.Array(Handover) }, { additionalProperties: false });
export type HandoverList = Static<typeof HandoverList>;
