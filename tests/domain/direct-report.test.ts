import { NATIONAL_DEFAULT_POLICY } from '@shared/domain/deadline-policy';
import {
  computeStatutoryObligations,
  directReportScope,
  type StatutoryInput,
  statutoryPolicyProblems,
} from '@shared/domain/direct-report';
import { describe, expect, it } from 'vitest';

const BASE: StatutoryInput = {
  category: 'industry_trade',
  drill: false,
  productionRelated: null,
  casualties: {},
  directLossYuan: null,
  occurredAt: '2026-03-10T00:40:00.000Z',
  receivedAt: '2026-03-10T01:00:00.000Z',
  done: {},
};
const P = NATIONAL_DEFAULT_POLICY;

describe('联网直报 scope and obligations', () => {
  it('counts any casualty, or a loss at the threshold; not a loss one yuan below it', () => {
    expect(directReportScope({ ...BASE, directLossYuan: 999_999 }, P)).toBe('below_threshold');
    expect(directReportScope({ ...BASE, directLossYuan: 1_000_000 }, P)).toBe('in_scope');
    expect(directReportScope({ ...BASE, casualties: { minorInjuries: 1 } }, P)).toBe('in_scope');
    expect(directReportScope({ ...BASE, casualties: { trapped: 5, evacuated: 600 } }, P)).toBe(
      'below_threshold',
    );
  });

  it('takes fires and road accidents only in production, other accidents unless recorded not, disasters never', () => {
    const hurt = { ...BASE, casualties: { deaths: 1 } };
    expect(directReportScope({ ...hurt, category: 'fire' }, P)).toBe('not_production');
    expect(directReportScope({ ...hurt, category: 'fire', productionRelated: true }, P)).toBe('in_scope');
    expect(directReportScope({ ...hurt, category: 'road_traffic', productionRelated: false }, P)).toBe(
      'not_production',
    );
    expect(directReportScope({ ...hurt, category: 'urban_gas', productionRelated: false }, P)).toBe(
      'not_production',
    );
    expect(directReportScope({ ...hurt, category: 'flood' }, P)).toBe('not_production');
    expect(directReportScope({ ...hurt, drill: true }, P)).toBe('drill');
    expect(computeStatutoryObligations({ ...hurt, category: 'flood' }, P)).toEqual([]);
  });

  it('judges a record at its deadline on time and one minute after late', () => {
    const fire = { ...BASE, category: 'fire' as const, productionRelated: true, casualties: { deaths: 1 } };
    const onTime = computeStatutoryObligations(
      {
        ...fire,
        done: { direct_notified: '2026-03-11T00:40:00.000Z', direct_entry: '2026-03-11T01:01:00.000Z' },
      },
      P,
    );
    expect(onTime.find((o) => o.key === 'direct_notified')).toMatchObject({
      dueAt: '2026-03-11T00:40:00.000Z',
      late: false,
    });
    expect(onTime.find((o) => o.key === 'direct_entry')).toMatchObject({
      dueAt: '2026-03-11T01:00:00.000Z',
      doneAt: '2026-03-11T01:01:00.000Z',
      late: true,
    });
  });

  it('refuses a policy whose fields cannot be used', () => {
    expect(
      statutoryPolicyProblems({
        ...P,
        directEntry: { within: 'P0D', notifiedWithin: 'P1D', lossThresholdYuan: -1 },
        notifications: { departments: ['公安', ' '], within: 'PT2H' },
      }),
    ).toEqual([
      'directEntry.within: duration "P0D" must be longer than zero',
      'directEntry.lossThresholdYuan: must be zero or more',
      'notifications.departments: " " is not a name',
    ]);
  });
});
