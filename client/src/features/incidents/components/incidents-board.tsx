import { PhoneOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { LoadFailed } from '@client/components/load-failed';
import { hasRole } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import { Button, Empty, Input, Segmented, Spin, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { BoardColumn } from './board-column';
import { type BoardColumnKey, byClosedDesc, matchesFilter, openColumns } from './board-filter';
import { IncidentCard } from './incident-card';
import { NotifyButton } from './notify-button';
import { RecordCallDrawer } from './record-call-drawer';
import { useIncidentBoard } from './use-incident-board';
import './incidents.css';
import { type AnyKey, useWords } from '../i18n';

type View = 'open' | 'closed';

const COLUMNS: { key: BoardColumnKey; title: AnyKey; hint: AnyKey }[] = [
  { key: 'detection', title: 'incidents.column.detection', hint: 'incidents.column.detectionHint' },
  { key: 'reporting', title: 'incidents.column.reporting', hint: 'incidents.column.reportingHint' },
  { key: 'handling', title: 'incidents.column.handling', hint: 'incidents.column.handlingHint' },
];

/** 事件看板: every open incident by stage, the next deadline ticking on each card. */
export function IncidentsBoard({ user }: { user: User }) {
  const t = useWords();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>('open');
  const [filter, setFilter] = useState('');
  const { incidents, loading, closedLoading, error, fresh, reload } = useIncidentBoard(view === 'closed');
  const canRecord = hasRole(user, 'officer') || hasRole(user, 'informant');
  const recording = canRecord && params.get('record') === '1';

  function setRecording(open: boolean) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set('record', '1');
        else next.delete('record');
        return next;
      },
      { replace: !open },
    );
  }

  // Thousands of open incidents: grouped and sorted once per change, not on every render.
  const { open, closed, columns } = useMemo(() => {
    const shown = incidents.filter((i) => matchesFilter(i, filter));
    const open = shown.filter((i) => i.stage !== 'closed');
    const closed = shown.filter((i) => i.stage === 'closed').sort(byClosedDesc);
    return { open, closed, columns: openColumns(open) };
  }, [incidents, filter]);
  const overdue = open.filter((i) => i.overdue).length;

  return (
    <div className="inc-board-page" data-testid="incident-board">
      <div className="inc-board-toolbar">
        <Typography.Title level={4} className="inc-board-title">
          {t('incidents.board.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="incident-count">
          {t('incidents.board.count', { open: open.length, overdue })}
        </Typography.Text>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'open', label: t('incidents.board.viewOpen') },
            { value: 'closed', label: t('incidents.board.viewClosed') },
          ]}
          data-testid="board-view"
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('incidents.board.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="inc-board-filter"
          data-testid="incident-filter"
        />
        <span className="inc-board-spacer" />
        <NotifyButton />
        <Tooltip title={t('incidents.board.reload')}>
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('incidents.board.reload')} />
        </Tooltip>
        {canRecord && (
          <Tooltip title={t('incidents.record.shortcut')}>
            <Button
              type="primary"
              danger
              size="large"
              icon={<PhoneOutlined />}
              onClick={() => setRecording(true)}
              data-testid="record-call"
            >
              {t('incidents.record.button')}
            </Button>
          </Tooltip>
        )}
      </div>
      <LoadFailed error={error} className="inc-board-alert" />
      {view === 'open' ? (
        <Spin spinning={loading} wrapperClassName="inc-board-spin">
          <div className="inc-board-columns">
            {COLUMNS.map((column) => (
              <BoardColumn
                key={column.key}
                testId={`column-${column.key}`}
                title={t(column.title)}
                hint={t(column.hint)}
                incidents={columns[column.key]}
                fresh={fresh}
              />
            ))}
          </div>
        </Spin>
      ) : (
        <Spin spinning={closedLoading} wrapperClassName="inc-board-spin">
          <div className="inc-closed-grid" data-testid="column-closed">
            {closed.length === 0 ? (
              <Empty description={t('incidents.board.noClosed')} />
            ) : (
              closed.map((incident) => <IncidentCard key={incident.id} incident={incident} />)
            )}
          </div>
        </Spin>
      )}
      {canRecord && (
        <RecordCallDrawer
          open={recording}
          onClose={() => setRecording(false)}
          onCreated={(incident) => navigate(`/incidents/${incident.id}`, { replace: true })}
        />
      )}
    </div>
  );
}
