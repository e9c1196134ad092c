import type { Static } from 'typebox';
import type {
  Casualties as CasualtiesSchema,
  GradeCode,
  ObligationKind as ObligationKindSchema,
  ReportChannel as ReportChannelSchema,
  ReportKind as ReportKindSchema,
} from '../schemas/incidents';

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
  burnedAreaHa?: number;
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
  basis: 'regulation_493' | 'forest_fire' | 'manual' | 'none';
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
  /** 续报 while open: interval between follow-ups by grade ('ungraded' and near misses use IV). */
  followupEvery: Record<Grade, Duration>;
  /** 补报 when casualty figures change: within this window from occurrence, a 续报 the same local day. */
  changeWindow: { default: Duration } & Partial<Record<CategoryCode, Duration>>;
  /** Per-hop clocks of a report flowing upward (DESIGN §2.7); absent: the defaults (1 h, 1.5 h). */
  hops?: { communityToTownship: Duration; townshipToDistrict: Duration };
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
  /** The hops of a report from a township or community (none for the district's own). */
  hops?: HopRecord[];
}

export interface Obligation {
  kind: ObligationKind;
  /** Stable within an incident, e.g. 'initial_phone', 'followup_daily:2', 'followup_change:2026-03-05T04:00:00.000Z'. */
  key: string;
  /** null: no deadline (the 终报 is due when handling ends). */
  dueAt: string | null;
  doneAt: string | null;
  /** The report number that met it. */
  reportNumber: number | null;
  /** Met after its deadline (迟报). At the deadline exactly is on time. */
  late: boolean;
}
