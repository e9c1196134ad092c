import { BellOutlined, CheckOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useWords } from '../i18n';
import {
  beep,
  type NotifyPermission,
  notificationPermission,
  requestNotificationPermission,
} from './incident-alerts';

/** 开启通知: asks the browser once; the click also unlocks the sound, which needs a gesture. */
export function NotifyButton() {
  const t = useWords();
  const [permission, setPermission] = useState<NotifyPermission | null>(null);
  // Asking the browser can take tens of milliseconds: not before the board's first cards are up.
  useEffect(() => {
    const timer = setTimeout(() => setPermission(notificationPermission()), 0);
    return () => clearTimeout(timer);
  }, []);

  if (permission === null) return null;

  if (permission === 'granted') {
    return (
      <Tag icon={<CheckOutlined />} color="success" data-testid="notifications-on">
        {t('incidents.notify.on')}
      </Tag>
    );
  }
  if (permission === 'denied' || permission === 'unsupported') {
    return (
      <Tooltip
        title={t(
          permission === 'denied' ? 'incidents.notify.deniedHint' : 'incidents.notify.unsupportedHint',
        )}
      >
        <Tag icon={<StopOutlined />} data-testid="notifications-off">
          {t('incidents.notify.off')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Button
      icon={<BellOutlined />}
      onClick={async () => {
        beep(false);
        setPermission(await requestNotificationPermission());
      }}
      data-testid="enable-notifications"
    >
      {t('incidents.notify.enable')}
    </Button>
  );
}
