/**
 * The handover's wall-clock minutes ('MM-dd HH:mm'): a draft writes thousands, so stored instants are
 * looked up by their UTC minute. The offset still comes from the zone at each instant: across the
 * DST changes of Europe/Berlin the same UTC minute text gives another wall clock than in winter,
 * and one zone's answer is never another's.
 */
import { describe, expect, it } from 'vitest';
import { localTime } from '../../shared/domain/handover-lines';
import { wallMinute } from '../../shared/domain/handover-time';

describe('wallMinute', () => {
  it('follows Europe/Berlin across the spring change (CET +01:00 → CEST +02:00 at 01:00 UTC)', () => {
    expect(wallMinute('2026-03-29T00:59:59.999Z', 'Europe/Berlin')).toBe('03-29 01:59');
    expect(wallMinute('2026-03-29T01:00:00.000Z', 'Europe/Berlin')).toBe('03-29 03:00');
    expect(wallMinute('2026-03-29T01:00:30.000Z', 'Europe/Berlin')).toBe('03-29 03:00');
  });

  it('writes the repeated autumn hour twice (CEST +02:00 → CET +01:00 at 01:00 UTC)', () => {
    expect(wallMinute('2026-10-25T00:30:00.000Z', 'Europe/Berlin')).toBe('10-25 02:30');
    expect(wallMinute('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('10-25 02:30');
    expect(wallMinute('2026-10-25T02:30:00.000Z', 'Europe/Berlin')).toBe('10-25 03:30');
  });

  it('answers each zone for itself when the same instants are asked in turn', () => {
    for (let i = 0; i < 2; i++) {
      expect(wallMinute('2026-07-01T22:15:10.000Z', 'Asia/Shanghai')).toBe('07-02 06:15');
      expect(wallMinute('2026-07-01T22:15:10.000Z', 'Europe/Berlin')).toBe('07-02 00:15');
      expect(wallMinute('2026-07-01T22:15:10.000Z', 'America/New_York')).toBe('07-01 18:15');
      expect(wallMinute('2026-01-01T22:15:10.000Z', 'America/New_York')).toBe('01-01 17:15');
    }
  });

  it('reads instants written with an offset, and nothing it cannot read', () => {
    expect(wallMinute('2026-03-10T08:30:00+08:00', 'Asia/Shanghai')).toBe('03-10 08:30');
    expect(wallMinute('2026-03-10T00:30:00Z', 'Europe/Berlin')).toBe('03-10 01:30');
    // A valid minute with impossible seconds is no instant, even after its minute was looked up.
    expect(wallMinute('2026-03-10T00:30:00.000Z', 'Asia/Shanghai')).toBe('03-10 08:30');
    expect(wallMinute('2026-03-10T00:30:60.000Z', 'Asia/Shanghai')).toBeNull();
    expect(wallMinute('2026-03-10T00:30:0x.000Z', 'Asia/Shanghai')).toBeNull();
    expect(wallMinute('2026-13-10T00:30:00.000Z', 'Asia/Shanghai')).toBeNull();
    expect(wallMinute('2026-03-10T00:30:00.000', 'Asia/Shanghai')).toBeNull();
  });

  it('is what the draft lines show', () => {
    expect(localTime('2026-03-29T01:00:00.000Z', 'Europe/Berlin')).toBe('03-29 03:00');
    expect(localTime('2026-03-29T01:00:00.000Z', 'Europe/Berlin', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-03-29 03:00',
    );
  });
});
