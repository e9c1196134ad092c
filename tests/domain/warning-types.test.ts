import { levelAllowed, WARNING_TYPE_CODES, WARNING_TYPES, warningLabel } from '@shared/domain/warning-types';
import { describe, expect, it } from 'vitest';

describe('warning types and colours (中国气象局令第16号, plus 森林火险 and 地质灾害气象风险)', () => {
  it('lists the 14 meteorological signals and the two others, each with the colours it takes', () => {
    expect(WARNING_TYPE_CODES).toHaveLength(16);
    const colours = Object.fromEntries(
      Object.values(WARNING_TYPES).map((t) => [t.zh, [...t.levels].join(',')]),
    );
    expect(colours).toEqual({
      台风: 'blue,yellow,orange,red',
      暴雨: 'blue,yellow,orange,red',
      暴雪: 'blue,yellow,orange,red',
      寒潮: 'blue,yellow,orange,red',
      大风: 'blue,yellow,orange,red',
      沙尘暴: 'yellow,orange,red',
      高温: 'yellow,orange,red',
      干旱: 'orange,red',
      雷电: 'yellow,orange,red',
      冰雹: 'orange,red',
      霜冻: 'blue,yellow,orange',
      大雾: 'yellow,orange,red',
      霾: 'yellow,orange',
      道路结冰: 'yellow,orange,red',
      森林火险: 'blue,yellow,orange,red',
      地质灾害气象风险: 'blue,yellow,orange,red',
    });
    expect(levelAllowed('heat', 'blue')).toBe(false);
    expect(levelAllowed('rainstorm', 'blue')).toBe(true);
    expect(warningLabel('rainstorm', 'orange')).toBe('暴雨橙色预警');
  });
});
