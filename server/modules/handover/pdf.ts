import { existsSync } from 'node:fs';
import { handoverBlocks } from '@shared/domain/handover-markdown';
import type { Handover } from '@shared/schemas/handover';
import { DutyError } from '../../errors';

interface CjkFont {
  path: string;
  /** The face inside a TrueType collection. */
  family: string;
  bold?: { path: string; family: string };
}

/** Debian's fonts-noto-cjk first, then where other distributions put the same collection. */
const CANDIDATES: CjkFont[] = [
  {
    path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    family: 'NotoSansCJKsc-Regular',
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
  },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

export function findCjkFont(candidates: CjkFont[] = CANDIDATES): CjkFont | null {
  const found = candidates.find((c) => existsSync(c.path));
  if (!found) return null;
  return found.bold && !existsSync(found.bold.path) ? { path: found.path, family: found.family } : found;
}

/** A4, the same content as the Markdown, Chinese set in Noto Sans CJK SC (embedded as a subset). */
export function handoverPdf(h: Handover, font = findCjkFont()): Promise<Buffer> {
  if (!font)
    throw new DutyError(
      'DUTY_ERR_FONT_MISSING',
      'PDF export needs a Chinese (CJK) font on the server: install the Debian package fonts-noto-cjk',
    );
  return render(h, font);
}

async function render(h: Handover, font: CjkFont): Promise<Buffer> {
  // pdfkit with its fonts is some 15 MB resident: loaded at the first export, not at every start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    info: { Title: `交接班记录 ${h.shift.dutyDate}`, Author: h.submittedByName, Subject: `handover ${h.id}` },
  });
  doc.registerFont('body', font.path, font.family);
  doc.registerFont('bold', font.bold?.path ?? font.path, font.bold?.family ?? font.family);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  for (const b of handoverBlocks(h)) {
    if (b.kind === 'title') doc.font('bold').fontSize(17).text(b.text, { align: 'center' }).moveDown(0.5);
    else if (b.kind === 'meta') {
      doc.font('body').fontSize(9).fillColor('#333333');
      for (const l of b.lines) doc.text(l);
      const y = doc.y + 4;
      doc
        .moveTo(doc.page.margins.left, y)
        .lineTo(doc.page.margins.left + width, y)
        .lineWidth(0.5)
        .stroke();
      doc.fillColor('black').moveDown(0.6);
    } else if (b.kind === 'heading') {
      // A heading never ends a page alone.
      if (doc.y + 40 > bottom()) doc.addPage();
      doc.font('bold').fontSize(11).text(b.text).moveDown(0.1);
    } else if (b.kind === 'lines') {
      doc.font('body').fontSize(9.5);
      for (const l of b.lines) doc.text(l, { width, lineGap: 1 });
      doc.moveDown(0.35);
    } else {
      if (doc.y + 60 > bottom()) doc.addPage();
      doc.font('body').fontSize(10.5);
      for (const r of b.rows)
        doc.text(`${r.role}（签字）：${r.name}　　时间：${r.at || '____________'}`).moveDown(0.3);
      doc.moveDown(0.2);
    }
  }
  doc.end();
  return done;
}
