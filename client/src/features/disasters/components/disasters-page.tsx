import { TablePage } from '@client/components/table-page';
import { hasRole } from '@client/lib/session';
import { formatMinute } from '@client/lib/time';
import type { DisasterState } from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import type { DisasterSummary } from '@shared/schemas/disasters';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { disastersQuery } from '../api/disasters';
import { useWords } from '../i18n';
import { CreateDisasterModal } from './create-disaster-modal';
import { DueCountdown, formatFigure, StateTag, useDisasterLabels } from './labels';
import './disasters.css';

/** 灾情报送: the disaster processes, their totals and the next deadline of each. */
export function DisastersPage({ user }: { user: User }) {
  const w = useWords();
  const labels = useDisasterLabels();
  const [state, setState] = useState<DisasterState | 'all'>('all');
  const list = useQuery(disastersQuery(state === 'all' ? undefined : state));
  const [creating, setCreating] = useState(false);
  const district = user.unitPath === DISTRICT_PATH;
  const mayCreate = district && (['officer', 'leader', 'admin'] as const).some((r) => hasRole(user, r));
  return (
    <div className="dis-page">
      <TablePage<DisasterSummary>
        title={w('list.title')}
        sub={w('list.sub')}
        subBelow
        tools={
          <Segmented
            value={state}
            onChange={(v) => setState(v as DisasterState | 'all')}
            options={[
              { value: 'all', label: w('list.all') },
              { value: 'developing', label: w('state.developing') },
              { value: 'stable', label: w('state.stable') },
              { value: 'closed', label: w('state.closed') },
            ]}
          />
        }
        onRefresh={() => void list.refetch()}
        create={
          mayCreate
            ? { label: w('list.new'), onClick: () => setCreating(true), testId: 'new-disaster' }
            : undefined
        }
        error={list.error}
        testId="disasters-table"
        table={{
          loading: list.isPending,
          dataSource: list.data ?? [],
          pagination: false,
          scroll: { x: 'max-content' },
          locale: { emptyText: w('list.empty') },
          onRow: (d) => ({ 'data-testid': `disaster-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>,
          columns: [
            {
              key: 'type',
              title: w('col.type'),
              render: (_, d) => (
                <div className="dis-totals">
                  <Tag color="geekblue">{labels.type(d.type)}</Tag>
                  {d.subtype && <Typography.Text type="secondary">{d.subtype}</Typography.Text>}
                </div>
              ),
            },
            {
              key: 'title',
              title: w('col.title'),
              render: (_, d) => (
                <Space size={4} wrap>
                  <Link to={`/disasters/${d.id}`} data-testid={`disaster-link-${d.id}`}>
                    {d.title}
                  </Link>
                  {d.major && <Tag color="red">{w('flag.major')}</Tag>}
                  {d.severe && <Tag color="volcano">{w('flag.severe')}</Tag>}
                </Space>
              ),
            },
            { key: 'began', title: w('col.began'), render: (_, d) => formatMinute(d.beganAt) },
            { key: 'state', title: w('col.state'), render: (_, d) => <StateTag state={d.state} /> },
            {
              key: 'townships',
              title: w('col.townships'),
              render: (_, d) => d.townships.map((u) => u.name).join('、'),
            },
            {
              key: 'totals',
              title: w('col.totals'),
              render: (_, d) => (
                <div className="dis-totals" data-testid={`disaster-totals-${d.id}`}>
                  <span>
                    {w('totals.people', {
                      affected: formatFigure(d.totals.affected),
                      dead: formatFigure(d.totals.dead),
                      missing: formatFigure(d.totals.missing),
                    })}
                  </span>
                  <Typography.Text type="secondary">
                    {w('totals.loss', { loss: formatFigure(d.totals.directLossWanYuan) })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              key: 'next',
              title: w('col.next'),
              render: (_, d) => (
                <div className="dis-next" data-testid={`disaster-next-${d.id}`}>
                  {d.nextDueAt && <span>{formatMinute(d.nextDueAt)}</span>}
                  <Space size={4} wrap>
                    {d.state !== 'closed' && <DueCountdown dueAt={d.nextDueAt} />}
                    {d.overdue > 0 && <Tag color="error">{w('overdue.count', { count: d.overdue })}</Tag>}
                  </Space>
                </div>
              ),
            },
          ],
        }}
      >
        {mayCreate && <CreateDisasterModal open={creating} onClose={() => setCreating(false)} />}
      </TablePage>
    </div>
  );
}
