import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import { playTones, unlockSound } from '@client/lib/tones';
import { Button, Tooltip } from 'antd';
import { useSoundState } from './use-alarm';

/**
 * 声音: whether the console can sound, in the header. After a reload the browser blocks sound
 * until a gesture; this says so and is the obvious thing to click (any click or key also does).
 */
export function SoundControl() {
  const t = useT();
  const state = useSoundState();
  if (state === 'unsupported') {
    return (
      <span className="sound-control" data-testid="sound-state" data-state={state}>
        <MutedOutlined /> {t('alerts.sound.unsupported')}
      </span>
    );
  }
  const on = state === 'on';
  return (
    <Tooltip title={t(on ? 'alerts.sound.onHint' : 'alerts.sound.blockedHint')}>
      <Button
        size="small"
        type={on ? 'text' : 'primary'}
        className={`sound-control app-header-button sound-control-${state}`}
        icon={on ? <SoundOutlined /> : <MutedOutlined />}
        onClick={() => {
          // The click itself already unlocked the sound (use-alarm: any gesture); this is the sample.
          unlockSound();
          playTones([660, 880], { wave: 'sine', step: 0.15, volume: 0.2 });
        }}
        data-testid="sound-state"
        data-state={state}
        aria-label={t(on ? 'alerts.sound.on' : 'alerts.sound.blocked')}
      >
        <span className="sound-control-label">{t(on ? 'alerts.sound.on' : 'alerts.sound.blocked')}</span>
      </Button>
    </Tooltip>
  );
}
