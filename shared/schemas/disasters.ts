import { type Static, Type } from 'typebox';
import { type DisasterType, FIGURE_FIELDS } from '../domain/disasters';
import { Instant } from './common';
import { ReportSignoff } from './incidents';

/**
 * Natural disasters (灾害过程, DESIGN §2.6, PLAN-17): every body and view of /api/disasters and the
 * payloads of the disaster.* events. Bodies are closed; ids ≤ 2_147_483_647.
 */
const closed = { additionalProperties: false } as const;
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const NullableDate = Type.Union([LocalDate, Type.Null()]);
const Text = Type.String({ maxLength: 20000 });

/** DISASTER_TYPES, one literal each (a mapped array would type as never). */
export const DisasterTypeSchema = Type.Union([
  Type.Literal('flood'),
  Type.Literal('drought'),
  Type.Literal('typhoon'),
  Type.Literal('hail'),
  Type.Literal('cold'),
  Type.Literal('snow'),
  Type.Literal('sandstorm'),
  Type.Literal('earthquake'),
  Type.Literal('geological'),
  Type.Literal('forest_fire'),
  Type.Literal('grassland_fire'),
  Type.Literal('biological'),
  Type.Literal('marine'),
  Type.Literal('other'),
]);
export const DisasterStateSchema = Type.Union([
  Type.Literal('developing'),
  Type.Literal('stable'),
  Type.Literal('closed'),
]);
export const DisasterRecipientSchema = Type.Union([
  Type.Literal('city'),
  Type.Literal('province'),
  Type.Literal('ministry'),
]);
export const DisasterReportKindSchema = Type.Union([
  Type.Literal('initial'),
  Type.Literal('followup'),
  Type.Literal('daily'),
  Type.Literal('verify'),
]);
export const FilingKindSchema = Type.Union([
  Type.Literal('initial'),
  Type.Literal('update'),
  Type.Literal('daily'),
  Type.Literal('verified'),
]);
export const DisasterObligationKindSchema = Type.Union([
  Type.Literal('initial'),
  Type.Literal('followup_change'),
  Type.Literal('periodic'),
  Type.Literal('daily'),
  Type.Literal('township_daily'),
  Type.Literal('township_verify'),
  Type.Literal('verify'),
]);
export const VictimStatusSchema = Type.Union([Type.Literal('dead'), Type.Literal('missing')]);

/** 快报表 figures of one unit, all twelve (cumulative for the disaster). */
export const Figures = Type.Object(
  Object.fromEntries(FIGURE_FIELDS.map((f) => [f, Type.Number()])) as Record<
    (typeof FIGURE_FIELDS)[number],
    ReturnType<typeof Type.Number>
  >,
  closed,
);
export type Figures = Static<typeof Figures>;

// The schema lists every type of the domain, no more, no less.
const _sameTypes: [Static<typeof DisasterTypeSchema>, DisasterType] extends [
  DisasterType,
  Static<typeof DisasterTypeSchema>,
]
  ? true
  : never = true;
void _sameTypes;

/** Figures in a body: any of the twelve, none negative; an omitted one keeps the unit's last value. */
const FigureValue = Type.Number({ minimum: 0, maximum: 1e12 });
export const PartialFigures = Type.Object(
  Object.fromEntries(FIGURE_FIELDS.map((f) => [f, Type.Optional(FigureValue)])) as Record<
    (typeof FIGURE_FIELDS)[number],
    ReturnType<typeof Type.Optional<typeof FigureValue>>
  >,
  closed,
);
export type PartialFigures = Static<typeof PartialFigures>;

const UnitRef = Type.Object({ id: Type.Integer(), name: Type.String() }, closed);

const headerFields = {
  id: Type.Integer(),
  type: DisasterTypeSchema,
  subtype: NullableString,
  title: Type.String(),
  beganAt: Instant,
  state: DisasterStateSchema,
  /** Major: severe or flagged major (the 24-hour zero report runs while it is not stable). */
  major: Type.Boolean(),
  /** Severe: ≥ 10 dead or missing, or the severe-loss flag (also to the province and the ministry). */
  severe: Type.Boolean(),
  townships: Type.Array(UnitRef),
};

/**
 * The header of a disaster: what the disaster.created / updated / state_changed events carry. Every
 * unit receives them, so they carry no clocks (the district's deadlines are the district's).
 */
export const DisasterHeader = Type.Object(headerFields, closed);

const summaryFields = {
  ...headerFields,
  nextDueAt: NullableInstant,
  /** Obligations overdue and not done (the caller's own only, for a unit). */
  overdue: Type.Integer(),
};
export type DisasterHeader = Static<typeof DisasterHeader>;

/** One line of GET /api/disasters: the header and the totals (a unit's own, for a unit). */
export const DisasterSummary = Type.Object({ ...summaryFields, totals: Figures }, closed);
export type DisasterSummary = Static<typeof DisasterSummary>;

export const DisasterList = Type.Object({ disasters: Type.Array(DisasterSummary) }, closed);
export type DisasterList = Static<typeof DisasterList>;

export const DisasterListQuery = Type.Object({ state: Type.Optional(DisasterStateSchema) }, closed);
export type DisasterListQuery = Static<typeof DisasterListQuery>;

/** One township's latest figures (快报表 row). */
export const TownshipFigures = Type.Object(
  {
    unitId: Type.Integer(),
    name: Type.String(),
    figures: Figures,
    lastFiledAt: NullableInstant,
    lastFiledBy: NullableString,
    /** The last filing was the district's on the township's behalf (代报). */
    onBehalf: Type.Boolean(),
    /** Whether the township (or the district for it) has filed any figures yet. */
    filed: Type.Boolean(),
  },
  closed,
);
export type TownshipFigures = Static<typeof TownshipFigures>;

export const DisasterObligation = Type.Object(
  {
    key: Type.String(),
    kind: DisasterObligationKindSchema,
    unitId: Type.Union([Type.Integer(), Type.Null()]),
    recipient: Type.Union([DisasterRecipientSchema, Type.Null()]),
    dueAt: Instant,
    /** Local 'yyyy-MM-dd HH:mm'; a deadline at the end of a day reads '… 24:00' of that day. */
    dueLocal: Type.String(),
    doneAt: NullableInstant,
    /** Null while open; never flips once done. */
    onTime: Type.Union([Type.Boolean(), Type.Null()]),
    overdue: Type.Boolean(),
  },
  closed,
);
export type DisasterObligation = Static<typeof DisasterObligation>;

/** 因灾死亡失踪人员: one person. */
export const Victim = Type.Object(
  {
    id: Type.Integer(),
    disasterId: Type.Integer(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    name: Type.String(),
    status: VictimStatusSchema,
    cause: Type.String(),
    date: LocalDate,
    note: Type.String(),
    createdBy: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
  },
  closed,
);
export type Victim = Static<typeof Victim>;

export const VictimList = Type.Object({ victims: Type.Array(Victim) }, closed);
export type VictimList = Static<typeof VictimList>;

/** One filing of figures by a township, a community, or the district on a township's behalf. */
export const Filing = Type.Object(
  {
    id: Type.Integer(),
    disasterId: Type.Integer(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    kind: FilingKindSchema,
    forDate: NullableDate,
    /** The unit's full figures after this filing. */
    figures: Figures,
    nothingNew: Type.Boolean(),
    note: Type.String(),
    onBehalf: Type.Boolean(),
    filedBy: Type.String(),
    filedByName: Type.String(),
    filedAt: Instant,
    photoIds: Type.Array(Type.Integer()),
  },
  closed,
);
export type Filing = Static<typeof Filing>;

export const FilingList = Type.Object({ filings: Type.Array(Filing) }, closed);
export type FilingList = Static<typeof FilingList>;

export const FilingListQuery = Type.Object({ unitId: Type.Optional(Id) }, closed);
export type FilingListQuery = Static<typeof FilingListQuery>;

export const DisasterLinks = Type.Object(
  {
    incidents: Type.Array(Type.Object({ id: Type.Integer(), summary: Type.String() }, closed)),
    warnings: Type.Array(
      Type.Object({ id: Type.Integer(), type: Type.String(), level: Type.String() }, closed),
    ),
  },
  closed,
);
export type DisasterLinks = Static<typeof DisasterLinks>;

/** GET /api/disasters/:id: the scoped view (a unit sees its own township only; totals = its own). */
export const Disaster = Type.Object(
  {
    ...summaryFields,
    townships: Type.Array(TownshipFigures),
    totals: Figures,
    obligations: Type.Array(DisasterObligation),
    victims: Type.Array(Victim),
    /** Community filings, newest first. */
    fromBelow: Type.Array(Filing),
    links: DisasterLinks,
    disasterText: Type.String(),
    reliefText: Type.String(),
    majorSince: NullableInstant,
    severeSince: NullableInstant,
    stableAt: NullableInstant,
    closedAt: NullableInstant,
  },
  closed,
);
export type Disaster = Static<typeof Disaster>;

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Subtype = Type.String({ minLength: 1, maxLength: 60 });
const IdList = Type.Array(Id, { maxItems: 200, uniqueItems: true });

export const CreateDisasterBody = Type.Object(
  {
    type: DisasterTypeSchema,
    subtype: Type.Optional(Subtype),
    title: Title,
    beganAt: Instant,
    townships: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }),
    major: Type.Optional(Type.Boolean()),
    severeLoss: Type.Optional(Type.Boolean()),
    disasterText: Type.Optional(Text),
    reliefText: Type.Optional(Text),
    incidentIds: Type.Optional(IdList),
    warningIds: Type.Optional(IdList),
  },
  closed,
);
export type CreateDisasterBody = Static<typeof CreateDisasterBody>;

export const UpdateDisasterBody = Type.Object(
  {
    title: Type.Optional(Title),
    subtype: Type.Optional(Type.Union([Subtype, Type.Null()])),
    townships: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true })),
    major: Type.Optional(Type.Boolean()),
    severeLoss: Type.Optional(Type.Boolean()),
    disasterText: Type.Optional(Text),
    reliefText: Type.Optional(Text),
    incidentIds: Type.Optional(IdList),
    warningIds: Type.Optional(IdList),
  },
  closed,
);
export type UpdateDisasterBody = Static<typeof UpdateDisasterBody>;

export const DisasterStateBody = Type.Object(
  { state: DisasterStateSchema, at: Type.Optional(Instant) },
  closed,
);
export type DisasterStateBody = Static<typeof DisasterStateBody>;

export const FilingBody = Type.Object(
  {
    unitId: Id,
    kind: FilingKindSchema,
    forDate: Type.Optional(LocalDate),
    figures: Type.Optional(PartialFigures),
    nothingNew: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  closed,
);
export type FilingBody = Static<typeof FilingBody>;

export const VictimBody = Type.Object(
  {
    unitId: Id,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    status: VictimStatusSchema,
    cause: Type.String({ minLength: 1, maxLength: 200 }),
    date: LocalDate,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  closed,
);
export type VictimBody = Static<typeof VictimBody>;

export const VictimPatchBody = Type.Object(
  {
    unitId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    status: Type.Optional(VictimStatusSchema),
    cause: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    date: Type.Optional(LocalDate),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  closed,
);
export type VictimPatchBody = Static<typeof VictimPatchBody>;

export const VictimParams = Type.Object({ id: Id, victimId: Id }, closed);
export type VictimParams = Static<typeof VictimParams>;

// ---- reports (the `reports` helper's routes; schemas here so every helper imports one set) ----

/** The figures a report was sent with: the totals and each township's row. */
export const ReportFigures = Type.Object(
  {
    totals: Figures,
    townships: Type.Array(
      Type.Object({ unitId: Type.Integer(), name: Type.String(), figures: Figures }, closed),
    ),
  },
  closed,
);
export type ReportFigures = Static<typeof ReportFigures>;

const reportFields = {
  id: Type.Integer(),
  disasterId: Type.Integer(),
  kind: DisasterReportKindSchema,
  recipient: DisasterRecipientSchema,
  forDate: NullableDate,
  title: Type.String(),
  text: Type.String(),
  signoff: Type.Union([ReportSignoff, Type.Null()]),
  signoffRequestId: Type.Union([Type.Integer(), Type.Null()]),
  sentBy: Type.String(),
  sentAt: Instant,
  /** Judged against its obligation when sent; null when none was owed; never flips. */
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
};

export const DisasterReport = Type.Object({ ...reportFields, figures: ReportFigures }, closed);
export type DisasterReport = Static<typeof DisasterReport>;

/** A report as the disaster.report_sent event carries it: without the figures. */
export const DisasterReportHeader = Type.Object(reportFields, closed);
export type DisasterReportHeader = Static<typeof DisasterReportHeader>;

export const DisasterReportList = Type.Object({ reports: Type.Array(DisasterReport) }, closed);
export type DisasterReportList = Static<typeof DisasterReportList>;

export const DraftQuery = Type.Object(
  { kind: DisasterReportKindSchema, forDate: Type.Optional(LocalDate) },
  closed,
);
export type DraftQuery = Static<typeof DraftQuery>;

export const DisasterDraft = Type.Object(
  { title: Type.String(), text: Type.String(), figures: ReportFigures },
  closed,
);
export type DisasterDraft = Static<typeof DisasterDraft>;

const Recipients = Type.Array(DisasterRecipientSchema, { minItems: 1, maxItems: 3, uniqueItems: true });

export const SendDisasterReportBody = Type.Object(
  {
    kind: DisasterReportKindSchema,
    recipients: Type.Optional(Recipients),
    forDate: Type.Optional(LocalDate),
    title: Title,
    text: Type.String({ minLength: 1, maxLength: 20000 }),
    signoffRequestId: Type.Optional(Id),
    /** The leader (username) who consented by phone (电话请示同意). */
    phoneConsentBy: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  closed,
);
export type SendDisasterReportBody = Static<typeof SendDisasterReportBody>;

export const DisasterSignoffStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('returned'),
  Type.Literal('used'),
]);

export const DisasterSignoff = Type.Object(
  {
    id: Type.Integer(),
    disasterId: Type.Integer(),
    disasterTitle: Type.String(),
    kind: DisasterReportKindSchema,
    recipients: Type.Array(DisasterRecipientSchema),
    forDate: NullableDate,
    title: Type.String(),
    text: Type.String(),
    leader: Type.String(),
    leaderName: Type.String(),
    requestedBy: Type.String(),
    requestedByName: Type.String(),
    requestedAt: Instant,
    status: DisasterSignoffStatus,
    decidedAt: NullableInstant,
    comment: NullableString,
  },
  closed,
);
export type DisasterSignoff = Static<typeof DisasterSignoff>;

export const DisasterSignoffList = Type.Object({ signoffs: Type.Array(DisasterSignoff) }, closed);
export type DisasterSignoffList = Static<typeof DisasterSignoffList>;

export const DisasterSignoffBody = Type.Object(
  {
    kind: DisasterReportKindSchema,
    recipients: Recipients,
    forDate: Type.Optional(LocalDate),
    title: Title,
    text: Type.String({ minLength: 1, maxLength: 20000 }),
    leader: Type.String({ minLength: 1, maxLength: 40 }),
  },
  closed,
);
export type DisasterSignoffBody = Static<typeof DisasterSignoffBody>;

export const DisasterSignoffDecisionBody = Type.Object(
  { approve: Type.Boolean(), comment: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  closed,
);
export type DisasterSignoffDecisionBody = Static<typeof DisasterSignoffDecisionBody>;

export const DisasterSignoffQuery = Type.Object({ status: Type.Optional(DisasterSignoffStatus) }, closed);
export type DisasterSignoffQuery = Static<typeof DisasterSignoffQuery>;

export const PhotoMime = Type.Union([
  Type.Literal('image/jpeg'),
  Type.Literal('image/png'),
  Type.Literal('image/webp'),
]);

export const DisasterPhoto = Type.Object(
  {
    id: Type.Integer(),
    disasterId: Type.Integer(),
    filingId: Type.Union([Type.Integer(), Type.Null()]),
    unitId: Type.Integer(),
    mime: PhotoMime,
    size: Type.Integer(),
    caption: Type.String(),
    uploadedBy: Type.String(),
    uploadedAt: Instant,
  },
  closed,
);
export type DisasterPhoto = Static<typeof DisasterPhoto>;

export const DisasterPhotoList = Type.Object({ photos: Type.Array(DisasterPhoto) }, closed);
export type DisasterPhotoList = Static<typeof DisasterPhotoList>;

export const PhotoUploadQuery = Type.Object(
  { filingId: Type.Optional(Id), caption: Type.Optional(Type.String({ maxLength: 200 })) },
  closed,
);
export type PhotoUploadQuery = Static<typeof PhotoUploadQuery>;
