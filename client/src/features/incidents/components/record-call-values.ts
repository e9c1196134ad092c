import { bureauWallNow, bureauWallToIso } from '@client/lib/time';
import { classOf } from '@shared/domain/grading';
import { CASUALTY_FIELDS, type CasualtyField } from '@shared/domain/incident-flags';
import type { CategoryCode, Grade, GradingInput } from '@shared/domain/incident-types';
import type { IncidentIntake } from '@shared/schemas/incidents';

export type CasualtyValues = Partial<Record<CasualtyField, number | null>>;

export interface RecordCallValues {
  caller: { name?: string; unit?: string; post?: string; phone?: string; alreadyTold?: string };
  /** 事故发生单位, apart from the caller's unit. */
  accidentUnit?: { name?: string; type?: string };
  occurredAt?: string;
  address?: string;
  category?: CategoryCode;
  summary?: string;
  casualties?: CasualtyValues;
  /** 万元, as the officer hears it; sent as yuan. */
  lossWan?: number | null;
  burnedAreaHa?: number | null;
  damagedForestHa?: number | null;
  damagedGrasslandHa?: number | null;
  seriousPollution?: boolean;
  keyFacilityDanger?: boolean;
  source?: IncidentIntake['source'];
  drill?: boolean;
  /** Fires and road accidents: in production and business activity (联网直报 scope). */
  productionRelated?: boolean;
  grade?: Grade | null;
  gradeReason?: string;
}

export function emptyCasualties(): Record<CasualtyField, number> {
  return Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, 0])) as Record<CasualtyField, number>;
}

export function initialCallValues(): RecordCallValues {
  return {
    caller: {},
    occurredAt: bureauWallNow(),
    casualties: emptyCasualties(),
    source: 'phone',
    drill: false,
    seriousPollution: false,
    keyFacilityDanger: false,
  };
}

/** Categories the regulation grades by their figures; the rest take the officer's grade. */
export function isComputedGrade(category: CategoryCode | undefined): boolean {
  return category !== undefined && (classOf(category) === 'accident' || isFire(category));
}

/** Forest and grassland fires: graded by their damaged area (DESIGN §2.2). */
export function isFire(category: CategoryCode | undefined): boolean {
  return category === 'forest_fire' || category === 'grassland_fire';
}

/** Categories where the officer sets the grade, with a reason. 社会安全事件 has none. */
export function takesManualGrade(category: CategoryCode | undefined): boolean {
  return category !== undefined && !isComputedGrade(category) && category !== 'social_security';
}

export function isAccident(category: CategoryCode | undefined): boolean {
  return category !== undefined && classOf(category) === 'accident';
}

export function toYuan(wan: number | null | undefined): number | undefined {
  return wan === null || wan === undefined ? undefined : Math.round(wan * 10_000);
}

export function cleanCasualties(values: CasualtyValues | undefined): Record<CasualtyField, number> {
  const out = emptyCasualties();
  for (const f of CASUALTY_FIELDS) out[f] = Math.max(0, Math.trunc(values?.[f] ?? 0));
  return out;
}

/** What the grade preview grades; hidden fields (burned area, manual grade) count only where shown. */
export function gradingInputOf(values: RecordCallValues): GradingInput | null {
  const category = values.category;
  if (!category) return null;
  const manual = takesManualGrade(category);
  const accident = isAccident(category);
  return {
    category,
    casualties: cleanCasualties(values.casualties),
    directLossYuan: toYuan(values.lossWan),
    burnedAreaHa: isFire(category) ? (values.burnedAreaHa ?? undefined) : undefined,
    damagedForestHa: category === 'forest_fire' ? (values.damagedForestHa ?? undefined) : undefined,
    damagedGrasslandHa: category === 'grassland_fire' ? (values.damagedGrasslandHa ?? undefined) : undefined,
    manualGrade: manual ? (values.grade ?? null) : null,
    manualReason: manual ? (values.gradeReason ?? null) : null,
    seriousPollution: accident ? values.seriousPollution === true : false,
    keyFacilityDanger: accident ? values.keyFacilityDanger === true : false,
  };
}

const trimmed = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** The intake body, or null when the time of occurrence is not a valid bureau wall time. */
export function toIntake(values: RecordCallValues): IncidentIntake | null {
  const occurredAt = values.occurredAt ? bureauWallToIso(values.occurredAt) : null;
  const grading = gradingInputOf(values);
  if (!occurredAt || !grading) return null;
  const caller: IncidentIntake['caller'] = { name: values.caller.name?.trim() ?? '' };
  for (const key of ['unit', 'post', 'phone', 'alreadyTold'] as const) {
    const text = trimmed(values.caller[key]);
    if (text) caller[key] = text;
  }
  const body: IncidentIntake = {
    category: grading.category,
    occurredAt,
    location: { address: values.address?.trim() ?? '' },
    caller,
    summary: values.summary?.trim() ?? '',
    casualties: grading.casualties,
    source: values.source ?? 'phone',
  };
  const unitName = trimmed(values.accidentUnit?.name);
  if (unitName) {
    const unitType = trimmed(values.accidentUnit?.type);
    body.accidentUnit = unitType ? { name: unitName, type: unitType } : { name: unitName };
  }
  if (grading.directLossYuan !== undefined) body.directLossYuan = grading.directLossYuan;
  if (grading.burnedAreaHa !== undefined) body.burnedAreaHa = grading.burnedAreaHa;
  if (grading.damagedForestHa !== undefined) body.damagedForestHa = grading.damagedForestHa;
  if (grading.damagedGrasslandHa !== undefined) body.damagedGrasslandHa = grading.damagedGrasslandHa;
  if (grading.manualGrade) {
    body.grade = grading.manualGrade;
    const reason = trimmed(values.gradeReason);
    if (reason) body.gradeReason = reason;
  }
  if (grading.seriousPollution) body.seriousPollution = true;
  if (grading.keyFacilityDanger) body.keyFacilityDanger = true;
  if (values.drill) body.drill = true;
  if (values.productionRelated && (values.category === 'fire' || values.category === 'road_traffic'))
    body.productionRelated = true;
  return body;
}
