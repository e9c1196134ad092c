import { categoryMatches, pinyinInitials, searchCategories } from '@shared/domain/category-search';
import { CATEGORIES } from '@shared/domain/incident-types';
import { describe, expect, it } from 'vitest';

describe('category search as callers say it', () => {
  it('"爆炸" offers 城镇燃气, 危险化学品 and 工贸', () => {
    expect(searchCategories(CATEGORIES, '爆炸')).toEqual([
      'hazardous_chemicals',
      'urban_gas',
      'industry_trade',
    ]);
  });

  it('"车祸" finds 道路交通, "燃气" 城镇燃气, "山火" 森林草原火灾', () => {
    expect(searchCategories(CATEGORIES, '车祸')).toEqual(['road_traffic']);
    expect(searchCategories(CATEGORIES, '燃气')).toEqual(['urban_gas']);
    expect(searchCategories(CATEGORIES, '山火')).toEqual(['forest_fire']);
  });

  it('pinyin initials work: "dl" → 道路交通, "rq" → 城镇燃气', () => {
    expect(pinyinInitials('道路交通')).toBe('dljt');
    expect(searchCategories(CATEGORIES, 'dl')).toEqual(['road_traffic']);
    expect(searchCategories(CATEGORIES, 'DLJT')).toEqual(['road_traffic']);
    expect(categoryMatches('urban_gas', 'rq')).toBe(true);
    expect(categoryMatches('road_traffic', 'rq')).toBe(false);
  });

  it('an empty search offers everything; nonsense offers nothing', () => {
    expect(searchCategories(CATEGORIES, ' ')).toEqual([...CATEGORIES]);
    expect(searchCategories(CATEGORIES, '咖啡')).toEqual([]);
  });
});
