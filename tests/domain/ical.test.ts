import { escapeText, foldLine, toICalendar } from '@shared/domain/ical';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

const octets = (s: string) => new TextEncoder().encode(s).length;
const longSummary = `值班员：张三（${'应急管理局总值班室'.repeat(6)}），带班领导：李四`;
const calendar = () =>
  toICalendar({
    name: '应急值守台 · 张三',
    events: [
      {
        uid: 'shift-17@duty-console',
        start: new Date('2026-03-04T00:30:00Z'),
        end: new Date('2026-03-05T00:30:00Z'),
        summary: longSummary,
        description: '交班：08:30; 地点, 区应急管理局\n第二行 \\ 反斜杠',
        updated: new Date('2026-02-20T09:15:42.123Z'),
      },
      {
        uid: 'shift-18@duty-console',
        start: new Date('2026-03-28T07:30:00Z'),
        end: new Date('2026-03-29T06:30:00Z'),
        summary: '带班领导',
        updated: new Date('2026-02-20T09:15:42Z'),
      },
    ],
  });

describe('toICalendar', () => {
  it('is parsed by ical.js with the right UTC instants and intact Chinese text', () => {
    const vcalendar = new ICAL.Component(ICAL.parse(calendar()));
    expect(vcalendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(vcalendar.getFirstPropertyValue('prodid')).toBe('-//Duty Console//ZH');
    expect(vcalendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(vcalendar.getFirstPropertyValue('x-wr-calname')).toBe('应急值守台 · 张三');
    const events = vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const [first, second] = events as [ICAL.Event, ICAL.Event];
    expect(first.uid).toBe('shift-17@duty-console');
    expect(first.summary).toBe(longSummary);
    expect(first.description).toBe('交班：08:30; 地点, 区应急管理局\n第二行 \\ 反斜杠');
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-03-04T00:30:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-03-05T00:30:00.000Z');
    expect(first.startDate.zone?.tzid).toBe('UTC');
    expect(second.endDate.toJSDate().toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(second.description).toBeNull();
    const stamp = first.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2026-02-20T09:15:42.000Z');
  });

  it('writes CRLF lines of at most 75 octets, folded between characters', () => {
    const text = calendar();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines).toContain('DTSTART:20260304T003000Z');
    expect(lines).toContain('DTEND:20260305T003000Z');
    expect(lines).toContain('DTSTAMP:20260220T091542Z');
    // The long summary really was folded, and unfolding gives it back whole.
    const summaryAt = lines.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(lines[summaryAt + 1]!.startsWith(' ')).toBe(true);
    expect(text.replace(/\r\n /g, '')).toContain(`SUMMARY:${escapeText(longSummary)}\r\n`);
  });
});

describe('foldLine and escapeText', () => {
  it('fills each line up to 75 octets without splitting a 3-octet character', () => {
    // 'SUMMARY:' is 8 octets, so 22 characters (66 octets) fit on the first line (74), not 23 (77).
    const line = `SUMMARY:${'值'.repeat(50)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.map(octets)).toEqual([74, 73, 13]); // 22 + 24 + 4 characters
    expect(folded[1]).toBe(` ${'值'.repeat(24)}`);
    expect(folded.join('').replace(/ /g, '')).toBe(line);
  });

  it('leaves short lines alone and folds ASCII at exactly 75 octets', () => {
    expect(foldLine('UID:1')).toBe('UID:1');
    const folded = foldLine('X'.repeat(150)).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 2]);
  });

  it('keeps a 4-octet character whole', () => {
    const folded = foldLine(`${'a'.repeat(73)}😀b`).split('\r\n');
    expect(folded).toEqual(['a'.repeat(73), ' 😀b']);
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});
