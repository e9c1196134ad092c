import { ClockCircleOutlined } from '@ant-design/icons';
import { useLang, useT } from '@client/lib/i18n';
import { formatClock, getBureauZone, zoneLabel } from '@client/lib/time';
import { Tooltip } from 'antd';
import { useEffect, useState } from 'react';

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    // Tick on the second boundary so the seconds never visibly stall or skip.
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timer = setTimeout(tick, 1000 - (current % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, []);
  return now;
}

export function BureauClock() {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const { date, time } = formatClock(now, lang);
  const zone = `${getBureauZone()}, ${zoneLabel(now)}`;
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
