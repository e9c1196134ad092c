import { SwapOutlined } from '@ant-design/icons';
import { hasRole } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Spin, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { pendingHandoversQuery } from '../api/list-pending-handovers';
import { ArchiveTab } from './archive-tab';
import { AwaitingTab } from './awaiting-tab';
import { DraftTab } from './draft-tab';
import { isIncomingOf } from './handover-labels';
import './handover.css';
import { useWords } from '../i18n';

type TabKey = 'draft' | 'awaiting' | 'archive';
const TABS: TabKey[] = ['draft', 'awaiting', 'archive'];

/** 交接班: this shift's handover, those awaiting a signature, and the archive. */
export function HandoverPage({ user }: { user: User }) {
  const t = useWords();
  const [params, setParams] = useSearchParams();
  const pending = useQuery(pendingHandoversQuery());
  const mineToSign = (pending.data ?? []).filter((h) => isIncomingOf(h, user.id)).length;
  const requested = params.get('tab') as TabKey | null;
  // An officer who has a handover to sign opens on it; others on their own shift's draft.
  const fallback: TabKey = mineToSign > 0 ? 'awaiting' : hasRole(user, 'officer') ? 'draft' : 'awaiting';
  const chosen = requested && TABS.includes(requested) ? requested : null;
  const tab = chosen ?? fallback;
  // Without a tab asked for, wait for the list of handovers to sign before choosing one.
  const deciding = !chosen && pending.data === undefined && pending.error === null;

  return (
    <Card className="ho-page" styles={{ body: { paddingTop: 8 } }}>
      <Typography.Title level={4} className="ho-title">
        <SwapOutlined /> {t('handover.title')}
      </Typography.Title>
      {deciding ? (
        <Spin size="large" className="ho-spin" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'draft', label: t('handover.tab.draft'), children: <DraftTab user={user} /> },
            {
              key: 'awaiting',
              label: (
                <span data-testid="tab-awaiting">
                  {t('handover.tab.awaiting')}{' '}
                  <Badge
                    count={pending.data?.length ?? 0}
                    color={mineToSign ? '#cf1322' : '#fa8c16'}
                    size="small"
                  />
                </span>
              ),
              children: <AwaitingTab user={user} pending={pending} />,
            },
            { key: 'archive', label: t('handover.tab.archive'), children: <ArchiveTab /> },
          ]}
        />
      )}
    </Card>
  );
}
