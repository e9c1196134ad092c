// TEMPORARY copy of the plan's shared/domain/disasters.ts until h17-core is merged.
export const DISASTER_TYPES = [
  'flood',
  'drought',
  'typhoon',
  'hail',
  'cold',
  'snow',
  'sandstorm',
  'earthquake',
  'geological',
  'forest_fire',
  'grassland_fire',
  'biological',
  'marine',
  'other',
] as const;
export type DisasterType = (typeof DISASTER_TYPES)[number];
export const DISASTER_TYPE_LABELS: Record<DisasterType, { zh: string; en: string }> = {
  flood: { zh: '洪涝', en: 'Flood' },
  drought: { zh: '干旱', en: 'Drought' },
  typhoon: { zh: '台风', en: 'Typhoon' },
  hail: { zh: '风雹', en: 'Wind and hail' },
  cold: { zh: '低温冷冻', en: 'Low temperature and frost' },
  snow: { zh: '雪灾', en: 'Snow' },
  sandstorm: { zh: '沙尘暴', en: 'Sandstorm' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  geological: { zh: '崩塌/滑坡/泥石流', en: 'Landslide / debris flow' },
  forest_fire: { zh: '森林火灾', en: 'Forest fire' },
  grassland_fire: { zh: '草原火灾', en: 'Grassland fire' },
  biological: { zh: '生物灾害', en: 'Biological' },
  marine: { zh: '海洋灾害', en: 'Marine' },
  other: { zh: '其他', en: 'Other' },
};
export const DISASTER_SUBTYPES: Partial<Record<DisasterType, { zh: string; en: string }[]>> = {
  flood: [
    { zh: '暴雨洪涝', en: 'Rainstorm flood' },
    { zh: '山洪', en: 'Flash flood' },
  ],
};
export type DisasterState = 'developing' | 'stable' | 'closed';
export const FIGURE_FIELDS = [
  'affected',
  'dead',
  'missing',
  'relocated',
  'needAssistance',
  'housesCollapsed',
  'housesSevere',
  'housesGeneral',
  'cropAffectedHa',
  'cropDamagedHa',
  'cropLostHa',
  'directLossWanYuan',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export type DisasterFigures = Record<FigureField, number>;
const person = { zh: '人', en: 'people' };
const room = { zh: '间', en: 'rooms' };
const ha = { zh: '公顷', en: 'ha' };
export const FIGURE_LABELS: Record<
  FigureField,
  { zh: string; en: string; unit: { zh: string; en: string } }
> = {
  affected: { zh: '受灾人口', en: 'Affected', unit: person },
  dead: { zh: '死亡人口', en: 'Dead', unit: person },
  missing: { zh: '失踪人口', en: 'Missing', unit: person },
  relocated: { zh: '紧急转移安置人口', en: 'Relocated', unit: person },
  needAssistance: { zh: '需紧急生活救助人口', en: 'Needing assistance', unit: person },
  housesCollapsed: { zh: '倒塌房屋', en: 'Houses collapsed', unit: room },
  housesSevere: { zh: '严重损坏房屋', en: 'Houses severely damaged', unit: room },
  housesGeneral: { zh: '一般损坏房屋', en: 'Houses damaged', unit: room },
  cropAffectedHa: { zh: '农作物受灾面积', en: 'Crops affected', unit: ha },
  cropDamagedHa: { zh: '农作物成灾面积', en: 'Crops damaged', unit: ha },
  cropLostHa: { zh: '农作物绝收面积', en: 'Crops lost', unit: ha },
  directLossWanYuan: { zh: '直接经济损失', en: 'Direct loss', unit: { zh: '万元', en: '10k yuan' } },
};
export type DisasterRecipient = 'city' | 'province' | 'ministry';
export type DisasterReportKind = 'initial' | 'followup' | 'daily' | 'verify';
export type FilingKind = 'initial' | 'update' | 'daily' | 'verified';
export type DisasterObligationKind =
  | 'initial'
  | 'followup_change'
  | 'periodic'
  | 'daily'
  | 'township_daily'
  | 'township_verify'
  | 'verify';
