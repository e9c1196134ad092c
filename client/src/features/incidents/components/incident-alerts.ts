import { playTones } from '@client/lib/tones';

let lastBeepAt = 0;
const alertedSeqs = new Set<number>();

const BEEP_GAP_MS = 1500;
/** Catch-up after a long disconnect replays old events: they update the board but stay silent. */
const STALE_MS = 15 * 60_000;

/** A new incident chimes; an overdue report sounds harsher. At most one sound every 1.5 s. */
export function beep(urgent: boolean): void {
  const now = Date.now();
  if (now - lastBeepAt < BEEP_GAP_MS) return;
  lastBeepAt = now;
  playTones(urgent ? [988, 740, 988, 740] : [784, 1046], {
    wave: urgent ? 'square' : 'sine',
    step: 0.18,
    volume: 0.25,
  });
}

export type NotifyPermission = NotificationPermission | 'unsupported';

export function notificationPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function requestNotificationPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

export interface IncidentAlert {
  seq: number;
  at: string;
  title: string;
  body: string;
  /** One notification per tag on screen: a second alert for the same thing replaces the first. */
  tag: string;
  urgent: boolean;
  onClick: () => void;
}

/** Sound and a desktop notification, once per event seq, never for stale catch-up events. */
export function raiseAlert(alert: IncidentAlert): void {
  if (alertedSeqs.has(alert.seq)) return;
  alertedSeqs.add(alert.seq);
  if (Date.now() - Date.parse(alert.at) > STALE_MS) return;
  beep(alert.urgent);
  if (notificationPermission() !== 'granted') return;
  try {
    const note = new Notification(alert.title, {
      body: alert.body,
      tag: alert.tag,
      requireInteraction: alert.urgent,
    });
    note.onclick = () => {
      window.focus();
      alert.onClick();
      note.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the sound and board remain.
  }
}
