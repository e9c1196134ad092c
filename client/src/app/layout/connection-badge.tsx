import {
  CheckCircleFilled,
  DisconnectOutlined,
  ExclamationCircleFilled,
  SyncOutlined,
} from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import type { LiveStatus } from '@client/lib/live-store';
import { formatInstant, formatTimeOfDay } from '@client/lib/time';
import { useLiveState } from '@client/lib/use-live';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';

const look: Record<LiveStatus, { color: string; icon: ReactNode }> = {
  live: { color: 'success', icon: <CheckCircleFilled /> },
  reconnecting: { color: 'warning', icon: <SyncOutlined spin /> },
  out_of_sync: { color: 'error', icon: <ExclamationCircleFilled /> },
  offline: { color: 'default', icon: <DisconnectOutlined /> },
};

export function ConnectionBadge() {
  const t = useT();
  const { status, lastSeq, lastEventAt } = useLiveState();
  const detail = (
    <div>
      <div>{lastEventAt ? t('live.lastEvent', { time: formatInstant(lastEventAt) }) : t('live.noEvent')}</div>
      {lastSeq !== null && <div>{t('live.lastSeq', { seq: lastSeq })}</div>}
    </div>
  );
  return (
    <Tooltip title={detail}>
      <Tag
        color={look[status].color}
        icon={look[status].icon}
        className="app-live-tag"
        data-testid="live-status"
        data-status={status}
      >
        {t(`live.${status}`)}
        {lastEventAt && <span className="app-live-time">{formatTimeOfDay(lastEventAt)}</span>}
      </Tag>
    </Tooltip>
  );
}
