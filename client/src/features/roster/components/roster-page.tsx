import { CloudUploadOutlined, ReloadOutlined, ScheduleOutlined } from '@ant-design/icons';
import { LoadError } from '@client/components/load-error';
import { dutySettingsQuery } from '@client/lib/duty-settings';
import { bureauMonth, bureauToday } from '@client/lib/time';
import { addDays, monthRange } from '@shared/domain/duty-day';
import type { RosterView, Shift } from '@shared/schemas/roster';
import type { Swap } from '@shared/schemas/swaps';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { rosterQuery } from '../api/get-roster';
import { swapsQuery } from '../api/list-swaps';
import { rosterUsersQuery } from '../api/list-users';
import { DayDrawer } from './day-drawer';
import { ExportMenu } from './export-menu';
import { GenerateModal } from './generate-modal';
import { MonthNav } from './month-nav';
import { MonthStatus } from './month-status';
import { PeriodsPanel } from './periods-panel';
import { PublishModal } from './publish-modal';
import { RosterCalendar } from './roster-calendar';
import { indexRoster, isPending } from './roster-derive';
import { describeRosterError } from './roster-errors';
import { RosterLegend } from './roster-legend';
import { RosterProblems } from './roster-problems';
import { SwapRequestModal } from './swap-request-modal';
import { SwapsPanel } from './swaps-panel';
import './roster.css';
import { useWords } from '../i18n';

const NO_PROBLEMS: RosterView['check'] = {
  ok: true,
  gaps: [],
  understaffed: [],
  conflicts: [],
  unqualified: [],
};
const NO_USERS: User[] = [];
const NO_SWAPS: Swap[] = [];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type TabKey = 'calendar' | 'periods' | 'swaps';

/** The duty day under way: before the hand-over in the morning it is still yesterday's. */
function currentDutyDay(view: RosterView, fallback: string): string {
  const now = Date.now();
  return view.days.find((d) => Date.parse(d.start) <= now && now < Date.parse(d.end))?.dutyDate ?? fallback;
}

export function RosterPage({ user }: { user: User }) {
  const t = useWords();
  const [params, setParams] = useSearchParams();
  const isAdmin = user.roles.includes('admin');
  const today = bureauToday();
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : bureauMonth();
  const tab = (
    ['calendar', 'periods', 'swaps'].includes(params.get('tab') ?? '') ? params.get('tab') : 'calendar'
  ) as TabKey;
  const { from, to } = monthRange(month);

  const roster = useQuery(rosterQuery(from, to));
  const view = roster.data ?? null;
  const { error } = roster;
  const reload = () => void roster.refetch();
  // Swaps reach from a month back to two months ahead: names and shifts for the swap lists.
  const around = useQuery(rosterQuery(addDays(today, -30), addDays(today, 62))).data ?? null;
  const settings = useQuery(dutySettingsQuery()).data ?? null;
  const users = useQuery(rosterUsersQuery(isAdmin)).data ?? NO_USERS;
  const swaps = useQuery(swapsQuery()).data ?? NO_SWAPS;

  const [openDay, setOpenDay] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [swapModal, setSwapModal] = useState<{ open: boolean; shift: Shift | null }>({
    open: false,
    shift: null,
  });

  // A month nobody is rostered on yet is "not rostered", not thirty days of red gaps.
  const unrostered = view !== null && view.shifts.length === 0;
  const index = useMemo(
    () => (view ? indexRoster(unrostered ? { ...view, check: NO_PROBLEMS } : view, around?.shifts) : null),
    [view, unrostered, around],
  );
  const aroundIndex = useMemo(() => (around ? indexRoster(around, view?.shifts) : null), [around, view]);
  const nameById = useMemo(() => {
    const names = new Map(aroundIndex?.nameById ?? []);
    for (const u of users) names.set(u.id, u.displayName);
    return names;
  }, [aroundIndex, users]);

  const now = Date.now();
  const futureShifts = (around?.shifts ?? []).filter((s) => Date.parse(s.start) > now && !s.checkInAt);
  const ownShifts = isAdmin ? futureShifts : futureShifts.filter((s) => s.userId === user.id);
  const busyShiftIds = new Set(
    swaps.filter(isPending).flatMap((s) => (s.counterShiftId ? [s.shiftId, s.counterShiftId] : [s.shiftId])),
  );
  const pendingForMe = swaps.filter(
    (s) =>
      (s.status === 'requested' && s.toUserId === user.id) ||
      (s.status === 'accepted' &&
        (user.roles.includes('leader') || isAdmin) &&
        s.fromUserId !== user.id &&
        s.toUserId !== user.id),
  ).length;

  function go(next: { month?: string; tab?: TabKey }) {
    const search = new URLSearchParams(params);
    if (next.month) search.set('month', next.month);
    if (next.tab) search.set('tab', next.tab);
    setParams(search, { replace: true });
  }

  const monthRecord = view?.months.find((m) => m.month === month);

  const calendarTab = (
    <>
      <LoadError error={error} describe={describeRosterError} style={{ marginBottom: 12 }} />
      {!view || !index ? (
        <Spin size="large" className="roster-spin" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={18}>
            <RosterCalendar
              view={view}
              index={index}
              today={currentDutyDay(view, today)}
              meId={user.id}
              onOpenDay={setOpenDay}
            />
            <RosterLegend />
          </Col>
          <Col xs={24} xl={6}>
            {unrostered ? (
              <Alert
                type="info"
                showIcon
                title={t('roster.unrostered')}
                description={isAdmin ? t('roster.unrosteredSub') : undefined}
                data-testid="roster-problems"
                data-count={0}
              />
            ) : (
              <RosterProblems view={view} index={index} onOpenDay={setOpenDay} />
            )}
          </Col>
        </Row>
      )}
    </>
  );

  return (
    <Card className="roster-page" styles={{ body: { paddingTop: 12 } }}>
      <div className="roster-toolbar">
        <Space wrap align="center">
          <Typography.Title level={4} className="roster-title">
            <ScheduleOutlined /> {t('roster.title')}
          </Typography.Title>
          <MonthNav month={month} onChange={(m) => go({ month: m })} />
          {view && <MonthStatus month={monthRecord} />}
          {roster.isFetching && view && <Spin size="small" />}
        </Space>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.refresh')} />
          <ExportMenu month={month} from={from} to={to} isAdmin={isAdmin} />
          {isAdmin && (
            <>
              <Button
                icon={<ScheduleOutlined />}
                onClick={() => setGenerating(true)}
                data-testid="generate-roster"
              >
                {t('roster.generate')}
              </Button>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={!view}
                onClick={() => setPublishing(true)}
                data-testid="publish-roster"
              >
                {monthRecord?.status === 'published' ? t('roster.republish') : t('roster.publish')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key as TabKey })}
        items={[
          { key: 'calendar', label: t('roster.tabCalendar'), children: calendarTab },
          {
            key: 'periods',
            label: t('roster.tabPeriods'),
            children: (
              <PeriodsPanel initialYear={Number(month.slice(0, 4))} isAdmin={isAdmin} settings={settings} />
            ),
          },
          {
            key: 'swaps',
            label: (
              <Badge count={pendingForMe} size="small" offset={[8, -2]}>
                <span>{t('roster.tabSwaps')}</span>
              </Badge>
            ),
            children: (
              <SwapsPanel
                me={user}
                nameById={nameById}
                shiftById={aroundIndex?.shiftById ?? new Map()}
                onRequest={() => setSwapModal({ open: true, shift: null })}
              />
            ),
          },
        ]}
      />
      {view && index && (
        <>
          <DayDrawer
            dutyDate={openDay}
            view={view}
            index={index}
            isAdmin={isAdmin}
            meId={user.id}
            settings={settings}
            users={users}
            onClose={() => setOpenDay(null)}
            onRequestSwap={(shift) => setSwapModal({ open: true, shift })}
          />
          <PublishModal
            open={publishing}
            month={month}
            view={view}
            index={index}
            onClose={() => setPublishing(false)}
            onOpenDay={setOpenDay}
          />
        </>
      )}
      <GenerateModal
        open={generating}
        month={month}
        from={from}
        to={to}
        users={users}
        view={view}
        index={index}
        onClose={() => setGenerating(false)}
      />
      <SwapRequestModal
        open={swapModal.open}
        shift={swapModal.shift}
        ownShifts={ownShifts}
        futureShifts={futureShifts}
        users={users}
        busyShiftIds={busyShiftIds}
        onClose={() => setSwapModal({ open: false, shift: null })}
      />
    </Card>
  );
}
