import { CATEGORIES } from '@shared/domain/incident-types';
import { categoryName, chineseNumeral, reportTitle } from '@shared/domain/report-text';
import { describe, expect, it } from 'vitest';

describe('report titles', () => {
  it('numbers 续报 among follow-ups in Chinese', () => {
    expect(reportTitle(1, 'initial', 0)).toBe('首报');
    expect(reportTitle(2, 'followup', 0)).toBe('续报一');
    expect(reportTitle(3, 'followup', 1)).toBe('续报二');
    expect(reportTitle(12, 'followup', 10)).toBe('续报十一');
    expect(reportTitle(22, 'followup', 19)).toBe('续报二十');
    expect(reportTitle(100, 'followup', 98)).toBe('续报九十九');
    expect(reportTitle(101, 'final', 99)).toBe('终报');
  });

  it('writes Chinese numerals with 零 for inner gaps', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110, 1005, 1010].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '一千零五',
      '一千零一十',
    ]);
    expect(() => chineseNumeral(0)).toThrow();
  });
});

describe('categoryName', () => {
  it('names all 16 categories', () => {
    expect(CATEGORIES.map(categoryName)).toEqual([
      '危险化学品',
      '道路交通',
      '建设施工',
      '城镇燃气',
      '火灾',
      '工贸',
      '特种设备',
      '其他事故',
      '洪涝',
      '干旱',
      '气象',
      '地震',
      '地质',
      '森林火灾',
      '草原火灾',
      '公共卫生事件',
      '社会安全事件',
    ]);
  });
});

// The drafts themselves: tests/domain/report-drafts.test.ts (REPORT-STYLE.md).
