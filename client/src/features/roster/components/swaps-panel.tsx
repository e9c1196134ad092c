import {
  CheckOutlined,
  CloseOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { LoadError } from '@client/components/load-error';
import { tableCards } from '@client/components/table-cards';
import { useDisplayName } from '@client/hooks/use-display-name';
import { usePhone } from '@client/hooks/use-phone';
import { useLang } from '@client/lib/i18n';
import { formatDay, formatShortInstant } from '@client/lib/time';
import type { Shift } from '@shared/schemas/roster';
import type { Swap } from '@shared/schemas/swaps';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { acceptSwap } from '../api/accept-swap';
import { cancelSwap } from '../api/cancel-swap';
import { swapsQuery } from '../api/list-swaps';
import { rejectSwap } from '../api/reject-swap';
import { useWords } from '../i18n';
import { isPending } from './roster-derive';
import { describeRosterError } from './roster-errors';
import { dutyRoleLabel, swapStatusColor, swapStatusLabel } from './roster-labels';
import { SwapDecideModal } from './swap-decide-modal';

interface Props {
  me: User;
  nameById: Map<number, string>;
  shiftById: Map<number, Shift>;
  onRequest: () => void;
}

/** 换班: requested by the person on the shift, accepted by the counterpart, approved by a leader or admin. */
export function SwapsPanel({ me, nameById, shiftById, onRequest }: Props) {
  const t = useWords();
  const phone = usePhone();
  const person = useDisplayName();
  const lang = useLang();
  const { message } = App.useApp();
  const { data: swaps = [], isFetching, error, refetch } = useQuery(swapsQuery());
  const [filter, setFilter] = useState<'pending' | 'all'>('pending');
  const [deciding, setDeciding] = useState<Swap | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const decider = me.roles.includes('leader') || me.roles.includes('admin');
  const isAdmin = me.roles.includes('admin');

  const name = (id: number) => nameById.get(id) ?? `#${id}`;
  const shiftText = (id: number | null) => {
    if (id === null) return '—';
    const s = shiftById.get(id);
    return s ? `${formatDay(s.dutyDate, lang)} ${t(dutyRoleLabel[s.role])}` : `#${id}`;
  };
  const summary = (swap: Swap) =>
    t('swap.summary', {
      from: name(swap.fromUserId),
      to: name(swap.toUserId),
      shift: shiftText(swap.shiftId),
    }) + (swap.counterShiftId ? t('swap.summaryCounter', { shift: shiftText(swap.counterShiftId) }) : '');

  const forMe = swaps.filter((s) => s.status === 'requested' && s.toUserId === me.id);
  const toDecide = decider
    ? swaps.filter((s) => s.status === 'accepted' && s.fromUserId !== me.id && s.toUserId !== me.id)
    : [];
  const rows = filter === 'pending' ? swaps.filter(isPending) : swaps;

  async function act(swap: Swap, action: () => Promise<unknown>, done: string) {
    setBusy(swap.id);
    try {
      await action();
      message.success(done);
    } catch (caught) {
      message.error(describeRosterError(t, caught));
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<Swap> = [
    { title: t('swap.shift'), key: 'shift', width: 170, render: (_: unknown, s) => shiftText(s.shiftId) },
    { title: t('swap.from'), key: 'from', width: 100, render: (_: unknown, s) => name(s.fromUserId) },
    { title: t('swap.to'), key: 'to', width: 100, render: (_: unknown, s) => name(s.toUserId) },
    {
      title: t('swap.counter'),
      key: 'counter',
      width: 170,
      render: (_: unknown, s) => shiftText(s.counterShiftId),
    },
    { title: t('swap.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('swap.statusCol'),
      dataIndex: 'status',
      width: 100,
      render: (status: Swap['status']) => (
        <Tag color={swapStatusColor[status]}>{t(swapStatusLabel[status])}</Tag>
      ),
    },
    {
      title: t('swap.requestedAt'),
      key: 'at',
      width: 150,
      render: (_: unknown, s) => (
        <span title={person(s.requestedBy)}>{formatShortInstant(s.requestedAt)}</span>
      ),
    },
    {
      title: t('swap.decision'),
      key: 'decision',
      width: 150,
      ellipsis: true,
      render: (_: unknown, s) =>
        s.decidedBy ? (
          <span title={s.decisionNote ?? ''}>
            {person(s.decidedBy)} {formatShortInstant(s.decidedAt)}
          </span>
        ) : null,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, s) => {
        const mine = s.fromUserId === me.id || s.requestedBy === me.username;
        return (
          <Space size={0} wrap>
            {s.status === 'requested' && s.toUserId === me.id && (
              <>
                <Button
                  type="link"
                  size="small"
                  icon={<CheckOutlined />}
                  loading={busy === s.id}
                  onClick={() => act(s, () => acceptSwap(s.id), t('swap.accepted'))}
                  data-testid={`swap-accept-${s.id}`}
                >
                  {t('swap.accept')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<CloseOutlined />}
                  onClick={() => act(s, () => rejectSwap(s.id), t('swap.rejected'))}
                >
                  {t('swap.decline')}
                </Button>
              </>
            )}
            {s.status === 'accepted' && decider && !(s.fromUserId === me.id || s.toUserId === me.id) && (
              <Button
                type="link"
                size="small"
                onClick={() => setDeciding(s)}
                data-testid={`swap-decide-${s.id}`}
              >
                {t('swap.decide')}
              </Button>
            )}
            {s.status === 'requested' && decider && s.toUserId !== me.id && !mine && (
              <Button
                type="link"
                size="small"
                danger
                onClick={() => act(s, () => rejectSwap(s.id), t('swap.rejected'))}
              >
                {t('swap.reject')}
              </Button>
            )}
            {isPending(s) && mine && (
              <Popconfirm
                title={t('swap.cancelConfirm')}
                okText={t('swap.cancel')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(s, () => cancelSwap(s.id), t('swap.cancelled'))}
              >
                <Button type="link" size="small" icon={<RollbackOutlined />}>
                  {t('swap.cancel')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="swaps-panel">
      <div className="roster-toolbar">
        <Space wrap>
          <Segmented
            value={filter}
            onChange={(value) => setFilter(value as 'pending' | 'all')}
            options={[
              { value: 'pending', label: t('swap.filterPending') },
              { value: 'all', label: t('swap.filterAll') },
            ]}
          />
          <Badge count={forMe.length} size="small" offset={[6, -2]}>
            <Typography.Text type={forMe.length ? undefined : 'secondary'}>{t('swap.forMe')}</Typography.Text>
          </Badge>
          {decider && (
            <Badge count={toDecide.length} size="small" offset={[6, -2]}>
              <Typography.Text type={toDecide.length ? undefined : 'secondary'}>
                {t('swap.toDecide')}
              </Typography.Text>
            </Badge>
          )}
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<SwapOutlined />} onClick={onRequest} data-testid="request-swap">
            {t('swap.request')}
          </Button>
        </Space>
      </div>
      <LoadError error={error} describe={describeRosterError} bare style={{ marginBottom: 12 }} />
      <Table<Swap>
        {...tableCards<Swap>(
          {
            rowKey: 'id',
            size: 'small',
            columns,
            dataSource: rows,
            loading: isFetching,
            pagination: { pageSize: 20, hideOnSinglePage: true },
            scroll: { x: 1100 },
            locale: { emptyText: t('swap.none') },
            rowClassName: (s) => (forMe.includes(s) || toDecide.includes(s) ? 'swap-row-action' : ''),
          },
          phone,
        )}
      />
      <SwapDecideModal
        swap={deciding}
        isAdmin={isAdmin}
        nameById={nameById}
        shiftById={shiftById}
        summary={summary}
        onClose={() => setDeciding(null)}
      />
    </div>
  );
}
