import { PrintPage } from '@client/components/print-page';
import { useLang } from '@client/lib/i18n';
import { formatMinute } from '@client/lib/time';
import { type HandoverBlock, handoverBlocks } from '@shared/domain/handover-markdown';
import { useParams } from 'react-router-dom';
import { describeHandoverError } from './handover-errors';
import { useHandover } from './use-handover-data';
import './handover-print.css';
import { useWords } from '../i18n';

const PAGE_RULE = '@page { size: A4 portrait; margin: 12mm 14mm 10mm; }';

type Row = { heading: string; lines: string[] };
type Signatures = Extract<HandoverBlock, { kind: 'signatures' }>;

/** The blocks the Markdown and the PDF are made of, laid out as the paper form. */
function layout(blocks: HandoverBlock[]) {
  let title = '';
  let meta: string[] = [];
  let signatures: Signatures | null = null;
  const rows: Row[] = [];
  const after: Row[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') title = b.text;
    else if (b.kind === 'meta') meta = b.lines;
    else if (b.kind === 'heading') (signatures ? after : rows).push({ heading: b.text, lines: [] });
    else if (b.kind === 'lines') (signatures ? after : rows).at(-1)?.lines.push(...b.lines);
    else signatures = b;
  }
  // The signatures block has its own layout; its heading row is not a row of the form.
  if (signatures) rows.pop();
  return { title, meta, rows, signatures, after };
}

/**
 * 交接班记录 on one A4 portrait sheet, outside the console's chrome, with a signatures block. The
 * form's labels follow the console's language; the record's own text stays as it was written.
 */
export function HandoverPrintPage() {
  const t = useWords();
  const lang = useLang();
  const id = Number(useParams().id);
  const { data: h, error } = useHandover(Number.isInteger(id) && id > 0 ? id : 0);
  const sheet = h ? layout(handoverBlocks(h, lang)) : null;

  return (
    <PrintPage
      testId="handover-print"
      className="ho-print"
      pageRule={PAGE_RULE}
      back={{ href: `/handover/${id}`, label: t('handover.print.back') }}
      printLabel={t('handover.print.now')}
      error={error}
      describe={describeHandoverError}
      bare
      ready={Boolean(h && sheet)}
    >
      {h && sheet && (
        <div className="print-page-sheet ho-sheet">
          <h1>{sheet.title}</h1>
          <div className="ho-sheet-meta">
            {sheet.meta.map((line) => (
              <span key={line}>{line}</span>
            ))}
            <span>{t('handover.print.printedAt', { time: formatMinute(new Date().toISOString()) })}</span>
          </div>
          <table className="ho-sheet-table">
            <colgroup>
              <col style={{ width: '17%' }} />
              <col />
            </colgroup>
            <tbody>
              {sheet.rows.map((row) => (
                <tr key={row.heading}>
                  <th>{row.heading}</th>
                  <td>
                    {row.lines.map((line, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text
                      <div key={i}>{line || '\u00a0'}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {sheet.signatures && (
            <table className="ho-sheet-sign" data-testid="print-signatures">
              <colgroup>
                <col style={{ width: '17%' }} />
                <col style={{ width: '19%' }} />
                <col style={{ width: '8%' }} />
                <col style={{ width: '22%' }} />
                <col style={{ width: '8%' }} />
                <col />
              </colgroup>
              <tbody>
                {sheet.signatures.rows.map((r) => (
                  <tr key={r.role}>
                    <th>{r.role}</th>
                    <td className="ho-sheet-sign-name">{r.name}</td>
                    <th>{t('handover.print.time')}</th>
                    <td className="ho-sheet-sign-at">{r.at}</td>
                    <th>{t('handover.print.sign')}</th>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {sheet.after.map((row) => (
            <div key={row.heading} className="ho-sheet-after">
              <div className="ho-sheet-after-title">{row.heading}</div>
              {row.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text
                <div key={i}>{line}</div>
              ))}
            </div>
          ))}
        </div>
      )}
    </PrintPage>
  );
}
