import type { Static } from 'typebox';
import type {
  Casualties as CasualtiesSchema,
  GradeCode,
  ObligationKind as ObligationKindSchema,
  ReportChannel as ReportChannelSchema,
  ReportKind as ReportKindSchema,
} from '../schemas/incidents';
import type { DisasterClockValues } from './disasters';

/** Category codes of DESIGN §4, grouped by the four classes of 突发事件应对法 第二条. */
export const ACCIDENT_CATEGORIES = [
  'hazardous_chemicals',
  'road_traffic',
  'construction',
  'urban_gas',
  'fire',
  'industry_trade',
  'special_equipment',
  'other_accident',
] as const;
export const NATURAL_DISASTER_CATEGORIES = [
  'flood',
  'drought',
  'meteorological',
  'earthquake',
  'geological',
  'forest_fire',
  'grassland_fire',
] as const;
export const CATEGORIES = [
  ...ACCIDENT_CATEGORIES,
  ...NATURAL_DISASTER_CATEGORIES,
  'public_health',
  'social_security',
] as const;

export type CategoryCode = (typeof CATEGORIES)[number];
export type CategoryClass = 'accident' | 'natural_disaster' | 'public_health' | 'social_security';
/** I 特别重大 > II 重大 > III 较大 > IV 一般. */
export type Grade = Static<typeof GradeCode>;

/** The schema is the contract (shared/schemas/incidents.ts); these names are its types. */
export type Casualties = Static<typeof CasualtiesSchema>;

export interface GradingInput {
  category: CategoryCode;
  casualties: Casualties;
  directLossYuan?: number;
  /** 过火面积: kept as a figure, no longer grades (DESIGN §2.2). */
  burnedAreaHa?: number;
  /** 受害森林面积: grades a forest fire (森林防火条例 第四十条). */
  damagedForestHa?: number;
  /** 受害草原面积: grades a grassland fire (草原防火条例, 国家草原火灾应急预案). */
  damagedGrasslandHa?: number;
  /** The officer's grade where the regulation does not compute one (or to raise a computed one). */
  manualGrade?: Grade | null;
  manualReason?: string | null;
  /** Near-miss facts beyond the figures (较大涉险: serious pollution, danger to key facilities). */
  seriousPollution?: boolean;
  keyFacilityDanger?: boolean;
}

export interface GradeResult {
  /** null: 社会安全事件 (no legal grade), or a category with no grade set yet. */
  grade: Grade | null;
  basis: 'regulation_493' | 'forest_fire' | 'grassland_fire' | 'manual' | 'none';
  /** Why, in Chinese, e.g. '死亡 3 人（≥3）→ 较大'. */
  reasons: string[];
  /** 较大涉险事故: reported like an 一般 accident even with no casualties. */
  nearMiss: boolean;
}

export type ReportKind = Static<typeof ReportKindSchema>;
export type ReportChannel = Static<typeof ReportChannelSchema>;
export type ObligationKind = Static<typeof ObligationKindSchema>;

/** ISO 8601 duration as in the policy table: PT30M, PT2H, P1D, P30D. */
export type Duration = string;

export interface DeadlineRule {
  /** A category code, a class, or '*' for any. */
  applies: CategoryCode | CategoryClass | '*';
  /** Grades it applies to; 'near_miss' for 较大涉险; '*' any (including ungraded). */
  grades: (Grade | 'near_miss' | 'ungraded')[] | '*';
  kind: 'initial_phone' | 'initial_written';
  within: Duration;
}

/** The deadline policy table (DESIGN §2.3), national defaults for a district bureau; editable. */
export interface DeadlinePolicy {
  name: string;
  /** Every matching rule applies; for one kind the strictest (shortest) wins. */
  initial: DeadlineRule[];
  /**
   * 续报 while open: at least N per local calendar day by the grade in force at the start of the day
   * ('ungraded' and near misses use IV). N splits the day into N equal parts, one 续报 due by the end
   * of each (N = 2: by 12:00 and by 24:00). The day of the 首报 counts as reported.
   */
  followupPerDay: Record<Grade, number>;
  /**
   * Fixed local clock times 'HH:mm' (provincial profiles, e.g. ['08:00', '17:00']): when present,
   * each local day one 续报 is due by each time for the grades of `followupAtGrades` (followupPerDay
   * is then not used for them).
   */
  followupAt?: string[];
  /** The grades the fixed times apply to (e.g. 较大 and above); absent: every grade. */
  followupAtGrades?: Grade[];
  /**
   * 补报 when casualty figures change: within this many calendar days "自事故发生之日起" (the day of
   * the accident not counted, ending 24:00 local of the last day), a 续报 the same local day.
   */
  changeWindowDays: { default: number } & Partial<Record<CategoryCode, number>>;
  /** Where the 首报 clock of natural disasters starts; absent: 'occurred' (DESIGN §2.3, §2.6). */
  disasterClockFrom?: 'occurred' | 'received';
  /**
   * 联网直报 (shared/domain/direct-report.ts): the 直报录入 deadline from receipt, the fire service's /
   * traffic police's notification deadline from the accident, and the loss below which an accident
   * without casualties is not counted. Absent: the national defaults there.
   */
  directEntry?: { within: Duration; notifiedWithin: Duration; lossThresholdYuan: number };
  /** 条例 第十条: the departments told with the 首报, each within `within` of receipt. Absent: national defaults. */
  notifications?: { departments: string[]; within: Duration };
  /** Per-hop clocks of a report flowing upward (DESIGN §2.7); absent: the defaults (1 h, 1.5 h). */
  hops?: { communityToTownship: Duration; townshipToDistrict: Duration };
  /**
   * Natural disasters' clocks (DESIGN §2.6, shared/domain/disaster-clocks.ts): 初报, severe threshold,
   * 续报 on change, the 24-hour zero report, 核报 in working days, drought 续报. Absent in a stored
   * policy: `upgradePolicy` fills the defaults (DEFAULT_DISASTER_CLOCKS).
   */
  disasters?: DisasterClockValues;
}

/** One hop of a report flowing upward: received at the lower unit, taken (接收/核实) by the upper one. */
export type HopKind = 'communityToTownship' | 'townshipToDistrict';
export interface HopRecord {
  hop: HopKind;
  /** When the lower unit had it (its receipt): the hop's clock runs from here. */
  receivedAt: string;
  /** When the upper unit took it; null while it waits. */
  takenAt: string | null;
}

/** The grade in force from an instant on (the first entry: from intake). */
export interface GradeChange {
  at: string;
  grade: Grade | null;
  nearMiss: boolean;
}

export interface ReportRecord {
  /** 1, 2, 3 … in sending order: 首报 is 1. */
  number: number;
  kind: ReportKind;
  channel: ReportChannel;
  sentAt: string;
}

export interface ObligationInput {
  category: CategoryCode;
  grade: Grade | null;
  nearMiss: boolean;
  occurredAt: string;
  receivedAt: string;
  /** Instants at which casualty figures changed (after intake). */
  figureChanges: string[];
  reports: ReportRecord[];
  closedAt: string | null;
  zone: string;
  /**
   * The grade history, oldest first: obligations follow the grade in force when they were due, so a
   * regrade is never retroactive. Absent or empty: `grade`/`nearMiss` throughout.
   */
  grades?: GradeChange[];
  /** The hops of a report from a township or community (none for the district's own). */
  hops?: HopRecord[];
}

export interface Obligation {
  kind: ObligationKind;
  /** Stable within an incident, e.g. 'initial_phone', 'followup_daily:2026-03-06T24:00', 'followup_change:2026-03-05T04:00:00.000Z'. */
  key: string;
  /** null: no deadline (the 终报 is due when handling ends). */
  dueAt: string | null;
  doneAt: string | null;
  /** The report number that met it. */
  reportNumber: number | null;
  /** Met after its deadline (迟报). At the deadline exactly is on time. */
  late: boolean;
}
