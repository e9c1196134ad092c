import { figuresChanged, lateDiscoveryFlag } from '@shared/domain/incident-flags';
import { describe, expect, it } from 'vitest';

const occurredAt = '2026-03-05T02:40:00+08:00';

describe('lateDiscoveryFlag', () => {
  it('does not flag a tip-off exactly one hour after it happened', () => {
    expect(
      lateDiscoveryFlag({ source: 'tip_off', occurredAt, receivedAt: '2026-03-05T03:40:00+08:00' }),
    ).toEqual({
      flagged: false,
      reason: null,
    });
  });

  it('flags a tip-off or media report one second past the hour as suspected, to be checked', () => {
    for (const source of ['tip_off', 'media'] as const) {
      expect(lateDiscoveryFlag({ source, occurredAt, receivedAt: '2026-03-04T19:40:01Z' })).toEqual({
        flagged: true,
        reason: '举报/媒体获知，距事发超过 1 小时，疑似迟报或瞒报，待核查',
      });
    }
  });

  it('never flags reports through the normal channels, however late', () => {
    for (const source of ['phone', 'api', 'walk_in', 'monitoring'] as const) {
      expect(lateDiscoveryFlag({ source, occurredAt, receivedAt: '2026-03-06T02:40:00+08:00' }).flagged).toBe(
        false,
      );
    }
  });
});

describe('figuresChanged', () => {
  it('treats a missing figure as 0', () => {
    expect(figuresChanged({ deaths: 1 }, { deaths: 1, missing: 0 })).toEqual([]);
  });

  it('names the figures that differ, in report order', () => {
    expect(
      figuresChanged({ evacuated: 10, deaths: 1 }, { deaths: 2, poisoned: 1, evacuated: 10, trapped: 0 }),
    ).toEqual(['deaths', 'poisoned']);
  });
});
