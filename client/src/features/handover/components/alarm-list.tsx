import { WarningOutlined } from '@ant-design/icons';
import type { HandoverAlarm } from '@shared/schemas/handover';
import { Empty, Tag } from 'antd';
import { useWords } from '../i18n';
import { alarmLabel } from './handover-labels';

/**
 * 未解除的告警: missed check-ins, unanswered spot-checks, overdue reports, reports stuck on their
 * way upstream. Each line is the record's own (in Chinese, like the printed record).
 */
export function AlarmList({ alarms }: { alarms: HandoverAlarm[] }) {
  const t = useWords();
  if (alarms.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('handover.alarms.none')}
        data-testid="handover-alarms-none"
      />
    );
  }
  return (
    <ul className="ho-alarms" data-testid="handover-alarms" data-count={alarms.length}>
      {alarms.map((a) => (
        <li key={a.ref} className="ho-alarm" data-testid={`alarm-${a.ref}`} data-kind={a.kind}>
          <WarningOutlined className="ho-alarm-icon" />
          <Tag color="red" className="ho-tag">
            {t(alarmLabel[a.kind])}
          </Tag>
          <span>{a.text}</span>
        </li>
      ))}
    </ul>
  );
}
