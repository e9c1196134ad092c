export type CsvField = string | number | null;

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Spreadsheets run a cell starting with these as a formula (CSV injection); tab and CR as well (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: formula-looking text is defused with a leading apostrophe, then quoted if needed. */
export function csvField(value: CsvField): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark, so Excel reads Chinese text right. */
export function toCsv(rows: CsvField[][]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}
