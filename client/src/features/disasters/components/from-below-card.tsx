import { CameraOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { formatShortInstant } from '@client/lib/time';
import { FIGURE_FIELDS } from '@shared/domain/disasters';
import type { Disaster, Filing } from '@shared/schemas/disasters';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Image, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { disasterPhotosQuery, photoUrl, uploadPhoto } from '../api/reports';
import { type DisasterWordKey, useWords } from '../i18n';
import { formatFigure, useDisasterLabels } from './labels';

function PhotoButton({ disasterId, filingId }: { disasterId: number; filingId: number }) {
  const w = useWords();
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        data-testid={`photo-input-${filingId}`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            await uploadPhoto(disasterId, filingId, file);
            message.success(w('below.photoDone'));
            await client.invalidateQueries({ queryKey: ['disaster', disasterId] });
          } catch (caught) {
            message.error(describeError(t, caught));
          } finally {
            setBusy(false);
          }
        }}
      />
      <Button size="small" icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {w('below.photo')}
      </Button>
    </>
  );
}

function FilingItem({
  disasterId,
  filing,
  photoIds,
}: {
  disasterId: number;
  filing: Filing;
  photoIds: number[];
}) {
  const w = useWords();
  const labels = useDisasterLabels();
  const shown = FIGURE_FIELDS.filter((f) => (filing.figures[f] ?? 0) !== 0);
  return (
    <li data-testid={`below-${filing.id}`} data-unit={filing.unitName}>
      <Space size={4} wrap>
        <Tag color="blue">{filing.unitName}</Tag>
        <Tag>{w(`kind.${filing.kind}` as DisasterWordKey)}</Tag>
        <Typography.Text type="secondary">
          {w('below.by', { name: filing.filedByName, time: formatShortInstant(filing.filedAt) })}
        </Typography.Text>
        {filing.nothingNew && <Tag color="success">{w('below.nothingNew')}</Tag>}
      </Space>
      {!filing.nothingNew && shown.length > 0 && (
        <div className="dis-below-figures">
          {shown.map((f) => (
            <span key={f}>
              {labels.figure(f)} <b>{formatFigure(filing.figures[f])}</b>
            </span>
          ))}
        </div>
      )}
      {filing.note && <Typography.Paragraph className="dis-note">{filing.note}</Typography.Paragraph>}
      <Space size={6} wrap className="dis-photos">
        {photoIds.map((p) => (
          <Image
            key={p}
            src={photoUrl(p)}
            width={96}
            height={72}
            style={{ objectFit: 'cover' }}
            data-testid={`below-photo-${p}`}
          />
        ))}
        <PhotoButton disasterId={disasterId} filingId={filing.id} />
      </Space>
    </li>
  );
}

/** 基层报送: the community informants' filings, newest first, with their photos. */
export function FromBelowCard({ disaster }: { disaster: Disaster }) {
  const w = useWords();
  const list = [...disaster.fromBelow].sort((a, b) => Date.parse(b.filedAt) - Date.parse(a.filedAt));
  // A filing's photos: those it names and those attached to it since (the photo list is live too).
  const photos = useQuery({ ...disasterPhotosQuery(disaster.id), enabled: list.length > 0 });
  const photosOf = (f: Filing) => {
    const ids = new Set(f.photoIds);
    for (const p of photos.data ?? []) if (p.filingId === f.id) ids.add(p.id);
    return [...ids].sort((a, b) => a - b);
  };
  return (
    <Card size="small" title={w('below.title')} className="dis-card" data-testid="below-card">
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w('below.empty')} />
      ) : (
        <ul className="dis-list">
          {list.map((f) => (
            <FilingItem key={f.id} disasterId={disaster.id} filing={f} photoIds={photosOf(f)} />
          ))}
        </ul>
      )}
    </Card>
  );
}
