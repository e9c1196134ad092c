import { csvField, toCsv } from '@shared/domain/csv';
import { describe, expect, it } from 'vitest';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['日期', '值班员'],
        ['2026-03-04', '张三'],
      ]),
    ).toBe('\uFEFF日期,值班员\r\n2026-03-04,张三\r\n');
    expect(new TextEncoder().encode(toCsv([['a']])).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'line1\nline2', 'cr\r', 'plain']])).toBe(
      '\uFEFF"a,b","say ""hi""","line1\nline2","cr\r",plain\r\n',
    );
  });

  it('writes numbers as they are and null as an empty field', () => {
    expect(toCsv([[1, -2.5, 0, null, '']])).toBe('\uFEFF1,-2.5,0,,\r\n');
  });

  it('defuses fields a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","点我")')).toBe('"\'=HYPERLINK(""http://evil"",""点我"")"');
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('leaves plain numbers written as text alone', () => {
    expect(csvField('-5')).toBe('-5');
    expect(csvField('+3.25')).toBe('+3.25');
    expect(csvField('-.5')).toBe('-.5');
    expect(csvField(-7)).toBe('-7');
  });
});
