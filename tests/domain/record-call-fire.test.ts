import { gradingInputOf, toIntake } from '@client/features/incidents/components/record-call-values';
import { gradeIncident } from '@shared/domain/grading';
import { describe, expect, it } from 'vitest';

// The record-call form's figures for fires: each category sends its own damaged area (and the
// burned area beside it); a field left over from another category is not sent.
const base = {
  caller: { name: '赵某' },
  occurredAt: '2026-03-28T13:50',
  address: '东岗镇北山草场',
  summary: '草场起火',
  casualties: {},
  source: 'phone' as const,
  burnedAreaHa: 7,
  damagedForestHa: 3,
  damagedGrasslandHa: 5,
};

describe('record-call form figures for fires', () => {
  it('a grassland fire sends the damaged grassland and burned areas, and previews a 火警', () => {
    const body = toIntake({ ...base, category: 'grassland_fire' });
    expect(body).toMatchObject({ category: 'grassland_fire', damagedGrasslandHa: 5, burnedAreaHa: 7 });
    expect(body).not.toHaveProperty('damagedForestHa');
    const preview = gradeIncident(gradingInputOf({ ...base, category: 'grassland_fire' })!);
    expect([preview.grade, preview.basis]).toEqual([null, 'grassland_fire']);
  });

  it('a forest fire sends the damaged forest area; an accident sends no area at all', () => {
    const forest = toIntake({ ...base, category: 'forest_fire' });
    expect(forest).toMatchObject({ damagedForestHa: 3, burnedAreaHa: 7 });
    expect(forest).not.toHaveProperty('damagedGrasslandHa');
    expect(gradeIncident(gradingInputOf({ ...base, category: 'forest_fire' })!).grade).toBe('III');
    const accident = toIntake({ ...base, category: 'industry_trade' });
    for (const field of ['burnedAreaHa', 'damagedForestHa', 'damagedGrasslandHa'])
      expect(accident).not.toHaveProperty(field);
  });
});
