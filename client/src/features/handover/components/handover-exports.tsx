import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { downloadHandover, type HandoverFormat } from '../api/download-handover';
import { useWords } from '../i18n';
import { describeHandoverError } from './handover-errors';

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Print view, Markdown and PDF (rendered by the server, with its Chinese font). */
export function HandoverExports({ id }: { id: number }) {
  const t = useWords();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<HandoverFormat | null>(null);

  async function download(format: HandoverFormat) {
    setBusy(format);
    try {
      const file = await downloadHandover(id, format);
      save(file.blob, file.filename);
    } catch (caught) {
      message.error({ content: describeHandoverError(t, caught), duration: 8 });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space wrap>
      <Button
        icon={<PrinterOutlined />}
        href={`/handover/${id}/print`}
        target="_blank"
        data-testid="print-handover"
      >
        {t('handover.export.print')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'md'}
        onClick={() => download('md')}
        data-testid="download-md"
      >
        {t('handover.export.md')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        loading={busy === 'pdf'}
        onClick={() => download('pdf')}
        data-testid="download-pdf"
      >
        {t('handover.export.pdf')}
      </Button>
    </Space>
  );
}
