import { describe, expect, it } from 'vitest';
import { utcOffsetLabel, zoneName } from '../../shared/domain/zone-name';

const MARCH = Date.parse('2026-03-05T00:00:00Z');

describe('the zone as people say it', () => {
  it('says 北京时间 / Beijing Time for China, never the IANA id', () => {
    expect(zoneName('Asia/Shanghai', 'zh', MARCH)).toBe('北京时间');
    expect(zoneName('Asia/Shanghai', 'en', MARCH)).toBe('Beijing Time');
    expect(zoneName('Asia/Urumqi', 'zh', MARCH)).toBe('北京时间');
  });

  it('gives another zone its own name in the language, or a UTC offset when it has none', () => {
    expect(zoneName('Asia/Tokyo', 'zh', MARCH)).toBe('日本标准时间');
    expect(zoneName('Asia/Tokyo', 'en', MARCH)).toBe('Japan Standard Time');
    expect(zoneName('Etc/GMT-5', 'zh', MARCH)).toBe('UTC+5');
    expect(zoneName('Etc/GMT+3', 'en', MARCH)).toBe('UTC-3');
    expect(zoneName('UTC', 'zh', MARCH)).toBe('UTC');
    expect(utcOffsetLabel('Asia/Kolkata', MARCH)).toBe('UTC+5:30');
  });
});
