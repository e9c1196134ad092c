import { ClockCircleOutlined } from '@ant-design/icons';
import { useNow } from '@client/hooks/use-now';
import { bureauZoneName } from '@client/lib/domain-labels';
import { useLang, useT } from '@client/lib/i18n';
import { formatClock, zoneLabel } from '@client/lib/time';
import { Tooltip } from 'antd';

export function BureauClock() {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const { date, time } = formatClock(now, lang);
  const zone = `${bureauZoneName(lang, now)}, ${zoneLabel(now)}`;
  return (
    <Tooltip title={t('header.bureauTime', { zone })}>
      <span className="app-clock" data-testid="bureau-clock">
        <ClockCircleOutlined />
        <span className="app-clock-date">{date}</span>
        <span className="app-clock-time">{time}</span>
      </span>
    </Tooltip>
  );
}
