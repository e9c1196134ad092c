let audio: AudioContext | null = null;
let lastBeepAt = 0;
const alertedSeqs = new Set<number>();

const BEEP_GAP_MS = 1500;
/** Catch-up after a long disconnect replays old events: they update the board but stay silent. */
const STALE_MS = 15 * 60_000;

/**
 * A short beep from an oscillator: no audio file to fetch or allow in the CSP. Browsers let a page
 * sound only after a user gesture; a console never clicked stays silent and relies on the board.
 */
export function beep(urgent: boolean): void {
  const now = Date.now();
  if (now - lastBeepAt < BEEP_GAP_MS) return;
  lastBeepAt = now;
  try {
    const Ctx =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    audio ??= new Ctx();
    const ctx = audio;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const tones = urgent ? [988, 740, 988, 740] : [784, 1046];
    const start = ctx.currentTime + 0.02;
    for (const [i, freq] of tones.entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = urgent ? 'square' : 'sine';
      osc.frequency.value = freq;
      const at = start + i * 0.18;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.16);
    }
  } catch {
    // Sound is a courtesy; the board is the alert.
  }
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
