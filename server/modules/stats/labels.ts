/** Chinese headings for the CSV exports, the same words the console uses. */
export const STAGE_NAMES: Record<string, string> = {
  received: '已接报',
  verified: '已核实',
  reported: '已报告',
  handling: '处置中',
  closed: '已结案',
};

export const SOURCE_NAMES: Record<string, string> = {
  phone: '电话',
  api: '系统接入',
  walk_in: '来访',
  monitoring: '监测预警',
  tip_off: '举报',
  media: '媒体',
};

export const KIND_NAMES: Record<string, string> = {
  initial_phone: '首报(电话)',
  initial_written: '首报(书面)',
  followup_daily: '续报(每日)',
  followup_change: '补报(伤亡变化)',
  final: '终报',
  direct_entry: '直报录入',
};
