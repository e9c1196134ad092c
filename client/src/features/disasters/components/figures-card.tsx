import { DownloadOutlined } from '@ant-design/icons';
import { FormModal } from '@client/components/form-modal';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { bureauToday, formatShortInstant } from '@client/lib/time';
import { type DisasterFigures, FIGURE_FIELDS, type FilingKind } from '@shared/domain/disasters';
import type { Disaster, TownshipFigures } from '@shared/schemas/disasters';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fileFigures } from '../api/disasters';
import { figuresCsvUrl, uploadPhoto } from '../api/reports';
import { type DisasterWordKey, useWords } from '../i18n';
import { formatFigure, useDisasterLabels } from './labels';

const KINDS: FilingKind[] = ['initial', 'update', 'daily', 'verified'];

type Values = Partial<DisasterFigures> & { kind: FilingKind; forDate?: string; note?: string };

/** 填报: a township's cumulative figures (the district files on its behalf), with a photo. */
function FileFiguresModal({
  disaster,
  row,
  district,
  onClose,
}: {
  disaster: Disaster;
  row: TownshipFigures | null;
  district: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const labels = useDisasterLabels();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [photo, setPhoto] = useState<File | null>(null);
  if (!row) return null;
  const filedBefore = row.filed;
  return (
    <FormModal<Values>
      open
      title={w('file.title', { unit: row.name })}
      okText={w('file.ok')}
      onClose={() => {
        setPhoto(null);
        onClose();
      }}
      form={form}
      name="filing"
      width={720}
      keepOnMaskClick
      submitId="filing-submit"
      testId="filing-modal"
      intro={
        <Typography.Paragraph type="secondary">
          {w('file.cumulative')}
          {district ? ` ${w('file.onBehalfHint')}` : ''}
        </Typography.Paragraph>
      }
      initialValues={{ ...row.figures, kind: filedBefore ? 'update' : 'initial', forDate: bureauToday() }}
      submit={async (v) => {
        const figures: Partial<DisasterFigures> = {};
        for (const f of FIGURE_FIELDS) figures[f] = Number(v[f] ?? 0);
        const filing = await fileFigures(disaster.id, {
          unitId: row.unitId,
          kind: v.kind,
          forDate: v.kind === 'daily' ? v.forDate : undefined,
          figures,
          note: v.note?.trim() || undefined,
        });
        if (photo) await uploadPhoto(disaster.id, filing.id, photo);
        setPhoto(null);
        message.success(w('file.done'));
        await client.invalidateQueries({ queryKey: ['disaster', disaster.id] });
      }}
    >
      <div className="dis-form-row">
        <Form.Item name="kind" label={w('file.kind')}>
          <Radio.Group
            optionType="button"
            options={KINDS.map((k) => ({ value: k, label: w(`kind.${k}` as DisasterWordKey) }))}
          />
        </Form.Item>
        {kind === 'daily' && (
          <Form.Item name="forDate" label={w('file.forDate')}>
            <Input type="date" />
          </Form.Item>
        )}
      </div>
      <div className="dis-figure-grid">
        {FIGURE_FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={labels.figureWithUnit(f)} rules={[{ type: 'number', min: 0 }]}>
            <InputNumber
              min={0}
              precision={f.endsWith('Ha') || f === 'directLossWanYuan' ? 2 : 0}
              style={{ width: '100%' }}
              inputMode="decimal"
              data-testid={`figure-${f}`}
            />
          </Form.Item>
        ))}
      </div>
      <Form.Item name="note" label={w('file.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item label={w('file.photo')}>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          data-testid="filing-photo"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 无新增: the day's filing in one tap, carrying the last figures over. */
function NothingNewButton({ disaster, row }: { disaster: Disaster; row: TownshipFigures }) {
  const w = useWords();
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="small"
      loading={busy}
      data-testid={`nothing-new-${row.unitId}`}
      onClick={async () => {
        setBusy(true);
        try {
          await fileFigures(disaster.id, { unitId: row.unitId, kind: 'daily', nothingNew: true });
          message.success(w('file.nothingNewDone'));
          await client.invalidateQueries({ queryKey: ['disaster', disaster.id] });
        } catch (caught) {
          message.error(describeError(t, caught));
        } finally {
          setBusy(false);
        }
      }}
    >
      {w('file.nothingNew')}
    </Button>
  );
}

/** 分乡镇灾情: the 快报表 columns, one row per township (a township sees its own), 合计 for the district. */
export function FiguresCard({
  disaster,
  district,
  mayFile: mayFileAny,
  unitId,
}: {
  disaster: Disaster;
  district: boolean;
  mayFile: boolean;
  /** The signed-in person's unit: a township files its own row only (a community files on its own page). */
  unitId: number;
}) {
  const w = useWords();
  const labels = useDisasterLabels();
  const [filing, setFiling] = useState<TownshipFigures | null>(null);
  const open = disaster.state !== 'closed';
  const rows = disaster.townships;
  const mayFileRow = (r: TownshipFigures) => mayFileAny && (district || r.unitId === unitId);
  const mayFile = rows.some(mayFileRow);
  return (
    <Card
      size="small"
      title={w('fig.title')}
      className="dis-card"
      data-testid="figures-card"
      extra={
        <Space wrap>
          {!district && open && rows[0] && mayFileRow(rows[0]) && (
            <Button type="primary" size="small" onClick={() => setFiling(rows[0]!)} data-testid="file-own">
              {w('fig.fileOwn')}
            </Button>
          )}
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={figuresCsvUrl(disaster.id)}
            data-testid="figures-csv"
          >
            {w('fig.csv')}
          </Button>
        </Space>
      }
    >
      <div className="dis-scroll">
        <Table<TownshipFigures>
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          onRow={(r) =>
            ({
              'data-testid': `township-row-${r.unitId}`,
              'data-unit': r.name,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'unit',
              title: w('fig.unit'),
              fixed: 'left',
              render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text>,
            },
            ...FIGURE_FIELDS.map((f) => ({
              key: f,
              title: labels.figureWithUnit(f),
              align: 'right' as const,
              onCell: () => ({ 'data-field': f }) as React.HTMLAttributes<HTMLElement>,
              render: (_: unknown, r: TownshipFigures) => formatFigure(r.figures[f]),
            })),
            {
              key: 'filed',
              title: w('fig.filed'),
              render: (_, r) =>
                r.filed ? (
                  <Space size={4} wrap data-testid={`township-filed-${r.unitId}`}>
                    <span>
                      {w('fig.byWhen', {
                        name: r.lastFiledBy ?? '',
                        time: formatShortInstant(r.lastFiledAt),
                      })}
                    </span>
                    {r.onBehalf && <Tag color="purple">{w('fig.onBehalf')}</Tag>}
                  </Space>
                ) : (
                  <Tag color="warning">{w('fig.notFiled')}</Tag>
                ),
            },
            ...(mayFile && open
              ? [
                  {
                    key: 'act',
                    title: '',
                    render: (_: unknown, r: TownshipFigures) =>
                      mayFileRow(r) && (
                        <Space size={4}>
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setFiling(r)}
                            data-testid={`file-${r.unitId}`}
                          >
                            {w('fig.file')}
                          </Button>
                          {r.filed && <NothingNewButton disaster={disaster} row={r} />}
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
          summary={
            district
              ? () => (
                  <Table.Summary>
                    <Table.Summary.Row data-testid="figures-total">
                      <Table.Summary.Cell index={0}>
                        <Typography.Text strong>{w('fig.total')}</Typography.Text>
                      </Table.Summary.Cell>
                      {FIGURE_FIELDS.map((f, i) => (
                        <Table.Summary.Cell key={f} index={i + 1} align="right">
                          <span data-field={f}>
                            <Typography.Text strong>{formatFigure(disaster.totals[f])}</Typography.Text>
                          </span>
                        </Table.Summary.Cell>
                      ))}
                      <Table.Summary.Cell
                        index={FIGURE_FIELDS.length + 1}
                        colSpan={mayFile && open ? 2 : 1}
                      />
                    </Table.Summary.Row>
                  </Table.Summary>
                )
              : undefined
          }
        />
      </div>
      {filing && (
        <FileFiguresModal
          disaster={disaster}
          row={filing}
          district={district}
          onClose={() => setFiling(null)}
        />
      )}
    </Card>
  );
}
