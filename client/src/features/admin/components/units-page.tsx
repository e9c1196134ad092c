import { ImportOutlined } from '@ant-design/icons';
import { TablePage } from '@client/components/table-page';
import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import type { ImportLineError, UnitKind, UnitListItem } from '@shared/schemas/units';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { importUnits, updateUnit } from '../api/change-units';
import { unitsQuery } from '../api/list-units';
import { type AnyKey, useWords } from '../i18n';

const KIND_LABEL: Record<UnitKind, AnyKey> = {
  district: 'units.kind.district',
  township: 'units.kind.township',
  dev_zone: 'units.kind.dev_zone',
  street: 'units.kind.street',
  community: 'units.kind.community',
  village: 'units.kind.village',
};

type Row = UnitListItem & { key: number; children?: Row[] };

/** The flat list (in path order) as a tree for the table: each unit under its parent. */
function toTree(items: UnitListItem[]): Row[] {
  const rows = new Map<number, Row>(items.map((i) => [i.unit.id, { ...i, key: i.unit.id }]));
  const roots: Row[] = [];
  for (const row of rows.values()) {
    const parent = row.unit.parentId === null ? undefined : rows.get(row.unit.parentId);
    if (!parent) roots.push(row);
    else if (parent.children) parent.children.push(row);
    else parent.children = [row];
  }
  return roots;
}

/** 单位管理: the duty network's tree, communities without both informants flagged, CSV import. */
export function UnitsPage() {
  const t = useWords();
  const { message } = App.useApp();
  const { data: units = [], isFetching, error, refetch } = useQuery(unitsQuery());
  const reload = () => void refetch();
  const tree = useMemo(() => toTree(units), [units]);
  const flagged = units.filter((u) => u.missingInformants).length;
  const [importing, setImporting] = useState(false);
  const [csv, setCsv] = useState('');
  const [lineErrors, setLineErrors] = useState<ImportLineError[]>([]);
  const [busy, setBusy] = useState(false);
  // Every unit open unless closed by hand: the tree arrives after the first render.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const expanded = units.map((u) => u.unit.id).filter((id) => !collapsed.has(id));

  async function runImport() {
    setBusy(true);
    setLineErrors([]);
    try {
      const { units: made } = await importUnits(csv);
      message.success(t('units.imported', { count: made.length }));
      setImporting(false);
      setCsv('');
      reload();
    } catch (caught) {
      const lines =
        caught instanceof ApiError ? (caught.body as { lines?: ImportLineError[] })?.lines : undefined;
      if (lines) setLineErrors(lines);
      else message.error(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  async function toggle(item: UnitListItem) {
    try {
      await updateUnit(item.unit.id, { enabled: !item.unit.enabled });
      reload();
    } catch (caught) {
      message.error(describeError(t, caught));
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: t('units.name'), key: 'name', render: (_: unknown, r) => r.unit.name },
    { title: t('units.code'), key: 'code', width: 130, render: (_: unknown, r) => r.unit.code },
    {
      title: t('units.kind'),
      key: 'kind',
      width: 110,
      render: (_: unknown, r) => t(KIND_LABEL[r.unit.kind]),
    },
    { title: t('units.people'), dataIndex: 'people', width: 80 },
    {
      title: t('units.informants'),
      key: 'informants',
      render: (_: unknown, r) =>
        r.informants === null ? null : (
          <span data-testid={`unit-informants-${r.unit.code}`}>
            {t('units.informantA')}：{r.informants.a.join('、') || '—'}　{t('units.informantB')}：
            {r.informants.b.join('、') || '—'}{' '}
            {r.missingInformants ? <Tag color="error">{t('units.missingInformants')}</Tag> : null}
          </span>
        ),
    },
    {
      title: t('units.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, r) =>
        r.unit.parentId === null ? null : (
          <Button
            size="small"
            type="link"
            onClick={() => void toggle(r)}
            data-testid={`unit-toggle-${r.unit.code}`}
          >
            {r.unit.enabled ? t('units.disable') : t('units.enable')}
          </Button>
        ),
    },
  ];

  return (
    <TablePage<Row>
      title={t('units.title')}
      sub={flagged > 0 ? t('units.flaggedCount', { count: flagged }) : t('units.intro')}
      subBelow
      onRefresh={reload}
      create={{ label: t('units.import'), onClick: () => setImporting(true), testId: 'import-units' }}
      error={error}
      testId="units-table"
      table={{
        columns,
        dataSource: tree,
        rowKey: (r) => r.unit.id,
        loading: isFetching,
        pagination: false,
        expandable: {
          expandedRowKeys: expanded,
          onExpand: (open, row) =>
            setCollapsed((before) => {
              const next = new Set(before);
              if (open) next.delete(row.unit.id);
              else next.add(row.unit.id);
              return next;
            }),
        },
        rowClassName: (r) => (r.unit.enabled ? '' : 'row-disabled'),
      }}
    >
      <Modal
        open={importing}
        title={
          <>
            <ImportOutlined /> {t('units.import')}
          </>
        }
        okText={t('units.importOk')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void runImport()}
        onCancel={() => setImporting(false)}
      >
        <Typography.Paragraph type="secondary">{t('units.importHelp')}</Typography.Paragraph>
        <Input.TextArea
          rows={10}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          placeholder={
            'parent code,code,name,kind\ndistrict,T05,新城镇,township\nT05,T05-C01,新城社区,community'
          }
          data-testid="units-csv"
        />
        {lineErrors.length > 0 ? (
          <Alert
            type="error"
            style={{ marginTop: 12 }}
            message={t('units.importRefused', { count: lineErrors.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {lineErrors.map((e) => (
                  <li key={e.line}>{t('units.importLine', { line: e.line, message: e.message })}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Modal>
    </TablePage>
  );
}
