import {
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SwapOutlined,
  ThunderboltFilled,
} from '@ant-design/icons';
import { useLang } from '@client/lib/i18n';
import { formatDay, formatLocalWall, formatShortInstant } from '@client/lib/time';
import type { RosterView, Shift } from '@shared/schemas/roster';
import type { DutySettings } from '@shared/schemas/settings';
import type { User } from '@shared/schemas/users';
import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { deleteShift } from '../api/delete-shift';
import { useWords } from '../i18n';
import { AttendanceTag } from './attendance-tag';
import { CheckList } from './check-list';
import { DeleteShiftModal } from './delete-shift-modal';
import type { RosterIndex } from './roster-derive';
import { describeRosterError } from './roster-errors';
import {
  dutyRoleColor,
  dutyRoleLabel,
  periodKindColor,
  periodKindLabel,
  shiftKindLabel,
} from './roster-labels';
import { ShiftModal } from './shift-modal';

interface Props {
  dutyDate: string | null;
  view: RosterView;
  index: RosterIndex;
  isAdmin: boolean;
  meId: number;
  settings: DutySettings | null;
  users: User[];
  onClose: () => void;
  onRequestSwap: (shift: Shift) => void;
}

/** One duty day: who stands it, when, attendance, what the checks found; administrators edit here. */
export function DayDrawer({
  dutyDate,
  view,
  index,
  isAdmin,
  meId,
  settings,
  users,
  onClose,
  onRequestSwap,
}: Props) {
  const t = useWords();
  const lang = useLang();
  const { message } = App.useApp();
  const [modal, setModal] = useState<{ open: boolean; editing: Shift | null }>({
    open: false,
    editing: null,
  });
  const day = view.days.find((d) => d.dutyDate === dutyDate);
  const shifts = dutyDate ? (index.shiftsByDay.get(dutyDate) ?? []) : [];
  const problems = dutyDate ? index.problemsByDay.get(dutyDate) : undefined;
  const periods = dutyDate ? view.periods.filter((p) => p.fromDate <= dutyDate && dutyDate <= p.toDate) : [];
  const now = Date.now();
  const month = dutyDate ? view.months.find((m) => m.month === dutyDate.slice(0, 7)) : undefined;
  const published = month?.status === 'published';
  const [deleting, setDeleting] = useState<Shift | null>(null);

  async function remove(shift: Shift) {
    try {
      await deleteShift(shift.id);
      message.success(t('roster.shiftDeleted', { name: shift.userName }));
    } catch (caught) {
      message.error(describeRosterError(t, caught));
    }
  }

  const columns: TableColumnsType<Shift> = [
    {
      title: t('roster.role'),
      dataIndex: 'role',
      width: 96,
      render: (role: Shift['role']) => <Tag color={dutyRoleColor[role]}>{t(dutyRoleLabel[role])}</Tag>,
    },
    {
      title: t('roster.person'),
      dataIndex: 'userName',
      className: 'dd-nowrap',
      render: (name: string, shift) => (
        <span
          className={
            index.unqualifiedShiftIds.has(shift.id)
              ? 'rc-name-red'
              : index.conflictShiftIds.has(shift.id)
                ? 'rc-name-orange'
                : undefined
          }
        >
          {name}
        </span>
      ),
    },
    { title: t('roster.phone'), dataIndex: 'phone', width: 120 },
    {
      title: t('roster.shiftTime'),
      key: 'time',
      width: 150,
      render: (_: unknown, s) => (
        <span className="dd-time">
          <span>{t(shiftKindLabel[s.kind])}</span>
          <Typography.Text type="secondary">
            {formatLocalWall(s.startLocal)}–{formatLocalWall(s.endLocal).slice(6)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('roster.attendance'),
      key: 'att',
      width: 120,
      render: (_: unknown, s) => <AttendanceTag shift={s} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 104,
      render: (_: unknown, s) => {
        const future = Date.parse(s.start) > now && !s.checkInAt;
        return (
          <Space size={0}>
            {(s.userId === meId || isAdmin) && future && (
              <Tooltip title={t('swap.request')}>
                <Button
                  type="link"
                  size="small"
                  icon={<SwapOutlined />}
                  aria-label={t('swap.request')}
                  onClick={() => onRequestSwap(s)}
                  data-testid={`swap-shift-${s.id}`}
                />
              </Tooltip>
            )}
            {/* A shift begun or checked in to is history: neither edited nor deleted. */}
            {isAdmin && !s.checkInAt && Date.parse(s.start) > now && (
              <>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => setModal({ open: true, editing: s })}
                  data-testid={`edit-shift-${s.id}`}
                />
                {published ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('roster.delete')}
                    onClick={() => setDeleting(s)}
                    data-testid={`delete-shift-${s.id}`}
                  />
                ) : (
                  <Popconfirm
                    title={t('roster.deleteShiftConfirm', { name: s.userName })}
                    okButtonProps={{ danger: true }}
                    okText={t('roster.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(s)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('roster.delete')}
                      data-testid={`delete-shift-${s.id}`}
                    />
                  </Popconfirm>
                )}
              </>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Drawer
      open={dutyDate !== null}
      onClose={onClose}
      size={760}
      title={dutyDate ? t('roster.dayTitle', { day: formatDay(dutyDate, lang) }) : ''}
      extra={
        isAdmin && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ open: true, editing: null })}
            data-testid="add-shift"
          >
            {t('roster.addShift')}
          </Button>
        )
      }
      data-testid="roster-day-drawer"
    >
      {day && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('roster.dutyPeriod')} span={2}>
              {formatShortInstant(day.start)} – {formatShortInstant(day.end)}
            </Descriptions.Item>
            <Descriptions.Item label={t('roster.officersRequired')}>{day.officersRequired}</Descriptions.Item>
            <Descriptions.Item label={t('roster.leadersRequired')}>{day.leadersRequired}</Descriptions.Item>
            {(day.strengthened || periods.length > 0) && (
              <Descriptions.Item label={t('roster.periods')} span={2}>
                <Flex gap={4} wrap>
                  {day.strengthened && (
                    <Tag color="orange" icon={<ThunderboltFilled />}>
                      {t('roster.strengthened')}
                    </Tag>
                  )}
                  {day.reasons.map((r) => (
                    <Tag key={r}>{r}</Tag>
                  ))}
                  {periods
                    .filter((p) => !day.reasons.includes(p.name))
                    .map((p) => (
                      <Tag key={p.id} color={periodKindColor[p.kind]}>
                        {t(periodKindLabel[p.kind])} · {p.name}
                      </Tag>
                    ))}
                </Flex>
              </Descriptions.Item>
            )}
          </Descriptions>
          {problems && (
            <>
              <Divider titlePlacement="start">{t('roster.problemsOfDay')}</Divider>
              <CheckList
                check={{ ok: false, ...problems }}
                nameById={index.nameById}
                shiftById={index.shiftById}
                days={view.days}
              />
            </>
          )}
          <Divider titlePlacement="start">{t('roster.shiftsOfDay')}</Divider>
          {shifts.length === 0 ? (
            <Typography.Text type="secondary">{t('roster.notRostered')}</Typography.Text>
          ) : (
            <Table<Shift> rowKey="id" size="small" pagination={false} columns={columns} dataSource={shifts} />
          )}
        </>
      )}
      {dutyDate && (
        <ShiftModal
          open={modal.open}
          editing={modal.editing}
          dutyDate={dutyDate}
          users={users}
          settings={settings}
          published={published}
          index={index}
          days={view.days}
          onClose={() => setModal((m) => ({ ...m, open: false }))}
        />
      )}
      <DeleteShiftModal shift={deleting} index={index} days={view.days} onClose={() => setDeleting(null)} />
    </Drawer>
  );
}
