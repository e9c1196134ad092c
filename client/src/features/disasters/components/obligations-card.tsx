import { formatShortInstant } from '@client/lib/time';
import type { Disaster, DisasterObligation } from '@shared/schemas/disasters';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { type DisasterWordKey, useWords } from '../i18n';
import { DueCountdown } from './labels';

function order(a: DisasterObligation, b: DisasterObligation): number {
  const open = Number(a.doneAt !== null) - Number(b.doneAt !== null);
  if (open !== 0) return open;
  return Date.parse(a.dueAt) - Date.parse(b.dueAt);
}

/** 报送时限: each obligation with its countdown; open ones first, late in red, done on time or late. */
export function ObligationsCard({ disaster }: { disaster: Disaster }) {
  const w = useWords();
  const names = new Map(disaster.townships.map((t) => [t.unitId, t.name]));
  const list = [...disaster.obligations].sort(order);
  return (
    <Card size="small" title={w('ob.title')} className="dis-card" data-testid="obligations-card">
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w('ob.empty')} />
      ) : (
        <ul className="dis-list">
          {list.map((o) => {
            const late = o.doneAt ? o.onTime === false : o.overdue || Date.parse(o.dueAt) < Date.now();
            return (
              <li
                key={o.key}
                className={late && !o.doneAt ? 'dis-late' : undefined}
                data-testid={`obligation-${o.key}`}
                data-kind={o.kind}
                data-done={o.doneAt ? 'yes' : 'no'}
              >
                <Space size={4} wrap>
                  <Typography.Text strong>
                    {w(`ob.kind.${o.kind}` as DisasterWordKey)}
                    {o.recipient ? ` · ${w(`ob.to.${o.recipient}` as DisasterWordKey)}` : ''}
                  </Typography.Text>
                  <Tag>{o.unitId === null ? w('ob.district') : (names.get(o.unitId) ?? `#${o.unitId}`)}</Tag>
                  <Typography.Text type={late && !o.doneAt ? 'danger' : 'secondary'}>
                    {w('ob.due', { time: o.dueLocal })}
                  </Typography.Text>
                  {o.doneAt ? (
                    <>
                      <Tag color={o.onTime ? 'success' : 'error'}>
                        {w(o.onTime ? 'ob.onTime' : 'ob.late')}
                      </Tag>
                      <Typography.Text type="secondary">
                        {w('ob.doneAt', { time: formatShortInstant(o.doneAt) })}
                      </Typography.Text>
                    </>
                  ) : (
                    <DueCountdown dueAt={o.dueAt} />
                  )}
                </Space>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
