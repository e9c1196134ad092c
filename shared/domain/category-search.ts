import type { CategoryCode } from './incident-types';
import { categoryName } from './report-text';

/**
 * The words a caller uses for each category (as data): "爆炸" may be gas, chemicals or a plant,
 * "车祸" is a road accident. Searched with the category's own name and the pinyin initials of both.
 */
export const CATEGORY_KEYWORDS: Record<CategoryCode, readonly string[]> = {
  hazardous_chemicals: ['爆炸', '泄漏', '化工', '化学品', '危化品', '中毒', '槽罐车', '储罐', '毒气', '有毒'],
  road_traffic: ['车祸', '交通事故', '撞车', '追尾', '翻车', '侧翻', '碰撞', '撞人', '客车', '货车'],
  construction: ['工地', '施工', '坍塌', '塔吊', '脚手架', '基坑', '高处坠落', '建筑'],
  urban_gas: ['燃气', '煤气', '天然气', '液化气', '液化石油气', '爆炸', '爆燃', '漏气', '燃气泄漏', '气瓶'],
  fire: ['火灾', '着火', '起火', '失火', '冒烟', '火情'],
  industry_trade: ['工厂', '企业', '爆炸', '机械伤害', '粉尘', '有限空间', '窒息', '车间', '触电', '厂房'],
  special_equipment: ['电梯', '锅炉', '压力容器', '起重机', '困梯', '游乐设施', '叉车'],
  other_accident: ['事故', '其他'],
  flood: ['洪水', '内涝', '暴雨', '积水', '决堤', '溃坝', '山洪', '淹水'],
  drought: ['旱情', '缺水', '干旱'],
  meteorological: ['台风', '大风', '冰雹', '暴雪', '雷电', '寒潮', '高温', '龙卷风'],
  earthquake: ['地震', '震感'],
  geological: ['滑坡', '泥石流', '塌方', '崩塌', '地面塌陷', '山体'],
  forest_fire: ['山火', '森林火灾', '烧山', '林火'],
  grassland_fire: ['草原火灾', '草场着火', '草原火', '荒火'],
  public_health: ['疫情', '传染病', '食物中毒', '集体中毒', '发热'],
  social_security: ['群体性事件', '聚集', '治安', '恐怖', '斗殴', '踩踏'],
};

/**
 * Pinyin initials of the characters the category names and keywords use (a small table, no package):
 * "dl" finds 道路交通, "rq" 燃气. Characters missing here simply have no initial.
 */
const INITIALS: Record<string, string> = Object.fromEntries(
  Object.entries({
    a: '',
    b: '爆暴崩冰波报',
    c: '车城查触储槽厂场冲崩尘池草',
    d: '道地雷电毒斗定堤动大灯',
    e: '',
    f: '防风发粉放',
    g: '工贸罐锅高广贡故共',
    h: '化火货化洪害灰',
    j: '交建机积集局疾决警脚架基',
    k: '空客困卡',
    l: '路漏雷龙力离流林粮楼冷',
    m: '煤冒民',
    n: '内',
    p: '爆喷',
    q: '气其起企轻全器群情',
    r: '燃人',
    s: '施石设失水山社素森事伤生',
    t: '通体坍塌天台特毒突',
    w: '危位物违卫雾',
    x: '险泄学限息',
    y: '液压原游有疫烟原',
    z: '震灾中种窒治撞着重灾',
  }).flatMap(([letter, chars]) => [...chars].map((ch) => [ch, letter])),
);
// Characters read differently from the table above where it matters most.
Object.assign(INITIALS, { 爆: 'b', 毒: 'd', 灾: 'z', 中: 'z', 重: 'z', 雷: 'l', 崩: 'b' });

/** 道路交通 → 'dljt'; characters without an entry are left out. */
export function pinyinInitials(text: string): string {
  return [...text].map((ch) => INITIALS[ch] ?? (/[a-z0-9]/iu.test(ch) ? ch.toLowerCase() : '')).join('');
}

const haystacks = new Map<CategoryCode, { words: string[]; initials: string[] }>();
function haystack(code: CategoryCode) {
  let h = haystacks.get(code);
  if (!h) {
    const words = [categoryName(code), ...CATEGORY_KEYWORDS[code]];
    h = { words, initials: words.map(pinyinInitials) };
    haystacks.set(code, h);
  }
  return h;
}

/** Whether a search as typed (Chinese words, pinyin initials, or the code) finds the category. */
export function categoryMatches(code: CategoryCode, input: string): boolean {
  const needle = input.trim().toLowerCase();
  if (needle === '') return true;
  const h = haystack(code);
  if (h.words.some((w) => w.includes(needle) || (needle.length >= 2 && needle.includes(w)))) return true;
  if (/^[a-z]+$/u.test(needle)) {
    return code.includes(needle) || h.initials.some((i) => i.startsWith(needle));
  }
  return false;
}

/** The categories a search finds, in the order of CATEGORIES. */
export function searchCategories(codes: readonly CategoryCode[], input: string): CategoryCode[] {
  return codes.filter((c) => categoryMatches(c, input));
}
