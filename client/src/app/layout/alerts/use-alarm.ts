import { translate, useLang } from '@client/lib/i18n';
import { playTones, soundState, subscribeSound, unlockSound } from '@client/lib/tones';
import { useEffect, useSyncExternalStore } from 'react';

/** Something that rings until acknowledged: an unanswered spot-check, an overdue report. */
export interface Ring {
  /** What it is acknowledged under; a new key rings again. */
  key: string;
  tone: 'spotcheck' | 'overdue';
  /** What the flashing title bar says. */
  title: string;
}

const TONES = {
  spotcheck: () => playTones([880, 660, 880], { wave: 'square', step: 0.22, volume: 0.2 }),
  overdue: () => playTones([988, 740, 988, 740], { wave: 'square', step: 0.18, volume: 0.25 }),
} as const;

/** How often the tone repeats while an alarm is unacknowledged. */
const REPEAT_MS = 4000;
const FLASH_MS = 1000;

export function useSoundState() {
  return useSyncExternalStore(subscribeSound, soundState);
}

/**
 * Browsers allow sound only after a gesture: the first click, tap or key anywhere on the console
 * unlocks it (the header says whether it is).
 */
export function useUnlockOnGesture(): void {
  useEffect(() => {
    const events = ['pointerdown', 'keydown', 'touchend', 'click'] as const;
    const unlock = () => unlockSound();
    for (const e of events) window.addEventListener(e, unlock, { capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, unlock, { capture: true });
    };
  }, []);
}

/**
 * While any of `rings` is unacknowledged: its tone repeats (a spot-check first) and the title bar
 * alternates between what rings and the console's name. Both stop once all are acknowledged.
 */
export function useAlarm(rings: readonly Ring[]): void {
  const lang = useLang();
  const sound = useSoundState();
  const first = rings.find((r) => r.tone === 'spotcheck') ?? rings[0];
  const tone = first?.tone ?? null;
  const title = first ? (rings.length > 1 ? `${first.title} (${rings.length})` : first.title) : null;

  useEffect(() => {
    if (!tone || sound !== 'on') return;
    TONES[tone]();
    const timer = setInterval(TONES[tone], REPEAT_MS);
    return () => clearInterval(timer);
  }, [tone, sound]);

  useEffect(() => {
    const name = translate(lang, 'app.name');
    if (!title) return;
    let lit = false;
    const flash = () => {
      lit = !lit;
      document.title = lit ? `⚠ ${title}` : name;
    };
    flash();
    const timer = setInterval(flash, FLASH_MS);
    return () => {
      clearInterval(timer);
      document.title = name;
    };
  }, [title, lang]);
}
